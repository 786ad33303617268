"""CH408: the per-parameter hooks also accept Chainer 1.24's direct call ``hook(optimizer)``."""
import warnings

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.functions as F
import chainer.links as L
from chainer import optimizer_hooks, optimizers

from chainer_compat import ChainerV1Warning

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def setup_model():
    np.random.seed(0)
    model = chainer.Chain(zeta=L.Linear(4, 3), alpha=L.Linear(3, 2))
    x = np.random.uniform(-1, 1, (5, 4)).astype(np.float32)
    opt = optimizers.SGD(lr=0.1)
    opt.setup(model)
    model.cleargrads()
    (F.sum(model.alpha(F.tanh(model.zeta(x))) ** 2) * 5).backward()
    return model, opt


def snapshot(model):
    return {name: (p.data.copy(), p.grad.copy()) for name, p in model.namedparams()}


def test_weight_decay_and_lasso_and_hard_clipping():
    for hook, expect in (
            (optimizer_hooks.WeightDecay(0.1), lambda w, g: g + 0.1 * w),
            (optimizer_hooks.Lasso(0.1), lambda w, g: g + 0.1 * np.sign(w)),
            (optimizer_hooks.GradientHardClipping(-0.2, 0.3), lambda w, g: np.clip(g, -0.2, 0.3))):
        model, opt = setup_model()
        before = snapshot(model)
        hook(opt)
        for name, p in model.namedparams():
            assert_array_equal(p.grad, expect(*before[name]), err_msg="%s %s" % (hook.name, name))


def test_gradient_noise_gets_the_optimizer_in_v1_order():
    model, opt = setup_model()
    seen = []

    def noise(xp, shape, dtype, hook, target):
        seen.append((shape, target))
        return xp.ones(shape, dtype)
    before = snapshot(model)
    optimizer_hooks.GradientNoise(0.01, noise_func=noise)(opt)
    assert [s for s, _ in seen] == [(3, 4), (3,), (2, 3), (2,)]   # zeta first: registration order
    assert all(t is opt for _, t in seen)
    for name, p in model.namedparams():
        assert_array_equal(p.grad, before[name][1] + 1, err_msg=name)


def test_old_module_names_and_warning():
    model, opt = setup_model()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        chainer.optimizer.WeightDecay(0.1)(opt)
    assert any("CH408" in str(w.message) for w in caught if w.category is ChainerV1Warning)


def test_per_parameter_form_and_add_hook_unchanged():
    model, opt = setup_model()
    ref, ref_opt = setup_model()
    opt.add_hook(optimizer_hooks.WeightDecay(0.1))
    opt.update()
    for p in ref.params():
        g = p.grad
        g += 0.1 * p.data
        p.data -= 0.1 * g
    for (name, p), (_, q) in zip(sorted(model.namedparams()), sorted(ref.namedparams())):
        assert_array_equal(p.data, q.data, err_msg=name)


def test_stock_direct_call_fails(stock):
    model, opt = setup_model()
    with pytest.raises(TypeError):
        optimizer_hooks.WeightDecay(0.1)(opt)
