"""Codemod rules CH401-CH410 (optimizers): rewrites, parity with the shim, review items."""
import pytest

from codemod import migrate_source
from tests.codemod.parity_cases import check, fixes, reviews

MODEL = """\
model = chainer.Chain(zeta=L.Linear(4, 3), alpha=L.Linear(3, 2))
x = np.linspace(-1, 1, 20, dtype=np.float32).reshape(5, 4)
opt = optimizers.MomentumSGD(lr=0.05)
opt.setup(model)
def grads():
    model.cleargrads()
    (F.sum(model.alpha(F.tanh(model.zeta(x))) ** 2) * 10).backward()
"""

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_training_loop_parity():
    new, findings = check(MODEL + """\
norms = []
for i in range(3):
    opt.zero_grads()  # start clean
    grads()
    norms.append(opt.compute_grads_norm())
    opt.clip_grads(0.5)
    opt.weight_decay(1e-3 * (i + 1))  # decay
    opt.update()
W, b = model.zeta.W.data, model.alpha.b.data
""", ["W", "b", "norms"])
    assert "opt.target.cleargrads()  # start clean" in new
    assert "chainer.optimizer_hooks.GradientClipping(0.5)(opt)" in new
    assert "    # decay\n    _rate = 1e-3 * (i + 1)\n" in new
    assert "_rate = 1e-3 * (i + 1)" in new and "_p.grad += _rate * _p.data" in new
    assert "np.sqrt(sum(float(_p.grad.ravel().dot(_p.grad.ravel())) for _p in opt.target.params()))" in new
    assert {f.code for f in fixes(findings)} == {"CH401", "CH402", "CH403", "CH405"}
    assert not reviews(findings)


def test_weight_decay_rate_with_side_effects_and_taken_name():
    new, findings = check(MODEL + """\
_p = 3
rates = iter([0.01, 0.02])
grads()
opt.weight_decay(next(rates))
opt.update()
W = model.zeta.W.data
""", ["W"])
    assert "_rate = next(rates)" in new
    assert "for _p1 in opt.target.params():" in new


def test_hook_module_rename_parity():
    new, findings = check(MODEL + """\
opt.add_hook(chainer.optimizer.WeightDecay(0.01))
opt.add_hook(chainer.optimizer.GradientClipping(1.0), 'clip')
grads()
opt.update()
W = model.zeta.W.data
""", ["W"])
    assert "chainer.optimizer_hooks.WeightDecay(0.01)" in new
    assert "chainer.optimizer_hooks.GradientClipping(1.0)" in new
    assert len(fixes(findings, "CH408")) == 2


@pytest.mark.parametrize("source, code", [
    ("n = opt.zero_grads()\n", "CH401"),
    ("print(opt.clip_grads(1.0))\n", "CH402"),
    ("get_opt().weight_decay(0.1)\n", "CH403"),
    ("opt.accumulate_grads([p.grad for p in other.params()])\n", "CH404"),
    ("opt.accumulate_grads(arrays)\n", "CH404"),
    ("hook = chainer.optimizer_hooks.Lasso(0.1)\nhook(opt)\n", "CH408"),
])
def test_review_sites_are_left_alone(source, code):
    new, findings = migrate_source("import chainer\n" + source)
    assert new == "import chainer\n" + source
    assert reviews(findings, code)


def test_accumulate_grads_suggests_addgrads():
    _, findings = migrate_source("opt.accumulate_grads([p.grad for p in other.params()])\n")
    assert "opt.target.addgrads(other)" in reviews(findings, "CH404")[0].message


def test_compute_grads_norm_without_numpy_import_is_reviewed():
    source = "import chainer\nn = opt.compute_grads_norm()\n"
    new, findings = migrate_source(source)
    assert new == source and reviews(findings, "CH405")


def test_user_methods_of_the_same_name_are_not_touched():
    source = ("import chainer\nclass Opt:\n    def zero_grads(self):\n        pass\n"
              "o = Opt()\no.zero_grads()\n")
    new, findings = migrate_source(source)
    assert new == source and not findings


def test_link_methods_are_not_optimizer_methods():
    source = "import chainer.links as L\nb = L.Bilinear(2, 2, 3)\nb.zero_grads()\n"
    new, findings = migrate_source(source)
    assert new == source and not findings


def test_custom_gradient_method_reports():
    source = ("import chainer\nfrom chainer import optimizers\n"
              "class A(chainer.optimizer.GradientMethod):\n"
              "    def update_one_cpu(self, param, state):\n        pass\n"
              "class B(optimizers.SGD):\n"
              "    def update_one_cpu(self, param, state):\n        pass\n"
              "class C(chainer.GradientMethod):\n"
              "    def create_update_rule(self):\n        pass\n"
              "    def init_state(self, param, state):\n        pass\n")
    new, findings = migrate_source(source)
    found = reviews(findings, "CH406")
    assert new == source
    assert [(f.line, f.silent) for f in found] == [(3, False), (6, True)]


def test_adam_lr_zero_division_is_reported():
    source = ("import chainer\ntry:\n    lr = adam.lr\nexcept (ValueError, ZeroDivisionError):\n"
              "    lr = 0\ntry:\n    lr = adam.lr\nexcept RuntimeError:\n    lr = 0\n")
    _, findings = migrate_source(source)
    assert [f.line for f in reviews(findings, "CH410")] == [3]
