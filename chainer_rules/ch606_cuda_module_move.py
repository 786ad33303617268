"""CH606 cuda-module-move: ``chainer.cuda`` is ``chainer.backends.cuda`` since v4."""
from chainer_rules.registry import Example, Rule, SAFE

RULE = Rule(
    code="CH606",
    name="cuda-module-move",
    title="chainer.cuda moved to chainer.backends.cuda (chainer.cuda is still the same module); "
          "get_array_module is chainer.backend.get_array_module",
    safety=SAFE,
    since="4.0.0",
    upgrade="Chainer v4 upgrade guide: 'chainer.cuda moved to chainer.backends.cuda'",
    fix="`from chainer.backends import cuda`; `chainer.backend.get_array_module(x)` "
        "(both v7-only spellings; the old ones still work)",
    examples=(
        Example(before="from chainer import cuda\n",
                after="from chainer.backends import cuda\n"),
        Example(before="xp = chainer.cuda.get_array_module(x)\nn = xp.sum(x)\n",
                after="xp = chainer.backend.get_array_module(x)\nn = xp.sum(x)\n",
                setup="import numpy\nimport chainer\nx = numpy.arange(4.0)\n",
                compare=("n",)),
    ),
)
