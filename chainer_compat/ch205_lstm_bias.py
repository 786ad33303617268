"""CH205 lstm-forget-bias: ``L.LSTM`` / ``L.StatelessLSTM`` start the forget-gate bias at 0, as in Chainer 1.24.

Chainer 1.24 initialised all four gate biases of ``L.LSTM(in_size, out_size,
**kwargs)`` and ``L.StatelessLSTM(in_size, out_size, lateral_init=None,
upward_init=None, bias_init=0, forget_bias_init=0)`` to 0. Chainer 2+ starts
the forget gate at 1 (``forget_bias_init=None`` means 1), silently (catalogue
CH205). What the shim does (default restoration, catalogue R6): a constructor
wrapper of ``LSTM`` and ``StatelessLSTM`` passes ``forget_bias_init=0`` when
the constructing code is v1 code (``chainer_compat._caller``; a subclass
defined in v1 code counts as v1 code) and the call does not give
``forget_bias_init`` (keyword, or the 6th positional argument of
``StatelessLSTM``). Warns CH205 once per construction site. Links built by
Chainer itself or by code declared v7 keep the v7 default.
"""
import functools

from chainer.links.rnn import lstm

from chainer_compat import _caller, _warn

#: Codes this module restores (and warns with).
CODES = ("CH205",)

KEYWORD = "forget_bias_init"
#: Positional index of ``forget_bias_init`` (without ``self``) in both versions.
INDEX = 5


def wrap_init(original):
    """Wrap an LSTM ``__init__``: v1 callers get ``forget_bias_init=0`` unless they pass it."""

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        if KEYWORD in kwargs or len(args) > INDEX or not _caller.v1_caller():
            return original(self, *args, **kwargs)
        _warn.warn("CH205", "L.%s(...) constructed by v1 code (the forget-gate bias "
                   "starts at 0, not 1)" % type(self).__name__)
        kwargs[KEYWORD] = 0
        return original(self, *args, **kwargs)

    return __init__


def install(patcher):
    """Install the constructor wrappers with ``patcher``.

    ``StatelessLSTM`` inherits ``LSTMBase.__init__``; the wrapper is set on
    ``StatelessLSTM`` itself (removed again by ``uninstall``), so that
    ``LSTM.__init__``'s own call of ``LSTMBase.__init__`` is not wrapped twice.
    """
    patcher.set(lstm.LSTM, "__init__", wrap_init(lstm.LSTM.__dict__["__init__"]))
    patcher.set(lstm.StatelessLSTM, "__init__", wrap_init(lstm.LSTMBase.__dict__["__init__"]))
