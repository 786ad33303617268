"""CH106 deterministic-argument: ``deterministic=`` of convolutions and their links.

Chainer 1.24: ``F.convolution_2d(..., deterministic=False)``,
``F.deconvolution_2d(..., deterministic=False)`` and the constructors of
``L.Convolution2D`` / ``L.Deconvolution2D`` (the link kept the value for every
call) asked cuDNN for deterministic algorithms. Chainer 2+ raises
``ValueError: deterministic argument is not supported anymore`` and reads
``chainer.config.cudnn_deterministic``. The shim pops ``deterministic``
(keyword; v1 positional slots reach it as keywords through CH302): a true
value runs the call (for a link: every ``forward``) under
``chainer.using_config('cudnn_deterministic', True)``; false calls straight
through. On CPU the result is the same either way. Warns once per call site
with CH106.
"""
import functools
import importlib

import chainer
import chainer.functions as F

from chainer_compat import _warn

#: Codes this module restores (and warns with).
CODES = ("CH106",)

#: Instance attribute set on links constructed with a true ``deterministic``.
DETERMINISTIC = "_chainer_compat_deterministic"

FUNCTIONS = ("convolution_2d", "deconvolution_2d")

LINKS = (
    ("chainer.links.connection.convolution_2d", "Convolution2D"),
    ("chainer.links.connection.deconvolution_2d", "Deconvolution2D"),
)


def wrap_function(original, name):
    """Wrap ``F.<name>`` to accept ``deterministic=``."""
    label = "F.%s(deterministic=...)" % name

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        if "deterministic" not in kwargs:
            return original(*args, **kwargs)
        deterministic = kwargs.pop("deterministic")
        _warn.warn("CH106", label)
        if not deterministic:
            return original(*args, **kwargs)
        with chainer.using_config("cudnn_deterministic", True):
            return original(*args, **kwargs)

    return wrapper


def wrap_init(original):
    """Wrap a link's ``__init__`` to pop ``deterministic`` and mark the link when it is true."""

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        if "deterministic" not in kwargs:
            return original(self, *args, **kwargs)
        deterministic = kwargs.pop("deterministic")
        _warn.warn("CH106", "L.%s(deterministic=...)" % type(self).__name__)
        original(self, *args, **kwargs)
        if deterministic:
            self.__dict__[DETERMINISTIC] = True

    return __init__


def wrap_forward(original):
    """Wrap a link's ``forward``: marked links run under ``cudnn_deterministic``."""

    @functools.wraps(original)
    def forward(self, *args, **kwargs):
        if not self.__dict__.get(DETERMINISTIC, False):
            return original(self, *args, **kwargs)
        with chainer.using_config("cudnn_deterministic", True):
            return original(self, *args, **kwargs)

    return forward


def install(patcher):
    """Install the CH106 wrappers with ``patcher`` (a ``chainer_compat._patch.Patcher``)."""
    for name in FUNCTIONS:
        current = getattr(F, name)
        patcher.set_everywhere(current, wrap_function(current, name))
    for module, name in LINKS:
        cls = getattr(importlib.import_module(module), name)
        patcher.set(cls, "__init__", wrap_init(cls.__dict__["__init__"]))
        patcher.set(cls, "forward", wrap_forward(cls.__dict__["forward"]))
