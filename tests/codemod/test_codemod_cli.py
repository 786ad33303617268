"""The ``chainer-migrate`` command line: modes, exit codes, file handling."""
import io
import os
import subprocess
import sys
import pathlib

import pytest

from codemod import cli, engine

ROOT = pathlib.Path(__file__).resolve().parents[2]
V1 = "import chainer\nimport chainer.functions as F\ny = F.dropout(x, train=False)\n"
V2 = "import chainer\nimport chainer.functions as F\n" \
     "with chainer.using_config('train', False):\n    y = F.dropout(x)\n"
CLEAN = "import chainer\ny = chainer.functions.relu(x)\n"


@pytest.fixture
def tree(tmp_path):
    src = tmp_path / "src"
    (src / "pkg").mkdir(parents=True)
    (src / "a.py").write_text(V1)
    (src / "pkg" / "b.py").write_text(CLEAN)
    (src / "pkg" / "plain.py").write_text("x = 1\n")
    (src / "pkg" / "data.txt").write_text("not python, train=False\n")
    return src


def run(argv, capsys):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_rewrites_in_place(tree, capsys):
    code, out, _ = run([tree], capsys)
    assert code == 0
    assert (tree / "a.py").read_text() == V2
    assert (tree / "pkg" / "b.py").read_text() == CLEAN
    assert "a.py:3:18: CH101 train-argument: removed `train=False`" in out
    assert "3 file(s) scanned, 1 changed, 1 unchanged, 1 skipped" in out
    assert "1 fix(es), 0 review item(s)" in out
    code, out, _ = run([tree], capsys)   # second run: nothing to do
    assert code == 0 and (tree / "a.py").read_text() == V2 and "0 changed" in out


def test_diff_writes_nothing(tree, capsys):
    code, out, err = run(["--diff", tree], capsys)
    assert code == 0
    assert (tree / "a.py").read_text() == V1
    assert out.startswith("--- %s\n+++ %s\n" % (tree / "a.py", tree / "a.py"))
    assert "-y = F.dropout(x, train=False)\n+with chainer.using_config('train', False):\n" in out
    assert "CH101" in err and "CH101" not in out.split("@@")[0]


def test_check_exit_codes(tree, capsys):
    code, _, _ = run(["--check", tree], capsys)
    assert code == 1
    assert (tree / "a.py").read_text() == V1
    code, _, _ = run(["--check", tree / "pkg"], capsys)
    assert code == 0


def test_output_dir_copies_the_whole_tree(tree, tmp_path, capsys):
    out_dir = tmp_path / "out"
    code, _, _ = run(["--output-dir", out_dir, tree], capsys)
    assert code == 0
    assert (tree / "a.py").read_text() == V1
    assert (out_dir / "a.py").read_text() == V2
    assert (out_dir / "pkg" / "b.py").read_text() == CLEAN
    assert (out_dir / "pkg" / "plain.py").read_text() == "x = 1\n"
    assert (out_dir / "pkg" / "data.txt").read_text() == "not python, train=False\n"


def test_output_dir_with_several_paths(tree, tmp_path, capsys):
    out_dir = tmp_path / "out"
    code, _, _ = run(["--output-dir", out_dir, tree / "pkg", tree / "a.py"], capsys)
    assert code == 0
    assert (out_dir / "a.py").read_text() == V2
    assert (out_dir / "pkg" / "b.py").read_text() == CLEAN


def test_unparsable_file_is_skipped_and_others_processed(tree, capsys):
    bad = tree / "pkg" / "old.py"
    bad.write_text("import chainer\n\nprint 'python 2'\n")
    code, out, err = run([tree], capsys)
    assert code == 2
    assert "%s:3:1: error: cannot parse as Python 3" % bad in err
    assert bad.read_text() == "import chainer\n\nprint 'python 2'\n"
    assert (tree / "a.py").read_text() == V2
    assert "1 error(s)" in out


def test_missing_path_is_an_error(tree, capsys):
    code, _, err = run([tree / "nope.py", tree / "a.py"], capsys)
    assert code == 2
    assert "nope.py: error: no such file or folder" in err
    assert (tree / "a.py").read_text() == V2


