"""CH204 bias-argument: ``bias=`` of the link constructors was removed in v2."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = ("import numpy as np\nimport chainer\nimport chainer.links as L\n"
          "x = np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3)\n")

RULE = Rule(
    code="CH204",
    name="bias-argument",
    title="`bias=` (initial bias value) of L.Linear, L.Convolution2D, L.Deconvolution2D and "
          "L.DilatedConvolution2D",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'bias option of links removed; use initial_bias'",
    fix="rename `bias=v` to `initial_bias=v` (drop it when `initial_bias` is given)",
    examples=(
        Example(before="fc = L.Linear(3, 2, bias=0.1)\ny = fc(x)\n",
                after="fc = L.Linear(3, 2, initial_bias=0.1)\ny = fc(x)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="fc = L.Linear(3, 2, bias=0.1, initial_bias=0.5)\ny = fc(x)\n",
                after="fc = L.Linear(3, 2, initial_bias=0.5)\ny = fc(x)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="fc = L.Linear(3, 2, bias=0)\ny = fc(x)\n",
                after="fc = L.Linear(3, 2)\ny = fc(x)\n",
                setup=_SETUP, compare=("y",)),
    ),
)
