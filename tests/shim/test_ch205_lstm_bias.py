"""CH205 lstm-forget-bias in the shim: v1 callers get forget_bias_init=0 (R6)."""
import types

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer.links as L

from chainer_compat import _caller

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def run_as_module(source, name="ch205_user_code", **values):
    module = types.ModuleType(name)
    module.__dict__.update(values)
    exec(compile(source, "<%s>" % name, "exec"), module.__dict__)
    return module.__dict__


def forget_gate(link):
    # v7 gate layout: (a, i, f, o) interleaved per unit; _extract_gates reshapes (n, 4)
    return link.upward.b.array.reshape(-1, 4)[:, 2]


@pytest.mark.parametrize("ctor", ["L.LSTM(3, 4)", "L.StatelessLSTM(3, 4)"])
def test_v1_code_gets_zero_forget_bias(ctor):
    link = run_as_module("import chainer.links as L\nlink = %s\n" % ctor)["link"]
    assert_array_equal(link.upward.b.array, np.zeros(16, np.float32))


def test_lazy_lstm_initialises_with_zero_forget_bias():
    link = run_as_module("import chainer.links as L\nlink = L.LSTM(None, 4)\n")["link"]
    link(np.ones((2, 3), np.float32))
    assert_array_equal(link.upward.b.array, np.zeros(16, np.float32))


def test_v7_code_and_stock_keep_one():
    v7 = run_as_module("import chainer.links as L\n__chainer_compat__ = 'v2'\nlink = L.LSTM(3, 4)\n")
    assert_array_equal(forget_gate(v7["link"]), np.ones(4, np.float32))
    assert v7["link"].upward.b.array.sum() == 4


def test_stock(stock):
    assert L.LSTM(3, 4).upward.b.array.sum() == 4
    lazy = L.LSTM(None, 4)
    lazy(np.ones((2, 3), np.float32))
    assert lazy.upward.b.array.sum() == 4


def test_given_values_are_kept():
    ns = run_as_module("import chainer.links as L\n"
                       "a = L.LSTM(3, 4, forget_bias_init=2)\n"
                       "b = L.StatelessLSTM(3, 4, None, None, 0, 3)\n")
    assert ns["a"].upward.b.array.sum() == 8
    assert ns["b"].upward.b.array.sum() == 12


def test_subclass_defined_in_v1_code():
    ns = run_as_module("import chainer.links as L\n"
                       "class Cell(L.LSTM):\n"
                       "    def __init__(self):\n"
                       "        super(Cell, self).__init__(3, 4)\n"
                       "c = Cell()\n")
    assert ns["c"].upward.b.array.sum() == 0


def test_declared_v7_package(monkeypatch):
    previous = _caller.set_v7_packages(["ch205_pkg"])
    try:
        ns = run_as_module("import chainer.links as L\nc = L.LSTM(3, 4)\n", name="ch205_pkg.mod")
    finally:
        _caller.set_v7_packages(previous)
    assert ns["c"].upward.b.array.sum() == 4


def test_warns_once_per_site(recwarn):
    import warnings
    warnings.simplefilter("always")
    run_as_module("import chainer.links as L\nfor _ in range(3):\n    c = L.LSTM(3, 4)\n")
    texts = [str(w.message) for w in recwarn if "CH205" in str(w.message)]
    assert len(texts) == 1 and "lstm-forget-bias" in texts[0]
