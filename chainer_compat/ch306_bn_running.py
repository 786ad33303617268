"""CH306 batch-normalization-function-signature: ``F.batch_normalization`` leaves the caller's
running statistics alone (v1 callers).

Real Chainer 1.24 copied ``running_mean`` / ``running_var`` into the function
object (``xp.array(...)`` in ``BatchNormalizationFunction.forward``) and updated
the copies, so the caller's arrays never changed (its docstring: "it will not
be possible to access the updated running mean and variance statistics").
7.8.1 updates the given arrays in place. This is where real 1.24 and the
catalogue's CH306 text ("updated in place") disagree; real 1.24 wins.

For v1 callers (R6, ``chainer_compat._caller``) the wrapper passes copies of the
two arrays, so results and the caller's arrays are what 1.24 gave; the call
warns CH306. Calls without ``running_mean`` / ``running_var``, and calls from v7
code, reach the stock function unchanged. The positional v1 form is bound to
keywords by CH302 first (it wraps outermost).
"""
import functools

import chainer.functions as F

from chainer_compat import _caller, _warn

#: Codes this module restores (and warns with).
CODES = ("CH306",)

_KEYS = ("running_mean", "running_var")


def wrap(original):
    """Wrap ``F.batch_normalization``: copy the running arrays for v1 callers."""

    @functools.wraps(original)
    def batch_normalization(x, gamma, beta, **kwargs):
        if not any(kwargs.get(k) is not None for k in _KEYS) or not _caller.v1_caller():
            return original(x, gamma, beta, **kwargs)
        _warn.warn("CH306", "F.batch_normalization(running_mean=..., running_var=...) from v1 code "
                            "(1.24 did not update the caller's arrays)")
        for key in _KEYS:
            if kwargs.get(key) is not None:
                kwargs[key] = kwargs[key].copy()
        return original(x, gamma, beta, **kwargs)

    return batch_normalization


def install(patcher):
    """Install the wrapper on every binding of ``F.batch_normalization``."""
    original = F.batch_normalization
    patcher.set_everywhere(original, wrap(original))
