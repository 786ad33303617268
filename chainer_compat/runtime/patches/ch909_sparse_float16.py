"""CH909 scipy-float16-sparse: ``F.sparse_matmul`` with float16 on the CPU.

Chainer 7.8.1 ``functions/math/sparse_matmul.py`` ``_coo_matmul_cpu`` builds
a ``scipy.sparse.coo_matrix`` from the sparse operand's data and multiplies it
with the dense operand. Recent SciPy (1.17.1, 1.18.1, which NumPy 2.4 / 2.5
need) rejects float16 sparse data (SciPy 1.13.1 accepted it and computed in
float32). The patched function passes float16 operands as float32 and casts
the result to the requested dtype, as before.

Source: catalogue CH909; runtime.md section 3 "Other modern-stack issues".
"""
import functools

import numpy

from chainer_compat.runtime.patches import _probe

CODE = 'CH909'


def needed():
    """True when SciPy's COO matrix cannot multiply float16 data."""
    try:
        from scipy import sparse
    except ImportError:
        return False

    def multiply():
        a = sparse.coo_matrix(
            (numpy.ones(1, numpy.float16), (numpy.zeros(1, int),
                                            numpy.zeros(1, int))),
            shape=(1, 1))
        a.dot(numpy.ones((1, 1), numpy.float16))
    return _probe.warns_or_raises(multiply)


def _patched(original):
    @functools.wraps(original)
    def _coo_matmul_cpu(A_data, A_row, A_col, A_shape, B, dtype):
        if A_data.dtype == numpy.float16:
            A_data = A_data.astype(numpy.float32)
        if B.dtype == numpy.float16:
            B = B.astype(numpy.float32)
        return original(A_data, A_row, A_col, A_shape, B, dtype)
    return _coo_matmul_cpu


def _install(module, patcher):
    if not getattr(module, '_scipy_available', False):
        return
    patcher.set(module, '_coo_matmul_cpu', _patched(module._coo_matmul_cpu),
                module.__name__ + '._coo_matmul_cpu', CODE)


HOOKS = {'chainer.functions.math.sparse_matmul': _install}
