"""CH306 batch-normalization-function-signature: F.batch_normalization takes eps .. decay by keyword only."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "x = np.linspace(-1, 1, 12, dtype=np.float32).reshape(4, 3)\n"
    "g = np.ones(3, dtype=np.float32)\n"
    "b = np.zeros(3, dtype=np.float32)\n"
)

RULE = Rule(
    code="CH306",
    name="batch-normalization-function-signature",
    title="F.batch_normalization(x, gamma, beta, **kwargs) since v2: a positional eps, "
          "running_mean, running_var or decay raises TypeError",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2: batch_normalization(x, gamma, beta, **kwargs)",
    fix="pass eps, running_mean, running_var and decay by keyword",
    examples=(
        Example(before="y = F.batch_normalization(x, g, b, 1e-3)\n",
                after="y = F.batch_normalization(x, g, b, eps=1e-3)\n",
                setup=_SETUP, compare=("y",)),
        # 1.24 updated copies of the running arrays, never the caller's: the exact v2 form
        # passes none (7.8.1 would update them in place)
        Example(before="mean, var = np.zeros(3, dtype=np.float32), np.ones(3, dtype=np.float32)\n"
                       "y = F.batch_normalization(x, g, b, 1e-3, mean, var, 0.8)\n",
                after="mean, var = np.zeros(3, dtype=np.float32), np.ones(3, dtype=np.float32)\n"
                      "y = F.batch_normalization(x, g, b, eps=1e-3)\n",
                setup=_SETUP, compare=("y", "mean", "var")),
    ),
)
