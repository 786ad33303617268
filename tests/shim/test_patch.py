"""Patcher: exact restore of attributes, mapping items and spread function wrappers."""
import sys
import types

import pytest

from chainer_compat._patch import Patcher


class Base(object):
    def method(self):
        return "base"


class Child(Base):
    own = "own"


def test_set_and_restore_class_attributes():
    patcher = Patcher()
    own = Child.__dict__["own"]
    patcher.set(Child, "method", lambda self: "patched")   # inherited: not in Child.__dict__
    patcher.set(Child, "own", "new")
    patcher.set(Child, "own", "newer")
    assert Child().method() == "patched" and Child.own == "newer"
    patcher.restore()
    assert "method" not in vars(Child) and Child().method() == "base"
    assert Child.__dict__["own"] is own


def test_set_item():
    mapping = {"keep": 1}
    patcher = Patcher()
    patcher.set_item(mapping, "keep", 2)
    patcher.set_item(mapping, "new", 3)
    patcher.restore()
    assert mapping == {"keep": 1}


def fake_original(x):
    return x


def test_set_everywhere_and_late_bindings():
    home = types.ModuleType("chainer._shim_test_home")
    home.fn = fake_original
    home.alias = fake_original
    sys.modules[home.__name__] = home
    late = types.ModuleType("chainer._shim_test_late")
    try:
        patcher = Patcher()

        def wrapper(x):
            return -x
        places = patcher.set_everywhere(fake_original, wrapper)
        assert sorted(places) == ["chainer._shim_test_home.alias", "chainer._shim_test_home.fn"]
        late.fn = home.fn   # imported after the patch
        sys.modules[late.__name__] = late
        patcher.restore()
        assert home.fn is fake_original and home.alias is fake_original
        assert late.fn is fake_original
    finally:
        sys.modules.pop(home.__name__, None)
        sys.modules.pop(late.__name__, None)


def test_set_everywhere_needs_a_chainer_binding():
    with pytest.raises(LookupError):
        Patcher().set_everywhere(lambda: None, lambda: None)


def test_after_import_hook_is_removed_by_restore(tmp_path, monkeypatch):
    import sys
    from chainer_compat._patch import Patcher
    (tmp_path / "patched_later_mod.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    seen = []
    patcher = Patcher()
    before = list(sys.meta_path)
    patcher.after_import("patched_later_mod", lambda module: seen.append(module.VALUE))
    assert len(sys.meta_path) == len(before) + 1 and not seen
    patcher.restore()
    assert sys.meta_path == before
    patcher = Patcher()
    patcher.after_import("patched_later_mod", lambda module: seen.append(module.VALUE))
    try:
        import patched_later_mod  # noqa: F401
    finally:
        sys.modules.pop("patched_later_mod", None)
        patcher.restore()
    assert seen == [1] and sys.meta_path == before
