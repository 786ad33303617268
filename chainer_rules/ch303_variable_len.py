"""CH303 variable-len: len(Variable) is the first dimension since v2 (v1: the number of elements)."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "x = np.arange(6, dtype=np.float32).reshape(2, 3)\n"
)

RULE = Rule(
    code="CH303",
    name="variable-len",
    title="len(v) of a Variable is len(v.array), the first dimension, since v2 (v1: v.data.size); "
          "silent for ndim >= 2",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Variable.__len__ returns the length of the first axis'",
    fix="write `v.size` where the number of elements is meant",
    examples=(
        Example(before="h = F.relu(x)\nn = len(h)\n", after="h = F.relu(x)\nn = h.size\n",
                setup=_SETUP, compare=("n",), findings=("CH303",)),
    ),
)
