"""CH108 type-check-enable: Function.type_check_enable became chainer.config.type_check in v2."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "x = np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3)\n"
)

RULE = Rule(
    code="CH108",
    name="type-check-enable",
    title="chainer.Function.type_check_enable is gone since v2 (reading raises AttributeError, "
          "assigning is silently ignored); chainer.config.type_check",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Global configurations' (type_check)",
    fix="`chainer.global_config.type_check = E` instead of "
        "`chainer.Function.type_check_enable = E`; read `chainer.config.type_check`",
    examples=(
        Example(before="chainer.Function.type_check_enable = False\ny = F.relu(x)\n"
                       "chainer.Function.type_check_enable = True\n",
                after="chainer.global_config.type_check = False\ny = F.relu(x)\n"
                      "chainer.global_config.type_check = True\n",
                setup=_SETUP, compare=("y",)),
        Example(before="on = chainer.Function.type_check_enable\n",
                after="on = chainer.config.type_check\n",
                setup=_SETUP, compare=("on",)),
        # a user subclass: D
        Example(before="class Mine(chainer.Function):\n    pass\nMine.type_check_enable = False\n",
                setup=_SETUP, findings=("CH108",)),
    ),
)
