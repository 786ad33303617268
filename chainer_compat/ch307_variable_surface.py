"""CH307 variable-surface: ``repr``/``str``/``debug_print`` and operand errors of Chainer 1.24.

Chainer 1.24 (catalogue CH307):

- ``repr(v)`` is ``<variable NAME>`` or ``<variable at 0x...>``; ``str(v)`` is
  the name or ``<var@...>``; ``debug_print()`` lists ``device: CPU``, a
  ``volatile`` line and ``backend: <class 'numpy.ndarray'>``. Chainer 2+ prints
  NumPy-like text. Restored for v1 callers (R6: the code that calls
  ``repr``/``str``/``print``); v7 code, Chainer's own included, gets 7.8.1's text.
- Arithmetic of a ``Variable`` with a constant that is not a scalar, an
  ndarray or a ``Variable`` (a list, a tuple) raised ``ValueError``; 7.8.1
  raises ``TypeError``. A constant ndarray whose shape does not broadcast
  raised NumPy's ``ValueError``; 7.8.1 raises ``InvalidType``. The operators
  of ``Variable`` are wrapped so that these errors are instances of both
  classes (``V1OperandError(TypeError, ValueError)``,
  ``V1BroadcastError(InvalidType, ValueError)``): handlers written for
  either version catch them. Calls that succeed are unchanged.

- Comparisons (``==``, ``<``, ...) and truth tests of a ``Variable`` raised
  ``NotImplementedError``; 7.8.1 raises ``TypeError``. They now raise
  ``V1ComparisonError(TypeError, NotImplementedError)``.

Positional ``name``/``grad`` of the constructor belong to CH104's patch.
Nothing here warns (no v1 call site to point at: display and error paths).
"""
import functools

import numpy

import chainer
from chainer.backends import cuda
from chainer.utils import type_check

from chainer_compat import _caller, ch104_volatile

#: Codes this module restores.
CODES = ("CH307",)

#: Binary operators of ``Variable`` whose constant operand is checked.
OPERATORS = ("__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__",
             "__truediv__", "__rtruediv__", "__div__", "__rdiv__", "__floordiv__",
             "__rfloordiv__", "__pow__", "__rpow__")


class V1OperandError(TypeError, ValueError):
    """A constant operand of the wrong type (v1: ``ValueError``, v7: ``TypeError``)."""


class V1BroadcastError(type_check.InvalidType, ValueError):
    """A constant ndarray operand whose shape does not broadcast (v1: ``ValueError``)."""

    def __init__(self, error):
        super(V1BroadcastError, self).__init__(error.expect, error.actual, str(error))


class V1ComparisonError(TypeError, NotImplementedError):
    """A comparison or truth test of a ``Variable`` (v1: ``NotImplementedError``)."""


def _error_nobp_op(self, op):
    """Chainer 7.8.1's error for ``op`` on a ``Variable``, also a ``NotImplementedError``."""
    raise V1ComparisonError("Variables do not support {} operator. "
                            "You could use `array` attribute instead.".format(op))


def __bool__(self):
    """Truth test of a ``Variable``: an error in both versions (``V1ComparisonError``)."""
    raise V1ComparisonError("Variables cannot be evaluated as Python bool.")


_STOCK = {}


def _stock(name):
    return _STOCK[name]


def __repr__(self):
    """Chainer 1.24 ``Variable.__repr__`` for v1 callers; 7.8.1's otherwise."""
    if not _caller.v1_caller():
        return _stock("__repr__")(self)
    if self.name:
        return "<variable %s>" % self.name
    return "<variable at 0x%x>" % id(self)


def __str__(self):
    """Chainer 1.24 ``Variable.__str__`` for v1 callers; 7.8.1's otherwise."""
    if not _caller.v1_caller():
        return _stock("__str__")(self)
    return self.name or ("<var@%x>" % id(self))


_DEBUG = """{summary}
- device: {device}
- volatile: {volatile}
- backend: {background}
- shape: {shape}
- dtype: {dtype}
- statistics: {stats}
- grad: {grad}"""


def debug_print(self):
    """Chainer 1.24 ``Variable.debug_print`` (``volatile`` from CH104's tag, else ``OFF``) for
    v1 callers; 7.8.1's otherwise."""
    if not _caller.v1_caller():
        return _stock("debug_print")(self)
    stats_msg = "mean={0:.8f}, std={1:.8f}"
    data = self.array
    xp = cuda.get_array_module(data)
    device = "CPU" if xp is numpy else data.device  # NumPy 2 arrays have .device == 'cpu'

    grad = self.grad
    if grad is None:
        grad_text = None
    elif xp.all(grad == 0):
        grad_text = 0
    else:
        grad_text = stats_msg.format(float(xp.mean(grad)), float(xp.std(grad)))
    stats = stats_msg.format(float(xp.mean(data)), float(xp.std(data)))
    volatile = self.__dict__.get(ch104_volatile.TAG, "OFF")  # CH104's tag, read without a CH104 warning
    return _DEBUG.format(summary=repr(self), volatile=volatile, grad=grad_text,
                         shape=data.shape, background=type(data), dtype=data.dtype,
                         device=device, stats=stats)


def wrap_operator(original):
    """Wrap a binary operator of ``Variable``: v1 error classes on the error paths."""

    @functools.wraps(original)
    def operator(self, other):
        try:
            return original(self, other)
        except TypeError as error:
            if isinstance(error, V1OperandError) or not str(error).startswith(
                    "Value must be a scalar"):
                raise
            raise V1OperandError(str(error)) from None
        except type_check.InvalidType as error:
            if (isinstance(error, V1BroadcastError) or not isinstance(other, numpy.ndarray)
                    or "broadcast" not in str(error)):
                raise
            raise V1BroadcastError(error) from None

    return operator


def install(patcher):
    """Install the CH307 patches on ``chainer.Variable`` with ``patcher``."""
    cls = chainer.Variable
    for name in ("__repr__", "__str__", "debug_print"):
        _STOCK[name] = cls.__dict__[name]
    patcher.set(cls, "__repr__", __repr__)
    patcher.set(cls, "__str__", __str__)
    patcher.set(cls, "debug_print", debug_print)
    patcher.set(cls, "_error_nobp_op", _error_nobp_op)
    patcher.set(cls, "__bool__", __bool__)
    for name in OPERATORS:
        if name in cls.__dict__:
            patcher.set(cls, name, wrap_operator(cls.__dict__[name]))
