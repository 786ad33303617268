"""CH401 zero-grads: ``Optimizer.zero_grads()`` was removed in v2."""
from chainer_rules._optimizer_examples import SETUP
from chainer_rules.registry import Example, Rule, SAFE

RULE = Rule(
    code="CH401",
    name="zero-grads",
    title="`optimizer.zero_grads()` is gone (AttributeError); clear the target link's gradients",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Deprecated methods of Optimizer are removed'",
    fix="`optimizer.target.cleargrads()` (gradients become None until backward; update() "
        "treats them as zeros) or, to keep zero arrays, `optimizer.target.zerograds()`",
    examples=(
        Example(before="opt.zero_grads()\ngrads()\nopt.update()\nW = model.l1.W.data\n",
                after="opt.target.cleargrads()\ngrads()\nopt.update()\nW = model.l1.W.data\n",
                setup=SETUP, compare=("W",)),
        Example(before="for i in range(2):\n    opt.zero_grads()\n    grads()\n    opt.update()\n"
                       "b = model.l2.b.data\n",
                after="for i in range(2):\n    opt.target.cleargrads()\n    grads()\n    opt.update()\n"
                      "b = model.l2.b.data\n",
                setup=SETUP, compare=("b",)),
        # a gradient read before backward(): a zero array in 1.24, None after the rewrite
        Example(before="opt.zero_grads()\ng0 = model.l1.W.grad\n",
                after="opt.target.cleargrads()\ng0 = model.l1.W.grad\n",
                setup=SETUP, findings=("CH401",)),
    ),
)
