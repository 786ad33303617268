"""Shim tests of CH301, CH302, CH303, CH305 and CH309 (functions and Variable length).

v1 callers (this test module) get Chainer 1.24's meaning; code marked
``__chainer_compat__ = 'v2'`` and Chainer's own calls get 7.8.1's; the expected
values are computed with the v2 spelling on stock Chainer 7.8.1 (``stock``).
"""
import types
import warnings

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.functions as F
import chainer.links as L
from chainer.utils import type_check

import chainer_compat
from chainer_compat import ch302_positional

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def run_v2(source, **values):
    """Run ``source`` in a fresh module marked as v2 code; returns its namespace."""
    module = types.ModuleType("ch30x_v2_code")
    module.__dict__.update(values, __chainer_compat__="v2")
    exec(compile(source, "<ch30x_v2_code>", "exec"), module.__dict__)
    return module.__dict__


def data(*shape, seed=0):
    return np.random.RandomState(seed).uniform(-1, 1, shape).astype(np.float32)


X = data(4, 3)
T = np.array([0, -1, 2, -1], dtype=np.int32)


def stock_values(fn):
    chainer_compat.uninstall()
    try:
        return fn()
    finally:
        chainer_compat.install()


# -- CH302 -----------------------------------------------------------------
def test_softmax_cross_entropy_positional_use_cudnn_and_normalize():
    got = F.softmax_cross_entropy(X, T, True, False)
    want = stock_values(lambda: F.softmax_cross_entropy(X, T, normalize=False))
    assert_array_equal(got.array, want.array)
    # 7.8.1 reads slot 2 as normalize: the v1 use_cudnn=False would halve nothing here
    assert got.array != stock_values(lambda: F.softmax_cross_entropy(X, T, True)).array


def test_log_softmax_positional_use_cudnn():
    assert_array_equal(F.log_softmax(X, False).array,
                       stock_values(lambda: F.log_softmax(X)).array)


def test_sigmoid_cross_entropy_positional_slots():
    t = (X > 0).astype(np.int32)
    got = F.sigmoid_cross_entropy(X, t, True, False, "no")
    want = stock_values(lambda: F.sigmoid_cross_entropy(X, t, normalize=False, reduce="no"))
    assert_array_equal(got.array, want.array)


def test_max_pooling_v1_use_cudnn_slot_is_not_return_indices():
    img = data(1, 1, 4, 4)
    got = F.max_pooling_2d(img, 2, 2, 0, True, True)
    assert isinstance(got, chainer.Variable)
    assert_array_equal(got.array, stock_values(lambda: F.max_pooling_2d(img, 2, 2, 0, True)).array)


def test_v2_code_keeps_the_v7_binding():
    img = data(1, 1, 4, 4)
    ns = run_v2("y = F.max_pooling_2d(img, 2, 2, 0, True, True)\n", F=F, img=img)
    assert isinstance(ns["y"], tuple)   # return_indices=True on 7.8.1


def test_v2_code_that_does_not_bind_on_v7_is_read_with_v1():
    ns = run_v2("y = F.softmax(x, False, 0)\n", F=F, x=X)
    want = stock_values(lambda: F.softmax(X, axis=0))
    assert_array_equal(ns["y"].array, want.array)


def test_link_positional_outsize_of_deconvolution_nd():
    W = data(2, 3, 3, 3, seed=1)
    link = L.DeconvolutionND(2, 2, 3, 3, 1, 0, (7, 7), W, 0.5)
    assert link.outsize == (7, 7)
    assert_array_equal(link.W.array, W)
    assert_array_equal(link.b.array, np.full(3, 0.5, np.float32))


def test_too_many_positional_arguments_raise_like_v1():
    with pytest.raises(TypeError, match="at most 2 positional"):
        F.log_softmax(X, True, 1)


def test_parameter_given_twice_raises():
    with pytest.raises(TypeError, match="multiple values for argument 'normalize'"):
        F.softmax_cross_entropy(X, T, True, False, normalize=True)


