"""CH501 raw-array-inputs: updaters and ``Evaluator`` as in Chainer 1.24 (Variables in, no mode switch).

Chainer 1.24: ``StandardUpdater`` and ``ParallelUpdater`` wrapped every array
of the converter's output in a ``Variable`` before calling the loss function
(tuple -> positional arguments, dict -> keyword arguments, anything else -> one
argument); ``Evaluator.evaluate()`` wrapped them in ``Variable(x,
volatile='on')`` and ``Evaluator.__call__`` never changed a mode: the model
decided train/test itself. Chainer 7.8.1 passes the raw arrays and runs
``evaluate()`` under ``chainer.config.train = False`` (catalogue CH501, silent).

What the shim does, for updaters and evaluators constructed by v1 code only
(catalogue R6, ``chainer_compat._caller``; Chainer's own constructions and code
declared v7 keep 7.8.1's behaviour):

1. the constructors of ``StandardUpdater``, ``ParallelUpdater``,
   ``MultiprocessParallelUpdater`` and ``Evaluator`` replace ``self.converter``
   (the default or the given one) by a ``VariableConverter`` that returns the
   same tuple/dict structure with every array as a ``Variable`` (``Evaluator``:
   tagged volatile ``ON``, CH104, so no graph is built);
2. ``Evaluator.__call__`` runs ``evaluate()`` with ``chainer.config.train``
   as it was outside the call (backprop stays disabled, as with v1's
   volatile inputs).
"""
import functools

import chainer
from chainer.dataset import convert
from chainer.training.extensions import evaluator as evaluator_module
from chainer.training.updaters import multiprocess_parallel_updater, parallel_updater
from chainer.training.updaters import standard_updater

from chainer_compat import _caller, _warn

#: Codes this module restores (and warns with).
CODES = ("CH501",)

#: Instance attribute set on evaluators constructed by v1 code.
V1_EVALUATOR = "_chainer_compat_v1_evaluator"


def _to_variable(x, volatile):
    if isinstance(x, chainer.Variable) or x is None:
        return x
    var = chainer.Variable(x)
    if volatile:
        from chainer_compat import ch104_volatile
        ch104_volatile._tag(var, ch104_volatile.ON)
    return var


def as_variables(in_arrays, volatile=False):
    """Chainer 1.24's wrapping of a converter output.

    Args:
        in_arrays: a tuple (each item wrapped), a dict (each value wrapped) or
            one array (wrapped); ``Variable`` items and ``None`` stay as they are.
        volatile (bool): tag the new variables volatile ``ON`` (CH104), as
            1.24's ``Evaluator`` did.

    Returns:
        The same structure with ``chainer.Variable`` items.
    """
    if isinstance(in_arrays, tuple):
        return tuple(_to_variable(x, volatile) for x in in_arrays)
    if isinstance(in_arrays, dict):
        return {key: _to_variable(x, volatile) for key, x in in_arrays.items()}
    return _to_variable(in_arrays, volatile)


class VariableConverter(convert.Converter):
    """A converter that returns ``Variable`` s: ``as_variables(base(batch, device))``.

    Accepts the device as a ``chainer.backend.Device``, an int or ``None`` and
    calls ``base`` in its own style (new-style ``Converter`` or old-style
    function), as ``chainer.dataset.convert`` does.

    Attributes:
        base: the wrapped converter.
        volatile (bool): see ``as_variables``.
    """

    def __init__(self, base, volatile=False):
        self.base = base
        self.volatile = volatile

    def __call__(self, batch, device=None):
        if device is not None and not isinstance(device, chainer.backend.Device):
            device = convert._get_device(device)
        return as_variables(convert._call_converter(self.base, batch, device), self.volatile)


def _convert_for_v1(obj, volatile):
    if not isinstance(obj.converter, VariableConverter):
        obj.converter = VariableConverter(obj.converter, volatile)


def wrap_updater_init(original):
    """Wrap an updater's ``__init__``: v1 callers get a ``VariableConverter``."""

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        if not _caller.v1_caller():
            return original(self, *args, **kwargs)
        original(self, *args, **kwargs)
        _warn.warn("CH501", "%s(...) constructed by v1 code (the loss function receives "
                   "Variables, as in Chainer 1.24)" % type(self).__name__)
        _convert_for_v1(self, False)

    return __init__


def wrap_evaluator_init(original):
    """Wrap ``Evaluator.__init__``: v1 callers get volatile Variables and no forced test mode."""

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        if not _caller.v1_caller():
            return original(self, *args, **kwargs)
        original(self, *args, **kwargs)
        _warn.warn("CH501", "%s(...) constructed by v1 code (volatile Variables in, "
                   "chainer.config.train unchanged, as in Chainer 1.24)" % type(self).__name__)
        _convert_for_v1(self, True)
        self.__dict__[V1_EVALUATOR] = True

    return __init__


def wrap_evaluator_call(original):
    """Wrap ``Evaluator.__call__``: for v1 evaluators ``evaluate()`` sees the caller's ``config.train``."""

    @functools.wraps(original)
    def __call__(self, trainer=None):
        if not self.__dict__.get(V1_EVALUATOR, False):
            return original(self, trainer)
        train = chainer.config.train
        had = "evaluate" in self.__dict__
        previous = self.__dict__.get("evaluate")
        bound = self.evaluate

        def evaluate():
            with chainer.using_config("train", train):
                return bound()

        self.__dict__["evaluate"] = evaluate
        try:
            return original(self, trainer)
        finally:
            if had:
                self.__dict__["evaluate"] = previous
            else:
                del self.__dict__["evaluate"]

    return __call__


def install(patcher):
    """Install the CH501 wrappers with ``patcher``."""
    for cls in (standard_updater.StandardUpdater, parallel_updater.ParallelUpdater,
                multiprocess_parallel_updater.MultiprocessParallelUpdater):
        patcher.set(cls, "__init__", wrap_updater_init(cls.__dict__["__init__"]))
    cls = evaluator_module.Evaluator
    patcher.set(cls, "__init__", wrap_evaluator_init(cls.__dict__["__init__"]))
    patcher.set(cls, "__call__", wrap_evaluator_call(cls.__dict__["__call__"]))
