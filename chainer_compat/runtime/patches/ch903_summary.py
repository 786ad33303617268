"""CH903 (h): ``reporter.Summary`` and NEP 50 (NumPy 2 promotion rules).

Chainer 7.8.1 ``Summary.add`` accumulates ``self._x += weight * value`` (and
``x2``) starting from the Python float ``0.0``; ``LogReport``, ``Evaluator``
and ``PrintReport`` report these means.

- NumPy 1.x: with a Python number ``weight``, ``weight * numpy.float32(v)``
  is already float64 (scalar-scalar promotion), so terms, squares and sums
  (and the reported means) are float64.
- NumPy 2 (NEP 50): the sums stay float32 and the reported means differ in
  the last bits (found by a new user comparing a v1 Trainer's log with
  Chainer 1.24's: ``0.6500000060`` vs ``0.6499999762``).

The patched ``add`` converts a NumPy float16/float32 value (a NumPy scalar or a
0-d ``numpy.ndarray``) with a Python number weight to float64 first, which is
NumPy 1.x's arithmetic; other values (CuPy, ChainerX, float64, NumPy weights)
go to the original.

Source: catalogue CH903 (NumPy 2 behaviour inside Chainer) / CH904 (NEP 50).
"""
import functools

import numpy

CODE = 'CH903'

_LOW = (numpy.float16, numpy.float32)


def needed():
    """True under NEP 50: ``0.0 + numpy.float32(1)`` stays float32."""
    return type(0.0 + numpy.float32(1)) is numpy.float32


def _patched(original):
    @functools.wraps(original)
    def add(self, value, weight=1):
        if not (isinstance(value, (numpy.generic, numpy.ndarray)) and value.dtype.type in _LOW
                and numpy.ndim(value) == 0 and type(weight) in (int, float)):
            return original(self, value, weight)
        value = numpy.float64(value)
        self._x += weight * value
        self._x2 += weight * value * value
        self._n += weight
    return add


def _install(module, patcher):
    cls = module.Summary
    patcher.set(cls, 'add', _patched(cls.add), module.__name__ + '.Summary.add', CODE)


HOOKS = {'chainer.reporter': _install}
