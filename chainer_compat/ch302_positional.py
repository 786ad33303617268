"""CH302 positional-rebinding: positional calls read with the Chainer 1.24 signature.

Chainer 2+ removed or inserted parameters in the middle of many signatures
(catalogue CH302, tables B and C; appendix A8 and A11), so a v1 positional
call lands in other parameters on 7.8.1: ``L.Linear(784, 100, 1.0)`` (v1
``wscale``) is ``nobias=1.0`` there, ``F.softmax_cross_entropy(x, t, False)``
(v1 ``use_cudnn``) is ``normalize=False``, ``F.log_softmax(x, False)`` is
``axis=False``.

The wrapper installed here is the outermost one (``ORDER = 950``). When a
call passes more positional arguments than the parameters that v1 and v7
share at the front (``n_shared``, computed at install from the stock 7.8.1
signature), it turns the positional arguments from that index on into
keywords named after the v1 parameters (catalogue R2), then calls the
wrapper below it, which handles the v1 keywords (``use_cudnn`` CH105,
``deterministic`` CH106, ``pooling_class`` CH309, ``wscale`` CH203, ...). It
does so:

- for v1 callers (``chainer_compat._caller.v1_caller``, catalogue R6);
- for any caller when the call does not bind under the 7.8.1 signature
  (too many positional arguments, a parameter given twice).

Exceptions (the call can only be 7.8.1 code): more positional arguments than
the v1 signature has while 7.8.1 binds them (``L.BatchNormalization(3, ...,
initial_avg_var)``), and a string in the ``activation`` slot of
``F.n_step_rnn`` / ``F.n_step_birnn`` (v1 had the bool ``train`` there).

A v7 call that binds under the 7.8.1 signature (Chainer's own code,
declared v7 packages, modules marked ``__chainer_compat__ = 'v2'``) and any
call with at most ``n_shared`` positional arguments reach the wrapped
callable with the very same arguments. Every re-bound call warns once per
call site with CH302.

Raises ``TypeError`` like Chainer 1.24 for more positional arguments than
the v1 signature has and for a parameter given both ways.
"""
import functools
import importlib
import inspect

import chainer.functions as F

from chainer_compat import _bind, _caller, _warn

#: Codes this module warns with (CH306: ``F.batch_normalization``'s positional
#: ``eps`` .. ``decay``, which 7.8.1 takes by keyword only).
CODES = ("CH302", "CH306")

#: Functions whose re-binding is reported under another code.
WARN_CODE = {"batch_normalization": "CH306"}

#: Outermost: the other wrappers see v1 keywords (design notes, "Layering").
ORDER = 950

#: ``F.<name>`` -> the v1 positional parameters, in order (Chainer 1.24.0;
#: catalogue appendix A8 and A11).
FUNCTIONS = {
    "convolution_2d": ("x", "W", "b", "stride", "pad", "use_cudnn", "cover_all",
                       "deterministic"),
    "convolution_nd": ("x", "W", "b", "stride", "pad", "use_cudnn", "cover_all"),
    "dilated_convolution_2d": ("x", "W", "b", "stride", "pad", "dilate", "use_cudnn",
                               "cover_all"),
    "deconvolution_2d": ("x", "W", "b", "stride", "pad", "outsize", "use_cudnn",
                         "deterministic"),
    "deconvolution_nd": ("x", "W", "b", "stride", "pad", "outsize", "use_cudnn"),
    "n_step_rnn": ("n_layers", "dropout_ratio", "hx", "ws", "bs", "xs", "train",
                   "use_cudnn", "activation"),
    "n_step_birnn": ("n_layers", "dropout_ratio", "hx", "ws", "bs", "xs", "train",
                     "use_cudnn", "activation"),
    "sigmoid_cross_entropy": ("x", "t", "use_cudnn", "normalize", "reduce"),
    "softmax": ("x", "use_cudnn", "axis"),
    "log_softmax": ("x", "use_cudnn"),
    "softmax_cross_entropy": ("x", "t", "use_cudnn", "normalize", "cache_score",
                              "class_weight", "ignore_label", "reduce"),
    "max_pooling_2d": ("x", "ksize", "stride", "pad", "cover_all", "use_cudnn"),
    "max_pooling_nd": ("x", "ksize", "stride", "pad", "cover_all", "use_cudnn"),
    "average_pooling_nd": ("x", "ksize", "stride", "pad", "use_cudnn"),
    "fixed_batch_normalization": ("x", "gamma", "beta", "mean", "var", "eps", "use_cudnn"),
    "batch_normalization": ("x", "gamma", "beta", "eps", "running_mean", "running_var",
                            "decay", "use_cudnn"),
    "spatial_pyramid_pooling_2d": ("x", "pyramid_height", "pooling_class", "use_cudnn"),
}

