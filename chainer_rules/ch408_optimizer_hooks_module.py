"""CH408 optimizer-hooks-module: optimizer hooks moved to ``chainer.optimizer_hooks`` and work per parameter."""
from chainer_rules._optimizer_examples import SETUP
from chainer_rules.registry import Example, Rule, SAFE

RULE = Rule(
    code="CH408",
    name="optimizer-hooks-module",
    title="chainer.optimizer.WeightDecay/Lasso/GradientClipping/GradientHardClipping/"
          "GradientNoise moved to chainer.optimizer_hooks (v4; the old names warn); "
          "WeightDecay, Lasso, GradientHardClipping and GradientNoise are per-parameter hooks, "
          "so a direct call hook(optimizer) raises TypeError",
    safety=SAFE,
    since="2.0.0 (call form), 4.0.0 (module)",
    upgrade="Chainer v2 upgrade guide: 'Optimizer hooks'; v4 release notes "
            "(chainer.optimizer_hooks)",
    fix="use `chainer.optimizer_hooks.<Hook>` and register it with `optimizer.add_hook(...)`; "
        "instead of calling `WeightDecay(rate)(optimizer)` add `rate * p.data` to each "
        "`p.grad` (CH403)",
    examples=(
        Example(before="opt.add_hook(chainer.optimizer.WeightDecay(1e-2))\ngrads()\nopt.update()\n"
                       "W = model.l1.W.data\n",
                after="opt.add_hook(chainer.optimizer_hooks.WeightDecay(1e-2))\ngrads()\n"
                      "opt.update()\nW = model.l1.W.data\n",
                setup=SETUP, compare=("W",)),
        Example(before="hook = chainer.optimizer.Lasso(1e-2)\nopt.add_hook(hook)\ngrads()\n"
                       "opt.update()\nW = model.l1.W.data\n",
                after="hook = chainer.optimizer_hooks.Lasso(1e-2)\nopt.add_hook(hook)\ngrads()\n"
                      "opt.update()\nW = model.l1.W.data\n",
                setup=SETUP, compare=("W",)),
        # the direct call form is reviewed (per-parameter hook since v2); the name is renamed
        Example(before="grads()\nchainer.optimizer.GradientHardClipping(-0.1, 0.1)(opt)\n",
                after="grads()\nchainer.optimizer_hooks.GradientHardClipping(-0.1, 0.1)(opt)\n",
                setup=SETUP, findings=("CH408",)),
    ),
)
