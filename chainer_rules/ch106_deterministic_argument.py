"""CH106 deterministic-argument: deterministic= of convolutions moved to chainer.config in v2."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "import chainer.links as L\n"
    "x = np.linspace(-1, 1, 32, dtype=np.float32).reshape(1, 2, 4, 4)\n"
    "W = np.linspace(-1, 1, 36, dtype=np.float32).reshape(2, 2, 3, 3)\n"
)

RULE = Rule(
    code="CH106",
    name="deterministic-argument",
    title="`deterministic=` of F.convolution_2d, F.deconvolution_2d, L.Convolution2D and "
          "L.Deconvolution2D raises ValueError since v2; chainer.config.cudnn_deterministic",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Global configurations' (cudnn_deterministic)",
    fix="drop `deterministic=False`; for True run the call under "
        "`with chainer.using_config('cudnn_deterministic', True):`",
    examples=(
        Example(before="y = F.convolution_2d(x, W, deterministic=True)\n",
                after="with chainer.using_config('cudnn_deterministic', True):\n"
                      "    y = F.convolution_2d(x, W)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="y = F.deconvolution_2d(x, W, deterministic=False)\n",
                after="y = F.deconvolution_2d(x, W)\n",
                setup=_SETUP, compare=("y",)),
        # a local link whose every call is visible: the calls run under the setting
        Example(before="def f(x):\n    conv = L.Convolution2D(2, 2, 3, initialW=W, deterministic=True)\n"
                       "    return conv(x)\ny = f(x)\n",
                after="def f(x):\n    conv = L.Convolution2D(2, 2, 3, initialW=W)\n"
                      "    with chainer.using_config('cudnn_deterministic', True):\n"
                      "        return conv(x)\ny = f(x)\n",
                setup=_SETUP, compare=("y",)),
        # a link whose calls the codemod cannot see: D
        Example(before="conv = L.Convolution2D(2, 3, 3, deterministic=True)\ny = conv(x)\n",
                setup=_SETUP, findings=("CH106",)),
    ),
)
