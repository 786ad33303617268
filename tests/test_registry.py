"""The rule registry is the one source of truth for codes, names and docs."""
import pathlib
import re
import subprocess
import sys

from chainer_rules import RULES, SAFETY_LEVELS, get

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_codes_names_and_safety():
    names = set()
    for code, rule in RULES.items():
        assert re.fullmatch(r"CH[1-9]\d\d", code) and rule.code == code
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name
        assert rule.name not in names
        names.add(rule.name)
        assert rule.safety in SAFETY_LEVELS
        assert rule.title and rule.fix and rule.since and rule.upgrade


def test_get_unknown_code_is_a_clear_error():
    assert get("ch101") is RULES["CH101"]
    try:
        get("CH999")
    except KeyError as exc:
        assert "CH999" in str(exc) and "CH101" in str(exc)
    else:
        raise AssertionError("CH999 must be unknown")


def test_registry_imports_neither_chainer_nor_libcst():
    code = "import sys, chainer_rules; print(sorted(m for m in ('chainer', 'libcst') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=str(ROOT), capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_readme_rule_table_is_current():
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "rules_table.py")],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() in (ROOT / "README.md").read_text(), \
        "README rule table is stale: run python tools/rules_table.py --write README.md"