#: (module, class) -> the v1 positional parameters of ``__init__`` (without ``self``).
LINKS = {
    ("chainer.links.connection.linear", "Linear"):
        ("in_size", "out_size", "wscale", "bias", "nobias", "initialW", "initial_bias"),
    ("chainer.links.connection.convolution_2d", "Convolution2D"):
        ("in_channels", "out_channels", "ksize", "stride", "pad", "wscale", "bias", "nobias",
         "use_cudnn", "initialW", "initial_bias", "deterministic"),
    ("chainer.links.connection.convolution_nd", "ConvolutionND"):
        ("ndim", "in_channels", "out_channels", "ksize", "stride", "pad", "initialW",
         "initial_bias", "use_cudnn", "cover_all"),
    ("chainer.links.connection.deconvolution_2d", "Deconvolution2D"):
        ("in_channels", "out_channels", "ksize", "stride", "pad", "wscale", "bias", "nobias",
         "outsize", "use_cudnn", "initialW", "initial_bias", "deterministic"),
    ("chainer.links.connection.deconvolution_nd", "DeconvolutionND"):
        ("ndim", "in_channels", "out_channels", "ksize", "stride", "pad", "outsize",
         "initialW", "initial_bias", "use_cudnn"),
    ("chainer.links.connection.dilated_convolution_2d", "DilatedConvolution2D"):
        ("in_channels", "out_channels", "ksize", "stride", "pad", "dilate", "wscale", "bias",
         "nobias", "use_cudnn", "initialW", "initial_bias"),
    ("chainer.links.connection.mlp_convolution_2d", "MLPConvolution2D"):
        ("in_channels", "out_channels", "ksize", "stride", "pad", "wscale", "activation",
         "use_cudnn", "conv_init", "bias_init"),
    ("chainer.links.activation.maxout", "Maxout"):
        ("in_size", "out_size", "pool_size", "wscale", "initialW", "initial_bias"),
    ("chainer.links.normalization.batch_normalization", "BatchNormalization"):
        ("size", "decay", "eps", "dtype", "use_gamma", "use_beta", "initial_gamma",
         "initial_beta", "use_cudnn"),
}

#: ``F.<name>`` -> index where a string is 7.8.1's ``activation`` (v1: the bool
#: ``train``): such a call is v7 code and passes through.
V7_STRING_SLOT = {"n_step_rnn": 6, "n_step_birnn": 6}

#: ``chainer.training.make_extension`` (defined in ``chainer.training.extension``).
MAKE_EXTENSION = ("trigger", "default_name", "priority", "invoke_before_training", "finalizer")


def shared_prefix(v1_names, v7_signature, skip=0):
    """Number of leading positional parameters with the same names in v1 and v7.

    ``v7_signature``: an ``inspect.Signature``; ``skip`` leading parameters
    (``self``) are left out of it.
    """
    v7_names = [p.name for p in list(v7_signature.parameters.values())[skip:]
                if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    n = 0
    for a, b in zip(v1_names, v7_names):
        if a != b:
            break
        n += 1
    return n


def bind_v1(label, v1_names, n_shared, args, kwargs):
    """``(args[:n_shared], kwargs + {v1 name: value})`` for the positional arguments past ``n_shared``.

    Raises ``TypeError`` for too many positional arguments or a parameter given twice.
    """
    return _bind.bind_v1(label, args, kwargs, n_shared, v1_names[n_shared:])


def _binds(signature, args, kwargs):
    try:
        signature.bind(*args, **kwargs)
    except TypeError:
        return False
    return True


def _needs_v1(signature, n_v1, args, kwargs, skip=0):
    """R6: v1 callers always; others only when 7.8.1 cannot bind the call.

    A call with more positional arguments than the v1 signature has is v7
    code when it binds under 7.8.1 (``L.BatchNormalization(3, ..., 0.5)``
    with 7.8.1's ``initial_avg_var``).
    """
    if len(args) - skip > n_v1:
        return not _binds(signature, args, kwargs)
    return _caller.v1_caller() or not _binds(signature, args, kwargs)


def _warn_moved(label, v1_names, n_shared, n_args):
    moved = ", ".join(v1_names[n_shared:n_args])
    code = WARN_CODE.get(label[2:], "CH302") if label.startswith("F.") else "CH302"
    _warn.warn(code, "%s(... %s given positionally)" % (label, moved))


def wrap_function(original, label, v1_names, string_slot=None):
    """Wrapper of ``original`` (a function) that reads long positional calls with ``v1_names``.

    ``string_slot``: an index where a ``str`` argument marks a 7.8.1 call.
    """
    signature = inspect.signature(original)
    n_shared = shared_prefix(v1_names, signature)

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        if len(args) <= n_shared or (
                string_slot is not None and len(args) > string_slot
                and isinstance(args[string_slot], str)) or \
                not _needs_v1(signature, len(v1_names), args, kwargs):
            return original(*args, **kwargs)
        _warn_moved(label, v1_names, n_shared, len(args))
        args, kwargs = bind_v1(label, v1_names, n_shared, args, kwargs)
        return original(*args, **kwargs)

    wrapper.n_shared = n_shared
    return wrapper


def wrap_init(original, v1_names):
    """Wrapper of a link's ``__init__`` that reads long positional calls with ``v1_names``."""
    signature = inspect.signature(original)
    n_shared = shared_prefix(v1_names, signature, skip=1)

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        if len(args) <= n_shared or not _needs_v1(signature, len(v1_names), (self,) + args,
                                                    kwargs, skip=1):
            return original(self, *args, **kwargs)
        label = "L.%s" % type(self).__name__
        _warn_moved(label, v1_names, n_shared, len(args))
        args, kwargs = bind_v1(label, v1_names, n_shared, args, kwargs)
        return original(self, *args, **kwargs)

    __init__.n_shared = n_shared
    return __init__


def install(patcher):
    """Install the CH302 wrappers with ``patcher`` (a ``chainer_compat._patch.Patcher``)."""
    for name, v1_names in FUNCTIONS.items():
        current = getattr(F, name)
        patcher.set_everywhere(current, wrap_function(current, "F." + name, v1_names,
                                                      V7_STRING_SLOT.get(name)))
    for (module, name), v1_names in LINKS.items():
        cls = getattr(importlib.import_module(module), name)
        patcher.set(cls, "__init__", wrap_init(cls.__dict__["__init__"], v1_names))
    from chainer.training import extension
    current = extension.make_extension
    patcher.set_everywhere(current, wrap_function(current, "training.make_extension",
                                                  MAKE_EXTENSION))
