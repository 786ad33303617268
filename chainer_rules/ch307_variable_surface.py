"""CH307 variable-surface: Variable repr/str/debug_print and operand errors changed in v2."""
from chainer_rules.registry import Example, Rule, SHIM_ONLY

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "x = chainer.Variable(np.arange(3, dtype=np.float32), name='x')\n"
)

RULE = Rule(
    code="CH307",
    name="variable-surface",
    title="repr/str of a Variable are NumPy-like since v2 (v1: '<variable x>' / 'x'); "
          "debug_print has no volatile line; a list operand raises TypeError (v1 ValueError); "
          "comparisons raise TypeError (v1 NotImplementedError)",
    safety=SHIM_ONLY,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide (Variable); 7.8.1 Variable.__repr__",
    fix="use `v.name` or `v.array` instead of parsing repr/str; catch TypeError for bad operands",
    examples=(
        Example(before="y = x * 2\n", setup=_SETUP, compare=("y",)),
        # text of a Variable: reported (silent on 7.8.1), nothing to rewrite
        Example(before="key = 'cache_%s' % x\nlabel = repr(x)\n", setup=_SETUP,
                findings=("CH307",)),
    ),
)
