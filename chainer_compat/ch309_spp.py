"""CH309 spatial-pyramid-pooling-class: ``pooling_class=MaxPooling2D`` -> ``pooling='max'``.

Chainer 1.24: ``F.spatial_pyramid_pooling_2d(x, pyramid_height,
pooling_class, use_cudnn=True)``; ``pooling_class`` had to be
``F.MaxPooling2D`` (``NotImplementedError`` otherwise). Chainer 7.8.1:
``(x, pyramid_height, pooling=None)`` with ``pooling='max'``;
``pooling_class=`` raises ``TypeError``. The wrapper maps ``pooling_class``
(keyword; the v1 slot 2 reaches it as a keyword through CH302) to
``pooling='max'`` when it is a class named ``MaxPooling2D`` (v1's, 7.8.1's
node class or the CH304 adapter) and raises ``NotImplementedError`` like 1.24
for anything else (a string there is 7.8.1's ``pooling`` and passes
through). ``use_cudnn`` is left to CH105 (the wrapper below).
Warns once per call site with CH309.
"""
import functools

import chainer.functions as F

from chainer_compat import _warn

#: Codes this module restores (and warns with).
CODES = ("CH309",)


def is_max_pooling_class(value):
    """True for a class (or CH304 adapter) named ``MaxPooling2D``."""
    return getattr(value, "__name__", None) == "MaxPooling2D"


def wrap_spp(original):
    """Wrap ``F.spatial_pyramid_pooling_2d`` to accept the v1 ``pooling_class``."""

    @functools.wraps(original)
    def spatial_pyramid_pooling_2d(*args, **kwargs):
        if "pooling_class" not in kwargs:
            return original(*args, **kwargs)
        pooling_class = kwargs.pop("pooling_class")
        _warn.warn("CH309", "F.spatial_pyramid_pooling_2d(pooling_class=...)")
        if "pooling" in kwargs:
            raise TypeError("spatial_pyramid_pooling_2d() got both pooling_class and pooling")
        if isinstance(pooling_class, str):   # 7.8.1's spelling in the v1 slot
            return original(*args, pooling=pooling_class, **kwargs)
        if not is_max_pooling_class(pooling_class):
            raise NotImplementedError()
        return original(*args, pooling="max", **kwargs)

    return spatial_pyramid_pooling_2d


def install(patcher):
    """Install the CH309 wrapper with ``patcher`` (a ``chainer_compat._patch.Patcher``)."""
    current = F.spatial_pyramid_pooling_2d
    patcher.set_everywhere(current, wrap_spp(current))
