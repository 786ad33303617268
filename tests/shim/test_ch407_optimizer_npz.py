"""CH407: optimizer snapshots without per-parameter ``t`` (Chainer 1.24's layout) load."""
import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.functions as F
import chainer.links as L
from chainer import optimizers, serializers

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def trained(steps=2):
    np.random.seed(0)
    model = chainer.Chain(zeta=L.Linear(4, 3), alpha=L.Linear(3, 2))
    x = np.random.uniform(-1, 1, (5, 4)).astype(np.float32)
    opt = optimizers.Adam(alpha=0.01)
    opt.setup(model)
    for _ in range(steps):
        model.cleargrads()
        F.sum(model.alpha(F.tanh(model.zeta(x))) ** 2).backward()
        opt.update()
    return model, opt


def v1_snapshot(tmp_path, opt):
    path = tmp_path / "opt.npz"
    serializers.save_npz(str(path), opt)
    with np.load(str(path)) as npz:
        kept = {k: npz[k] for k in npz.files if k == "t" or not k.endswith("/t")}
    v1 = tmp_path / "v1.npz"
    np.savez(str(v1), **kept)
    return str(v1), kept


def fresh():
    model = chainer.Chain(zeta=L.Linear(4, 3), alpha=L.Linear(3, 2))
    opt = optimizers.Adam(alpha=0.01)
    opt.setup(model)
    return model, opt


@pytest.mark.parametrize("strict", [True, False])
def test_v1_snapshot_loads_with_rule_t_from_optimizer(tmp_path, strict):
    _, opt = trained()
    path, kept = v1_snapshot(tmp_path, opt)
    assert not [k for k in kept if k.endswith("/t")]
    model2, opt2 = fresh()
    serializers.load_npz(path, opt2, strict=strict)
    assert opt2.t == 2
    for name, p in model2.namedparams():
        assert p.update_rule.t == 2, name
        assert_array_equal(p.update_rule.state["m"], kept[name[1:] + "/m"])
        assert_array_equal(p.update_rule.state["v"], kept[name[1:] + "/v"])


def test_v7_snapshot_loads_unchanged(tmp_path):
    _, opt = trained()
    for p in opt.target.params():
        p.update_rule.t = 7      # rule t differs from opt.t: must come from the file
    path = tmp_path / "v7.npz"
    serializers.save_npz(str(path), opt)
    _, opt2 = fresh()
    serializers.load_npz(str(path), opt2)
    assert [p.update_rule.t for p in opt2.target.params()] == [7] * 4


def test_missing_state_still_raises(tmp_path):
    _, opt = trained()
    path = tmp_path / "opt.npz"
    serializers.save_npz(str(path), opt)
    with np.load(str(path)) as npz:
        kept = {k: npz[k] for k in npz.files if not k.endswith("/m")}
    np.savez(str(path), **kept)
    _, opt2 = fresh()
    with pytest.raises(KeyError):
        serializers.load_npz(str(path), opt2)


def test_stock_raises_on_v1_snapshot(tmp_path, stock):
    _, opt = trained()
    path, _ = v1_snapshot(tmp_path, opt)
    _, opt2 = fresh()
    with pytest.raises(KeyError):
        serializers.load_npz(path, opt2)
