"""CH401-CH405: the ``Optimizer`` methods that Chainer 2 removed, as in Chainer 1.24.

Chainer 1.24 ``Optimizer`` had five helpers, deprecated since v1.5 and removed
in v2 (upgrade guide "Deprecated methods of Optimizer are removed"); on 7.8.1
each raises ``AttributeError: 'SGD' object has no attribute ...``. The shim
re-adds them on ``chainer.Optimizer`` (process-wide names, catalogue R6) with
1.24's computation:

- CH401 ``zero_grads()``: ``self.target.zerograds()`` (every gradient becomes a
  zero array); 7.8.1's ``DeprecationWarning`` for ``zerograds`` is suppressed.
- CH402 ``clip_grads(maxnorm)``: ``norm = numpy.sqrt(sqnorm)`` with 1.24's
  ``_sum_sqnorm`` (per-array ``g.ravel().dot(g.ravel())`` added into a Python
  ``float`` per device, then summed as floats); if ``maxnorm / norm < 1`` every
  gradient is multiplied in place by that rate.
- CH403 ``weight_decay(rate)``: ``grad += rate * param.data`` for every parameter.
- CH404 ``accumulate_grads(grads)``: adds ``grads[i]`` (NumPy or CuPy array)
  to the gradient of the i-th parameter, copying between devices.
- CH405 ``compute_grads_norm()``: ``numpy.sqrt(sqnorm)`` (a ``numpy.float64``).

Parameters are visited in Chainer 1.24's registration order (CH211's record,
``chainer_compat.ch211_order``), which fixes both the pairing of
``accumulate_grads`` and the order of the float sums. Every use warns once per
call site with its code.
"""
import collections
import contextlib
import warnings

import numpy

import chainer
from chainer import backend

from chainer_compat import _warn
from chainer_compat.ch211_order import v1_params

#: Codes this module restores (and warns with).
CODES = ("CH401", "CH402", "CH403", "CH404", "CH405")


@contextlib.contextmanager
def _no_deprecation():
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"chainer(\.|$)")
        yield


def sum_sqnorm(arrays):
    """Chainer 1.24 ``optimizer._sum_sqnorm``: a Python float.

    Each dot product is added to a float64 sum, as 1.24 did under NumPy 1.x's
    value-based promotion (``0.0 + float32``); under NumPy 2 (NEP 50) that
    addition would stay float32, so the terms are converted explicitly.

    Args:
        arrays: NumPy or CuPy arrays (any shape and float dtype).
    """
    sq_sum = collections.defaultdict(float)
    for x in arrays:
        device = backend.get_device_from_array(x)
        with chainer.using_device(device):
            x = x.ravel()
            s = x.dot(x)
            sq_sum[device.name] += float(s)
    return sum([float(i) for i in sq_sum.values()])


def zero_grads(self):
    """``optimizer.zero_grads()``: fill every gradient of the target with zeros (CH401)."""
    _warn.warn("CH401", "optimizer.zero_grads()")
    with _no_deprecation():
        self.target.zerograds()


def compute_grads_norm(self):
    """``optimizer.compute_grads_norm()``: L2 norm of all gradients, ``numpy.float64`` (CH405)."""
    _warn.warn("CH405", "optimizer.compute_grads_norm()")
    return numpy.sqrt(sum_sqnorm([p.grad for p in v1_params(self.target)]))


def clip_grads(self, maxnorm):
    """``optimizer.clip_grads(maxnorm)``: rescale all gradients to L2 norm <= ``maxnorm`` (CH402)."""
    _warn.warn("CH402", "optimizer.clip_grads(maxnorm)")
    params = v1_params(self.target)
    norm = numpy.sqrt(sum_sqnorm([p.grad for p in params]))
    rate = maxnorm / norm
    if rate < 1:
        for param in params:
            grad = param.grad
            with chainer.using_device(backend.get_device_from_array(grad)):
                # the scalar in the gradient's dtype: NumPy 1.x's value-based casting
                # (1.24's arithmetic); NEP 50 would multiply in float64
                grad *= grad.dtype.type(rate)


def weight_decay(self, decay):
    """``optimizer.weight_decay(decay)``: ``grad += decay * data`` for every parameter (CH403)."""
    _warn.warn("CH403", "optimizer.weight_decay(rate)")
    for param in v1_params(self.target):
        p, g = param.data, param.grad
        device = backend.get_device_from_array(p)
        with chainer.using_device(device):
            if device.xp is numpy:
                g += decay * p
            else:
                from chainer.backends import cuda
                cuda.elementwise('T p, T decay', 'T g', 'g += decay * p',
                                 'weight_decay')(p, decay, g)


def accumulate_grads(self, grads):
    """``optimizer.accumulate_grads(grads)``: add ``grads[i]`` to the i-th gradient (CH404).

    Pairs by position with the target's parameters in Chainer 1.24 order;
    extra arrays on either side are ignored (``zip``), as in 1.24.
    """
    _warn.warn("CH404", "optimizer.accumulate_grads(grads)")
    for param, g_src in zip(v1_params(self.target), grads):
        g_dst = param.grad
        device = backend.get_device_from_array(g_dst)
        with chainer.using_device(device):
            g_dst += device.send(g_src)


METHODS = {
    "zero_grads": zero_grads,
    "compute_grads_norm": compute_grads_norm,
    "clip_grads": clip_grads,
    "weight_decay": weight_decay,
    "accumulate_grads": accumulate_grads,
}


def install(patcher):
    """Re-add the five methods on ``chainer.Optimizer`` with ``patcher``."""
    for name, method in METHODS.items():
        patcher.set(chainer.Optimizer, name, method)
