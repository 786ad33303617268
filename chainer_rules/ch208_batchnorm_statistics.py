"""CH208 batchnorm-statistics: running statistics of L.BatchNormalization changed in v4/v5.

Chainer 1.24 started ``avg_var`` at 0 and added eps to the batch variance in
the running-variance update (CPU, or GPU without cuDNN); Chainer 7.8.1 starts
at 1 (``initial_avg_var``, v5) and adds no eps (v4). The start is restored by
``initial_avg_var=0``; the eps term has no argument, so the examples compare
only what the codemod reproduces exactly (test mode before training, the
training output and ``avg_mean``); the shim's tests cover the eps term.
"""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.links as L\n"
    "x = np.linspace(-1, 2, 12, dtype=np.float32).reshape(3, 4)\n"
)

RULE = Rule(
    code="CH208",
    name="batchnorm-statistics",
    title="L.BatchNormalization's running variance starts at 1 (v5) and its update omits eps "
          "(v4); test-mode outputs change silently",
    safety=SAFE,  # initial_avg_var=0 is exact; the eps term it cannot express is reported for review
    since="5.0.0 (avg_var start; the eps change is in 4.0.0)",
    upgrade="Chainer library history (v4: running variance without eps; v5: initial_avg_var), "
            "catalogue CH208",
    fix="pass `initial_avg_var=0` to `L.BatchNormalization(...)`; the eps term of the v1 "
        "running-variance update cannot be written as an argument",
    examples=(
        # test mode right after construction: avg_var 0 (v1) instead of 1
        Example(before="bn = L.BatchNormalization(4)\ny = bn(x, test=True)\nvar = bn.avg_var\n",
                after="bn = L.BatchNormalization(4, initial_avg_var=0)\n"
                      "with chainer.using_config('train', False):\n    y = bn(x)\n"
                      "var = bn.avg_var\n",
                setup=_SETUP, compare=("y", "var"), findings=("CH208",)),
        # a training call: the output and avg_mean are exact; avg_var differs by v1's eps term
        Example(before="bn = L.BatchNormalization(4, decay=0.5)\ny = bn(x)\nmean = bn.avg_mean\n",
                after="bn = L.BatchNormalization(4, decay=0.5, initial_avg_var=0)\ny = bn(x)\n"
                      "mean = bn.avg_mean\n",
                setup=_SETUP, compare=("y", "mean"), findings=("CH208",)),
        Example(before="import chainer.links\nbn = chainer.links.BatchNormalization(4, 0.9, 2e-5)\n",
                after="import chainer.links\n"
                      "bn = chainer.links.BatchNormalization(4, 0.9, 2e-5, initial_avg_var=0)\n",
                setup=_SETUP, findings=("CH208",)),
        # already given: nothing to add
        Example(before="bn = L.BatchNormalization(4, initial_avg_var=0)\n",
                setup=_SETUP),
    ),
)
