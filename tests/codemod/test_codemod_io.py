"""``chainer-migrate`` file handling: symlinks, output-tree layout and clashes,
the output folder inside the input, counts after failed writes, the progress
bar; comments of removed arguments and parameters; the import shortcut."""
import io
import os
import pathlib
import textwrap

import pytest

from codemod import cli, engine, migrate_source

ROOT = pathlib.Path(__file__).resolve().parents[2]
V1 = "import chainer\nimport chainer.functions as F\ny = F.dropout(x, train=False)\n"
V2 = "import chainer\nimport chainer.functions as F\n" \
     "with chainer.using_config('train', False):\n    y = F.dropout(x)\n"
V1_OTHER = V1.replace("y =", "z =")
V2_OTHER = V2.replace("y =", "z =")


def run(argv, capsys):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# -- symlinks ------------------------------------------------------------------

def test_symlink_is_written_through_and_kept(tmp_path, capsys):
    target = tmp_path / "target.py"
    target.write_text(V1)
    link = tmp_path / "link2.py"
    link.symlink_to("target.py")
    code, out, _ = run([link], capsys)
    assert code == 0
    assert link.is_symlink() and os.readlink(str(link)) == "target.py"
    assert target.read_text() == V2
    assert "1 changed" in out
    assert sorted(os.listdir(tmp_path)) == ["link2.py", "target.py"]   # no temporary left


def test_link_and_target_are_processed_once(tmp_path, capsys):
    target = tmp_path / "target.py"
    target.write_text(V1)
    (tmp_path / "link.py").symlink_to("target.py")
    code, out, _ = run([tmp_path / "link.py", target], capsys)
    assert code == 0 and target.read_text() == V2
    assert out.count("CH101") == 1
    assert "1 file(s) scanned, 1 changed" in out
    code, out, _ = run(["--check", tmp_path], capsys)   # folder walk: link and target, once
    assert code == 0 and "1 file(s) scanned" in out


# -- --output-dir layout ---------------------------------------------------------

def _two_m(base):
    (base / "proj" / "pkg").mkdir(parents=True)
    (base / "other").mkdir()
    (base / "proj" / "pkg" / "m.py").write_text(V1)
    (base / "other" / "m.py").write_text(V1_OTHER)


