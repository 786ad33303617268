"""CH608 deprecated-in-v7: v1 idioms that still run on 7.8.1 but are deprecated (some warn)."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = ("import numpy as np\nimport chainer\nimport chainer.links as L\n"
          "from chainer import gradient_check, testing\n")

RULE = Rule(
    code="CH608",
    name="deprecated-in-v7",
    title="zerograds(), zerograd(), gradient_check.assert_allclose, cuda.to_gpu/get_device, "
          "DebugMode, PrintHook(sep=) and others still run but are deprecated in 7.8.1",
    safety=SAFE,
    since="various (3.0.0-7.8.1)",
    upgrade="Chainer v2 upgrade guide: 'Use cleargrads instead of zerograds'; catalogue appendix A14",
    fix="`cleargrads()` / `cleargrad()`, `testing.assert_allclose`, `chainer.backend` / "
        "`device.send`, `chainer.set_debug`",
    examples=(
        Example(before="link = L.Linear(2, 2)\nlink.zerograds()\n",
                after="link = L.Linear(2, 2)\nlink.cleargrads()\n",
                setup=_SETUP),
        Example(before="v = chainer.Variable(np.ones(2, dtype=np.float32))\nv.zerograd()\n",
                after="v = chainer.Variable(np.ones(2, dtype=np.float32))\nv.cleargrad()\n",
                setup=_SETUP),
        Example(before="gradient_check.assert_allclose(np.ones(2), np.ones(2))\n",
                after="testing.assert_allclose(np.ones(2), np.ones(2))\n",
                setup=_SETUP),
        Example(before="x = chainer.cuda.to_gpu(np.ones(2))\n",
                setup=_SETUP, findings=("CH608",)),
    ),
)
