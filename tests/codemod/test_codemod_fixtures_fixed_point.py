"""Every bundled v1 program (``fixtures/v1``, ``fixtures/v1/rules``) migrates to
text that Python parses, and a second run of the codemod changes nothing (the
output is a fixed point: no rule needs a second pass)."""
import ast
import pathlib

import pytest

from codemod import FIX, migrate_source

ROOT = pathlib.Path(__file__).resolve().parents[2]
PROGRAMS = sorted((ROOT / "fixtures" / "v1").rglob("*.py"))


def test_the_fixture_programs_are_found():
    names = {p.relative_to(ROOT / "fixtures" / "v1").as_posix() for p in PROGRAMS}
    assert {"rnnlm_seed.py", "rnnlm_kwargs.py", "rules/ch302_positional_calls.py"} <= names


@pytest.mark.parametrize("path", PROGRAMS,
                         ids=[p.relative_to(ROOT / "fixtures" / "v1").as_posix() for p in PROGRAMS])
def test_migrated_program_parses_and_is_a_fixed_point(path):
    source = path.read_bytes().decode("utf-8")
    once, _ = migrate_source(source, path=path.name)
    ast.parse(once, filename=path.name)
    twice, findings = migrate_source(once, path=path.name)
    assert twice == once
    assert [f.format() for f in findings if f.kind == FIX] == []
