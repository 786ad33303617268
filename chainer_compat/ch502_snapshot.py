"""CH502 snapshot-trigger: ``extensions.snapshot(trigger=)`` / ``snapshot_object(trigger=)``.

Chainer 1.24: ``snapshot(savefun=save_npz, filename='snapshot_iter_{.updater.iteration}',
trigger=(1, 'epoch'))`` and ``snapshot_object(target, filename, savefun=save_npz,
trigger=(1, 'epoch'))``; ``trigger`` (v1 positional index 2 / 3) became the
extension's default trigger (``ext.trigger``), used when ``Trainer.extend``
gets none. Chainer 7.8.1 rejects it: ``TypeError: snapshot() got unexpected
keyword argument(s) 'trigger'`` (catalogue CH502, loud).

The shim pops ``trigger`` (keyword or v1 slot), calls the stock function
without it and sets ``ext.trigger`` on the returned extension. Calls without
it reach the stock function unchanged.
"""
import functools

from chainer.training.extensions import _snapshot

from chainer_compat import _warn

#: Codes this module restores (and warns with).
CODES = ("CH502",)

#: v1 positional index of ``trigger``.
V1_TRIGGER_INDEX = {"snapshot": 2, "snapshot_object": 3}


def wrap(original, name):
    """Wrap ``snapshot`` / ``snapshot_object`` (``name``) to accept v1's ``trigger``."""
    index = V1_TRIGGER_INDEX[name]

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        if "trigger" in kwargs:
            trigger = kwargs.pop("trigger")
        elif len(args) > index:
            if len(args) > index + 1:
                return original(*args, **kwargs)   # more than v1 took: the stock error
            args, trigger = args[:index], args[index]
        else:
            return original(*args, **kwargs)
        _warn.warn("CH502", "extensions.%s(trigger=...)" % name)
        ext = original(*args, **kwargs)
        ext.trigger = trigger
        return ext

    return wrapper


def install(patcher):
    """Install the CH502 wrappers with ``patcher`` (every binding in ``chainer``)."""
    for name in ("snapshot", "snapshot_object"):
        original = getattr(_snapshot, name)
        patcher.set_everywhere(original, wrap(original, name))
