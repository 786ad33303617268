"""Shared by the codemod's semantics tests: migrate a v1 case, run both programs.

``check(source, names)`` migrates ``HEAD + source`` and asserts that the v1
source under the shim and the migrated source on stock Chainer 7.8.1
(``chainer_compat.uninstall()``) give bitwise equal values for ``names``.
"""
import textwrap
import warnings

import numpy
from numpy.testing import assert_array_equal

import chainer
import chainer_compat
from codemod import migrate_source

HEAD = """\
import numpy as np
import chainer
import chainer.functions as F
import chainer.links as L
from chainer import optimizers
"""


def migrate(source):
    return migrate_source(HEAD + textwrap.dedent(source))


#: The imports before the bodies of ``migrate_body``.
IMPORTS = "import chainer\nimport chainer.functions as F\nimport chainer.links as L\n"


def migrate_body(body, **kwargs):
    """Migrate ``IMPORTS + body``; returns the new body (imports must be unchanged) and the findings."""
    new, findings = migrate_source(IMPORTS + body, **kwargs)
    assert new.startswith(IMPORTS)
    return new[len(IMPORTS):], findings


def kinds(findings):
    return [(f.code, f.kind) for f in findings]


def reviews(findings, code=None):
    return [f for f in findings if f.kind == "review" and (code is None or f.code == code)]


def fixes(findings, code=None):
    return [f for f in findings if f.kind == "fix" and (code is None or f.code == code)]


def execute(source):
    namespace = {"__name__": "codemod_case"}
    numpy.random.seed(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", chainer_compat.ChainerV1Warning)
        exec(compile(source, "<case>", "exec"), namespace)
    return namespace


def value(obj):
    return obj.array if isinstance(obj, chainer.Variable) else numpy.asarray(obj)


def assert_parity(v1, v2, names):
    """``v1`` under the shim and ``v2`` on stock Chainer agree bitwise on ``names``."""
    old = execute(v1)
    chainer_compat.uninstall()
    try:
        new = execute(v2)
    finally:
        chainer_compat.install()
    for name in names:
        assert_array_equal(value(old[name]), value(new[name]), err_msg=name)


def check(source, names):
    """Migrate ``source`` and compare the two programs; returns ``(new, findings)``."""
    new, findings = migrate(source)
    assert_parity(HEAD + textwrap.dedent(source), new, names)
    return new, findings
