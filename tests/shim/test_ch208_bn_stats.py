"""CH208 batchnorm-statistics in the shim: v1 running statistics for links built by v1 code.

The oracle tests run one v1 script on real Chainer 1.24 (``v1_python``) and,
under the shim, in this process (as a module of its own, i.e. v1 code), and
compare what it records. Tolerances, where used, and why:

- ``avg_mean`` (and ``avg_var`` before any training call, 0): the same float32
  operations in both versions, compared bitwise.
- ``avg_var``: v1 rounds ``(var + eps) * c`` once, the shim rounds ``var * c``
  (Chainer 7.8.1) and adds ``eps * c`` (catalogue CH208: "up to the rounding of
  one float32 addition"): ``rtol=1e-6``, a few float32 ulps.
- outputs (training and test mode): 1.24 divides by ``sqrt(var + eps)``,
  7.8.1 multiplies by its reciprocal: ``rtol=1e-5``. The CNN test goes through
  three MomentumSGD steps (convolution and matmul on both versions) first;
  same tolerance. Observed: at most 1-4 float32 ulps everywhere (rel. < 4e-7).
"""
import copy
import os
import subprocess
import types

import numpy as np
import pytest
from numpy.testing import assert_allclose, assert_array_equal

import chainer
import chainer.links as L
from chainer.links.normalization import batch_normalization

import chainer_compat
from chainer_compat import _caller, ch208_bn_stats

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")

RTOL_VAR = 1e-6
RTOL_OUT = 1e-5


def run_as_module(source, name="ch208_user_code", **values):
    """Execute ``source`` as the body of a fresh module ``name``; returns its namespace."""
    module = types.ModuleType(name)
    module.__dict__.update(values)
    exec(compile(source, "<%s>" % name, "exec"), module.__dict__)
    return module.__dict__


def x_batch(shape, seed):
    return np.random.RandomState(seed).uniform(-1, 2, shape).astype(np.float32)


# -- construction: who gets the v1 defaults (R6) ---------------------------------

def test_v1_code_gets_avg_var_zero_and_a_mark():
    bn = run_as_module("import chainer.links as L\nbn = L.BatchNormalization(3)\n")["bn"]
    assert_array_equal(bn.avg_var, np.zeros(3, np.float32))
    assert bn.avg_var.dtype == np.float32
    assert bn.__dict__[ch208_bn_stats.V1_STATS] is True


def test_stock_chainer_starts_at_one(stock):
    bn = run_as_module("import chainer.links as L\nbn = L.BatchNormalization(3)\n")["bn"]
    assert_array_equal(bn.avg_var, np.ones(3, np.float32))
    assert ch208_bn_stats.V1_STATS not in bn.__dict__


def test_construction_warns_once_per_site():
    source = "import chainer.links as L\nbns = [L.BatchNormalization(3) for _ in range(3)]\n"
    with pytest.warns(chainer_compat.ChainerV1Warning, match="CH208 batchnorm-statistics") as rec:
        run_as_module(source)
    assert len([w for w in rec if "CH208" in str(w.message)]) == 1


def test_subclass_defined_in_v1_code_counts_as_v1():
    source = ("import chainer.links as L\n"
              "class MyBN(L.BatchNormalization):\n"
              "    def __init__(self):\n"
              "        super(MyBN, self).__init__(3, decay=0.5)\n"
              "bn = MyBN()\n")
    bn = run_as_module(source)["bn"]
    assert_array_equal(bn.avg_var, np.zeros(3, np.float32))


@pytest.mark.parametrize("call", [
    "L.BatchNormalization(3, initial_avg_var=0.5)",
    "L.BatchNormalization(3, initial_avg_mean=0)",
    "L.BatchNormalization(axis=0, initial_avg_var=2)",
    "L.BatchNormalization(3, 0.9, 2e-5, None, True, True, None, None, None, None, 0.5)",
])
def test_v2_only_arguments_mean_v2_code(call):
    bn = run_as_module("import chainer.links as L\nbn = %s\n" % call)["bn"]
    assert ch208_bn_stats.V1_STATS not in bn.__dict__


def test_links_built_by_chainer_keep_v7_defaults():
    bn = L.BatchRenormalization(3)  # its __init__ (in chainer) calls BatchNormalization.__init__
    assert_array_equal(bn.avg_var, np.ones(3, np.float32))
    assert ch208_bn_stats.V1_STATS not in bn.__dict__


