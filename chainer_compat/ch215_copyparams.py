"""CH215 copyparams-persistents: ``Link.copyparams`` copies parameter arrays only for v1 code.

Chainer 1.24's ``dst.copyparams(src)`` copied the parameter arrays and
nothing else. Chainer 5+ (``copyparams(link, copy_persistent=True)``) also
copies persistent values (``BatchNormalization``'s ``avg_mean``, ``avg_var``,
``N``, anything registered with ``add_persistent``), silently; a destination
with a persistent value that the source lacks raises ``KeyError``
(catalogue CH215, probe ``links.copyparams_persistent``).

What the shim does (default restoration, catalogue R6): ``copyparams`` of
``Link``, ``Chain`` and ``ChainList`` called by v1 code without
``copy_persistent`` runs with ``copy_persistent=False``; warns CH215 once per
call site. A call that passes ``copy_persistent`` (v2 code), and calls by
Chainer itself or by code declared v7, reach the stock method unchanged.
"""
import functools

from chainer import link as _link

from chainer_compat import _caller, _warn

#: Codes this module restores (and warns with).
CODES = ("CH215",)

CLASSES = (_link.Link, _link.Chain, _link.ChainList)


def wrap_copyparams(original):
    """Wrap a ``copyparams`` method: v1 callers get ``copy_persistent=False`` by default."""

    @functools.wraps(original)
    def copyparams(self, link, *args, **kwargs):
        if args or "copy_persistent" in kwargs or not _caller.v1_caller():
            return original(self, link, *args, **kwargs)
        _warn.warn("CH215", "%s.copyparams(...) without copy_persistent= "
                   "(v1 copied no persistent values)" % type(self).__name__)
        return original(self, link, copy_persistent=False, **kwargs)

    return copyparams


def install(patcher):
    """Install the ``copyparams`` wrappers with ``patcher``."""
    for cls in CLASSES:
        patcher.set(cls, "copyparams", wrap_copyparams(cls.__dict__["copyparams"]))
