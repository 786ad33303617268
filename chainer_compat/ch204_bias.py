"""CH204 bias-argument: ``bias=`` of ``L.Linear``, ``L.Convolution2D``, ``L.Deconvolution2D``,
``L.DilatedConvolution2D``.

Chainer 1.24 took ``bias=0``, the constant initial value of the bias, used
when ``initial_bias`` is None. Chainer 2+ rejects it (catalogue CH204). The
constructor wrapper pops the keyword (CH302 turns the v1 positional slot into
it first) and passes ``initial_bias=bias`` when ``initial_bias`` is None.
Warns CH204 once per call site.
"""
import functools
import importlib

from chainer_compat import _warn

#: Codes this module restores (and warns with).
CODES = ("CH204",)

LINKS = (
    ("chainer.links.connection.linear", "Linear"),
    ("chainer.links.connection.convolution_2d", "Convolution2D"),
    ("chainer.links.connection.deconvolution_2d", "Deconvolution2D"),
    ("chainer.links.connection.dilated_convolution_2d", "DilatedConvolution2D"),
)


def wrap_init(original):
    """Wrap a link constructor to accept the v1 ``bias`` keyword."""

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        if "bias" not in kwargs:
            return original(self, *args, **kwargs)
        bias = kwargs.pop("bias")
        _warn.warn("CH204", "L.%s(bias=...)" % type(self).__name__)
        if kwargs.get("initial_bias") is None:
            kwargs["initial_bias"] = bias
        return original(self, *args, **kwargs)

    return __init__


def install(patcher):
    """Install the constructor wrappers with ``patcher``."""
    for module, name in LINKS:
        cls = getattr(importlib.import_module(module), name)
        patcher.set(cls, "__init__", wrap_init(cls.__dict__["__init__"]))