def test_module_marker_means_v2_code():
    source = "__chainer_compat__ = 'v2'\nimport chainer.links as L\nbn = L.BatchNormalization(3)\n"
    bn = run_as_module(source)["bn"]
    assert_array_equal(bn.avg_var, np.ones(3, np.float32))


def test_declared_v7_packages():
    source = "import chainer.links as L\nbn = L.BatchNormalization(3)\n"
    previous = chainer_compat.set_v7_packages(["fakecv", "mypkg.v2"])
    try:
        assert chainer_compat.get_v7_packages() == ("fakecv", "mypkg.v2")
        for name, v7 in (("fakecv", True), ("fakecv.links.resnet", True), ("fakecvx", False),
                         ("mypkg.v2.model", True), ("mypkg.v1", False)):
            bn = run_as_module(source, name=name)["bn"]
            assert (ch208_bn_stats.V1_STATS not in bn.__dict__) is v7, name
    finally:
        chainer_compat.set_v7_packages(previous)


@pytest.mark.parametrize("bad, error", [("fakecv", TypeError), (["a b"], ValueError), ([""], ValueError)])
def test_set_v7_packages_rejects_bad_names(bad, error):
    with pytest.raises(error):
        chainer_compat.set_v7_packages(bad)
    assert chainer_compat.get_v7_packages() == ()


