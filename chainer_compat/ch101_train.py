"""CH101 train-argument: ``train=`` of F.dropout, F.zoneout, F.n_step_* and the NStep* links.

Chainer 1.24 took the mode per call (``F.dropout(x, ratio=0.5, train=True)``);
Chainer 2+ reads ``chainer.config.train`` and rejects ``train=`` (upgrade
guide "Global configurations"). The wrappers bind the call with the v1
signature, remove ``train`` (keyword or v1 positional slot) and run the stock
callable under ``chainer.using_config('train', bool(train))``. A call without
v1 arguments goes straight to the stock callable with the same arguments.

The v1 ``use_cudnn`` slot right after ``train`` of the ``F.n_step_*``
functions is popped too (CH105): ``False`` runs the call under
``using_config('use_cudnn', 'never')``.
"""
import functools

import chainer
import chainer.functions as F

from chainer_compat import _warn
from chainer_compat._bind import bind_v1

#: Codes this module restores (and warns with).
CODES = ("CH101", "CH105")

_ABSENT = object()

#: name -> (number of positional parameters shared by v1 and v7,
#:          v1 parameters after them, in order)
FUNCTIONS = {
    "dropout": (2, ("train",)),                      # (x, ratio=0.5, train=True)
    "zoneout": (3, ("train",)),                      # (h, x, ratio=0.5, train=True)
    "n_step_lstm": (7, ("train", "use_cudnn")),      # (n_layers, dropout_ratio, hx, cx, ws, bs, xs, ...)
    "n_step_bilstm": (7, ("train", "use_cudnn")),
    "n_step_gru": (6, ("train", "use_cudnn")),       # (n_layers, dropout_ratio, hx, ws, bs, xs, ...)
    "n_step_bigru": (6, ("train", "use_cudnn")),
    "n_step_rnn": (6, ("train", "use_cudnn", "activation")),
    "n_step_birnn": (6, ("train", "use_cudnn", "activation")),
}

#: Functions whose v7 signature takes ``activation`` where v1 had ``train``:
#: a string in that slot is v7 code and passes through.
_ACTIVATION_AT_TRAIN_SLOT = ("n_step_rnn", "n_step_birnn")


def call_in_mode(original, label, args, kwargs, has_cudnn=True):
    """Call ``original`` after removing ``train`` (and, if ``has_cudnn``, ``use_cudnn``) from ``kwargs``.

    Warns once per call site (CH101; CH105 for ``use_cudnn``).
    """
    train = kwargs.pop("train", _ABSENT)
    use_cudnn = kwargs.pop("use_cudnn", _ABSENT) if has_cudnn else _ABSENT
    if use_cudnn is not _ABSENT:
        _warn.warn("CH105", "%s(use_cudnn=...)" % label)
    if train is _ABSENT:
        if use_cudnn is _ABSENT or use_cudnn:
            return original(*args, **kwargs)
        with chainer.using_config("use_cudnn", "never"):
            return original(*args, **kwargs)
    _warn.warn("CH101", "%s(train=...)" % label)
    with chainer.using_config("train", bool(train)):
        if use_cudnn is _ABSENT or use_cudnn:
            return original(*args, **kwargs)
        with chainer.using_config("use_cudnn", "never"):
            return original(*args, **kwargs)


def wrap_function(original, name):
    """A ``functools.wraps`` wrapper of ``F.<name>`` that accepts the v1 arguments."""
    n_shared, v1_names = FUNCTIONS[name]
    label = "F." + name
    activation_slot = name in _ACTIVATION_AT_TRAIN_SLOT
    has_cudnn = "use_cudnn" in v1_names

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        v1_keyword = "train" in kwargs or (has_cudnn and "use_cudnn" in kwargs)
        if len(args) <= n_shared and not v1_keyword:
            return original(*args, **kwargs)
        if activation_slot and len(args) > n_shared and isinstance(args[n_shared], str):
            if not v1_keyword:
                return original(*args, **kwargs)   # v7 call: activation given positionally
            args, kwargs = args[:n_shared], dict(kwargs, activation=args[n_shared])
        args, kwargs = bind_v1(label, args, kwargs, n_shared, v1_names)
        return call_in_mode(original, label, args, kwargs, has_cudnn)

    return wrapper


def wrap_forward(original, n_shared):
    """Wrap ``forward(self, *args)`` of a link whose v1 ``__call__`` took ``train`` after ``n_shared`` args.

    The warning names the class of the link (``L.NStepGRU(train=...)``).
    """

    @functools.wraps(original)
    def forward(self, *args, **kwargs):
        if len(args) <= n_shared and "train" not in kwargs:
            return original(self, *args, **kwargs)
        label = "L.%s" % type(self).__name__
        args, kwargs = bind_v1(label, args, kwargs, n_shared, ("train",))
        train = kwargs.pop("train")
        _warn.warn("CH101", "%s(train=...)" % label)
        with chainer.using_config("train", bool(train)):
            return original(self, *args, **kwargs)

    return forward


def _link_classes():
    from chainer.links.rnn import n_step_lstm, n_step_rnn
    return (
        # v1 __call__(hx, cx, xs, train=True): NStepLSTM, NStepBiLSTM
        (n_step_lstm.NStepLSTMBase, 3),
        # v1 __call__(hx, xs, train=True): NStepGRU, NStepBiGRU, NStepRNNTanh/ReLU, NStepBiRNNTanh/ReLU
        (n_step_rnn.NStepRNNBase, 2),
    )


def install(patcher):
    """Install the CH101 wrappers with ``patcher`` (a ``chainer_compat._patch.Patcher``)."""
    for name in FUNCTIONS:
        original = getattr(F, name)
        patcher.set_everywhere(original, wrap_function(original, name))
    for cls, n_shared in _link_classes():
        patcher.set(cls, "forward", wrap_forward(cls.__dict__["forward"], n_shared))
