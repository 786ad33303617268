"""CH102 test-argument: v1 ``test=``/``finetune=`` of L.BatchNormalization."""
import copy

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.links as L

from chainer_compat import ChainerV1Warning

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")

X = (np.arange(24, dtype=np.float32).reshape(6, 4) - 7) / 5


def make_bn():
    bn = L.BatchNormalization(4)
    bn.avg_mean[...] = 0.5
    bn.avg_var[...] = 2.0
    return bn


def state(bn):
    return np.concatenate([bn.avg_mean, bn.avg_var, [bn.N]])


def stock_call(bn, train, **kwargs):
    with chainer.using_config("train", train):
        return bn.forward.__wrapped__(bn, X, **kwargs)


@pytest.mark.parametrize("call, train, finetune", [
    (lambda bn: bn(X, test=True), False, False),
    (lambda bn: bn(X, True), False, False),
    (lambda bn: bn(X, test=False), True, False),
    (lambda bn: bn(X, False), True, False),
    (lambda bn: bn(X, test=False, finetune=True), True, True),
    (lambda bn: bn(X, False, True), True, True),
    (lambda bn: bn(X, True, finetune=True), False, True),
    (lambda bn: bn(X, test=0), True, False),
])
def test_v1_forms_equal_using_config(call, train, finetune):
    bn, ref = make_bn(), make_bn()
    got = call(bn)
    expected = stock_call(ref, train, finetune=finetune)
    assert_array_equal(got.array, expected.array)
    assert_array_equal(state(bn), state(ref))
    assert chainer.config.train is True


def test_test_mode_keeps_statistics_and_differs_from_training():
    bn = make_bn()
    before = state(bn)
    y_test = bn(X, test=True)
    assert_array_equal(state(bn), before)
    y_train = make_bn()(X, test=False)
    assert not np.array_equal(y_test.array, y_train.array)


def test_call_without_test_is_stock():
    bn, ref = make_bn(), make_bn()
    assert_array_equal(bn(X).array, ref.forward.__wrapped__(ref, X).array)
    assert_array_equal(bn(X, finetune=True).array, ref.forward.__wrapped__(ref, X, finetune=True).array)
    assert_array_equal(state(bn), state(ref))


def test_warning_and_mode_restored_after_exception():
    bn = make_bn()
    with pytest.warns(ChainerV1Warning, match=r"CH102 test-argument: L\.BatchNormalization\(test=\.\.\.\)"):
        bn(X, test=True)
    with pytest.raises(Exception):
        bn(np.ones((2, 5), np.float32), test=True)   # wrong width
    assert chainer.config.train is True


def test_bad_calls_raise_type_error():
    bn = make_bn()
    with pytest.raises(TypeError, match="multiple values for argument 'test'"):
        bn(X, True, test=True)
    with pytest.raises(TypeError):
        bn(X, True, False, 1)


def test_copy_of_link_uses_wrapper():
    bn = make_bn()
    clone = copy.deepcopy(bn)
    assert_array_equal(clone(X, test=True).array, stock_call(make_bn(), False).array)
