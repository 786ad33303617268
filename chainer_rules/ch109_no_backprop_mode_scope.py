"""CH109 no-backprop-mode-scope: no_backprop_mode() stops every graph since v2."""
from chainer_rules.registry import Example, Rule, REVIEW

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "x = chainer.Variable(np.linspace(-1, 1, 6, dtype=np.float32))\n"
)

RULE = Rule(
    code="CH109",
    name="no-backprop-mode-scope",
    title="chainer.no_backprop_mode() builds no graph for any variable since v2 (v1: only "
          "AUTO-flagged variables); backward() of a result computed inside gets no gradients",
    safety=REVIEW,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'volatile flag removed' (no_backprop_mode)",
    fix="compute values that need gradients outside `with chainer.no_backprop_mode():` "
        "(or inside `with chainer.force_backprop_mode():`)",
    examples=(
        Example(before="with chainer.no_backprop_mode():\n    y = F.sum(x * x)\ny.backward()\n",
                setup=_SETUP, findings=("CH109",)),
    ),
)
