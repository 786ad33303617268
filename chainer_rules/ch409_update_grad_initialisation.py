"""CH409 update-grad-initialisation: ``update()`` clears gradients with ``cleargrads`` (no observable change)."""
from chainer_rules._optimizer_examples import SETUP
from chainer_rules.registry import Example, Rule, SHIM_ONLY

RULE = Rule(
    code="CH409",
    name="update-grad-initialisation",
    title="optimizer.update(lossfun) calls cleargrads() instead of zerograds() and re-creates "
          "zero gradients before the hooks; parameters after update() are identical",
    safety=SHIM_ONLY,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Optimizer.update uses cleargrads' (measured: no "
            "observable change in 7.8.1)",
    fix="nothing to change; drop `use_cleargrads()` calls (deprecated, CH608)",
    examples=(
        Example(before="def lossfun():\n    return F.sum(model.l2(F.tanh(model.l1(x))) ** 2)\n"
                       "opt.add_hook(chainer.optimizer_hooks.WeightDecay(1e-2))\n"
                       "opt.update(lossfun)\nW = model.l1.W.data\n",
                setup=SETUP, compare=("W",)),
    ),
)
