"""CH105 use-cudnn-argument: ``use_cudnn=`` of Chainer functions and link constructors.

Chainer 1.24 took ``use_cudnn=True`` ("use cuDNN when available") in 27
functions and in the constructors of the convolution, batch normalization and
``NStep*`` links (the link kept the value for every call). Chainer 2+ removed
the argument (upgrade guide "Global configurations"); ``chainer.config.use_cudnn``
(``'always'``, ``'auto'``, ``'never'``) decides. What the shim does (catalogue
CH105, "shim"):

- Functions (``FUNCTIONS``): the wrapper pops ``use_cudnn``; false runs the
  stock function under ``chainer.using_config('use_cudnn', 'never')``, true
  calls straight through (v7's default ``'auto'`` is v1's "when available").
  The v1 positional slot is read only where 7.8.1 has no positional
  parameter there and the parameters before it are the same in both
  versions; elsewhere (``F.softmax(x, False)`` would bind ``axis``) only the
  keyword is translated. A call without ``use_cudnn`` reaches the stock
  function with the same arguments.
- Link constructors (``LINKS``): ``__init__`` pops ``use_cudnn`` (keyword;
  for the ``NStep*`` links also the 5th positional argument) and, when it is
  false, marks the instance; the ``forward`` wrapper runs marked links under
  ``using_config('use_cudnn', 'never')``. Unmarked links call straight through.
- ``F.n_step_*``: their ``use_cudnn`` (keyword and v1 slot) is handled by the
  CH101 wrapper of ``chainer_compat.ch101_train``, which binds ``train`` too.

Not covered: the ``F.<Class>(use_cudnn=...)`` Function classes (hidden from
``chainer.functions`` in v5, CH304) and reads of a v1 link's ``.use_cudnn``.
Every use warns once per call site with CH105.
"""
import functools
import importlib

import chainer
import chainer.functions as F

from chainer_compat import _warn
from chainer_compat._bind import bind_v1

#: Codes this module restores (and warns with).
CODES = ("CH105",)

#: Instance attribute set on links constructed with a false ``use_cudnn``.
NO_CUDNN = "_chainer_compat_no_cudnn"

#: name -> (v1 index of ``use_cudnn``, v1 parameters read positionally from that
#: index, or ``()`` when only the keyword is translated). Source: Chainer 1.24.0
#: and 7.8.1 signatures (catalogue appendix A7).
FUNCTIONS = {
    "relu": (1, ("use_cudnn",)),                  # v1 (x, use_cudnn=True); v7 (x)
    "sigmoid": (1, ("use_cudnn",)),
    "tanh": (1, ("use_cudnn",)),
    "softmax": (1, ()),                           # v7 index 1 is axis
    "log_softmax": (1, ()),                       # v7 index 1 is axis
    "average_pooling_2d": (4, ("use_cudnn",)),    # v7 (x, ksize, stride=None, pad=0)
    "average_pooling_nd": (4, ()),                # v7 index 4 is pad_value
    "max_pooling_2d": (5, ()),                    # v7 index 5 is return_indices
    "max_pooling_nd": (5, ()),
    "convolution_2d": (5, ()),                    # v7 index 5 is cover_all
    "convolution_nd": (5, ()),
    "deconvolution_2d": (6, ("use_cudnn", "deterministic")),  # v7 (..., outsize=None, **kwargs)
    "deconvolution_nd": (6, ()),                  # v7 index 6 is dilate
    "dilated_convolution_2d": (6, ()),            # v7 index 6 is cover_all
    "batch_normalization": (7, ()),               # v7 (x, gamma, beta, **kwargs)
    "fixed_batch_normalization": (6, ()),         # v7 index 6 is axis
    "softmax_cross_entropy": (2, ()),             # v7 index 2 is normalize
    "sigmoid_cross_entropy": (2, ()),
    "spatial_pyramid_pooling_2d": (3, ()),        # v1 index 2 pooling_class, v7 pooling
    "spatial_transformer_grid": (2, ("use_cudnn",)),     # v7 (theta, output_shape, **kwargs)
    "spatial_transformer_sampler": (2, ("use_cudnn",)),  # v7 (x, grid, **kwargs)
}

