"""CH506 serial-iterator-order: shuffled iterators draw each epoch's order as Chainer 1.24 did.

Chainer 1.24's ``SerialIterator`` (and ``MultiprocessIterator``) drew
``numpy.random.permutation(len(dataset))`` at reset and, at every new epoch,
shuffled that order in place with ``numpy.random.shuffle``. Chainer 7.8.1's
default ``ShuffleOrderSampler`` draws a fresh permutation each epoch from its
own generator: with the same seed the first epoch agrees, later epochs differ
(catalogue CH506, silent). Chainer 1.24's ``MultiprocessIterator.reset`` also
refused to reset in the middle of an epoch, after an epoch of a repeating
iterator, or after ``finalize()`` (``NotImplementedError``).

What the shim does, for iterators constructed by v1 code only (catalogue R6):
when shuffling and no ``order_sampler`` is given, pass
``order_sampler=v1_order_sampler`` (``numpy.random.permutation(order)`` on the
global generator: the same draws as v1's in-place shuffle, exact); a v1
``MultiprocessIterator`` raises v1's ``NotImplementedError`` from ``reset``
in those three states.
"""
import functools

import numpy

from chainer.iterators import multiprocess_iterator, serial_iterator

from chainer_compat import _caller, _warn

#: Codes this module restores (and warns with).
CODES = ("CH506",)

#: Instance attribute set on iterators constructed by v1 code.
V1_ITERATOR = "_chainer_compat_v1_iterator"


def v1_order_sampler(order, current_position):
    """Chainer 1.24's epoch order: ``numpy.random.permutation(order)`` (global generator).

    Args:
        order (numpy.ndarray): the current order (``arange(len(dataset))`` at reset).
        current_position (int): unused (the sampler protocol of Chainer 7.8.1).

    Returns:
        numpy.ndarray: a shuffled copy of ``order``.
    """
    return numpy.random.permutation(order)


def wrap_init(original, sampler_index):
    """Wrap an iterator's ``__init__``: v1 callers get ``v1_order_sampler`` when shuffling.

    ``sampler_index``: position of ``order_sampler`` among the arguments after
    ``batch_size`` (a v1 call never reaches it).
    """

    @functools.wraps(original)
    def __init__(self, dataset, batch_size, *args, **kwargs):
        v1 = _caller.v1_caller()
        shuffle = kwargs.get("shuffle", args[1] if len(args) > 1 else None)
        if (v1 and "order_sampler" not in kwargs and len(args) <= sampler_index
                and (shuffle is None or shuffle)):
            _warn.warn("CH506", "%s(...) constructed by v1 code (each epoch's order "
                       "is drawn as in Chainer 1.24)" % type(self).__name__)
            # 7.8.1 takes an order_sampler only with shuffle=None
            if len(args) > 1:
                args = args[:1] + (None,) + args[2:]
            else:
                kwargs["shuffle"] = None
            kwargs["order_sampler"] = v1_order_sampler
            original(self, dataset, batch_size, *args, **kwargs)
            if "shuffle" in vars(self):
                self.shuffle = True if shuffle is None else shuffle
        else:
            original(self, dataset, batch_size, *args, **kwargs)
        if v1:
            self.__dict__[V1_ITERATOR] = True

    return __init__


def wrap_reset(original):
    """Wrap ``MultiprocessIterator.reset``: v1 iterators raise where Chainer 1.24 did."""

    @functools.wraps(original)
    def reset(self):
        if self.__dict__.get(V1_ITERATOR, False):
            if getattr(self, "current_position", 0) != 0:
                raise NotImplementedError(
                    "Reset of MultiProcessIterator in the middle of a epoch is "
                    "currently not supported.")
            if getattr(self, "epoch", 0) != 0 and self.repeat:
                raise NotImplementedError(
                    "Reset of repeating MultiProcessIterator is currently not supported.")
            if getattr(self, "_finalized", False):
                raise NotImplementedError(
                    "Reset of finalized MultiProcessIterator is currently not supported.")
        return original(self)

    return reset


def install(patcher):
    """Install the CH506 wrappers with ``patcher``."""
    cls = serial_iterator.SerialIterator   # (repeat, shuffle, order_sampler)
    patcher.set(cls, "__init__", wrap_init(cls.__dict__["__init__"], 2))
    cls = multiprocess_iterator.MultiprocessIterator
    # (repeat, shuffle, n_processes, n_prefetch, shared_mem, order_sampler)
    patcher.set(cls, "__init__", wrap_init(cls.__dict__["__init__"], 5))
    patcher.set(cls, "reset", wrap_reset(cls.__dict__["reset"]))
