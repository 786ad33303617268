"""The main job (README command 1): ``chainer-compat-demo``."""
import pytest

from chainer_compat import demo


def test_demo_migrates_and_trains_identically(tmp_path, capsys):
    out = tmp_path / "migrated"
    status = demo.main(["--steps", "3", "--units", "8", "--batchsize", "4", "--bprop-len", "5",
                        "--output-dir", str(out)])
    printed = capsys.readouterr().out
    assert status == 0, printed
    assert sorted(p.name for p in out.iterdir()) == ["rnnlm_kwargs.py", "rnnlm_seed.py", "rules"]
    assert sorted(p.name for p in (out / "rules").iterdir()) == sorted(
        p.name for p in (demo.DEFAULT_FIXTURES / "v1" / "rules").iterdir() if p.suffix == ".py")
    assert (out / "rnnlm_seed.py").read_text() == (demo.DEFAULT_FIXTURES / "v2" / "rnnlm.py").read_text()
    assert "+        with self.init_scope():" in printed  # the diff is shown
    assert "CH103 model-train-flag" in printed
    assert "largest absolute difference: losses 0.0, parameters 0.0" in printed
    assert printed.rstrip().endswith("RESULT: identical")
    table = printed.split("== 3. per-update loss")[1].splitlines()[2:5]
    assert [row.split()[0] for row in table] == ["1", "2", "3"]


def test_demo_missing_fixtures_is_exit_2(tmp_path, capsys):
    assert demo.main(["--fixtures", str(tmp_path), "--output-dir", str(tmp_path / "o")]) == 2
    assert "missing" in capsys.readouterr().err


def test_demo_rejects_bad_options(capsys):
    with pytest.raises(SystemExit) as exc:
        demo.main(["--steps", "0"])
    assert exc.value.code == 2
