"""CH207 convnd-default-bias: v1 L.ConvolutionND had no bias unless initial_bias was given."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.links as L\n"
    "x = np.linspace(-1, 1, 32, dtype=np.float32).reshape(1, 2, 4, 4)\n"
)

RULE = Rule(
    code="CH207",
    name="convnd-default-bias",
    title="L.ConvolutionND has a zero bias by default since v2 (v1: no bias unless "
          "initial_bias is given); an extra trainable parameter, and v1 model files lack it",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'ConvolutionND has a bias by default' (nobias added)",
    fix="pass `nobias=True` to `L.ConvolutionND(...)` calls without `initial_bias` (v7-only)",
    examples=(
        Example(before="conv = L.ConvolutionND(2, 2, 3, 3, pad=1)\ny = conv(x)\n"
                       "n = len(list(conv.params()))\n",
                after="conv = L.ConvolutionND(2, 2, 3, 3, pad=1, nobias=True)\ny = conv(x)\n"
                      "n = len(list(conv.params()))\n",
                setup=_SETUP, compare=("y", "n")),
        Example(before="conv = L.ConvolutionND(2, 2, 3, 3, initial_bias=None)\ny = conv(x)\n",
                after="conv = L.ConvolutionND(2, 2, 3, 3, initial_bias=None, nobias=True)\n"
                      "y = conv(x)\n",
                setup=_SETUP, compare=("y",)),
        # a bias given: v1 and v7 agree
        Example(before="conv = L.ConvolutionND(2, 2, 3, 3, initial_bias=0.5)\ny = conv(x)\n",
                setup=_SETUP, compare=("y",)),
    ),
)
