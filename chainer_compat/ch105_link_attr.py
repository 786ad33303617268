"""CH105 use-cudnn-argument: the ``.use_cudnn`` attribute of v1 links.

Chainer 1.24's convolution links (``Convolution2D``, ``Deconvolution2D``,
``DilatedConvolution2D``, ``ConvolutionND``, ``DeconvolutionND``),
``BatchNormalization`` and the ``NStep*`` links stored their constructor's
``use_cudnn`` as ``link.use_cudnn`` and read it at every call, so code could
read it or switch it later (``conv.use_cudnn = False``). ``MLPConvolution2D``
passed its ``use_cudnn`` to each inner ``Convolution2D``. Chainer 2+ has no
such attribute (catalogue CH105).

On top of ``chainer_compat.ch105_cudnn`` (which marks a link built with a
false ``use_cudnn`` with ``NO_CUDNN`` and runs its ``forward`` under
``using_config('use_cudnn', 'never')``): a ``use_cudnn`` property on those
classes reads the mark (``True`` when absent) and sets or clears it, and
``MLPConvolution2D``'s constructor passes its mark to the inner
convolutions. Reading or writing the attribute warns CH105.
"""
import functools
import importlib

from chainer_compat import _warn
from chainer_compat.ch105_cudnn import NO_CUDNN

#: Codes this module restores (and warns with).
CODES = ("CH105",)

#: After ``ch105_cudnn`` (105): the ``MLPConvolution2D`` constructor wrapper
#: here sees the mark that module's wrapper set.
ORDER = 105.5

#: (module, class) of the links that had ``self.use_cudnn`` in Chainer 1.24.
LINKS = (
    ("chainer.links.connection.convolution_2d", "Convolution2D"),
    ("chainer.links.connection.deconvolution_2d", "Deconvolution2D"),
    ("chainer.links.connection.dilated_convolution_2d", "DilatedConvolution2D"),
    ("chainer.links.connection.convolution_nd", "ConvolutionND"),
    ("chainer.links.connection.deconvolution_nd", "DeconvolutionND"),
    ("chainer.links.normalization.batch_normalization", "BatchNormalization"),
    ("chainer.links.rnn.n_step_rnn", "NStepRNNBase"),
)

MLP = ("chainer.links.connection.mlp_convolution_2d", "MLPConvolution2D")


def _get(self):
    _warn.warn("CH105", "L.%s.use_cudnn" % type(self).__name__)
    return not self.__dict__.get(NO_CUDNN, False)


def _set(self, value):
    _warn.warn("CH105", "L.%s.use_cudnn = ..." % type(self).__name__)
    if value:
        self.__dict__.pop(NO_CUDNN, None)
    else:
        self.__dict__[NO_CUDNN] = True


#: The ``use_cudnn`` property installed on ``LINKS``.
use_cudnn = property(_get, _set, doc="Chainer 1.24's ``use_cudnn`` flag of the link (bool).")


def wrap_mlp_init(original):
    """``MLPConvolution2D.__init__``: a false ``use_cudnn`` also marks each inner convolution."""

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if self.__dict__.get(NO_CUDNN, False):
            for conv in self:
                conv.__dict__[NO_CUDNN] = True

    return __init__


def _cls(module, name):
    return getattr(importlib.import_module(module), name)


def install(patcher):
    """Install the ``use_cudnn`` properties and the ``MLPConvolution2D`` wrapper with ``patcher``."""
    for module, name in LINKS:
        patcher.set(_cls(module, name), "use_cudnn", use_cudnn)
    mlp = _cls(*MLP)
    patcher.set(mlp, "__init__", wrap_mlp_init(mlp.__dict__["__init__"]))
