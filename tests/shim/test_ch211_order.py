"""CH211 param-iteration-order: opt-in registration order ('v1') vs stock sorted order ('v7')."""
import os
import pathlib
import subprocess

import warnings

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.links as L

import chainer_compat
from chainer_compat.demo import load_module
from chainer_compat import ch211_order

ROOT = pathlib.Path(__file__).resolve().parents[2]
V1_FIXTURE = ROOT / "fixtures" / "v1" / "rnnlm_kwargs.py"


def names(pairs):
    return [name for name, _ in pairs]


class Three(chainer.Link):
    def __init__(self):
        super(Three, self).__init__()
        self.add_param("w2", (1,))
        self.add_param("w1", (1,))
        self.add_param("B", (1,))


class Scoped(chainer.Chain):
    def __init__(self):
        super(Scoped, self).__init__()
        with self.init_scope():
            self.zeta = L.Linear(2, 2)
            self.gamma = chainer.Parameter(chainer.initializers.Zero(), (1,))
            self.alpha = L.Linear(2, 2)
            self.mid = Three()


def kwargs_chain():
    return chainer.Chain(zeta=L.Linear(2, 2), alpha=L.Linear(2, 2), mid=L.Linear(2, 2))


def test_default_is_stock_sorted_order():
    assert ch211_order.get_param_order() == "v7"
    assert names(L.LSTM(3, 4).namedparams()) == ["/lateral/W", "/upward/W", "/upward/b"]
    assert names(Three().namedparams()) == ["/B", "/w1", "/w2"]
    assert [c.name for c in kwargs_chain().children()] == ["alpha", "mid", "zeta"]


@pytest.mark.parametrize("make, expected", [
    (lambda: L.LSTM(3, 4), ["/upward/W", "/upward/b", "/lateral/W"]),
    (lambda: L.BatchNormalization(3), ["/gamma", "/beta"]),
    (Three, ["/w2", "/w1", "/B"]),
    (kwargs_chain, ["/zeta/W", "/zeta/b", "/alpha/W", "/alpha/b", "/mid/W", "/mid/b"]),
    (Scoped, ["/gamma", "/zeta/W", "/zeta/b", "/alpha/W", "/alpha/b", "/mid/w2", "/mid/w1", "/mid/B"]),
    (lambda: chainer.ChainList(Three(), L.Linear(1, 1)), ["/0/w2", "/0/w1", "/0/B", "/1/W", "/1/b"]),
])
def test_v1_order(make, expected):
    link = make()
    with chainer_compat.param_order("v1"):
        assert names(link.namedparams()) == expected
        params = list(link.params())
    named = dict(link.namedparams())
    assert [id(p) for p in params] == [id(named[n]) for n in expected]
    assert names(link.namedparams()) != expected   # stock (sorted) order again after the block


def test_v1_links_namedlinks_children():
    chain = Scoped()
    chainer_compat.set_param_order("v1")
    assert names(chain.namedlinks()) == ["/", "/zeta", "/alpha", "/mid"]
    assert names(chain.namedlinks(skipself=True)) == ["/zeta", "/alpha", "/mid"]
    assert [link.name for link in chain.links(skipself=True)] == ["zeta", "alpha", "mid"]
    assert next(iter(chain.links())) is chain
    assert [c.name for c in chain.children()] == ["zeta", "alpha", "mid"]
    nested = chainer.Chain(b=Scoped(), a=L.Linear(1, 1))
    assert names(nested.namedlinks()) == ["/", "/b", "/b/zeta", "/b/alpha", "/b/mid", "/a"]


def test_include_uninit():
    chain = chainer.Chain(late=L.Linear(None, 2), early=L.Linear(2, 2))
    chainer_compat.set_param_order("v1")
    assert names(chain.namedparams(include_uninit=False)) == ["/late/b", "/early/W", "/early/b"]
    assert len(list(chain.params(include_uninit=False))) == 3
    # uninitialised: after the link's initialised parameters (where initialisation would put it)
    assert names(chain.namedparams()) == ["/late/b", "/late/W", "/early/W", "/early/b"]
    assert any(p is chain.late.W for p in chain.params())   # still reached by optimizer.setup & co


@pytest.mark.parametrize("make, x, shape", [
    (lambda: L.Linear(None, 3), np.zeros((2, 4), np.float32), (3, 4)),
    (lambda: L.Convolution2D(None, 4, 3), np.zeros((1, 2, 5, 5), np.float32), (4, 2, 3, 3)),
    (lambda: L.Deconvolution2D(None, 4, 3), np.zeros((1, 2, 5, 5), np.float32), (2, 4, 3, 3)),
])
def test_lazy_weight_comes_after_bias(make, x, shape):
    link = make()
    with chainer_compat.param_order("v1"):
        assert names(link.namedparams(include_uninit=False)) == ["/b"]
        link(x)
        assert link.W.shape == shape
        assert names(link.namedparams()) == ["/b", "/W"]
        assert names(link.namedparams(include_uninit=False)) == ["/b", "/W"]
    assert names(link.namedparams()) == ["/W", "/b"]


