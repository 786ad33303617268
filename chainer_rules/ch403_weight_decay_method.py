"""CH403 weight-decay-method: ``Optimizer.weight_decay(rate)`` was removed in v2."""
from chainer_rules._optimizer_examples import SETUP
from chainer_rules.registry import Example, Rule, SAFE

RULE = Rule(
    code="CH403",
    name="weight-decay-method",
    title="`optimizer.weight_decay(rate)` is gone (AttributeError); add `rate * param.data` "
          "to every gradient yourself",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Deprecated methods of Optimizer are removed'",
    fix="`for _p in optimizer.target.params(): if _p.grad is not None: _p.grad += rate * _p.data` "
        "at the same place, or `optimizer.add_hook(chainer.optimizer_hooks.WeightDecay(rate))` "
        "at setup when every update() is preceded by the call",
    examples=(
        Example(before="grads()\nopt.weight_decay(0.01)\nopt.update()\nW = model.l1.W.data\n",
                after="grads()\nfor _p in opt.target.params():\n    if _p.grad is not None:\n"
                      "        _p.grad += 0.01 * _p.data\nopt.update()\nW = model.l1.W.data\n",
                setup=SETUP, compare=("W",)),
    ),
)
