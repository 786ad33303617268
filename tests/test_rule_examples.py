"""Every rule's examples run: ``before`` under the shim equals ``after`` on stock Chainer.

For each ``chainer_rules`` Example that names values to ``compare``, the v1
``before`` source runs with ``chainer_compat`` installed, the v2 ``after`` source
(or ``before`` itself when the codemod leaves it unchanged) runs with the shim
uninstalled, both after ``numpy.random.seed(0)``; the named values must be
bitwise equal.
"""
import numpy
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer_compat
from chainer_rules import RULES

CASES = [
    pytest.param(example, id="%s-%d" % (code, i))
    for code, rule in RULES.items()
    for i, example in enumerate(rule.examples)
    if example.compare
]


def execute(source, setup):
    namespace = {"__name__": "rule_example"}
    numpy.random.seed(0)
    exec(compile(setup + source, "<example>", "exec"), namespace)
    return namespace


def value(obj):
    if isinstance(obj, chainer.Variable):
        return obj.array
    return obj


@pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")
@pytest.mark.parametrize("example", CASES)
def test_before_under_shim_equals_after_on_stock(example):
    v1 = execute(example.before, example.setup)
    chainer_compat.uninstall()
    try:
        v2 = execute(example.after if example.after is not None else example.before, example.setup)
    finally:
        chainer_compat.install()
    for name in example.compare:
        assert_array_equal(value(v1[name]), value(v2[name]), err_msg=name)


def test_every_rule_has_examples():
    for rule in RULES.values():
        assert rule.examples, rule.code
