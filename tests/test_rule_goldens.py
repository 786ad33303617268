"""Per-rule v1 programs under the shim against real Chainer 1.24.

``fixtures/v1/rules/chNNN_<name>.py`` are v1 programs written by this project,
one or more per code the shim restores. ``fixtures/oracle/rules/<stem>.npz``
holds what each returned under real Chainer 1.24.0 (``tools/oracle.py
--record-rules``). Here each runs under ``chainer_compat`` on Chainer 7.8.1 and
must return the same arrays, bitwise, unless the program declares
``TOLERANCE = {name: (rtol, atol, reason)}`` for a value (the reason says why
the arithmetic differs between the versions). The oracle-marked test re-runs
every program under real 1.24 and checks the stored goldens are current.

The goldens come from Chainer 1.24 on NumPy 1.26 (1.24 does not run on NumPy 2).
On a NumPy >= 2 stack float results are compared with ``NUMPY2_RTOL`` instead of
bitwise (relative to each value, and to the array's largest magnitude for
values near zero after cancellation): NumPy 2's float32 loops (SIMD ``exp``/``log``/``tanh``, reductions)
round some results differently from NumPy 1.26's, by a few ulps, in Chainer
7.8.1 as much as in 1.24 (another backend, in this project's terms). Integer,
boolean and string results stay exact. On the NumPy 1.26 stack everything is
bitwise (or the program's own ``TOLERANCE``).
"""
import os
import pathlib
import subprocess
import sys
import warnings

import numpy
import pytest
from numpy.testing import assert_allclose, assert_array_equal

import chainer
import chainer_compat

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import rule_program  # noqa: E402

sys.path.pop(0)

PROGRAMS = sorted((ROOT / "fixtures" / "v1" / "rules").glob("ch*.py"))
GOLDEN = ROOT / "fixtures" / "oracle" / "rules"


def golden(stem):
    with numpy.load(str(GOLDEN / (stem + ".npz"))) as npz:
        return {k: npz[k] for k in npz.files}


#: Relative tolerance for float results on NumPy >= 2 (see the module docstring).
NUMPY2_RTOL = 1e-5
NUMPY2 = int(numpy.__version__.split(".")[0]) >= 2


def compare(got, want, tolerance, where):
    assert sorted(got) == sorted(want), where
    for name in want:
        assert got[name].dtype == want[name].dtype, "%s %s: dtype" % (where, name)
        assert got[name].shape == want[name].shape, "%s %s: shape" % (where, name)
        if NUMPY2 and want[name].dtype.kind in "fc" and name not in tolerance:
            scale = float(numpy.max(numpy.abs(want[name]))) if want[name].size else 0.0
            assert_allclose(got[name], want[name], rtol=NUMPY2_RTOL, atol=NUMPY2_RTOL * scale,
                            err_msg="%s %s (NumPy 2 float32 loops vs NumPy 1.26)" % (where, name))
        elif name in tolerance:
            rtol, atol, reason = tolerance[name]
            assert reason, "a tolerance needs its reason"
            assert_allclose(got[name], want[name], rtol=rtol, atol=atol, err_msg="%s %s" % (where, name))
        else:
            assert_array_equal(got[name], want[name], err_msg="%s %s" % (where, name))


@pytest.fixture
def clean_config():
    saved = dict(chainer.config.__dict__)
    yield
    chainer.config.__dict__.clear()
    chainer.config.__dict__.update(saved)


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.stem for p in PROGRAMS])
def test_shim_matches_chainer_124(program, clean_config):
    assert (GOLDEN / (program.stem + ".npz")).exists(), \
        "no golden: run python tools/oracle.py --record-rules %s" % program.stem
    module = rule_program.load(str(program))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", chainer_compat.ChainerV1Warning)
        got = rule_program.results(module)
    compare(got, golden(program.stem), getattr(module, "TOLERANCE", {}), program.stem)


def test_every_shim_code_has_a_program():
    have = {p.stem[:5].upper() for p in PROGRAMS}
    missing = sorted(set(chainer_compat.CODES) - have)
    assert not missing, "codes the shim restores without a per-rule program: %s" % missing


def test_every_golden_has_a_program():
    stems = {p.stem for p in PROGRAMS}
    assert {p.stem for p in GOLDEN.glob("*.npz")} <= stems


@pytest.mark.oracle
def test_goldens_are_what_chainer_124_computes(v1_python, tmp_path):
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    for program in PROGRAMS:
        out = tmp_path / (program.stem + ".npz")
        proc = subprocess.run([v1_python, str(ROOT / "tools" / "rule_program.py"), str(program), str(out)],
                              capture_output=True, text=True, env=env)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        with numpy.load(str(out)) as npz:
            live = {k: npz[k] for k in npz.files}
        compare(live, golden(program.stem), {}, program.stem + " (live 1.24)")
