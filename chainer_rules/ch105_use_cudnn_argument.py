"""CH105 use-cudnn-argument: ``use_cudnn=`` left Chainer's functions and links in v2."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "import chainer.links as L\n"
    "x = np.linspace(-1, 1, 12, dtype=np.float32).reshape(3, 4)\n"
    "t = np.array([0, 3, 1], dtype=np.int32)\n"
    "img = np.linspace(-1, 1, 32, dtype=np.float32).reshape(1, 2, 4, 4)\n"
)

RULE = Rule(
    code="CH105",
    name="use-cudnn-argument",
    title="`use_cudnn=` of 27 functions (F.relu, F.max_pooling_2d, F.convolution_2d, F.n_step_*, ...) "
          "and of the convolution, BatchNormalization and NStep* link constructors; cuDNN use "
          "is chainer.config.use_cudnn",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Global configurations' (use_cudnn argument removed)",
    fix="drop `use_cudnn=True`; for False run the call (for a link: every call of it) under "
        "`with chainer.using_config('use_cudnn', 'never'):`",
    examples=(
        Example(before="y = F.relu(x, use_cudnn=False)\n",
                after="with chainer.using_config('use_cudnn', 'never'):\n    y = F.relu(x)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="y = F.relu(x, use_cudnn=True)\n",
                after="y = F.relu(x)\n",
                setup=_SETUP, compare=("y",)),
        # the v1 positional slot of F.relu does not exist in v7: trivial
        Example(before="y = F.relu(x, False)\n",
                after="with chainer.using_config('use_cudnn', 'never'):\n    y = F.relu(x)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="h = F.max_pooling_2d(img, 3, stride=2, use_cudnn=False)\n",
                after="with chainer.using_config('use_cudnn', 'never'):\n"
                      "    h = F.max_pooling_2d(img, 3, stride=2)\n",
                setup=_SETUP, compare=("h",)),
        Example(before="loss = F.softmax_cross_entropy(x, t, use_cudnn=False)\n",
                after="with chainer.using_config('use_cudnn', 'never'):\n"
                      "    loss = F.softmax_cross_entropy(x, t)\n",
                setup=_SETUP, compare=("loss",)),
        Example(before="flag = False\ny = F.sigmoid(x, use_cudnn=flag)\n",
                after="flag = False\n"
                      "with chainer.using_config('use_cudnn', 'auto' if flag else 'never'):\n"
                      "    y = F.sigmoid(x)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="conv = L.Convolution2D(2, 3, 3, use_cudnn=True)\ny = conv(img)\n",
                after="conv = L.Convolution2D(2, 3, 3)\ny = conv(img)\n",
                setup=_SETUP, compare=("y",)),
        # catalogue R2: the v1 slot 1 of F.softmax is use_cudnn, slot 2 axis; both
        # move to keywords and use_cudnn is dropped in the same run
        Example(before="y = F.softmax(x, False, 0)\n",
                after="with chainer.using_config('use_cudnn', 'never'):\n"
                      "    y = F.softmax(x, axis=0)\n",
                setup=_SETUP, compare=("y",)),
        # a link remembers the value: when every call of the (local) link is visible,
        # those calls run under the setting; otherwise it is left for review
        Example(before="def f(img):\n    conv = L.Convolution2D(2, 3, 3, use_cudnn=False)\n"
                       "    h = conv(img)\n    return F.sum(F.relu(h)) + F.sum(conv.b)\ny = f(img)\n",
                after="def f(img):\n    conv = L.Convolution2D(2, 3, 3)\n"
                      "    with chainer.using_config('use_cudnn', 'never'):\n"
                      "        h = conv(img)\n    return F.sum(F.relu(h)) + F.sum(conv.b)\ny = f(img)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="conv = L.Convolution2D(2, 3, 3, use_cudnn=False)\n",
                setup=_SETUP, findings=("CH105",)),
    ),
)
