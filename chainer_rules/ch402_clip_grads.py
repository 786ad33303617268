"""CH402 clip-grads: ``Optimizer.clip_grads(maxnorm)`` was removed in v2."""
from chainer_rules._optimizer_examples import SETUP
from chainer_rules.registry import Example, Rule, SAFE

RULE = Rule(
    code="CH402",
    name="clip-grads",
    title="`optimizer.clip_grads(maxnorm)` is gone (AttributeError); apply the GradientClipping "
          "hook at once",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Deprecated methods of Optimizer are removed'",
    fix="`chainer.optimizer_hooks.GradientClipping(maxnorm)(optimizer)` at the same place "
        "(v7-only); `optimizer.add_hook(GradientClipping(maxnorm))` at setup is equivalent only "
        "when every update() is preceded by the call",
    examples=(
        Example(before="grads()\nopt.clip_grads(0.5)\nopt.update()\nW = model.l1.W.data\n",
                after="grads()\nchainer.optimizer_hooks.GradientClipping(0.5)(opt)\nopt.update()\n"
                      "W = model.l1.W.data\n",
                setup=SETUP, compare=("W",)),
    ),
)
