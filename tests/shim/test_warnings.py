"""ChainerV1Warning: message from the registry, user's file:line, modes, visibility by default."""
import sys
import textwrap
import warnings

import numpy as np
import pytest

import chainer.functions as F

import chainer_compat
import chainer_rules
from chainer_compat import ChainerV1Warning, _warn

X = np.ones((2, 3), np.float32)


def v1_call():
    return F.dropout(X, train=False)   # one call site


def test_message_comes_from_the_registry():
    rule = chainer_rules.get("CH101")
    assert _warn.message("CH101", "F.dropout(train=...)") == (
        "CH101 train-argument: F.dropout(train=...) is Chainer v1 API; fix: " + rule.fix)
    with pytest.raises(KeyError):
        _warn.message("CH999", "x")


def test_points_at_the_user_line():
    with pytest.warns(ChainerV1Warning) as record:
        v1_call()
    (w,) = record.list
    assert w.filename == __file__
    assert w.lineno == v1_call.__code__.co_firstlineno + 1
    assert str(w.message).startswith("CH101 train-argument: F.dropout(train=...) is Chainer v1 API; fix: ")


def test_link_call_points_at_the_user_line():
    import chainer.links as L
    bn = L.BatchNormalization(3)
    with pytest.warns(ChainerV1Warning) as record:
        bn(X, test=True); line = sys._getframe().f_lineno  # noqa: E702
    assert [(w.filename, w.lineno) for w in record.list] == [(__file__, line)]


def test_once_per_call_site():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(3):
            v1_call()
        F.dropout(X, train=False)   # another site
    assert len([w for w in caught if w.category is ChainerV1Warning]) == 2


def test_always_mode():
    chainer_compat.set_warnings("always")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(3):
            v1_call()
    assert len([w for w in caught if w.category is ChainerV1Warning]) == 3


def test_ignore_mode():
    chainer_compat.set_warnings("ignore")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        np.testing.assert_array_equal(v1_call().array, X)
    assert not [w for w in caught if w.category is ChainerV1Warning]


def test_error_mode_raises_at_the_use():
    chainer_compat.set_warnings("error")
    with pytest.raises(ChainerV1Warning, match="CH101 train-argument"):
        v1_call()
    import chainer
    assert chainer.config.train is True


def test_bad_mode():
    with pytest.raises(ValueError, match="once, always, error, ignore"):
        chainer_compat.set_warnings("loud")
    assert _warn.get_warnings() == "once"


def test_category():
    assert issubclass(ChainerV1Warning, DeprecationWarning)


USER_MODULE = textwrap.dedent("""\
    import numpy as np
    import chainer.functions as F


    def step():
        return F.dropout(np.ones(2, np.float32), train=False)
""")

SCRIPT = textwrap.dedent("""\
    import sys
    sys.path.insert(0, sys.argv[1])
    import chainer_compat
    import v1_user_module
    try:
        v1_user_module.step()
        v1_user_module.step()
    except chainer_compat.ChainerV1Warning as e:
        print("raised:", e)
    chainer_compat.uninstall()
    print(any(f[2] is chainer_compat.ChainerV1Warning for f in __import__("warnings").filters))
""")


@pytest.fixture
def user_dir(tmp_path):
    (tmp_path / "v1_user_module.py").write_text(USER_MODULE)
    return str(tmp_path)


def test_shown_by_default_outside_main(run_python, user_dir):
    proc = run_python(SCRIPT, user_dir)
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if "ChainerV1Warning" in line]
    assert len(lines) == 1, proc.stderr
    assert "v1_user_module.py:6: ChainerV1Warning: CH101 train-argument" in lines[0]
    assert proc.stdout.split() == ["False"]


def test_user_filters_still_win(run_python, user_dir):
    proc = run_python(SCRIPT, user_dir, env_extra={"PYTHONWARNINGS": "ignore::DeprecationWarning"})
    assert proc.returncode == 0, proc.stderr
    assert "ChainerV1Warning" not in proc.stderr


def test_environment_variable(run_python, user_dir):
    proc = run_python(SCRIPT, user_dir, env_extra={"CHAINER_COMPAT_WARNINGS": "error"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("raised: CH101 train-argument: F.dropout(train=...)")
    proc = run_python(SCRIPT, user_dir, env_extra={"CHAINER_COMPAT_WARNINGS": "always"})
    assert len([ln for ln in proc.stderr.splitlines() if "ChainerV1Warning" in ln]) == 2, proc.stderr


def test_uses_by_chainers_own_code_are_not_reported():
    # chainer.testing builds F.Sqrt() when that name exists: not the user's v1 use
    ns = {"__name__": "chainer.testing.fake_helper", "F": F}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        exec(compile("label = F.Sqrt().label\n", "<chainer module>", "exec"), ns)
        F.Sqrt()   # this test module: a v1 use
    assert ns["label"] == "sqrt"
    assert len([w for w in caught if w.category is ChainerV1Warning]) == 1
