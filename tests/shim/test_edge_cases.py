"""Shim edge cases: the CH104 volatile tag through copy/deepcopy/pickle, and one
ImportOrderWarning per module object (``__main__`` is also ``__mp_main__``)."""
import copy
import pickle
import sys
import types

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.functions as F
from chainer import variable

import chainer_compat

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")

COPIES = {
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
    "pickle": lambda v: pickle.loads(pickle.dumps(v)),
    "pickle-protocol-2": lambda v: pickle.loads(pickle.dumps(v, protocol=2)),
}


@pytest.mark.parametrize("how", sorted(COPIES))
@pytest.mark.parametrize("flag", ["on", "off", "auto"])
def test_volatile_survives_copies(how, flag):
    v = chainer.Variable(np.arange(3, dtype=np.float32), volatile=flag)
    twin = COPIES[how](v)
    assert twin is not v
    assert twin.volatile is chainer.Flag(flag)
    assert_array_equal(twin.array, v.array)


@pytest.mark.parametrize("how", sorted(COPIES))
def test_copied_on_variable_builds_no_graph(how):
    twin = COPIES[how](chainer.Variable(np.ones(3, np.float32), volatile="on"))
    y = F.relu(twin)
    assert y.creator is None
    assert y.volatile is chainer.ON


@pytest.mark.parametrize("how", ["deepcopy", "pickle"])
def test_untagged_variables_and_parameters_copy_as_on_stock(how):
    v = chainer.Variable(np.ones(2, np.float32), name="v")
    twin = COPIES[how](v)
    assert twin.name == "v" and twin.volatile is chainer.OFF
    assert "_chainer_compat_volatile" not in twin.__dict__
    p = chainer.Parameter(np.ones(2, np.float32), name="p")
    p.volatile = "on"
    twin = COPIES[how](p)
    assert type(twin) is chainer.Parameter and twin.name == "p"
    assert twin.volatile is chainer.ON


def test_pickle_of_an_untagged_variable_is_stock():
    v = chainer.Variable(np.ones(2, np.float32))
    assert b"chainer_compat" not in pickle.dumps(v)


def test_uninstall_restores_reduce(stock):
    stock_reduce = variable.Variable.__dict__["__reduce__"]
    stock_param_reduce = variable.Parameter.__dict__["__reduce__"]
    chainer_compat.install()
    assert variable.Variable.__dict__["__reduce__"] is not stock_reduce
    assert variable.Parameter.__dict__["__reduce__"] is not stock_param_reduce
    chainer_compat.uninstall()
    assert variable.Variable.__dict__["__reduce__"] is stock_reduce
    assert variable.Parameter.__dict__["__reduce__"] is stock_param_reduce


def test_one_module_under_two_names_is_reported_once(stock):
    user = types.ModuleType("shim_edge_main")
    user.dropout = F.dropout  # `from chainer.functions import dropout` in __main__
    sys.modules["shim_edge_main"] = user
    sys.modules["shim_edge_mp_main"] = user  # multiprocessing's __mp_main__ alias
    try:
        with pytest.warns(chainer_compat.ImportOrderWarning) as record:
            chainer_compat.install()
        messages = [str(w.message) for w in record
                    if w.category is chainer_compat.ImportOrderWarning and "shim_edge" in str(w.message)]
        assert len(messages) == 1
        assert messages[0].startswith("shim_edge_main.dropout was bound to")
    finally:
        del sys.modules["shim_edge_main"]
        del sys.modules["shim_edge_mp_main"]


def test_distinct_modules_are_still_each_reported(stock):
    users = [types.ModuleType("shim_edge_a"), types.ModuleType("shim_edge_b")]
    for user in users:
        user.dropout = F.dropout
        sys.modules[user.__name__] = user
    try:
        with pytest.warns(chainer_compat.ImportOrderWarning) as record:
            chainer_compat.install()
        reported = sorted(str(w.message).split(".")[0] for w in record
                          if "shim_edge_" in str(w.message))
        assert reported == ["shim_edge_a", "shim_edge_b"]
    finally:
        for user in users:
            del sys.modules[user.__name__]
