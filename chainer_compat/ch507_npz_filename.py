"""CH507 renamed-keywords: ``save_npz(filename=...)`` / ``load_npz(filename=...)``.

Chainer 1.24: ``serializers.save_npz(filename, obj, compression=True)`` and
``load_npz(filename, obj)``. Chainer 7.8.1 names the first parameter ``file``
(same position), so ``save_npz(filename=F, obj=O)`` raises ``TypeError:
save_npz() got an unexpected keyword argument 'filename'`` (catalogue CH507,
loud). The other renamed keywords of CH507 (``log_name``, ``file_name``,
``out_name``, ``n_fold``) are still accepted by 7.8.1 and need nothing.

The shim renames the keyword ``filename`` to ``file`` and calls the stock
function; calls without it reach the stock function unchanged.
"""
import functools

from chainer.serializers import npz

from chainer_compat import _warn

#: Codes this module restores (and warns with).
CODES = ("CH507",)


def wrap(original):
    """Wrap ``save_npz`` / ``load_npz`` to accept v1's ``filename=`` keyword."""

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        if "filename" in kwargs and "file" not in kwargs:
            _warn.warn("CH507", "serializers.%s(filename=...)" % original.__name__)
            kwargs["file"] = kwargs.pop("filename")
        return original(*args, **kwargs)

    return wrapper


def install(patcher):
    """Install the CH507 wrappers with ``patcher`` (every binding in ``chainer``)."""
    for name in ("save_npz", "load_npz"):
        original = getattr(npz, name)
        patcher.set_everywhere(original, wrap(original))