def test_short_calls_reach_the_stock_function_unchanged():
    assert_array_equal(F.softmax(X, axis=0).array,
                       stock_values(lambda: F.softmax(X, axis=0)).array)


def test_warns_ch302_once_per_call_site():
    chainer_compat.set_warnings("always")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        F.log_softmax(X, True)
    assert any("CH302" in str(w.message) for w in caught)


def test_shared_prefix_counts_the_common_names():
    import inspect

    def v7(x, W, b=None, stride=1, pad=0, cover_all=False):
        pass
    assert ch302_positional.shared_prefix(("x", "W", "b", "stride", "pad", "use_cudnn"),
                                          inspect.signature(v7)) == 5


def test_uninstall_restores_the_stock_objects(stock):
    assert not hasattr(F.log_softmax, "n_shared")
    assert not hasattr(L.Linear.__init__, "n_shared")


# -- CH301 -----------------------------------------------------------------
def test_split_axis_one_piece_is_a_variable_for_v1_callers():
    got = F.split_axis(X, 1, 1)
    assert isinstance(got, chainer.Variable)
    assert_array_equal(got.array, X)
    assert isinstance(F.split_axis(X, 1, 1, True), tuple)
    assert isinstance(F.split_axis(X, 3, 1), tuple)


def test_split_axis_v2_code_gets_a_tuple():
    assert isinstance(run_v2("y = F.split_axis(x, 1, 1)\n", F=F, x=X)["y"], tuple)


# -- CH303 -----------------------------------------------------------------
def test_len_is_the_size_for_v1_callers():
    assert len(chainer.Variable(X)) == 12
    assert len(chainer.Variable(np.array(2.0, np.float32))) == 1
    assert run_v2("n = len(v)\n", v=chainer.Variable(X))["n"] == 4


def test_chainer_internal_len_keeps_the_first_dimension():
    xs = [chainer.Variable(data(3, 2)), chainer.Variable(data(2, 2))]
    got = F.transpose_sequence(xs)
    want = stock_values(lambda: F.transpose_sequence([x.array for x in xs]))
    assert len(got) == len(want) == 3
    for a, b in zip(got, want):
        assert_array_equal(a.array, b.array)


# -- CH305 -----------------------------------------------------------------
def test_matmul_1d_operands_are_columns():
    v, w = chainer.Variable(data(3)), chainer.Variable(data(3, seed=1))
    y = F.matmul(v, w, transa=True)
    assert y.shape == (1, 1)
    want = stock_values(lambda: F.matmul(v.array.reshape(3, 1), w.array.reshape(3, 1),
                                         transa=True))
    assert_array_equal(y.array, want.array)
    F.sum(y).backward()
    assert v.grad.shape == (3,)


def test_matmul_3d_operand_is_invalid_for_v1_callers():
    with pytest.raises(type_check.InvalidType):
        F.matmul(data(2, 3, 3), data(2, 3, 3))
    assert run_v2("y = F.matmul(a, a)\n", F=F, a=data(2, 3, 3))["y"].shape == (2, 3, 3)


# -- CH309 -----------------------------------------------------------------
class MaxPooling2D(object):
    """Stands for v1's class: only the name is checked."""


def test_spp_pooling_class_is_pooling_max():
    x = data(1, 2, 8, 8)
    want = stock_values(lambda: F.spatial_pyramid_pooling_2d(x, 2, pooling="max"))
    assert_array_equal(F.spatial_pyramid_pooling_2d(x, 2, MaxPooling2D).array, want.array)
    assert_array_equal(F.spatial_pyramid_pooling_2d(x, 2, pooling_class=MaxPooling2D).array,
                       want.array)


def test_spp_other_class_raises_not_implemented():
    with pytest.raises(NotImplementedError):
        F.spatial_pyramid_pooling_2d(data(1, 2, 8, 8), 2, pooling_class=object)
