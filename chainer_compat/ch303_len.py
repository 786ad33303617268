"""CH303 variable-len: ``len(Variable)`` is the number of elements for v1 callers.

Chainer 1.24: ``len(v)`` is ``v.data.size`` (6 for shape (2, 3), 1 for a
0-dim variable). Chainer 2+: ``len(v.array)``, the first dimension (a 0-dim
variable raises ``TypeError``), silently for ndim >= 2. ``Variable.__len__``
is patched: v1 callers (catalogue R6) get the size, Chainer's own code
(``F.transpose_sequence``, ``F.pad_sequence``, ...) and declared v7 code
get the first dimension. A v1 ``len()`` whose value differs from 7.8.1's
(ndim != 1) warns once per call site with CH303.
"""
import functools

import chainer

from chainer_compat import _caller, _warn

#: Codes this module restores (and warns with).
CODES = ("CH303",)


def wrap_len(original):
    """Wrap ``Variable.__len__``: ``self.size`` for v1 callers."""

    @functools.wraps(original)
    def __len__(self):
        if not _caller.v1_caller():
            return original(self)
        array = self.array
        if array is None:
            return original(self)
        if array.ndim != 1:
            _warn.warn("CH303", "len(Variable)")
        return int(array.size)

    return __len__


def install(patcher):
    """Install the CH303 patch with ``patcher`` (a ``chainer_compat._patch.Patcher``)."""
    cls = chainer.Variable
    patcher.set(cls, "__len__", wrap_len(cls.__dict__["__len__"]))
