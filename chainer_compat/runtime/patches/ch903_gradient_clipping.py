"""CH903 (g): ``GradientClipping`` and NEP 50 (NumPy 2 promotion rules).

Chainer 7.8.1 ``optimizer_hooks/gradient_clipping.py`` adds the squared
norms of the gradients with Python's ``sum`` (``0 + g.dot(g) + ...``) and
scales each gradient in place with ``grad *= threshold / sqrt(sqnorm)``.

- NumPy 1.x: ``0 + numpy.float32(x)`` is float64, so the squared norm is
  accumulated in float64; ``float32_grad *= float64_rate`` multiplies in
  float32 (value-based casting: the rate is rounded to float32 first).
- NumPy 2 (NEP 50): the sum stays float32, and a float64 rate makes the
  multiplication run in float64 before rounding back. Training with
  ``GradientClipping`` then drifts from NumPy 1.x by a few ULPs (found by the
  project's Chainer 1.24 oracle test: losses differ from step 16 on).

The patched ``__call__`` (and ``_sum_sqnorm_grads``) do the NumPy 1.x arithmetic when every gradient is
a NumPy array on one device; everything else (CuPy, ChainerX, several
devices) goes to the original.

Source: catalogue CH903 (NumPy 2 behaviour inside Chainer) / CH904 (NEP 50).
"""
import functools

import numpy

CODE = 'CH903'


def needed():
    """True under NEP 50: ``0 + numpy.float32(1)`` stays float32."""
    return type(0 + numpy.float32(1)) is numpy.float32


def sum_sqnorm_1x(grads):
    """Sum of ``g.dot(g)`` accumulated as NumPy 1.x did (float64 for float16/32)."""
    total = 0
    for g in grads:
        g = g.ravel()
        dot = g.dot(g)
        if dot.dtype in (numpy.float16, numpy.float32):
            dot = numpy.float64(dot)
        total = total + dot
    return total


def _numpy_grads(params):
    grads = [p.grad for p in params]
    if not grads or not all(type(g) is numpy.ndarray for g in grads):
        return None
    if len({p.device.name for p in params}) != 1:
        return None
    return grads


def _patched(original):
    @functools.wraps(original)
    def __call__(self, opt):
        params = list(opt.target.params(False))
        grads = _numpy_grads(params)
        if grads is None:
            return original(self, opt)
        rate = self.threshold / numpy.sqrt(sum_sqnorm_1x(grads))
        if rate >= 1:
            return
        for grad in grads:
            if grad.dtype.kind == 'f':
                grad *= grad.dtype.type(rate)
            else:
                grad *= rate
    return __call__


def _patched_sum(original):
    @functools.wraps(original)
    def _sum_sqnorm_grads(params):
        params = list(params)
        grads = _numpy_grads(params)
        if grads is None:
            return original(params)
        return sum_sqnorm_1x(grads), params[0].device
    return _sum_sqnorm_grads


def _install(module, patcher):
    patcher.set(module, '_sum_sqnorm_grads',
                _patched_sum(module._sum_sqnorm_grads),
                module.__name__ + '._sum_sqnorm_grads', CODE)
    cls = module.GradientClipping
    patcher.set(cls, '__call__', _patched(cls.__call__),
                module.__name__ + '.GradientClipping.__call__', CODE)


HOOKS = {'chainer.optimizer_hooks.gradient_clipping': _install}
