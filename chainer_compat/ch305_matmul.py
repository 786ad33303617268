"""CH305 matmul-semantics: ``F.matmul`` of Chainer 1.24 for v1 callers.

Chainer 1.24: operands must be 1-D or 2-D; a 1-D operand is a column vector
(n, 1), so the result is always 2-D (``matmul(v, w, transa=True)`` has shape
(1, 1)); 3-D operands raise ``InvalidType`` (``F.batch_matmul`` is for
batches). Chainer 3+ follows ``numpy.matmul`` (1-D operands are vectors, 3-D
operands are batched). For v1 callers (catalogue R6) the wrapper raises
``chainer.utils.type_check.InvalidType`` for an operand with ndim 0 or > 2
and reshapes 1-D operands to (n, 1) with ``F.reshape`` (gradients come back
in the operand's shape), then calls the stock function: exact
(``x.translate.matmul``). 2-D operands call straight through. A call with a
1-D or 3-D operand warns once per call site with CH305.
"""
import functools

import chainer.functions as F
from chainer.utils import type_check

from chainer_compat import _caller, _warn

#: Codes this module restores (and warns with).
CODES = ("CH305",)


def _ndim(x):
    return getattr(x, "ndim", None)


def wrap_matmul(original):
    """Wrap ``F.matmul`` with the 1.24 operand rules for v1 callers."""

    @functools.wraps(original)
    def matmul(a, b, transa=False, transb=False):
        a_ndim, b_ndim = _ndim(a), _ndim(b)
        if (a_ndim == 2 and b_ndim == 2) or not _caller.v1_caller():
            return original(a, b, transa, transb)
        _warn.warn("CH305", "F.matmul(%s-D, %s-D)" % (a_ndim, b_ndim))
        for i, ndim in enumerate((a_ndim, b_ndim)):
            if ndim is not None and not 1 <= ndim <= 2:
                raise type_check.InvalidType(
                    "in_types[%d].ndim >= 1, in_types[%d].ndim <= 2" % (i, i),
                    "in_types[%d].ndim = %d" % (i, ndim))
        if a_ndim == 1:
            a = F.reshape(a, (-1, 1))
        if b_ndim == 1:
            b = F.reshape(b, (-1, 1))
        return original(a, b, transa, transb)

    return matmul


def install(patcher):
    """Install the CH305 wrapper with ``patcher`` (a ``chainer_compat._patch.Patcher``)."""
    patcher.set_everywhere(F.matmul, wrap_matmul(F.matmul))
