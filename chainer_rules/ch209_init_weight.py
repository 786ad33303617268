"""CH209 init-weight: ``chainer.initializers.init_weight`` was removed in v2."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "w = np.zeros((3, 4), dtype=np.float32)\n"
)

RULE = Rule(
    code="CH209",
    name="init-weight",
    title="chainer.initializers.init_weight(array, initializer, scale) (also chainer.init_weight) "
          "filled an array in place; removed in v2",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Initializer' (init_weight removed; initializers are callables)",
    fix="call the initializer on the array, `I(array)` (a constant c: "
        "`chainer.initializers.Constant(c)(array)`; None: "
        "`chainer.initializers.HeNormal(1 / math.sqrt(2))(array)`), then `array *= scale`",
    examples=(
        Example(before="chainer.initializers.init_weight(w, chainer.initializers.Normal(0.05), scale=2.0)\n",
                after="chainer.initializers.Normal(0.05)(w)\nw *= 2.0\n",
                setup=_SETUP, compare=("w",)),
        Example(before="chainer.initializers.init_weight(w, 0.5)\n",
                after="chainer.initializers.Constant(0.5)(w)\n",
                setup=_SETUP, compare=("w",)),
        Example(before="chainer.init_weight(w, chainer.initializers.Uniform(0.1))\n",
                after="chainer.initializers.Uniform(0.1)(w)\n",
                setup=_SETUP, compare=("w",)),
        # None: v1's default initializer (the setup imports math)
        Example(before="chainer.initializers.init_weight(w, None, scale=0.5)\n",
                after="chainer.initializers.HeNormal(1 / math.sqrt(2))(w)\nw *= 0.5\n",
                setup=_SETUP + "import math\n", compare=("w",)),
        # an initializer of unknown kind (or an array): review
        Example(before="def fill(w, init):\n    chainer.initializers.init_weight(w, init)\n",
                setup=_SETUP, findings=("CH209",)),
    ),
)