def test_nothing_is_half_written(tree, capsys, monkeypatch):
    def broken_replace(src, dst):
        raise OSError("disk full")
    monkeypatch.setattr(engine.os, "replace", broken_replace)
    code, _, err = run([tree / "a.py"], capsys)
    assert code == 2 and "a.py: error: not written: disk full" in err
    assert (tree / "a.py").read_text() == V1
    assert sorted(os.listdir(tree)) == ["a.py", "pkg"]   # no temporary file left


def test_unparsable_output_is_never_written(tree, capsys, monkeypatch):
    real_parse = engine.cst.parse_module
    calls = []

    def parse_once(source, *args, **kwargs):
        calls.append(source)
        if len(calls) == 2:   # the re-parse of the migrated text
            raise engine.cst.ParserSyntaxError("simulated", lines=[""], raw_line=1, raw_column=0)
        return real_parse(source, *args, **kwargs)
    monkeypatch.setattr(engine.cst, "parse_module", parse_once)
    code, _, err = run([tree / "a.py"], capsys)
    assert code == 2 and "internal error: the migrated text does not parse" in err
    assert len(calls) == 2
    assert (tree / "a.py").read_text() == V1


def test_encoding_and_newlines_are_kept(tmp_path, capsys):
    crlf = tmp_path / "crlf.py"
    crlf.write_bytes(V1.replace("\n", "\r\n").encode())
    latin = tmp_path / "latin.py"
    latin.write_bytes(("# -*- coding: latin-1 -*-\n# caf\xe9\n" + V1).encode("latin-1"))
    code, _, _ = run([crlf, latin], capsys)
    assert code == 0
    assert crlf.read_bytes() == V2.replace("\n", "\r\n").encode()
    assert latin.read_bytes() == ("# -*- coding: latin-1 -*-\n# caf\xe9\n" + V2).encode("latin-1")


def test_select_ignore_and_quiet(tree, capsys):
    code, out, _ = run(["--select", "CH104", tree], capsys)
    assert code == 0 and (tree / "a.py").read_text() == V1
    code, out, _ = run(["--ignore", "CH101,CH103", "-q", tree], capsys)
    assert code == 0 and out == "" and (tree / "a.py").read_text() == V1
    code, _, err = run(["--select", "CH777", tree], capsys)
    assert code == 2 and "unknown rule code" in err


def test_empty_select_is_an_error(tree, capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["--select", "", str(tree)])
    assert exc.value.code == 2 and "at least one rule code" in capsys.readouterr().err
    assert (tree / "a.py").read_text() == V1


def test_explain(capsys):
    code, out, _ = run(["--explain", "ch101"], capsys)
    assert code == 0
    assert out.startswith("CH101 train-argument\n")
    assert "before:\n    y = F.dropout(x, train=False)\n" in out
    code, _, err = run(["--explain", "CH000"], capsys)
    assert code == 2 and "unknown rule code" in err


def test_no_path_is_an_error(capsys):
    code, _, err = run([], capsys)
    assert code == 2 and "no PATH" in err


def _python(*args):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env,
                          cwd=str(ROOT))


def test_list_rules_imports_neither_chainer_nor_libcst():
    proc = _python("-c", "import sys\nfrom codemod import cli\ncode = cli.main(['--list-rules'])\n"
                   "assert code == 0\n"
                   "print(sorted(m for m in sys.modules\n"
                   "             if m.split('.')[0] in ('chainer', 'libcst')))")
    assert proc.returncode == 0, proc.stderr
    from chainer_rules import RULES
    lines = proc.stdout.splitlines()
    assert lines[-1] == "[]"
    assert [line.split()[0] for line in lines[:-1]] == list(RULES)


def test_help_runs_as_a_module():
    proc = _python("-m", "codemod.cli", "--help")
    assert proc.returncode == 0
    for option in ("--diff", "--check", "--output-dir", "--select", "--ignore", "--list-rules",
                   "--explain", "-q"):
        assert option in proc.stdout


def test_reader_closing_the_pipe_ends_quietly(monkeypatch):
    class ClosedPipe(io.StringIO):
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert cli.main(["--list-rules"]) == 1
