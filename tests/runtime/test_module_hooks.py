"""``ModuleHooks``: several finders may hook the same module (CH101 caffe and CH605 both do)."""
import sys

from chainer_compat.runtime.hooks import ModuleHooks


def test_two_hooks_for_one_module_both_run(tmp_path, monkeypatch):
    (tmp_path / "hooked_twice_mod.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    calls = []
    first, second = ModuleHooks(), ModuleHooks()
    first.after("hooked_twice_mod", lambda m: calls.append(("first", m.VALUE)))
    second.after("hooked_twice_mod", lambda m: calls.append(("second", m.VALUE)))
    sys.meta_path[:0] = [first, second]
    try:
        import hooked_twice_mod  # noqa: F401
    finally:
        sys.meta_path.remove(first)
        sys.meta_path.remove(second)
        sys.modules.pop("hooked_twice_mod", None)
    assert sorted(calls) == [("first", 1), ("second", 1)]
