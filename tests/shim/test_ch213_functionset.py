"""CH213 functionset in the shim: chainer.FunctionSet and chainer.function_set."""
import importlib
import pickle

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.links as L

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def test_names_and_module():
    assert importlib.import_module("chainer.function_set").FunctionSet is chainer.FunctionSet
    assert issubclass(chainer.FunctionSet, chainer.Chain)


def test_v1_order_of_parameters_and_setters():
    np.random.seed(0)
    fs = chainer.FunctionSet(zeta=L.Linear(4, 3), alpha=L.Linear(3, 2))
    fs.mid = L.Linear(2, 1)
    assert [p.shape for p in fs.parameters] == [(3, 4), (3,), (2, 3), (2,), (1, 2), (1,)]
    assert fs.collect_parameters() is fs and fs["mid"] is fs.mid
    arrays = [np.full(p.shape, i, np.float32) for i, p in enumerate(fs.parameters)]
    fs.copy_parameters_from(arrays)
    assert_array_equal(fs.alpha.W.array, arrays[2])
    fs.gradients = tuple(arrays)
    assert fs.mid.b.grad is arrays[5]
    with pytest.raises(AssertionError):
        fs.parameters = tuple(arrays[:-1])


def test_reassignment_replaces_child_in_place():
    fs = chainer.FunctionSet(a=L.Linear(2, 2), b=L.Linear(2, 2))
    old, new = fs.a, L.Linear(2, 3)
    fs.a = new
    assert fs.a is new and old.name is None and new.name == "a"
    assert sorted(fs._children) == ["a", "b"]
    with pytest.raises(ValueError):
        fs.c = fs.b


def test_pickle():
    fs = chainer.FunctionSet(a=L.Linear(2, 2))
    loaded = pickle.loads(pickle.dumps(fs))
    assert_array_equal(loaded.a.W.array, fs.a.W.array)


def test_stock(stock):
    assert not hasattr(chainer, "FunctionSet")
    with pytest.raises(ImportError):
        importlib.import_module("chainer.function_set")
