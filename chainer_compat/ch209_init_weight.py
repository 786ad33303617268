"""CH209 init-weight: ``chainer.initializers.init_weight`` (also ``chainer.init_weight``).

Chainer 1.24's ``init_weight(weights, initializer, scale=1.0)`` filled an
existing array in place: ``None`` -> ``HeNormal(1 / sqrt(2))``, a scalar or
an array -> ``Constant``, a callable -> called on the array; then
``weights *= scale``. Chainer 2+ removed it (``AttributeError: module
'chainer.initializers' has no attribute 'init_weight'``; catalogue CH209).
The shim re-adds both names (process-wide), built from the 7.8.1
initializers, which draw the same numbers; each call warns CH209.
"""
import numpy

import chainer
from chainer import initializers

from chainer_compat import _warn

#: Codes this module restores (and warns with).
CODES = ("CH209",)


def init_weight(weights, initializer, scale=1.0):
    """Fill ``weights`` (a NumPy/CuPy array) in place, Chainer 1.24 semantics.

    Args:
        weights: the array to fill (any float dtype, any shape).
        initializer: ``None`` (``HeNormal(1 / sqrt(2))``), a scalar or an
            array (a constant, broadcast), or a callable taking the array.
        scale: multiplies the array afterwards (in place).

    Raises:
        AssertionError: ``initializer`` is none of these (as in 1.24).
    """
    _warn.warn("CH209", "chainer.initializers.init_weight(...)")
    if initializer is None:
        initializer = initializers.HeNormal(1 / numpy.sqrt(2))
    elif numpy.isscalar(initializer) or isinstance(initializer, chainer.get_array_types()):
        initializer = initializers.Constant(initializer)
    assert callable(initializer)
    initializer(weights)
    weights *= scale


def install(patcher):
    """Add ``init_weight`` to ``chainer.initializers`` and ``chainer`` with ``patcher``."""
    patcher.set(initializers, "init_weight", init_weight)
    patcher.set(chainer, "init_weight", init_weight)
