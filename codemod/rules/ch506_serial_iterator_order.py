"""CH506 serial-iterator-order: shuffled iterators draw a fresh order each epoch in v7.

Chainer 1.24 reshuffled the previous order in place with
``numpy.random.shuffle``; Chainer 7.8.1's ``ShuffleOrderSampler`` draws a new
permutation, so with the same seed the second and later epochs differ
(silent). ``SerialIterator`` / ``MultiprocessIterator`` calls whose
``shuffle`` is not ``False`` and that give no ``order_sampler`` are reported
(``silent:``); the exact v2 form is ``order_sampler=lambda order, _:
numpy.random.permutation(order)`` with ``shuffle`` left out (v7-only).
"""
from codemod.context import find_arg
from codemod.rules.ch5_training import ITERATORS, calls_of
from codemod.values import is_false

CODE = "CH506"


def plan(ctx):
    for call in calls_of(ctx, ITERATORS):
        shuffle = find_arg(call, "shuffle", 3)
        if (shuffle is not None and is_false(shuffle.value)) \
                or find_arg(call, "order_sampler", None) is not None:
            continue
        ctx.review(call, CODE, "the order of the second and later epochs differs from Chainer 1.24 "
                   "for the same seed; for v1's order pass `order_sampler=lambda order, _: "
                   "numpy.random.permutation(order)` (without `shuffle`)", silent=True)
