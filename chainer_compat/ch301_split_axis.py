"""CH301 split-axis-force-tuple: ``F.split_axis`` returns a Variable for one piece (v1 callers).

Chainer 1.24: ``F.split_axis(x, indices_or_sections, axis, force_tuple=False)``;
a split into a single piece returns that piece as a ``Variable``. Chainer 2+
defaults to ``force_tuple=True`` (always a tuple), silently. The wrapper
passes ``force_tuple=False`` when the call does not give it (keyword or the
v1 slot 3) and the caller is v1 code (catalogue R6); Chainer's own calls and
declared v7 code keep ``True``. A call whose result is a single piece warns
once per call site with CH301 (several pieces come back as a tuple in both
versions).
"""
import functools

import chainer.functions as F

from chainer_compat import _caller, _warn

#: Codes this module restores (and warns with).
CODES = ("CH301",)


def wrap_split_axis(original):
    """Wrap ``F.split_axis``: default ``force_tuple=False`` for v1 callers."""

    @functools.wraps(original)
    def split_axis(*args, **kwargs):
        if len(args) > 3 or "force_tuple" in kwargs or not _caller.v1_caller():
            return original(*args, **kwargs)
        result = original(*args, force_tuple=False, **kwargs)
        if not isinstance(result, tuple):
            _warn.warn("CH301", "F.split_axis(...) without force_tuple (one piece)")
        return result

    return split_axis


def install(patcher):
    """Install the CH301 wrapper with ``patcher`` (a ``chainer_compat._patch.Patcher``)."""
    patcher.set_everywhere(F.split_axis, wrap_split_axis(F.split_axis))