def test_file_arguments_keep_their_path_relative_to_the_current_folder(tmp_path, capsys,
                                                                          monkeypatch):
    _two_m(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, _, _ = run(["--output-dir", "o4", "proj/pkg/m.py", "other/m.py"], capsys)
    assert code == 0
    assert (tmp_path / "o4" / "proj" / "pkg" / "m.py").read_text() == V2
    assert (tmp_path / "o4" / "other" / "m.py").read_text() == V2_OTHER
    assert not (tmp_path / "o4" / "m.py").exists()


def test_same_file_twice_is_not_a_clash(tmp_path, capsys, monkeypatch):
    _two_m(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["--output-dir", "o", "proj/pkg/m.py",
                        tmp_path / "proj" / "pkg" / "m.py"], capsys)
    assert code == 0 and "1 file(s) scanned" in out
    assert (tmp_path / "o" / "proj" / "pkg" / "m.py").read_text() == V2


def test_clash_outside_the_current_folder_is_an_error(tmp_path, capsys, monkeypatch):
    _two_m(tmp_path / "src")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    first, second = tmp_path / "src" / "proj" / "pkg" / "m.py", tmp_path / "src" / "other" / "m.py"
    code, _, err = run(["--output-dir", "out", first, second], capsys)
    assert code == 2
    assert "%s: error: not written: %s goes to the same place" % (second, first) in err
    assert (elsewhere / "out" / "m.py").read_text() == V2   # the first one, not overwritten
    assert sorted(os.listdir(elsewhere / "out")) == ["m.py"]


def test_output_dir_inside_the_tree_is_never_walked(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.py").write_text(V1)
    (tmp_path / "notes.txt").write_text("n\n")
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        code, out, _ = run(["--output-dir", "migrated", "."], capsys)
        assert code == 0 and "1 file(s) scanned" in out
    assert sorted(os.listdir(tmp_path / "migrated")) == ["a.py", "notes.txt"]
    assert (tmp_path / "migrated" / "a.py").read_text() == V2
    assert (tmp_path / "a.py").read_text() == V1
    code, _, err = run(["--output-dir", "migrated", "migrated/a.py"], capsys)
    assert code == 2 and "inside the output folder" in err


def test_help_says_what_is_not_copied(tmp_path, capsys):
    src = tmp_path / "src"
    for folder in [".hidden", "venv", "__pycache__", "node_modules", "keep"]:
        (src / folder).mkdir(parents=True)
        (src / folder / "x.py").write_text(V1)
    code, _, _ = run(["--output-dir", tmp_path / "out", src], capsys)
    assert code == 0
    assert sorted(os.listdir(tmp_path / "out")) == ["keep"]
    assert set(cli.SKIP_DIRS_HELP) == {d for d in engine.SKIP_DIRS if not d.startswith(".")}
    text = " ".join(cli.build_parser().format_help().split())
    assert "every file copied" not in text
    for name in cli.SKIP_DIRS_HELP + ("starts with '.'", "DIR itself"):
        assert name in text


# -- counts after failed writes -------------------------------------------------

def test_fixes_of_unwritten_files_are_not_counted(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.py").write_text(V1)
    (tmp_path / "b.py").write_text(V1_OTHER)

    def refuse(path, data):
        raise PermissionError(13, "Permission denied", path)
    monkeypatch.setattr(engine, "write_atomic", refuse)
    code, out, err = run([tmp_path], capsys)
    assert code == 2
    assert err.count("error: not written: [Errno 13] Permission denied") == 2
    assert "0 changed" in out and "2 error(s); 0 fix(es), 0 review item(s); " \
        "2 fix(es) not written" in out
    assert (tmp_path / "a.py").read_text() == V1


def test_summary_without_failures_is_unchanged(tmp_path, capsys):
    (tmp_path / "a.py").write_text(V1)
    _, out, _ = run([tmp_path], capsys)
    assert out.rstrip().endswith("0 error(s); 1 fix(es), 0 review item(s)")


# -- progress bar ------------------------------------------------------------------

class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def many(tmp_path):
    for i in range(cli.PROGRESS_FILES + 1):
        (tmp_path / ("m%d.py" % i)).write_text(V1)
    return tmp_path


def _run_with_stderr(argv, stream, monkeypatch, capsys):
    monkeypatch.setattr("sys.stderr", stream)
    code = cli.main([str(a) for a in argv])
    capsys.readouterr()
    return code, stream.getvalue()


def test_progress_bar_on_a_terminal(many, monkeypatch, capsys):
    code, err = _run_with_stderr(["--check", many], Terminal(), monkeypatch, capsys)
    assert code == 1
    assert "chainer-migrate:" in err and "m5.py" in err


@pytest.mark.parametrize("argv, stream", [
    (["--check", "-q"], Terminal()),          # quiet
    (["--check"], io.StringIO()),             # not a terminal (CI logs, pipes)
])
def test_no_progress_bar_when_quiet_or_not_a_terminal(many, monkeypatch, capsys, argv, stream):
    code, err = _run_with_stderr(argv + [many], stream, monkeypatch, capsys)
    assert code == 1 and err == ""


def test_progress_bar_for_one_large_file(tmp_path, monkeypatch, capsys):
    big = tmp_path / "big.py"
    big.write_text(V1 + "# filler\n" * (cli.PROGRESS_BYTES // 9 + 1))
    code, err = _run_with_stderr(["--check", big], Terminal(), monkeypatch, capsys)
    assert code == 1 and "big.py" in err
    small = tmp_path / "small"
    small.mkdir()
    (small / "a.py").write_text(V1)
    code, err = _run_with_stderr(["--check", small], Terminal(), monkeypatch, capsys)
    assert code == 1 and err == ""   # one small file: no bar


def test_progress_does_not_change_the_result(many, monkeypatch, capsys):
    _run_with_stderr([many], Terminal(), monkeypatch, capsys)
    assert all((many / name).read_text() == V2 for name in os.listdir(many))


# -- the `import chainer` shortcut ---------------------------------------------------

SOURCES = [ROOT / "fixtures" / "v1" / name for name in ("rnnlm_seed.py", "rnnlm_kwargs.py")]


@pytest.mark.parametrize("source", [
    V1,
    "import chainer.functions as F\ny = F.dropout(x, train=False)\n",
    "import numpy\nimport chainer as ch\nimport chainer.functions as F\n"
    "y = F.dropout(x, train=False)\n",
    "try:\n    import chainer\nexcept ImportError:\n    pass\nimport chainer.functions as F\n"
    "y = F.dropout(x, train=False)\n",
    "import os, chainer\nimport chainer.functions as F\ny = F.dropout(x, train=False)\n",
] + [path.read_text() for path in SOURCES])
def test_import_shortcut_matches_add_imports_visitor(source, monkeypatch):
    fast, _ = migrate_source(source)
    monkeypatch.setattr(engine, "_imports_chainer", lambda module: False)
    slow, _ = migrate_source(source)
    assert fast == slow
    assert fast != source


# -- comments of removed arguments and parameters ------------------------------------

def _migrate_body(body):
    head = "import chainer\nimport chainer.functions as F\n"
    new, _ = migrate_source(head + textwrap.dedent(body))
    assert new.startswith(head)
    return new[len(head):]


@pytest.mark.parametrize("before, after", [
    # a comment after a kept argument's comma stays where it was
    ("y = F.dropout(h,  # ratio\n"
     "              ratio=0.5, train=False)\n",
     "    y = F.dropout(h,  # ratio\n"
     "                  ratio=0.5)\n"),
    # the comment on a removed argument's line becomes an own-line comment
    ("y = F.dropout(h,  # keep\n"
     "              train=False,  # drop me\n"
     "              ratio=0.5)  # end\n",
     "    y = F.dropout(h,  # keep\n"
     "                  # drop me\n"
     "                  ratio=0.5)  # end\n"),
    # the last argument removed: the previous argument keeps its comment
    ("y = F.dropout(h, ratio=0.5,  # r\n"
     "              train=False)\n",
     "    y = F.dropout(h, ratio=0.5  # r\n"
     "                  )\n"),
    # removed argument on the line of a kept one
    ("y = F.dropout(h, train=False,  # drop me\n"
     "              ratio=0.5)\n",
     "    y = F.dropout(h,  # drop me\n"
     "                  ratio=0.5)\n"),
    # own-line comments before the removed and before the next argument
    ("y = F.dropout(h,\n"
     "              # about train\n"
     "              train=False,\n"
     "              # about ratio\n"
     "              ratio=0.5,\n"
     "              )\n",
     "    y = F.dropout(h,\n"
     "                  # about train\n"
     "                  # about ratio\n"
     "                  ratio=0.5,\n"
     "                  )\n"),
    # trailing-comma style kept with the comment
    ("y = F.dropout(h, ratio=0.5,\n"
     "              train=False,  # t\n"
     "              )\n",
     "    y = F.dropout(h, ratio=0.5,\n"
     "                  # t\n"
     "                  )\n"),
])
def test_argument_comments_are_kept(before, after):
    new = _migrate_body(before)
    assert new.startswith("with chainer.using_config('train', False):\n")
    assert new == "with chainer.using_config('train', False):\n" + after
    comments = [c for c in before.split() if c.startswith("#")]
    assert [c for c in new.split() if c.startswith("#")] == comments


def test_no_comment_no_layout_change():
    # as before comments were carried: the last argument's comma and line break
    new = _migrate_body("y = F.dropout(h, ratio=0.5,\n              train=False,\n)\n")
    assert new == "with chainer.using_config('train', False):\n" \
                  "    y = F.dropout(h, ratio=0.5,\n    )\n"


def test_parameter_and_call_comments_are_kept():
    new = _migrate_body("""\
        import chainer.links as L
        class Net(chainer.Chain):
            def __init__(self):
                super(Net, self).__init__()
                with self.init_scope():
                    self.l = L.Linear(2, 2)

            def __call__(self, x,  # input
                         train=True):  # mode
                return F.dropout(self.l(x), train=train)

        def run(net, x):
            return net(x,  # data
                       train=False)
        """)
    assert "    def __call__(self, x  # input\n                 ):  # mode\n" in new
    assert "        return net(x  # data\n                   )\n" in new
