"""CH508 updaters-module: no automatic ``optimizer.new_epoch()`` for v1 updaters.

Chainer 1.24: ``optimizer.epoch`` changed only when user code called
``optimizer.new_epoch()``. Chainer 7.8.1's updaters call
``optimizer.new_epoch(auto=True)`` at every epoch boundary
(``auto_new_epoch=True``, v5): ``optimizer.epoch`` silently counts epochs and a
manual ``new_epoch()`` raises ``RuntimeError: duplicated new_epoch with the
updater.`` (catalogue CH508). The updater classes themselves are still
reachable under their v1 names (``chainer.training.StandardUpdater``,
``chainer.training.updater.StandardUpdater``).

The shim gives ``StandardUpdater``, ``ParallelUpdater`` and
``MultiprocessParallelUpdater`` constructed by v1 code (catalogue R6)
``auto_new_epoch=False`` unless the call passes it.
"""
import functools

from chainer.training.updaters import multiprocess_parallel_updater, parallel_updater
from chainer.training.updaters import standard_updater

from chainer_compat import _caller, _warn

#: Codes this module restores (and warns with).
CODES = ("CH508",)

#: Positional index of ``auto_new_epoch`` (after ``self``) in 7.8.1's constructors.
AUTO_NEW_EPOCH_INDEX = {"StandardUpdater": 6, "ParallelUpdater": 7,
                        "MultiprocessParallelUpdater": 4}


def wrap_init(original, index):
    """Wrap an updater's ``__init__``: v1 callers get ``auto_new_epoch=False``."""

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        if "auto_new_epoch" in kwargs or len(args) > index or not _caller.v1_caller():
            return original(self, *args, **kwargs)
        _warn.warn("CH508", "%s(...) constructed by v1 code (optimizer.epoch changes only "
                   "through optimizer.new_epoch(), as in Chainer 1.24)" % type(self).__name__)
        kwargs["auto_new_epoch"] = False
        return original(self, *args, **kwargs)

    return __init__


def install(patcher):
    """Install the CH508 wrappers with ``patcher``."""
    for cls in (standard_updater.StandardUpdater, parallel_updater.ParallelUpdater,
                multiprocess_parallel_updater.MultiprocessParallelUpdater):
        patcher.set(cls, "__init__",
                    wrap_init(cls.__dict__["__init__"], AUTO_NEW_EPOCH_INDEX[cls.__name__]))
