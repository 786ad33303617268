"""CH203 wscale: ``wscale=`` of ``L.Linear``, ``L.Convolution2D``, ``L.Deconvolution2D``,
``L.DilatedConvolution2D``, ``L.Maxout`` and ``L.MLPConvolution2D``.

Chainer 1.24 multiplied the standard deviation of the default initializer
(and a scalar or array ``initialW``) by ``sqrt(wscale)``: ``Linear``,
``Convolution2D``, ``Maxout`` and ``MLPConvolution2D`` (each inner
convolution) drew from ``HeNormal(sqrt(wscale) / sqrt(2))``;
``Deconvolution2D`` and ``DilatedConvolution2D`` drew from ``HeNormal(1 /
sqrt(2))`` and multiplied the float32 array in place by ``sqrt(wscale)``.
Chainer 2+ rejects ``wscale`` (catalogue CH203).

The constructor wrapper pops the keyword (CH302, installed outermost, turns
v1 positional slots into keywords first) and, when it is not 1, passes an
``initialW`` (``conv_init`` for ``MLPConvolution2D``) that gives the v1
arrays bit for bit: ``scaled_initializer``. A callable ``initialW`` is
applied, then multiplied by ``sqrt(wscale)`` (1.24 itself crashed there for
``Linear``/``Convolution2D``). Warns CH203 once per call site.
"""
import functools
import importlib
import math

import numpy

from chainer import initializer, initializers

from chainer_compat import _warn

#: Codes this module restores (and warns with).
CODES = ("CH203",)

#: (module, class, keyword of the weight initializer, v1 scales after drawing)
LINKS = (
    ("chainer.links.connection.linear", "Linear", "initialW", False),
    ("chainer.links.connection.convolution_2d", "Convolution2D", "initialW", False),
    ("chainer.links.activation.maxout", "Maxout", "initialW", False),
    ("chainer.links.connection.mlp_convolution_2d", "MLPConvolution2D", "conv_init", False),
    ("chainer.links.connection.deconvolution_2d", "Deconvolution2D", "initialW", True),
    ("chainer.links.connection.dilated_convolution_2d", "DilatedConvolution2D", "initialW", True),
)


class _ScaleAfter(initializer.Initializer):
    """Fill with ``base``, then multiply the array in place by ``scale`` (v1 ``init_weight``)."""

    def __init__(self, base, scale):
        super(_ScaleAfter, self).__init__(getattr(base, "dtype", None))
        self.base = base
        self.scale = scale

    def __call__(self, array):
        self.base(array)
        array *= self.scale


def scaled_initializer(initial, wscale, after):
    """The 7.8.1 ``initialW`` that reproduces Chainer 1.24's ``initialW=initial, wscale=wscale``.

    Args:
        initial: ``None``, a scalar, an array or a callable initializer.
        wscale (float): the v1 ``wscale`` (not 1).
        after (bool): True for the links that drew first and scaled afterwards
            (``Deconvolution2D``, ``DilatedConvolution2D``).

    Returns:
        An initializer, a scalar or an array for the 7.8.1 constructor.
    """
    scale = math.sqrt(wscale)
    if initial is None:
        if after:
            return _ScaleAfter(initializers.HeNormal(1 / numpy.sqrt(2)), scale)
        return initializers.HeNormal(scale / numpy.sqrt(2))
    if numpy.isscalar(initial) or isinstance(initial, numpy.ndarray):
        if after:
            return _ScaleAfter(initializers.Constant(initial), scale)
        return initial * scale
    if hasattr(initial, "__array__") and not callable(initial):   # a CuPy array
        return initial * scale
    return _ScaleAfter(initial, scale)


def wrap_init(original, keyword, after):
    """Wrap a link constructor to accept the v1 ``wscale`` keyword."""

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        if "wscale" not in kwargs:
            return original(self, *args, **kwargs)
        wscale = kwargs.pop("wscale")
        _warn.warn("CH203", "L.%s(wscale=...)" % type(self).__name__)
        if wscale != 1:
            kwargs[keyword] = scaled_initializer(kwargs.get(keyword), wscale, after)
        return original(self, *args, **kwargs)

    return __init__


def install(patcher):
    """Install the constructor wrappers with ``patcher``."""
    for module, name, keyword, after in LINKS:
        cls = getattr(importlib.import_module(module), name)
        patcher.set(cls, "__init__", wrap_init(cls.__dict__["__init__"], keyword, after))