class Lazy(chainer.Link):
    def __init__(self):
        super(Lazy, self).__init__()
        with self.init_scope():
            self.a = chainer.Parameter(chainer.initializers.Zero(), (1,))
            self.v = chainer.Parameter(chainer.initializers.Zero())
            self.u = chainer.Parameter(chainer.initializers.Zero())


def test_position_is_the_moment_of_initialisation():
    link = Lazy()
    link.add_param("c", (1,))          # registered before u, v are initialised
    link.u.initialize((2,))
    link.add_param("d", (1,))          # registered after u is initialised
    with chainer_compat.param_order("v1"):
        assert names(link.namedparams()) == ["/a", "/c", "/u", "/d", "/v"]
        link.v.initialize((3,))
        assert names(link.namedparams()) == ["/a", "/c", "/u", "/d", "/v"]
        other = Lazy()
        other.v.initialize((1,))
        other.u.initialize((1,))
        assert names(other.namedparams()) == ["/a", "/v", "/u"]


def test_array_set_without_initialize_is_stamped_when_seen():
    link = Lazy()
    link.v.array = np.zeros(2, np.float32)
    with chainer_compat.param_order("v1"):
        assert names(link.namedparams()) == ["/a", "/v", "/u"]
        link.add_param("e", (1,))
        link.u.initialize((1,))
        assert names(link.namedparams()) == ["/a", "/v", "/e", "/u"]


def test_copies_keep_initialisation_order():
    link = Lazy()
    link.u.initialize((1,))
    link.add_param("c", (1,))
    link.v.initialize((1,))
    for mode in ("share", "copy", "init"):
        with chainer_compat.param_order("v1"):
            assert names(link.copy(mode).namedparams()) == ["/a", "/u", "/c", "/v"], mode
    fresh = Lazy()
    clone = fresh.copy("copy")          # deep copy before initialisation
    clone.v.initialize((1,))
    clone.u.initialize((1,))
    with chainer_compat.param_order("v1"):
        assert names(clone.namedparams()) == ["/a", "/v", "/u"]
        assert names(fresh.namedparams()) == ["/a", "/v", "/u"]   # registration order, both pending


def test_uninstall_restores_parameter_initialize(stock):
    from chainer import variable
    original = variable.Parameter.__dict__["initialize"]
    chainer_compat.install()
    assert variable.Parameter.__dict__["initialize"] is not original
    chainer_compat.uninstall()
    assert variable.Parameter.__dict__["initialize"] is original
    param = chainer.Parameter(chainer.initializers.Zero())
    param.initialize((1,))
    assert ch211_order.INIT_KEY not in vars(param)


def test_delete_and_register_again_moves_to_the_end():
    link = Three()
    del link.w2
    link.add_param("w2", (1,))
    chain = kwargs_chain()
    del chain.zeta
    chain.add_link("zeta", L.Linear(1, 1))
    with chainer_compat.param_order("v1"):
        assert names(link.namedparams()) == ["/w1", "/B", "/w2"]
        assert [c.name for c in chain.children()] == ["alpha", "mid", "zeta"]


def test_persistent_is_not_a_param():
    link = Three()
    link.register_persistent("w1")
    with chainer_compat.param_order("v1"):
        assert names(link.namedparams()) == ["/w2", "/B"]


def test_copies_keep_order_and_do_not_share_edits():
    chain = Scoped()
    for mode in ("share", "copy", "init"):
        clone = chain.copy(mode)
        with chainer_compat.param_order("v1"):
            assert names(clone.namedparams()) == names(chain.namedparams())
    clone = chain.copy()
    del clone.mid.w2
    with chainer_compat.param_order("v1"):
        assert names(chain.mid.namedparams()) == ["/w2", "/w1", "/B"]
        assert names(clone.mid.namedparams()) == ["/w1", "/B"]


def test_links_built_before_install_fall_back_to_sorted(stock):
    link = Three()
    chainer_compat.install()
    link.add_param("a0", (1,))
    with chainer_compat.param_order("v1"):
        assert names(link.namedparams()) == ["/a0", "/B", "/w1", "/w2"]


def test_mode_switch():
    with pytest.raises(ValueError, match="'v1' or 'v7'"):
        chainer_compat.set_param_order("v2")
    assert chainer_compat.set_param_order("v1") == "v7"
    assert chainer_compat.set_param_order("v7") == "v1"
    with pytest.raises(RuntimeError):
        with chainer_compat.param_order("v1"):
            assert ch211_order.get_param_order() == "v1"
            raise RuntimeError
    assert ch211_order.get_param_order() == "v7"


def test_v1_code_is_told_when_the_sorted_order_differs(recwarn):
    with chainer_compat.param_order("v1"):
        list(Scoped().params())   # 1.24's order: nothing to report
    assert not [w for w in recwarn.list if w.category is chainer_compat.ChainerV1Warning]
    list(L.Linear(2, 3).params())  # W, b: the same order in both versions
    assert not [w for w in recwarn.list if w.category is chainer_compat.ChainerV1Warning]
    list(Scoped().params())   # v1 code, default order, and the orders differ
    found = [w for w in recwarn.list if w.category is chainer_compat.ChainerV1Warning]
    assert len(found) == 1, [str(w.message) for w in found]
    assert "CH211" in str(found[0].message) and "set_param_order('v1')" in str(found[0].message)


