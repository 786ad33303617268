"""CH301 split-axis-force-tuple: F.split_axis always returns a tuple since v2."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "x = np.arange(12, dtype=np.float32).reshape(3, 4)\n"
)

RULE = Rule(
    code="CH301",
    name="split-axis-force-tuple",
    title="F.split_axis defaults to force_tuple=True since v2: a split into one piece is a "
          "1-tuple, not a Variable (silent at the call)",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'split_axis returns a tuple' (force_tuple default)",
    fix="pass `force_tuple=False` to `F.split_axis(...)` (valid on 1.24 too)",
    examples=(
        Example(before="h = F.split_axis(x, 1, 1)\ny = h * 2\n",
                after="h = F.split_axis(x, 1, 1, force_tuple=False)\ny = h * 2\n",
                setup=_SETUP, compare=("y",)),
        Example(before="a, b = F.split_axis(x, 2, axis=1)\n",
                after="a, b = F.split_axis(x, 2, axis=1, force_tuple=False)\n",
                setup=_SETUP, compare=("a", "b")),
        Example(before="h = F.split_axis(x, 1, 1, force_tuple=False)\n",
                setup=_SETUP, compare=("h",)),
    ),
)