#: (module, class, patch ``__init__``, v1 index of ``use_cudnn`` read positionally
#: or None). ``NStepRNNBase.__init__`` serves all eight ``NStep*`` links;
#: ``NStepLSTMBase`` only needs its own ``forward`` wrapped.
LINKS = (
    ("chainer.links.connection.convolution_2d", "Convolution2D", True, None),
    ("chainer.links.connection.deconvolution_2d", "Deconvolution2D", True, None),
    ("chainer.links.connection.dilated_convolution_2d", "DilatedConvolution2D", True, None),
    ("chainer.links.connection.convolution_nd", "ConvolutionND", True, None),
    ("chainer.links.connection.deconvolution_nd", "DeconvolutionND", True, None),
    ("chainer.links.connection.mlp_convolution_2d", "MLPConvolution2D", True, None),
    ("chainer.links.normalization.batch_normalization", "BatchNormalization", True, None),
    # v1 (n_layers, in_size, out_size, dropout, use_cudnn=True); v7 keyword-only after dropout
    ("chainer.links.rnn.n_step_rnn", "NStepRNNBase", True, 4),
    ("chainer.links.rnn.n_step_lstm", "NStepLSTMBase", False, None),
)


def wrap_function(original, name):
    """A ``functools.wraps`` wrapper of ``F.<name>`` that accepts the v1 ``use_cudnn``."""
    index, v1_names = FUNCTIONS[name]
    label = "F." + name
    n_positional = index if v1_names else None

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        if "use_cudnn" not in kwargs and (n_positional is None or len(args) <= n_positional):
            return original(*args, **kwargs)
        if n_positional is not None:
            args, kwargs = bind_v1(label, args, kwargs, n_positional, v1_names)
        use_cudnn = kwargs.pop("use_cudnn", True)
        _warn.warn("CH105", "%s(use_cudnn=...)" % label)
        if use_cudnn:
            return original(*args, **kwargs)
        with chainer.using_config("use_cudnn", "never"):
            return original(*args, **kwargs)

    return wrapper


def wrap_init(original, index=None):
    """Wrap a link's ``__init__`` to pop ``use_cudnn`` (keyword, or positional ``index``)."""

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        if "use_cudnn" not in kwargs and (index is None or len(args) <= index):
            return original(self, *args, **kwargs)
        label = "L.%s" % type(self).__name__
        if index is not None:
            args, kwargs = bind_v1(label, args, kwargs, index, ("use_cudnn",))
        use_cudnn = kwargs.pop("use_cudnn")
        _warn.warn("CH105", "%s(use_cudnn=...)" % label)
        original(self, *args, **kwargs)
        if not use_cudnn:
            self.__dict__[NO_CUDNN] = True

    return __init__


def wrap_forward(original):
    """Wrap a link's ``forward``: links built with a false ``use_cudnn`` run without cuDNN."""

    @functools.wraps(original)
    def forward(self, *args, **kwargs):
        if not self.__dict__.get(NO_CUDNN, False):
            return original(self, *args, **kwargs)
        with chainer.using_config("use_cudnn", "never"):
            return original(self, *args, **kwargs)

    return forward


def link_classes():
    """``[(class, patch __init__, positional index)]`` of ``LINKS``."""
    return [(getattr(importlib.import_module(module), name), init, index)
            for module, name, init, index in LINKS]


def install(patcher):
    """Install the CH105 wrappers with ``patcher`` (a ``chainer_compat._patch.Patcher``)."""
    for name in FUNCTIONS:
        original = getattr(F, name)
        patcher.set_everywhere(original, wrap_function(original, name))
    for cls, init, index in link_classes():
        if init:
            patcher.set(cls, "__init__", wrap_init(cls.__dict__["__init__"], index))
        patcher.set(cls, "forward", wrap_forward(cls.__dict__["forward"]))