def test_v2_code_is_not_told():
    ns = {"__name__": "v2_user_module", "__chainer_compat__": "v2", "model": Scoped()}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        exec(compile("names = [n for n, _ in model.namedparams()]\n", "<v2 module>", "exec"), ns)
    assert not [w for w in caught if w.category is chainer_compat.ChainerV1Warning]


# -- against real Chainer 1.24 ---------------------------------------------------------

V1_SCRIPT = """
import sys, importlib.util, numpy as np
spec = importlib.util.spec_from_file_location('rnnlm_v1', sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
np.random.seed(0)
model = module.RNNForLM(10, 4)
params = list(model.namedparams())
np.savez(sys.argv[2], **{name: p.data for name, p in params})
print(' '.join(name for name, _ in params))
"""


def load_v1_fixture():
    return load_module(V1_FIXTURE, "shim_rnnlm_kwargs")


@pytest.mark.oracle
@pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")
def test_rnnlm_initial_params_match_chainer_124(tmp_path, v1_python):
    python = v1_python
    out = tmp_path / "v1.npz"
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    proc = subprocess.run([python, "-c", V1_SCRIPT, str(V1_FIXTURE), str(out)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    v1_names = proc.stdout.split()
    module = load_v1_fixture()
    with chainer_compat.param_order("v1"):
        np.random.seed(0)
        model = module.RNNForLM(10, 4)
        assert names(model.namedparams()) == v1_names
    got = dict(model.namedparams())
    with np.load(str(out)) as expected:
        assert sorted(expected.files) == sorted(got)
        for name in v1_names:
            assert_array_equal(got[name].array, expected[name], err_msg=name)
    # the stock order draws the same numbers into other parameters
    np.random.seed(0)
    stock_model = module.RNNForLM(10, 4)
    with np.load(str(out)) as expected:
        assert not all(np.array_equal(p.array, expected[n]) for n, p in stock_model.namedparams())


LAZY_MODEL = """
import numpy as np
import chainer
import chainer.functions as F
import chainer.links as L


class Net(chainer.Chain):
    def __init__(self):
        super(Net, self).__init__(
            conv=L.Convolution2D(None, 4, 3),
            l1=L.Linear(None, 5),
            l2=L.Linear(5, 2),
        )

    def __call__(self, x):
        h = F.relu(self.conv(x))
        return self.l2(F.relu(self.l1(h)))


def run(model):
    before = [name for name, _ in model.namedparams()]
    model(np.ones((1, 2, 5, 5), np.float32))
    np.random.seed(0)
    for p in model.params():
        p.data[...] = np.random.uniform(-1, 1, p.data.shape)
    return before, list(model.namedparams())
"""

LAZY_V1_SCRIPT = """
import sys, importlib.util, numpy as np
spec = importlib.util.spec_from_file_location('lazy_v1', sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
before, params = module.run(module.Net())
np.savez(sys.argv[2], **{name: p.data for name, p in params})
print(' '.join(before))
print(' '.join(name for name, _ in params))
"""


@pytest.mark.oracle
@pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")
def test_lazy_links_match_chainer_124(tmp_path, v1_python):
    source = tmp_path / "lazy_model.py"
    source.write_text(LAZY_MODEL)
    out = tmp_path / "v1.npz"
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    proc = subprocess.run([v1_python, "-c", LAZY_V1_SCRIPT, str(source), str(out)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    v1_before, v1_names = [line.split() for line in proc.stdout.splitlines()]
    assert v1_names == ["/conv/b", "/conv/W", "/l1/b", "/l1/W", "/l2/W", "/l2/b"]
    module = load_module(source, "shim_lazy_model")
    model = module.Net()
    with chainer_compat.param_order("v1"):
        assert names(model.namedparams(include_uninit=False)) == v1_before
        _, params = module.run(model)
    assert names(params) == v1_names
    with np.load(str(out)) as expected:
        assert sorted(expected.files) == sorted(v1_names)
        for name, param in params:
            assert_array_equal(param.array, expected[name], err_msg=name)
    # the stock order draws the same numbers into other parameters
    _, stock_params = module.run(module.Net())
    with np.load(str(out)) as expected:
        assert not all(np.array_equal(p.array, expected[n]) for n, p in stock_params)


def test_parameters_with_a_non_standard_layout_are_recorded():
    """Recording reads ``raw_array``: ``.array`` raises for a channel-last layout (Chainer 7.8.1)."""
    with chainer.using_config("compute_mode", "cudnn_fast"):
        link = L.Convolution2D(3, 4, 3)
    assert link.W.raw_array is not None
    with chainer_compat.param_order("v1"):
        assert names(link.namedparams()) == ["/W", "/b"]
