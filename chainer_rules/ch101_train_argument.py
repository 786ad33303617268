"""CH101 train-argument: ``train=`` left Chainer's functions in v2."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "x = np.arange(12, dtype=np.float32).reshape(3, 4)\n"
)

RULE = Rule(
    code="CH101",
    name="train-argument",
    title="`train=` of F.dropout, F.zoneout, F.n_step_*, NStep* links, GoogLeNet and "
          "CaffeFunction calls; the mode is chainer.config.train",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Global configurations' (train argument removed)",
    fix="drop `train=` and run the call under `with chainer.using_config('train', VALUE):`",
    examples=(
        # a loaded Caffe net (R5: a local name bound to CaffeFunction): __call__ slot 3
        Example(before="func = CaffeFunction('net.caffemodel')\n"
                       "y, = func(inputs={'data': x}, outputs=['drop'], train=False)\n"
                       "z, = func({'data': x}, ['drop'], (), True)\n",
                after="func = CaffeFunction('net.caffemodel')\n"
                      "with chainer.using_config('train', False):\n"
                      "    y, = func(inputs={'data': x}, outputs=['drop'])\n"
                      "z, = func({'data': x}, ['drop'], ())\n",
                setup=_SETUP + "from chainer.links.caffe import CaffeFunction\n"),
        Example(before="y = F.dropout(x, train=False)\n",
                after="with chainer.using_config('train', False):\n    y = F.dropout(x)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="y = F.dropout(x, 0.5, True)\n",
                after="y = F.dropout(x, 0.5)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="y = F.dropout(x, ratio=0.3, train=True)\n",
                after="y = F.dropout(x, ratio=0.3)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="flag = False\ny = F.dropout(x, train=flag)\n",
                after="flag = False\nwith chainer.using_config('train', flag):\n    y = F.dropout(x)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="from chainer.functions import dropout\ny = dropout(x, train=False)\n",
                after="from chainer.functions import dropout\n"
                      "with chainer.using_config('train', False):\n    y = dropout(x)\n",
                setup=_SETUP, compare=("y",)),
        # not Chainer's function: never touched
        Example(before="def dropout(x, train=True):\n    return x\ny = dropout(x, train=False)\n",
                setup=_SETUP, compare=("y",)),
    ),
)
