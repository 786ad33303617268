"""CH305 matmul-semantics: F.matmul follows numpy.matmul since v3."""
from chainer_rules.registry import Example, Rule, REVIEW

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "v = np.arange(3, dtype=np.float32)\n"
    "m = np.arange(6, dtype=np.float32).reshape(3, 2)\n"
)

RULE = Rule(
    code="CH305",
    name="matmul-semantics",
    title="F.matmul follows numpy.matmul since v3: 1-D operands are vectors, not (n, 1) columns "
          "(v1 matmul(v, w, transa=True) has shape (1, 1)); 3-D operands are batched",
    safety=REVIEW,
    since="3.0.0",
    upgrade="Chainer v3 release notes: 'F.matmul supports batched matrices (numpy.matmul)'",
    fix="reshape 1-D operands to columns: `F.matmul(F.reshape(v, (-1, 1)), ...)`; "
        "use F.matmul for batches instead of F.batch_matmul",
    examples=(
        Example(before="y = F.matmul(v, v, transa=True)\n",
                setup=_SETUP, findings=("CH305",)),
        Example(before="y = F.matmul(m, m, transa=True)\n",
                setup=_SETUP, compare=("y",), findings=("CH305",)),
    ),
)
