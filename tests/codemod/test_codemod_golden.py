"""The bundled v1 programs become their golden v2 files byte for byte."""
import pathlib

import pytest

from codemod import migrate_source
from codemod.engine import migrate_file

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ["rnnlm_seed.py", "rnnlm_kwargs.py"]


def _read(path):
    return path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("name", FIXTURES)
def test_golden(name):
    new, _ = migrate_source(_read(ROOT / "fixtures" / "v1" / name), path=name)
    assert new == _read(ROOT / "fixtures" / "expected" / name)


@pytest.mark.parametrize("name", FIXTURES)
def test_golden_bytes_through_the_file_path(name):
    result, _, new = migrate_file(str(ROOT / "fixtures" / "v1" / name))
    assert result.status == "changed"
    assert new == (ROOT / "fixtures" / "expected" / name).read_bytes()


@pytest.mark.parametrize("name", FIXTURES)
def test_golden_output_is_a_fixed_point(name):
    expected = _read(ROOT / "fixtures" / "expected" / name)
    new, findings = migrate_source(expected)
    assert new == expected
    assert [f.code for f in findings if f.kind == "fix"] == []


def test_seed_findings():
    _, findings = migrate_source(_read(ROOT / "fixtures" / "v1" / "rnnlm_seed.py"), "seed.py")
    by_code = {f.code: f for f in findings}
    assert by_code["CH103"].kind == "fix"
    ch211 = by_code["CH211"]
    assert ch211.kind == "review" and ch211.silent
    assert ch211.format().startswith("seed.py:30:22: CH211 param-iteration-order: silent: ")
    assert "sorted by name" in ch211.message and "namedparams" in ch211.message


def test_kwargs_findings():
    _, findings = migrate_source(_read(ROOT / "fixtures" / "v1" / "rnnlm_kwargs.py"))
    codes = sorted(f.code for f in findings if f.kind == "fix")
    assert codes == ["CH103", "CH103", "CH104", "CH104", "CH201", "CH205", "CH205", "CH408"]
    assert [f.code for f in findings if f.kind == "review"] == ["CH211"]
