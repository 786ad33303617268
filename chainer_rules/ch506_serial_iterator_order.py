"""CH506 serial-iterator-order: shuffled iterators draw a fresh permutation each epoch."""
from chainer_rules.registry import Example, Rule, REVIEW

RULE = Rule(
    code="CH506",
    name="serial-iterator-order",
    title="SerialIterator / MultiprocessIterator draw a fresh permutation each epoch "
          "(v1 reshuffled in place): epochs after the first differ for the same seed",
    safety=REVIEW,
    since="3.0.0",
    upgrade="Chainer v3 release notes: order_sampler (ShuffleOrderSampler) of the iterators",
    fix="pass `order_sampler=lambda order, _: numpy.random.permutation(order)` "
        "(without `shuffle`) for Chainer 1.24's order",
    examples=(
        Example(before="it = chainer.iterators.SerialIterator(data, 3)\n",
                setup="import chainer\ndata = list(range(10))\n", findings=("CH506",)),
        Example(before="it = chainer.iterators.SerialIterator(data, 3, shuffle=False)\n"
                       "batches = [it.next() for _ in range(5)]\n",
                setup="import chainer\ndata = list(range(10))\n", compare=("batches",)),
    ),
)
