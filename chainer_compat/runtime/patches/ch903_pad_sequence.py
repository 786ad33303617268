"""CH903 (b): ``F.pad_sequence`` with a padding value outside the array's dtype.

Chainer 7.8.1 ``functions/array/pad_sequence.py`` writes ``self.padding`` (a
Python scalar, often ``-1``) into the output array of the inputs' dtype. For
unsigned arrays NumPy 1.26 wraps the value with a DeprecationWarning (-1 ->
255 for uint8); NumPy >= 2.0 raises ``OverflowError: Python integer -1 out of
bounds for uint8`` (NEP 50). The patched ``PadSequence.forward`` converts a
Python scalar padding with ``numpy.array(padding).astype(dtype)`` first, the
conversion NumPy recommends for the 1.x result, and restores the attribute
afterwards.

Source: catalogue CH903; runtime.md section 3, item 2.
"""
import functools

import numpy

from chainer_compat.runtime.patches import _probe

CODE = 'CH903'


def needed():
    """True when storing -1 into a uint8 array warns or raises."""
    def store():
        numpy.zeros(1, numpy.uint8)[0] = -1
    return _probe.warns_or_raises(store)


def as_dtype(padding, dtype):
    """``padding`` cast to ``dtype`` the NumPy 1.x way (a NumPy scalar).

    Python ``int`` and ``bool`` values only, into integer or bool
    dtypes; anything else is returned unchanged.
    """
    dtype = numpy.dtype(dtype)
    if dtype.kind in 'iub' and type(padding) in (int, bool):
        return numpy.array(padding).astype(dtype)[()]
    return padding


def _patched(original):
    @functools.wraps(original)
    def forward(self, xs):
        padding = self.padding
        if len(xs):
            self.padding = as_dtype(padding, xs[0].dtype)
        try:
            return original(self, xs)
        finally:
            self.padding = padding
    return forward


def _install(module, patcher):
    cls = module.PadSequence
    patcher.set(cls, 'forward', _patched(cls.forward),
                module.__name__ + '.PadSequence.forward', CODE)


HOOKS = {'chainer.functions.array.pad_sequence': _install}
