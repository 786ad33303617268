"""The codemod's v2 form of every per-rule program, on stock Chainer 7.8.1, against real Chainer 1.24.

``fixtures/v1/rules/*.py`` (v1 programs, see ``tests/test_rule_goldens.py``)
are migrated with ``chainer-migrate --output-dir``; each migrated program runs
in a fresh interpreter with the v1 shim uninstalled (stock 7.8.1 behind the
runtime layer) and must return what real Chainer 1.24 returned (the goldens in
``fixtures/oracle/rules/``), bitwise or within the program's ``TOLERANCE``.

A program whose v1 behaviour the codemod cannot write in v2 form declares
``MIGRATION = "review: <reason>"``; for it the codemod must report a review
item with the program's rule code instead, and the migrated program is not run.
"""
import json
import os
import pathlib
import subprocess
import sys

import numpy
import pytest

from codemod import migrate_paths

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import rule_program  # noqa: E402

sys.path.pop(0)
sys.path.insert(0, str(ROOT / "tests"))
from test_rule_goldens import PROGRAMS, compare, golden  # noqa: E402

sys.path.pop(0)

RUNNER = """
import json, sys, traceback
import chainer_compat
chainer_compat.uninstall()
sys.path.insert(0, sys.argv[1])
import rule_program
errors = {}
for path, out in zip(sys.argv[2::2], sys.argv[3::2]):
    try:
        rule_program.main([path, out])
    except BaseException:
        errors[path] = traceback.format_exc(limit=3)
print(json.dumps(errors))
"""


def declared_review(program):
    """The program's ``MIGRATION`` text when it starts with ``review:``, else ``None``."""
    text = getattr(rule_program.load(str(program)), "MIGRATION", "")
    return text if text.startswith("review:") else None


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """``(report, {stem: results or error text})`` of the migrated programs run on stock 7.8.1."""
    out = tmp_path_factory.mktemp("migrated")
    report = migrate_paths([str(ROOT / "fixtures" / "v1" / "rules")], output_dir=str(out))
    assert not report.errors and not any(r.error for r in report.files)
    runnable = [p for p in PROGRAMS if declared_review(p) is None]
    args = []
    for program in runnable:
        args += [str(out / program.name), str(out / (program.stem + ".npz"))]
    env = dict(os.environ, PYTHONPATH=str(ROOT), CHAINER_COMPAT_WARNINGS="ignore")
    proc = subprocess.run([sys.executable, "-c", RUNNER, str(ROOT / "tools")] + args, cwd=str(out),
                          capture_output=True, text=True, env=env, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    errors = json.loads(proc.stdout.strip().splitlines()[-1])
    results = {}
    for program in runnable:
        path = str(out / program.name)
        if path in errors:
            results[program.stem] = errors[path]
        else:
            with numpy.load(str(out / (program.stem + ".npz"))) as npz:
                results[program.stem] = {k: npz[k] for k in npz.files}
    return report, results


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_migrated_program_matches_chainer_124(program, migrated):
    report, results = migrated
    reason = declared_review(program)
    code = program.stem[:5].upper()
    if reason is not None:
        findings = [f for r in report.files if pathlib.Path(r.path).name == program.name for f in r.findings]
        assert any(f.code == code and f.kind == "review" for f in findings), \
            "%s declares %r but the codemod reports no %s review item" % (program.stem, reason, code)
        return
    got = results[program.stem]
    assert isinstance(got, dict), "migrated %s failed on stock 7.8.1:\n%s" % (program.stem, got)
    tolerance = getattr(rule_program.load(str(program)), "TOLERANCE", {})
    compare(got, golden(program.stem), tolerance, program.stem + " (migrated, stock 7.8.1)")
