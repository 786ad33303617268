"""CH401-CH405: ``zero_grads``, ``clip_grads``, ``weight_decay``, ``accumulate_grads`` and
``compute_grads_norm`` re-added on ``chainer.Optimizer`` with Chainer 1.24's computation."""
import warnings

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.functions as F
import chainer.links as L
from chainer import optimizers

import chainer_compat
from chainer_compat import ChainerV1Warning, ch401_optimizer_methods as methods

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def setup_model(seed=0):
    np.random.seed(seed)
    model = chainer.Chain(zeta=L.Linear(4, 3), alpha=L.Linear(3, 2))
    x = np.random.uniform(-1, 1, (5, 4)).astype(np.float32)
    opt = optimizers.SGD(lr=0.1)
    opt.setup(model)
    model.cleargrads()
    (F.sum(model.alpha(F.tanh(model.zeta(x))) ** 2) * 10).backward()
    return model, opt


def grads(model):
    return {name: p.grad.copy() for name, p in model.namedparams()}


def test_zero_grads_fills_zero_arrays_without_deprecation_warning():
    model, opt = setup_model()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        opt.zero_grads()
    for name, g in grads(model).items():
        assert_array_equal(g, np.zeros_like(g), err_msg=name)
    assert [w.category for w in caught] == [ChainerV1Warning]
    assert "CH401 zero-grads" in str(caught[0].message)


def test_compute_grads_norm_is_v1_float64_sum():
    model, opt = setup_model()
    expected = np.sqrt(sum(float(g.ravel().dot(g.ravel()))
                           for g in (model.zeta.W.grad, model.zeta.b.grad,
                                     model.alpha.W.grad, model.alpha.b.grad)))
    norm = opt.compute_grads_norm()
    assert type(norm) is np.float64
    assert norm == expected


@pytest.mark.parametrize("maxnorm", [0.5, 1e9])
def test_clip_grads(maxnorm):
    model, opt = setup_model()
    before = grads(model)
    norm = np.sqrt(sum(float(g.ravel().dot(g.ravel())) for g in (
        before["/zeta/W"], before["/zeta/b"], before["/alpha/W"], before["/alpha/b"])))
    opt.clip_grads(maxnorm)
    rate = maxnorm / norm
    for name, g in grads(model).items():
        want = before[name] * np.float32(rate) if rate < 1 else before[name]
        assert_array_equal(g, want, err_msg=name)


def test_weight_decay_adds_rate_times_data():
    model, opt = setup_model()
    before = grads(model)
    opt.weight_decay(0.01)
    for name, p in model.namedparams():
        assert_array_equal(p.grad, before[name] + 0.01 * p.data, err_msg=name)


def test_accumulate_grads_pairs_in_registration_order():
    model, opt = setup_model()
    before = grads(model)
    arrays = [np.full((3, 4), 1, np.float32), np.full((3,), 2, np.float32),
              np.full((2, 3), 3, np.float32), np.full((2,), 4, np.float32)]
    opt.accumulate_grads(arrays)
    # 1.24 order: zeta/W, zeta/b, alpha/W, alpha/b (7.8.1 sorts alpha first)
    for name, extra in zip(("/zeta/W", "/zeta/b", "/alpha/W", "/alpha/b"), arrays):
        assert_array_equal(dict(model.namedparams())[name].grad, before[name] + extra, err_msg=name)


def test_param_order_mode_is_restored():
    chainer_compat.set_param_order("v7")
    model, opt = setup_model()
    opt.compute_grads_norm()
    assert chainer_compat.ch211_order.get_param_order() == "v7"


def test_each_method_warns_with_its_code():
    model, opt = setup_model()
    calls = {"CH401": lambda: opt.zero_grads(), "CH402": lambda: opt.clip_grads(1.0),
             "CH403": lambda: opt.weight_decay(0.1), "CH404": lambda: opt.accumulate_grads([]),
             "CH405": lambda: opt.compute_grads_norm()}
    for code, call in calls.items():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            call()
        assert any(code in str(w.message) for w in caught if w.category is ChainerV1Warning), code


def test_uninstall_removes_the_methods(stock):
    for name in methods.METHODS:
        assert not hasattr(chainer.Optimizer, name)
    model, opt = setup_model()
    with pytest.raises(AttributeError):
        opt.zero_grads()


def test_methods_are_process_wide_names():
    for name, function in methods.METHODS.items():
        assert chainer.Optimizer.__dict__[name] is function
