"""CH215 copyparams-persistents: ``Link.copyparams`` also copies persistent values since v5."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "\n"
    "\n"
    "class Counter(chainer.Link):\n"
    "    def __init__(self):\n"
    "        super(Counter, self).__init__()\n"
    "        with self.init_scope():\n"
    "            self.w = chainer.Parameter(np.zeros(2, dtype=np.float32))\n"
    "        self.add_persistent('count', np.zeros(2, dtype=np.float32))\n"
    "\n"
    "\n"
    "q_func = Counter()\n"
    "q_func.w.array[...] = 3\n"
    "q_func.count[...] = 5\n"
    "target_q = Counter()\n"
)

RULE = Rule(
    code="CH215",
    name="copyparams-persistents",
    title="link.copyparams(src) also copies persistent values (BatchNormalization's avg_mean, "
          "avg_var, N) since v5; v1 copied parameter arrays only (silent)",
    safety=SAFE,
    since="5.0.0",
    upgrade="not in the v2 upgrade guide; Chainer v5 release notes (copy_persistent)",
    fix="pass `copy_persistent=False`: `dst.copyparams(src, copy_persistent=False)`",
    examples=(
        Example(before="target_q.copyparams(q_func)\ncount = target_q.count\nw = target_q.w\n",
                after="target_q.copyparams(q_func, copy_persistent=False)\n"
                      "count = target_q.count\nw = target_q.w\n",
                setup=_SETUP, compare=("count", "w")),
    ),
)
