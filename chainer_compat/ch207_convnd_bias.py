"""CH207 convnd-default-bias: ``L.ConvolutionND`` built by v1 code has no bias unless one is given.

Chainer 1.24's ``L.ConvolutionND(ndim, in_channels, out_channels, ksize,
stride=1, pad=0, initialW=None, initial_bias=None, use_cudnn=True,
cover_all=False)`` read ``initial_bias=None`` as *no bias* (there was no
``nobias``). Chainer 2+ reads it as a zero bias: the link silently gains a
trainable ``b`` (and v1 model files lack it; catalogue CH207).

What the shim does (default restoration, catalogue R6): for v1 callers the
constructor wrapper reads positional arguments from index 6 on with the v1
names (``initialW``, ``initial_bias``, ``use_cudnn``, ``cover_all``; index 6
is ``nobias`` in 7.8.1) and, when ``initial_bias`` is None and the call gives
none of the 7.8.1-only ``nobias``, ``dilate``, ``groups``, passes
``nobias=True``. Warns CH207 once per construction site. Chainer's own
constructions (``Convolution1D``/``3D``) and code declared v7 are untouched.
"""
import functools

from chainer.links.connection import convolution_nd

from chainer_compat import _caller, _warn
from chainer_compat._bind import bind_v1

#: Codes this module restores (and warns with).
CODES = ("CH207",)

#: Positional parameters that 1.24 and 7.8.1 share (ndim .. pad).
N_SHARED = 6
#: The 1.24 parameters after them, in order.
V1_NAMES = ("initialW", "initial_bias", "use_cudnn", "cover_all")
#: Parameters that only 7.8.1 has: a call that gives one was written for v2+.
V2_ONLY = ("nobias", "dilate", "groups")


def wrap_init(original):
    """Wrap ``ConvolutionND.__init__``: v1 callers without ``initial_bias`` get ``nobias=True``."""

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        if any(name in kwargs for name in V2_ONLY) or not _caller.v1_caller():
            return original(self, *args, **kwargs)
        label = "L.%s" % type(self).__name__
        if len(args) > N_SHARED:
            args, kwargs = bind_v1(label, args, kwargs, N_SHARED, V1_NAMES)
        if kwargs.get("initial_bias") is None:
            _warn.warn("CH207", "%s(...) without initial_bias, constructed by v1 code "
                       "(v1: no bias)" % label)
            kwargs["nobias"] = True
        return original(self, *args, **kwargs)

    return __init__


def install(patcher):
    """Install the ``ConvolutionND`` constructor wrapper with ``patcher``."""
    cls = convolution_nd.ConvolutionND
    patcher.set(cls, "__init__", wrap_init(cls.__dict__["__init__"]))
