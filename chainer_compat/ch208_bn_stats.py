"""CH208 batchnorm-statistics: running statistics of ``L.BatchNormalization`` as in Chainer 1.24.

Chainer 1.24 started ``avg_mean`` and ``avg_var`` at 0 and, in training mode
on the CPU (or on the GPU without cuDNN), updated the running variance with
the batch variance *plus eps*::

    avg_var <- d * avg_var + (1 - d) * adjust * (var + eps),   adjust = m / max(m - 1, 1)

with ``d = decay`` (``d = 1 - 1/N`` in fine-tune mode) and ``m`` the number of
elements per channel. Chainer 7.8.1 starts ``avg_var`` at 1 (``initial_avg_var``,
v5) and leaves eps out of the update (v4), so test-mode outputs differ silently
(catalogue CH208). What the shim does, for links constructed by v1 code only
(catalogue R6, ``chainer_compat._caller``):

1. ``__init__`` wrapper: passes ``initial_avg_var=0`` (exact) and marks the
   instance; warns CH208 once per construction site. A call that gives
   ``initial_avg_var``, ``initial_avg_mean`` or ``axis`` (parameters v1 did
   not have) or more than the 8 positional parameters of v1 was written for
   Chainer >= 2 and is left alone, marks included.
2. ``forward`` wrapper: after each training-mode call of a marked link
   (``chainer.config.train``, not while recomputing) on which v1 would not
   have used cuDNN (NumPy input; CuPy input without cuDNN, with a link built
   with ``use_cudnn=False``, a float16 input, or a shape cuDNN's batch
   normalization did not take), adds ``(1 - d) * adjust * eps`` to
   ``avg_var`` in place. This restores v1 up to the rounding of one float32
   addition: v1 rounds ``(var + eps) * c`` once, the shim ``var * c`` and
   ``eps * c`` separately (``c = (1 - d) * adjust``).

Test mode was the same in both versions (``sqrt(avg_var + eps)``). Links
built by Chainer itself (``BatchRenormalization``, the ResNet blocks) and by
code declared v7 keep 7.8.1's behaviour.
"""
import functools

import numpy

import chainer
from chainer.backends import cuda
from chainer.links.normalization import batch_normalization

from chainer_compat import _caller, _warn
from chainer_compat.ch105_cudnn import NO_CUDNN

#: Codes this module restores (and warns with).
CODES = ("CH208",)

#: Install order (see ``chainer_compat._discover``): before CH102 and CH105, so that
#: its ``BatchNormalization`` wrappers sit innermost and see ``test=`` / ``use_cudnn=``
#: already translated.
ORDER = 101.5

#: Instance attribute set on links whose statistics follow Chainer 1.24.
V1_STATS = "_chainer_compat_v1_stats"

#: Parameters of the 7.8.1 constructor that Chainer 1.24 did not have.
V2_ONLY = ("initial_avg_var", "initial_avg_mean", "axis")

#: Positional parameters of the 1.24 constructor before ``use_cudnn``
#: (size, decay, eps, dtype, use_gamma, use_beta, initial_gamma, initial_beta).
V1_POSITIONAL = 8


def wrap_init(original):
    """Wrap ``BatchNormalization.__init__``: v1 callers get ``initial_avg_var=0`` and a mark."""

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        if (len(args) > V1_POSITIONAL or any(name in kwargs for name in V2_ONLY)
                or not _caller.v1_caller()):
            return original(self, *args, **kwargs)
        _warn.warn("CH208", "L.%s(...) constructed by v1 code (running statistics start "
                   "at 0, the variance update adds eps)" % type(self).__name__)
        kwargs["initial_avg_var"] = 0
        original(self, *args, **kwargs)
        self.__dict__[V1_STATS] = True

    return __init__


def v1_used_cudnn(link, x):
    """Whether Chainer 1.24's ``BatchNormalizationFunction`` would have run on cuDNN.

    Args:
        link: the ``BatchNormalization`` link.
        x: its input array (NumPy, CuPy, ...).

    Returns:
        bool: ``False`` for NumPy input; for CuPy input ``True`` when cuDNN is
        available, the link was not built with ``use_cudnn=False``, the dtype
        is not float16 and ``x`` is 2-d or 4-d with one channel axis (the
        conditions of Chainer 1.24.0).
    """
    if isinstance(x, numpy.ndarray) or not isinstance(x, cuda.ndarray):
        return False
    if not cuda.cudnn_enabled or link.__dict__.get(NO_CUDNN, False):
        return False
    if x.dtype == numpy.float16:
        return False
    channel_ndim = link.avg_mean.ndim
    return x.ndim == 2 or (x.ndim == 4 and channel_ndim == 1)


def wrap_forward(original):
    """Wrap ``BatchNormalization.forward``: add v1's eps term to ``avg_var`` after training calls."""

    @functools.wraps(original)
    def forward(self, x, **kwargs):
        if (not self.__dict__.get(V1_STATS, False) or not chainer.config.train
                or chainer.config.in_recomputing):
            return original(self, x, **kwargs)
        ret = original(self, x, **kwargs)
        array = x.array if isinstance(x, chainer.Variable) else x
        if not v1_used_cudnn(self, array):
            decay = 1. - 1. / self.N if kwargs.get("finetune", False) else self.decay
            m = array.size // self.avg_mean.size
            adjust = m / max(m - 1., 1.)
            self.avg_var += (1 - decay) * adjust * self.eps
        return ret

    return forward


def install(patcher):
    """Install the CH208 wrappers with ``patcher``.

    Installed before CH102 and CH105 so that these wrappers sit next to the
    stock methods: ``forward`` then sees ``test=`` already turned into
    ``chainer.config.train`` and ``use_cudnn=False`` into the link's mark.
    """
    cls = batch_normalization.BatchNormalization
    patcher.set(cls, "__init__", wrap_init(cls.__dict__["__init__"]))
    patcher.set(cls, "forward", wrap_forward(cls.__dict__["forward"]))