def test_v7_packages_from_the_environment(run_python):
    code = ("import types, chainer_compat\n"
            "m = types.ModuleType('fakecv.links')\n"
            "exec('import chainer.links as L\\nbn = L.BatchNormalization(2)', m.__dict__)\n"
            "print(chainer_compat.get_v7_packages(), m.bn.avg_var.tolist())\n")
    proc = run_python(code, env_extra={_caller.ENV: "fakecv, other.pkg"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "('fakecv', 'other.pkg') [1.0, 1.0]"


# -- the running-variance update ---------------------------------------------------

def v1_update(avg_var, x, decay, eps, axis):
    """Chainer 1.24's update in float64 (reference for the float32 result)."""
    x64 = x.astype(np.float64)
    m = x.size // avg_var.size
    adjust = m / max(m - 1., 1.)
    return decay * avg_var + (1 - decay) * adjust * (x64.var(axis=axis) + eps)


@pytest.mark.parametrize("shape, axis", [((5, 3), 0), ((4, 3, 2, 2), (0, 2, 3))])
def test_training_calls_add_eps(shape, axis):
    bn = run_as_module("import chainer.links as L\nbn = L.BatchNormalization(3, decay=0.8)\n")["bn"]
    expected = np.zeros(3)
    for seed in range(3):
        x = x_batch(shape, seed)
        bn(x)
        expected = v1_update(expected, x, 0.8, 2e-5, axis)
        assert_allclose(bn.avg_var, expected, rtol=RTOL_VAR)


def test_eps_term_is_the_only_difference_from_stock():
    bn = run_as_module("import chainer.links as L\nbn = L.BatchNormalization(3, eps=1e-3)\n")["bn"]
    plain = L.BatchNormalization(3, eps=1e-3, initial_avg_var=0)  # v2 code: stock update
    x = x_batch((6, 3), 0)
    bn(x)
    plain(x)
    assert_array_equal(bn.avg_mean, plain.avg_mean)
    assert_allclose(bn.avg_var - plain.avg_var, np.full(3, 0.1 * 6 / 5 * 1e-3), rtol=1e-4)


def test_fine_tune_calls_use_decay_one_minus_one_over_n():
    bn = run_as_module("import chainer.links as L\nbn = L.BatchNormalization(3)\n")["bn"]
    bn(x_batch((5, 3), 9))
    bn.start_finetuning()
    expected = np.asarray(bn.avg_var, np.float64)
    for n in range(1, 4):
        x = x_batch((5, 3), n)
        bn(x, finetune=True)
        assert bn.N == n
        expected = v1_update(expected, x, 1. - 1. / n, 2e-5, 0)
        assert_allclose(bn.avg_var, expected, rtol=RTOL_VAR)


def test_test_mode_leaves_statistics_alone():
    bn = run_as_module("import chainer.links as L\nbn = L.BatchNormalization(3)\n")["bn"]
    bn(x_batch((5, 3), 0))
    before = bn.avg_var.copy()
    bn(x_batch((5, 3), 1), test=True)
    with chainer.using_config("train", False):
        bn(x_batch((5, 3), 2))
    with chainer.using_config("in_recomputing", True):
        bn(x_batch((5, 3), 3))
    assert_array_equal(bn.avg_var, before)


def test_unmarked_links_are_not_touched():
    bn = L.BatchNormalization(3, initial_avg_var=0)
    x = x_batch((5, 3), 0)
    bn(x)
    chainer_compat.uninstall()
    try:
        stock_bn = L.BatchNormalization(3, initial_avg_var=0)
        stock_bn(x)
    finally:
        chainer_compat.install()
    assert_array_equal(bn.avg_var, stock_bn.avg_var)


def test_v1_used_cudnn_is_false_on_cpu():
    bn = run_as_module("import chainer.links as L\nbn = L.BatchNormalization(3)\n")["bn"]
    assert ch208_bn_stats.v1_used_cudnn(bn, x_batch((5, 3), 0)) is False


def test_copies_keep_the_v1_statistics():
    bn = run_as_module("import chainer.links as L\nbn = L.BatchNormalization(3)\n")["bn"]
    twin = copy.deepcopy(bn)
    x = x_batch((5, 3), 0)
    bn(x)
    twin(x)
    assert_array_equal(bn.avg_var, twin.avg_var)


def test_uninstall_restores_the_stock_methods(stock):
    cls = batch_normalization.BatchNormalization
    stock_init, stock_forward = cls.__dict__["__init__"], cls.__dict__["forward"]
    chainer_compat.install()
    assert cls.__dict__["__init__"] is not stock_init
    assert cls.__dict__["forward"] is not stock_forward
    chainer_compat.uninstall()
    assert cls.__dict__["__init__"] is stock_init
    assert cls.__dict__["forward"] is stock_forward
    bn = run_as_module("import chainer.links as L\nbn = L.BatchNormalization(3)\n")["bn"]
    assert_array_equal(bn.avg_var, np.ones(3, np.float32))


@pytest.mark.gpu
def test_gpu_follows_v1_cudnn_use():
    cupy = pytest.importorskip("cupy")
    from chainer.backends import cuda
    if not cuda.available:
        pytest.skip("no CUDA device")
    source = ("import chainer.links as L\n"
              "bn = L.BatchNormalization(3).to_gpu()\n"
              "plain = L.BatchNormalization(3, use_cudnn=False).to_gpu()\n")
    ns = run_as_module(source)
    x = cupy.asarray(x_batch((5, 3), 0))
    assert ch208_bn_stats.v1_used_cudnn(ns["bn"], x) is cuda.cudnn_enabled
    assert ch208_bn_stats.v1_used_cudnn(ns["plain"], x) is False
    ns["plain"](x)
    expected = v1_update(np.zeros(3), x_batch((5, 3), 0), 0.9, 2e-5, 0)
    assert_allclose(cupy.asnumpy(ns["plain"].avg_var), expected, rtol=RTOL_VAR)


# -- against real Chainer 1.24 -----------------------------------------------------

V1_SCRIPT = """
import numpy as np
import chainer
import chainer.functions as F
import chainer.links as L
from chainer import optimizers


def batch(shape, seed):
    return np.random.RandomState(seed).uniform(-1, 2, shape).astype(np.float32)


def record():
    out = {}
    bn = L.BatchNormalization(3)
    out['fresh_test'] = bn(batch((5, 3), 0), test=True).data
    for i in range(3):
        out['train%d' % i] = bn(batch((5, 3), i + 1)).data
        out['mean%d' % i] = bn.avg_mean.copy()
        out['var%d' % i] = bn.avg_var.copy()
    out['after_train_test'] = bn(batch((5, 3), 7), test=True).data
    bn.start_finetuning()
    for i in range(3):
        bn(batch((5, 3), 10 + i), finetune=True)
        out['ft_mean%d' % i] = bn.avg_mean.copy()
        out['ft_var%d' % i] = bn.avg_var.copy()
    out['ft_test'] = bn(batch((5, 3), 7), test=True).data

    conv_bn = L.BatchNormalization(2, decay=0.5, eps=1e-4)
    for i in range(2):
        conv_bn(batch((4, 2, 3, 3), 20 + i))
    out['conv_mean'] = conv_bn.avg_mean.copy()
    out['conv_var'] = conv_bn.avg_var.copy()
    out['conv_test'] = conv_bn(batch((4, 2, 3, 3), 22), test=True).data

    class CNN(chainer.Chain):
        def __init__(self):
            super(CNN, self).__init__(
                conv=L.Convolution2D(1, 4, 3, pad=1), bn=L.BatchNormalization(4),
                fc=L.Linear(4 * 4 * 4, 3))

        def __call__(self, x, test=False):
            return self.fc(F.relu(self.bn(self.conv(x), test=test)))

    model = CNN()
    model.conv.W.data[...] = batch((4, 1, 3, 3), 30) * 0.5
    model.conv.b.data[...] = 0
    model.fc.W.data[...] = batch((3, 64), 31) * 0.1
    model.fc.b.data[...] = 0
    optimizer = optimizers.MomentumSGD(lr=0.1)
    optimizer.setup(model)
    x = batch((8, 1, 4, 4), 32) * 10
    t = (np.arange(8) % 3).astype(np.int32)
    for step in range(3):
        loss = F.softmax_cross_entropy(model(x), t)
        model.cleargrads()
        loss.backward()
        optimizer.update()
        out['cnn_loss%d' % step] = np.float32(loss.data)
    out['cnn_bn_var'] = model.bn.avg_var.copy()
    out['cnn_test'] = model(x, test=True).data
    return out
"""

RUN_V1 = V1_SCRIPT + """
import sys
np.savez(sys.argv[1], **record())
"""


@pytest.fixture(scope="module")
def v1_recording(v1_python, tmp_path_factory):
    path = tmp_path_factory.mktemp("ch208") / "v1.npz"
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    proc = subprocess.run([v1_python, "-c", RUN_V1, str(path)], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    with np.load(str(path)) as data:
        return {name: data[name] for name in data.files}


@pytest.fixture
def shim_recording():
    return run_as_module(V1_SCRIPT, name="ch208_v1_script")["record"]()


@pytest.mark.oracle
def test_statistics_match_chainer_124(v1_recording, shim_recording):
    v1, shim = v1_recording, shim_recording
    assert sorted(v1) == sorted(shim)
    # before training: both scale by 1/sqrt(0 + eps) (stock 7.8.1: 1/sqrt(1 + eps))
    assert_allclose(shim["fresh_test"], v1["fresh_test"], rtol=RTOL_OUT)
    for key in ("mean0", "mean1", "mean2", "ft_mean0", "ft_mean1", "ft_mean2", "conv_mean"):
        assert_array_equal(shim[key], v1[key], err_msg=key)
    for key in ("var0", "var1", "var2", "ft_var0", "ft_var1", "ft_var2", "conv_var"):
        assert_allclose(shim[key], v1[key], rtol=RTOL_VAR, err_msg=key)
    for key in ("train0", "train1", "train2", "after_train_test", "ft_test", "conv_test"):
        assert_allclose(shim[key], v1[key], rtol=RTOL_OUT, atol=1e-6, err_msg=key)


@pytest.mark.oracle
def test_cnn_test_mode_after_training_matches_chainer_124(v1_recording, shim_recording):
    v1, shim = v1_recording, shim_recording
    for step in range(3):
        assert_allclose(shim["cnn_loss%d" % step], v1["cnn_loss%d" % step], rtol=1e-5)
    assert_allclose(shim["cnn_bn_var"], v1["cnn_bn_var"], rtol=1e-5)
    assert_allclose(shim["cnn_test"], v1["cnn_test"], rtol=RTOL_OUT, atol=1e-5)


@pytest.mark.oracle
def test_stock_chainer_differs_from_124(v1_recording, stock):
    """The check above can fail: stock 7.8.1 is far from 1.24 on the same calls."""
    bn = L.BatchNormalization(3)
    with chainer.using_config("train", False):
        fresh = bn(x_batch((5, 3), 0)).array
    bn(x_batch((5, 3), 1))
    assert not np.allclose(fresh, v1_recording["fresh_test"], rtol=1e-2)
    assert not np.allclose(bn.avg_var, v1_recording["var0"], rtol=1e-2)
