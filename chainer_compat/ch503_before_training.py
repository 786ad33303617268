"""CH503 invoke-before-training: extensions called once when ``Trainer.run()`` starts.

Chainer 1.24: ``Extension.invoke_before_training`` (class attribute, ``False``;
``True`` on ``ExponentialShift`` and ``LinearShift``),
``make_extension(trigger=None, default_name=None, priority=None,
invoke_before_training=False, finalizer=None)`` and ``Trainer.extend(extension,
name=None, trigger=None, priority=None, invoke_before_training=None)`` (``None``
-> the extension's attribute). Flagged extensions were called once when
``run()`` started, before the first update, in priority order. Chainer 7.8.1
ignores the attribute silently, raises ``ValueError`` for the keyword, and
raises ``AttributeError`` when the attribute is read (catalogue CH503).

What the shim does:

1. ``training.Extension.invoke_before_training`` reads ``False`` again for v1
   code; v7 code (R6) still gets 7.8.1's ``AttributeError``.
2. ``make_extension(..., invoke_before_training=X)`` (keyword, or the v1 4th
   positional slot followed by ``finalizer``) sets ``ext.invoke_before_training
   = X`` on the decorated function (the 4th positional is read as v1's flag
   only when it is a bool: 7.8.1 has ``finalizer`` there); every decorated function gets the
   attribute (``False`` by default), as in 1.24.
3. ``Trainer.extend(..., invoke_before_training=X)`` (keyword or 5th
   positional): when ``X`` (or, for ``None``, the extension's attribute) is
   true, the extension's ``initialize`` (which 7.8.1 calls at the start of
   ``run()`` in priority order, also after resuming) is wrapped to run the
   original and then ``extension(trainer)``, which is v1's call. Extensions
   defined by Chainer 7.8.1 itself implement ``initialize`` already; their
   attribute is not acted on.
4. ``ExponentialShift`` and ``LinearShift`` read ``invoke_before_training =
   True`` as in 1.24; for instances constructed by v1 code, a call before
   ``initialize`` has run (a v1 program driving the extension by hand) runs
   ``initialize`` instead, which sets the initial value as v1's first call did.
"""
import functools

from chainer.training import extension as extension_module
from chainer.training import trainer as trainer_module
from chainer.training.extensions import exponential_shift, linear_shift

from chainer_compat import _caller, _warn

#: Codes this module restores (and warns with).
CODES = ("CH503",)

#: Marks an ``initialize`` wrapper made by ``Trainer.extend``.
WRAPPED = "_chainer_compat_before_training"
#: Instance attribute: constructed by v1 code (shift extensions).
V1_SHIFT = "_chainer_compat_v1_shift"
#: Instance attribute: ``initialize`` has run (shift extensions).
INITIALIZED = "_chainer_compat_initialized"

_MISSING = object()


def wrap_make_extension(original):
    """Wrap ``make_extension`` to accept and record ``invoke_before_training``."""

    @functools.wraps(original)
    def make_extension(*args, **kwargs):
        if not _caller.v1_caller():
            return original(*args, **kwargs)
        flag = kwargs.pop("invoke_before_training", _MISSING)
        if 3 < len(args) <= 5 and isinstance(args[3], bool) and flag is _MISSING:
            # v1 slots: trigger, default_name, priority, invoke_before_training, finalizer
            # (7.8.1 has finalizer at index 3: a bool there is v1's flag)
            flag = args[3]
            if len(args) == 5:
                kwargs["finalizer"] = args[4]
            args = args[:3]
        if flag is not _MISSING:
            _warn.warn("CH503", "make_extension(invoke_before_training=...)")
        decorator = original(*args, **kwargs)
        value = False if flag is _MISSING else flag

        @functools.wraps(decorator)
        def decorate(ext):
            ext = decorator(ext)
            ext.invoke_before_training = value
            return ext

        return decorate

    return make_extension


