"""CH406: optimizers written with the Chainer 1.24 implementer API run through an adapter rule."""
import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.functions as F
import chainer.links as L
from chainer import optimizers

from chainer_compat import ch406_gradient_method as ch406

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def make_model():
    np.random.seed(0)
    model = chainer.Chain(zeta=L.Linear(4, 3), alpha=L.Linear(3, 2))
    x = np.random.uniform(-1, 1, (5, 4)).astype(np.float32)
    return model, x


def step(model, opt, x):
    model.cleargrads()
    F.sum(model.alpha(F.tanh(model.zeta(x))) ** 2).backward()
    opt.update()


class Momentum(chainer.optimizer.GradientMethod):
    def __init__(self, lr=0.1, momentum=0.5):
        super(Momentum, self).__init__()
        self.lr = lr
        self.momentum = momentum
        self.seen_t = []

    def init_state_cpu(self, param, state):
        state["v"] = np.zeros_like(param.data)

    def update_one_cpu(self, param, state):
        self.seen_t.append(self.t)
        v = state["v"]
        v *= self.momentum
        v -= self.lr * param.grad
        param.data += v


class NoInit(chainer.optimizer.GradientMethod):
    def __init__(self, lr):   # 1.24's optimizers had no __init__ to call
        self.lr = lr

    def update_one(self, param, state):
        param.data -= self.lr * param.grad


class Sign(optimizers.SGD):
    def update_one_cpu(self, param, state):
        param.data -= self.lr * np.sign(param.grad)


def test_subclass_gets_adapter_and_matches_momentum_sgd():
    model, x = make_model()
    ref, _ = make_model()
    opt = Momentum()
    opt.setup(model)
    ref_opt = optimizers.MomentumSGD(lr=0.1, momentum=0.5)
    ref_opt.setup(ref)
    for _ in range(3):
        step(model, opt, x)
        step(ref, ref_opt, x)
    assert isinstance(model.zeta.W.update_rule, ch406.V1UpdateRule)
    assert opt.t == 3
    assert sorted(set(opt.seen_t)) == [1, 2, 3]   # t incremented before the rules, as in 1.24
    for (name, p), (_, q) in zip(sorted(model.namedparams()), sorted(ref.namedparams())):
        assert_array_equal(p.data, q.data, err_msg=name)
    assert sorted(model.zeta.W.update_rule.state) == ["v"]


def test_subclass_without_super_init():
    model, x = make_model()
    opt = NoInit(0.05)
    opt.setup(model)
    before = model.alpha.b.data.copy()
    step(model, opt, x)
    assert_array_equal(model.alpha.b.data, before - np.float32(0.05) * model.alpha.b.grad)


def test_builtin_subclass_override_is_run():
    model, x = make_model()
    opt = Sign(lr=0.01)
    opt.setup(model)
    before = model.zeta.W.data.copy()
    step(model, opt, x)
    assert_array_equal(model.zeta.W.data, before - 0.01 * np.sign(model.zeta.W.grad))


def test_instance_level_methods_and_init_state_dispatch():
    opt = chainer.GradientMethod()
    calls = []
    opt.init_state_cpu = lambda param, state: calls.append(("init", state))
    opt.update_one_cpu = lambda param, state: calls.append(("update", state))
    model, x = make_model()
    opt.setup(model)
    step(model, opt, x)
    assert [c[0] for c in calls] == ["init", "update"] * 4


def test_v7_optimizers_are_untouched():
    model, _ = make_model()
    opt = optimizers.Adam()
    opt.setup(model)
    assert not isinstance(model.zeta.W.update_rule, ch406.V1UpdateRule)
    with pytest.raises(NotImplementedError):
        chainer.GradientMethod().create_update_rule()


def test_v7_style_subclass_keeps_its_rule():
    class Rule(chainer.UpdateRule):
        def update_core_cpu(self, param):
            param.data -= param.grad

    class V7(chainer.GradientMethod):
        def create_update_rule(self):
            return Rule()

    model, _ = make_model()
    V7().setup(model)
    assert type(model.zeta.W.update_rule) is Rule


def test_uninstall_restores_gradient_method(stock):
    assert "update_one" not in vars(chainer.GradientMethod)
    assert "init_state" not in vars(chainer.Optimizer)
    assert "__init_subclass__" not in vars(chainer.GradientMethod)
