"""CH104 volatile: ``Variable(data, volatile=...)``, ``Variable.volatile`` and graph-free ``ON`` inputs.

Chainer 1.24: ``Variable(data, volatile=OFF, name=None, grad=None)``; a
function applied to an ``ON`` input builds no graph and returns ``ON``
outputs. Chainer 2+ rejects ``volatile`` (upgrade guide "Volatile flag is
removed"); graphs are switched by ``chainer.no_backprop_mode()``.

What the shim does (catalogue CH104, "shim"):

1. ``Variable.__init__`` is patched in place (the class is never replaced)
   to accept ``volatile`` by keyword or as the 2nd positional argument, and
   ``name``, ``grad`` as the 3rd and 4th; the flag is kept as a private tag.
2. ``Variable.volatile`` property: read gives the tag as a ``Flag`` (``OFF``
   when untagged), write sets the tag.
3. Once any variable is tagged ``ON``, ``FunctionNode.apply`` is wrapped:
   when an input is tagged ``ON`` the stock ``apply`` runs under
   ``using_config('enable_backprop', False)`` (so ``y.creator is None``) and
   the outputs are tagged ``ON``. Before that first ``ON`` nothing is wrapped,
   so programs that never use ``volatile='on'`` pay nothing.

4. ``Variable.__reduce__`` and ``Parameter.__reduce__`` are wrapped so that
   the tag survives ``copy.deepcopy`` and ``pickle`` (as the attribute did in
   1.24); ``copy.copy`` copies ``__dict__`` and keeps it already. A pickle of
   a tagged variable names ``chainer_compat.ch104_volatile.restore_tagged``.

Not reproduced: the ``ON``/``OFF`` mixing error (Chainer 7 creates untagged
variables internally) and ``AUTO`` outputs (untagged outputs read as ``OFF``).
"""
import functools
import sys
import threading

import chainer
from chainer import function_node, variable

from chainer_compat import _warn
from chainer_compat._bind import bind_v1
from chainer_compat.ch104_flag import AUTO, OFF, ON, Flag, make_module  # noqa: F401

#: Codes this module restores (and warns with).
CODES = ("CH104",)

#: Attribute of a Variable's ``__dict__`` holding its Flag.
TAG = "_chainer_compat_volatile"

_state = {"patcher": None, "apply_wrapped": False}
_lock = threading.Lock()
#: True once any variable has been tagged ON (survives uninstall/install).
_any_on = False

_V1_SLOTS = ("volatile", "name", "grad")


def _tag(var, flag):
    global _any_on
    var.__dict__[TAG] = flag
    if flag is ON:
        _any_on = True
        if not _state["apply_wrapped"]:
            _wrap_apply()


def wrap_init(original):
    """Wrap ``Variable.__init__`` to take ``(data, volatile=OFF, name=None, grad=None)``."""

    @functools.wraps(original)
    def __init__(self, data=None, *args, **kwargs):
        if not args and "volatile" not in kwargs:
            return original(self, data, **kwargs)
        _, kwargs = bind_v1("Variable", (data,) + args, kwargs, 1, _V1_SLOTS)
        flag = Flag(kwargs.pop("volatile", OFF))
        _warn.warn("CH104", "Variable(volatile=...)")
        original(self, data, **kwargs)
        _tag(self, flag)

    return __init__


def _get_volatile(self):
    _warn.warn("CH104", "Variable.volatile")
    return self.__dict__.get(TAG, OFF)


def _set_volatile(self, value):
    flag = Flag(value)
    _warn.warn("CH104", "Variable.volatile = ...")
    _tag(self, flag)


#: The ``Variable.volatile`` property of Chainer 1.24.
volatile = property(_get_volatile, _set_volatile,
                    doc="Chainer 1.24 volatile flag (``Flag``); ``OFF`` when untagged.")


def wrap_apply(original):
    """Wrap ``FunctionNode.apply``: ``ON`` inputs -> no graph, ``ON`` outputs."""

    @functools.wraps(original)
    def apply(self, inputs):
        for x in inputs:
            if getattr(x, TAG, None) is ON:
                break
        else:
            return original(self, inputs)
        with chainer.using_config("enable_backprop", False):
            outputs = original(self, inputs)
        for y in outputs:
            y.__dict__[TAG] = ON
        return outputs

    return apply


def _wrap_apply():
    with _lock:
        patcher = _state["patcher"]
        if patcher is None or _state["apply_wrapped"]:
            return
        cls = function_node.FunctionNode
        patcher.set(cls, "apply", wrap_apply(cls.__dict__["apply"]))
        _state["apply_wrapped"] = True


def restore_tagged(create, args, flag):
    """Unpickle / deep-copy helper: ``create(*args)`` tagged with ``flag`` (a ``Flag``)."""
    var = create(*args)
    _tag(var, Flag(flag))
    return var


def wrap_reduce(original):
    """Wrap ``__reduce__`` of ``Variable``/``Parameter`` to carry the volatile tag along."""

    @functools.wraps(original)
    def __reduce__(self):
        reduced = original(self)
        flag = self.__dict__.get(TAG)
        if flag is None:
            return reduced
        return (restore_tagged, (reduced[0], reduced[1], flag)) + tuple(reduced[2:])

    return __reduce__


def install(patcher):
    """Install the CH104 patches with ``patcher``; ``uninstall`` is ``patcher.restore()`` plus ``reset()``."""
    _state["patcher"] = patcher
    _state["apply_wrapped"] = False
    cls = variable.Variable
    patcher.set(cls, "__init__", wrap_init(cls.__dict__["__init__"]))
    patcher.set(cls, "volatile", volatile)
    for owner in (variable.Variable, variable.Parameter):
        patcher.set(owner, "__reduce__", wrap_reduce(owner.__dict__["__reduce__"]))
    module = make_module()
    for name in ("Flag", "ON", "OFF", "AUTO"):
        patcher.set(chainer, name, getattr(module, name))
    patcher.set(chainer, "flag", module)
    patcher.set_item(sys.modules, "chainer.flag", module)
    if _any_on:
        _wrap_apply()


def reset():
    """Forget the patcher (called after it restored everything)."""
    _state["patcher"] = None
    _state["apply_wrapped"] = False
