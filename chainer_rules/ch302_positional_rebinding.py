"""CH302 positional-rebinding: v1 positional calls re-bind where v2+ removed or inserted parameters."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "import chainer.links as L\n"
    "x = np.linspace(-1, 1, 32, dtype=np.float32).reshape(1, 2, 4, 4)\n"
)

RULE = Rule(
    code="CH302",
    name="positional-rebinding",
    title="36 parameters changed position (A8) and 16 slots changed name (A11): a v1 positional "
          "call lands in another parameter on 7.8.1 (L.Linear(784, 100, 1.0) has no bias, "
          "F.softmax_cross_entropy(x, t, False) is normalize=False)",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: removed arguments (use_cudnn, wscale, ...); "
            "later inserted parameters (return_indices, dilate, pad_value, axis)",
    fix="pass the arguments from the first differing position on by keyword "
        "(named after the v1 parameter), then drop the removed ones",
    examples=(
        Example(before="d = L.DeconvolutionND(2, 2, 3, 3, 1, 0, (6, 6))\ny = d(x)\n",
                after="d = L.DeconvolutionND(2, 2, 3, 3, 1, 0, outsize=(6, 6))\ny = d(x)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="d = L.DeconvolutionND(2, 2, 3, 3, 1, 0)\ny = d(x)\n",
                setup=_SETUP, compare=("y",)),
    ),
)