def _defined_by_chainer(extension):
    module = getattr(type(extension), "__module__", "") or ""
    if callable(extension) and not isinstance(extension, extension_module.Extension):
        module = getattr(extension, "__module__", "") or ""
    return module == "chainer" or module.startswith("chainer.")


def call_before_training(extension):
    """Make 7.8.1's start of ``Trainer.run()`` call ``extension(trainer)`` (after its ``initialize``)."""
    current = getattr(extension, "initialize", None)
    if getattr(current, WRAPPED, False):
        return

    def initialize(trainer):
        if current is not None:
            current(trainer)
        extension(trainer)

    setattr(initialize, WRAPPED, True)
    extension.initialize = initialize


def wrap_extend(original):
    """Wrap ``Trainer.extend`` to accept and act on ``invoke_before_training``."""

    @functools.wraps(original)
    def extend(self, extension, *args, **kwargs):
        if not _caller.v1_caller():
            return original(self, extension, *args, **kwargs)
        flag = kwargs.pop("invoke_before_training", _MISSING)
        if len(args) == 4 and flag is _MISSING:   # v1: name, trigger, priority, invoke_before_training
            args, flag = args[:3], args[3]
        if flag is not _MISSING:
            _warn.warn("CH503", "Trainer.extend(invoke_before_training=...)")
        if flag is _MISSING or flag is None:
            flag = False
            if not _defined_by_chainer(extension):
                try:
                    flag = bool(getattr(extension, "invoke_before_training", False))
                except AttributeError:
                    flag = False
                if flag:
                    _warn.warn("CH503", "%s.invoke_before_training = True"
                               % getattr(type(extension), "__name__", "extension"))
        result = original(self, extension, *args, **kwargs)
        if flag and not _defined_by_chainer(extension):
            call_before_training(extension)
        return result

    return extend


def wrap_shift_init(original):
    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if _caller.v1_caller():
            self.__dict__[V1_SHIFT] = True

    return __init__


def wrap_shift_initialize(original):
    @functools.wraps(original)
    def initialize(self, trainer):
        self.__dict__[INITIALIZED] = True
        return original(self, trainer)

    return initialize


def wrap_shift_call(original):
    @functools.wraps(original)
    def __call__(self, trainer):
        if self.__dict__.get(V1_SHIFT, False) and not self.__dict__.get(INITIALIZED, False):
            return self.initialize(trainer)   # v1: the first call sets the initial value
        return original(self, trainer)

    return __call__


class _V1Flag(object):
    """``Extension.invoke_before_training``: ``False`` for v1 readers, 7.8.1's property
    (``AttributeError``) for v7 readers. Instances and subclasses may set their own."""

    def __init__(self, stock):
        self.stock = stock

    def __get__(self, obj, cls=None):
        if _caller.v1_caller():
            return False
        if self.stock is not None:
            return self.stock.__get__(obj, cls)
        raise AttributeError("invoke_before_training has been removed since Chainer v2.0.0. "
                             "Use Extension.initialize instead.")


def install(patcher):
    """Install the CH503 patches with ``patcher``."""
    cls = extension_module.Extension
    stock = cls.__dict__.get("invoke_before_training")
    patcher.set(cls, "invoke_before_training", _V1Flag(stock if hasattr(stock, "__get__") else None))
    patcher.set_everywhere(extension_module.make_extension,
                           wrap_make_extension(extension_module.make_extension))
    cls = trainer_module.Trainer
    patcher.set(cls, "extend", wrap_extend(cls.__dict__["extend"]))
    for cls in (exponential_shift.ExponentialShift, linear_shift.LinearShift):
        patcher.set(cls, "invoke_before_training", True)
        patcher.set(cls, "__init__", wrap_shift_init(cls.__dict__["__init__"]))
        patcher.set(cls, "initialize", wrap_shift_initialize(cls.__dict__["initialize"]))
        patcher.set(cls, "__call__", wrap_shift_call(cls.__dict__["__call__"]))
