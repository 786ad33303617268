"""CH104 volatile: the ``volatile`` flag of Variable and chainer.Flag."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "a = np.arange(6, dtype=np.float32).reshape(2, 3)\n"
)

RULE = Rule(
    code="CH104",
    name="volatile",
    title="`volatile=` of Variable, `.volatile`, chainer.Flag/ON/OFF/AUTO; graphs are switched by no_backprop_mode",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Volatile flag is removed'",
    fix="drop `volatile=`; for 'on', put the statements that use the variable under "
        "`with chainer.no_backprop_mode():`",
    examples=(
        Example(before="v = chainer.Variable(a, volatile='on')\ny = F.relu(v)\nno_graph = y.creator is None\n",
                after="with chainer.no_backprop_mode():\n    v = chainer.Variable(a)\n    y = F.relu(v)\n"
                      "no_graph = y.creator is None\n",
                setup=_SETUP, compare=("y", "no_graph")),
        Example(before="v = chainer.Variable(a, volatile='off')\ny = F.relu(v)\n",
                after="v = chainer.Variable(a)\ny = F.relu(v)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="v = chainer.Variable(a, volatile='auto')\ny = F.relu(v)\n",
                after="v = chainer.Variable(a)\ny = F.relu(v)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="v = chainer.Variable(a, False)\ny = F.relu(v)\n",
                after="v = chainer.Variable(a)\ny = F.relu(v)\n",
                setup=_SETUP, compare=("y",)),
        # a flag read from elsewhere: the codemod cannot tell its value
        Example(before="def f(a, flag):\n    return chainer.Variable(a, volatile=flag)\n",
                setup=_SETUP, findings=("CH104",)),
    ),
)
