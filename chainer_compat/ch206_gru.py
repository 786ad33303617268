"""CH206 gru-stateless: ``L.GRU`` is Chainer 1.24's stateless GRU again (process-wide).

Chainer 1.24's ``L.GRU(n_units, n_inputs=None, init=None, inner_init=None,
bias_init=0)`` was stateless (``h_new = gru(h, x)``; ``n_inputs=None`` means
``n_units``). Chainer 2+ made ``L.GRU`` an alias of the stateful
``StatefulGRU(in_size, out_size, ...)``: ``L.GRU(n)`` raises ``TypeError``,
``L.GRU(a, b)`` silently builds a stateful GRU with the sizes swapped and
``gru(h, x)`` raises ``ValueError`` (catalogue CH206). ``L.StatelessGRU(in_size,
out_size)`` equals the v1 link bit for bit (same parameter names, shapes,
draws and outputs).

What the shim does: ``chainer.links.GRU`` is answered by a module ``__getattr__`` (PEP 562; the stock binding is
removed while installed) according to the module that reads the name: v1
code gets ``GRU`` below, a subclass of ``L.StatelessGRU`` with the v1
constructor; v7 code (Chainer itself, declared packages, modules with
``__chainer_compat__ = 'v2'``; R6) gets the stock stateful class. ``from
chainer.links import GRU`` is decided by the importing module. Switch the v1
class off for everyone with ``set_gru('v7')`` or the environment variable
``CHAINER_COMPAT_GRU=v7`` (read at install). Names bound before ``import
chainer_compat`` keep the stock class. Every construction warns CH206 once per
call site.
"""
import os
import sys

from chainer.links.rnn import gru as _gru

from chainer_compat import _caller, _warn

#: Codes this module restores (and warns with).
CODES = ("CH206",)

ENV = "CHAINER_COMPAT_GRU"
MODES = ("v1", "v7")

_mode = "v1"
_stock = None       # the stock chainer.links.GRU while installed
_installed = False


class GRU(_gru.StatelessGRU):
    """Chainer 1.24's stateless ``L.GRU`` on Chainer 7.8.1.

    Args:
        n_units (int): size of the hidden vector ``h``.
        n_inputs (int or None): size of the input ``x``; ``None`` means ``n_units``.
        init, inner_init, bias_init: as ``L.StatelessGRU`` (``bias_init`` default 0).

    Call: ``gru(h, x)`` with ``h`` of shape ``(batch, n_units)`` and ``x`` of shape
    ``(batch, n_inputs)``; returns the new hidden state (same dtype as the parameters).
    """

    def __init__(self, n_units, n_inputs=None, init=None, inner_init=None, bias_init=0):
        _warn.warn("CH206", "L.GRU(...) (v1: stateless, arguments (n_units, n_inputs))")
        if n_inputs is None:
            n_inputs = n_units
        super(GRU, self).__init__(n_inputs, n_units, init, inner_init, bias_init)


def _reader_is_v1():
    """True when the code reading the name (past import machinery and the shim) is v1 code."""
    frame = sys._getframe(2)
    while frame is not None and (frame.f_globals.get("__name__") or "").startswith(
            ("importlib", "chainer_compat")):
        frame = frame.f_back
    return _caller.is_v1_frame(frame)


def _module_getattr(module, previous):
    """A PEP 562 ``__getattr__`` for ``module`` answering ``GRU`` by the reader (R6)."""

    def __getattr__(name):
        if name == "GRU":
            return GRU if _mode == "v1" and _reader_is_v1() else _stock
        if previous is not None:
            return previous(name)
        raise AttributeError("module %r has no attribute %r" % (module.__name__, name))

    return __getattr__


def set_gru(mode):
    """``'v1'``: ``L.GRU`` is the v1 stateless link (default); ``'v7'``: the stock stateful alias.

    Takes effect at once while the shim is installed, otherwise at the next
    ``install()``. Returns the previous mode; raises ``ValueError`` for other values.
    """
    global _mode
    if mode not in MODES:
        raise ValueError("GRU mode must be 'v1' or 'v7', not %r" % (mode,))
    previous, _mode = _mode, mode
    return previous


def get_gru():
    """The current ``L.GRU`` mode, ``'v1'`` or ``'v7'``."""
    return _mode


def install(patcher):
    """Answer ``chainer.links.GRU`` by its reader: ``GRU`` for v1 code (mode ``'v1'``)."""
    global _stock, _installed
    import chainer.links
    value = os.environ.get(ENV, "").strip().lower()
    if value:
        set_gru(value)
    _stock = _gru.__dict__["GRU"]
    # only chainer.links: chainer.links.rnn.gru needs its own global GRU
    # (``super(GRU, self)`` in 7.8.1's GRU.forward)
    for module in (chainer.links,):
        previous = vars(module).get("__getattr__")
        patcher.delete(module, "GRU")
        patcher.set(module, "__getattr__", _module_getattr(module, previous))
    _installed = True


def reset():
    """Called after ``uninstall()`` (the patcher has put the stock class back)."""
    global _installed
    _installed = False
