"""CH601 cuda-array-helpers: ``chainer.cuda.empty/zeros/ones/full``, their ``*_like`` and ``init`` left in v2."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = "import numpy\nimport chainer\n"

RULE = Rule(
    code="CH601",
    name="cuda-array-helpers",
    title="chainer.cuda.empty/empty_like/full/full_like/ones/ones_like/zeros/zeros_like/init "
          "(CuPy wrappers with a float32 default dtype) are gone",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'CuPy has been separated from Chainer'",
    fix="use CuPy: `cuda.cupy.zeros(shape, dtype=numpy.float32)` (CuPy's default dtype is "
        "float64), `cuda.cupy.zeros_like(a)`; `cuda.init()` -> `cuda.check_cuda_available()`",
    examples=(
        Example(before="buf = lambda n, d: chainer.cuda.zeros((n, d))\n",
                after="buf = lambda n, d: chainer.cuda.cupy.zeros((n, d), dtype=numpy.float32)\n",
                setup=_SETUP),
        Example(before="make = lambda: chainer.cuda.full((2, 3), 7, numpy.int32, stream=None)\n",
                after="make = lambda: chainer.cuda.cupy.full((2, 3), 7, numpy.int32)\n",
                setup=_SETUP),
        Example(before="like = lambda a: chainer.cuda.ones_like(a)\n",
                after="like = lambda a: chainer.cuda.cupy.ones_like(a)\n",
                setup=_SETUP),
        Example(before="check = lambda: chainer.cuda.init()\n",
                after="check = lambda: chainer.cuda.check_cuda_available()\n",
                setup=_SETUP),
        Example(before="make = lambda s: chainer.cuda.zeros((2, 3), stream=s)\n",
                setup=_SETUP, findings=("CH601",)),
        # a file that catches RuntimeError: without CUDA the error type changes (reported)
        Example(before="try:\n    buf = chainer.cuda.zeros((2, 3))\nexcept RuntimeError:\n    buf = None\n",
                after="try:\n    buf = chainer.cuda.cupy.zeros((2, 3), dtype=numpy.float32)\n"
                      "except RuntimeError:\n    buf = None\n",
                setup=_SETUP, findings=("CH601",)),
    ),
)
