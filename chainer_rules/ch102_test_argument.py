"""CH102 test-argument: ``test=`` of BatchNormalization (inverted polarity)."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.links as L\n"
    "x = np.arange(12, dtype=np.float32).reshape(3, 4)\n"
    # built v2-style: these examples isolate CH102; the v1 running statistics are CH208
    "bn = L.BatchNormalization(4, initial_avg_var=0)\n"
)

RULE = Rule(
    code="CH102",
    name="test-argument",
    title="`test=` of L.BatchNormalization.__call__; the mode is chainer.config.train",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Global configurations' (test argument removed)",
    fix="drop `test=` and run the call under `with chainer.using_config('train', not VALUE):`",
    examples=(
        Example(before="y = bn(x, test=True)\n",
                after="with chainer.using_config('train', False):\n    y = bn(x)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="y = bn(x, test=False)\n", after="y = bn(x)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="y = bn(x, True)\n",
                after="with chainer.using_config('train', False):\n    y = bn(x)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="train = False\ny = bn(x, test=not train)\n",
                after="train = False\nwith chainer.using_config('train', train):\n    y = bn(x)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="y = bn(x, test=True, finetune=False)\n",
                after="with chainer.using_config('train', False):\n    y = bn(x, finetune=False)\n",
                setup=_SETUP, compare=("y",)),
    ),
)
