"""CH605 removed-misc-names: ``chainer.thread_local``, ``chainer.optimizer.exponential_decay_noise``,
``WalkerAlias.sample_cpu`` and ``chainer.links.caffe.caffe_function.available``.

Chainer 1.24 names that 7.8.1 no longer has (catalogue CH605, appendix A2/A6):

- ``chainer.thread_local``: a ``threading.local()`` whose ``function_hooks``
  held the global function hooks. Re-added as ``ThreadLocal()``, whose
  ``function_hooks`` reads, writes and deletes the hooks of
  ``chainer.get_function_hooks()`` (the calling thread's), so v1 code that
  adds hooks through it reaches 7.8.1's hooks. Other attributes are
  per-thread, as on a ``threading.local``.
- ``chainer.optimizer.exponential_decay_noise(xp, shape, dtype, hook, opt)``:
  the same function as ``chainer.optimizer_hooks.gradient_noise.exponential_decay_noise``
  (``opt.t`` is read; 7.8.1 passes the update rule, which has ``t`` too).
- ``WalkerAlias.sample_cpu(shape)``: 1.24's NumPy sampler, re-implemented
  with 1.24's arithmetic (``uniform(0, 1, shape) * len(threshold)`` compared
  in float64), which 7.8.1's ``sample_xp`` computes in the threshold's dtype.
  Returns a ``numpy.ndarray`` of ``values``' dtype and ``shape``.
- ``chainer.links.caffe.caffe_function.available``: ``True`` (1.24 set it
  when protobuf 3 was present; 7.8.1 imports ``caffe_pb2`` unconditionally,
  so a module that imported is available). Set when that module is imported
  (an import hook; importing it here would import protobuf too early, CH906).

Each use warns once per call site with CH605 (the ``available`` flag does not:
it is a plain module attribute). Re-added names are process-wide (R6).
"""
import functools
import threading

import numpy

import chainer
from chainer import optimizer
from chainer.optimizer_hooks import gradient_noise
from chainer.utils import walker_alias

from chainer_compat import _warn

#: Codes this module restores (and warns with).
CODES = ("CH605",)

CAFFE = "chainer.links.caffe.caffe_function"



class ThreadLocal(threading.local):
    """1.24 ``chainer.thread_local``: ``function_hooks`` is ``chainer.get_function_hooks()``."""

    @property
    def function_hooks(self):
        _warn.warn("CH605", "chainer.thread_local.function_hooks")
        return chainer.get_function_hooks()

    @function_hooks.setter
    def function_hooks(self, hooks):
        _warn.warn("CH605", "chainer.thread_local.function_hooks = ...")
        chainer._thread_local.function_hooks = hooks

    @function_hooks.deleter
    def function_hooks(self):
        _warn.warn("CH605", "del chainer.thread_local.function_hooks")
        del chainer._thread_local.function_hooks


def _noise(original):
    @functools.wraps(original)
    def exponential_decay_noise(xp, shape, dtype, hook, opt):
        _warn.warn("CH605", "chainer.optimizer.exponential_decay_noise")
        return original(xp, shape, dtype, hook, opt)

    return exponential_decay_noise


def sample_cpu(self, shape):
    """1.24 ``WalkerAlias.sample_cpu(shape)``: samples of ``values`` drawn with ``numpy.random``."""
    _warn.warn("CH605", "WalkerAlias.sample_cpu")
    ps = numpy.random.uniform(0, 1, shape)
    pb = ps * len(self.threshold)
    index = pb.astype(numpy.int32)
    left_right = (self.threshold[index] < pb - index).astype(numpy.int32)
    return self.values[index * 2 + left_right]


def _caffe_available(patcher):
    def mark(module):
        if "available" not in vars(module):
            patcher.set(module, "available", True)
    return mark


def install(patcher):
    """Re-add the names; hook the import of ``chainer.links.caffe.caffe_function``."""
    patcher.set(chainer, "thread_local", ThreadLocal())
    patcher.set(optimizer, "exponential_decay_noise",
                _noise(gradient_noise.exponential_decay_noise))
    patcher.set(walker_alias.WalkerAlias, "sample_cpu", sample_cpu)
    patcher.after_import(CAFFE, _caffe_available(patcher))

