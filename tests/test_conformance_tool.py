"""tools/conformance/run_v7_suite.py compare: per-directory counts and new failures."""
import subprocess
import sys
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
TOOL = ROOT / "tools" / "conformance" / "run_v7_suite.py"

BASE = """<testsuites><testsuite>
<testcase classname="tests.chainer_tests.functions_tests.test_a.T" name="t1"/>
<testcase classname="tests.chainer_tests.functions_tests.test_a.T" name="t2"><failure/></testcase>
<testcase classname="tests.chainer_tests.test_variable.T" name="t3"><skipped/></testcase>
</testsuite></testsuites>"""
OTHER = BASE.replace('name="t1"/>', 'name="t1"><error/></testcase>')


def test_compare_counts_and_lists_new_failures(tmp_path):
    (tmp_path / "base.xml").write_text(BASE)
    (tmp_path / "other.xml").write_text(OTHER)
    out = subprocess.run([sys.executable, str(TOOL), "compare", str(tmp_path / "base.xml"),
                          str(tmp_path / "other.xml")], capture_output=True, text=True, check=True).stdout
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if "|" in line}
    assert rows["functions_tests"] == ["1", "1", "0", "|", "0", "2", "0"]
    assert rows["test_variable"] == ["0", "0", "1", "|", "0", "0", "1"]
    assert "failing only in" in out and out.rstrip().endswith("functions_tests.test_a.T::t1 (base: passed)")


def test_run_rejects_a_folder_without_chainer_tests(tmp_path):
    proc = subprocess.run([sys.executable, str(TOOL), "run", "--source", str(tmp_path), "--mode", "full",
                           "--junit", str(tmp_path / "o.xml")], capture_output=True, text=True)
    assert proc.returncode == 2 and "check out chainer/chainer at v7.8.1" in proc.stderr
