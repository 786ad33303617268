"""CH304 function-classes-hidden: the v1 ``F.<Class>`` adapters.

Each adapter called old-style must give bitwise what the 7.8.1 function form
gives for the same arguments; v1 constructor checks, input-count checks,
state kept across calls and the restored ``cache_score`` attribute are tested
against what Chainer 1.24 did.
"""
import inspect

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.functions as F
from chainer import gradient_check
from chainer.utils import type_check

import chainer_compat
from chainer_compat import ChainerV1Warning
from chainer_compat.ch304_function_classes import ADAPTERS
from chainer_rules.function_classes import CLASSES, keyword_map

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")

X = np.linspace(-0.9, 0.9, 12, dtype=np.float32).reshape(3, 4)
POS = np.linspace(0.1, 2.0, 12, dtype=np.float32).reshape(3, 4)
T = np.array([0, 3, 1], np.int32)
IMG = np.linspace(-1, 1, 2 * 3 * 4 * 4, dtype=np.float32).reshape(2, 3, 4, 4)

#: v1 class call -> the 7.8.1 function call it must equal (constructor args, inputs).
CASES = [
    ("Exp", (), (X,), lambda: F.exp(X)),
    ("Log", (), (POS,), lambda: F.log(POS)),
    ("Sum", (), (X,), lambda: F.sum(X)),
    ("Sum", (1, True), (X,), lambda: F.sum(X, axis=1, keepdims=True)),
    ("Max", ((0, 1),), (X,), lambda: F.max(X, axis=(0, 1))),
    ("ArgMin", (1,), (X,), lambda: F.argmin(X, axis=1)),
    ("Concat", (0,), (X, X), lambda: F.concat((X, X), axis=0)),
    ("GetItem", ((slice(None), 2),), (X,), lambda: F.get_item(X, (slice(None), 2))),
    ("Clip", (-0.5, 0.5), (X,), lambda: F.clip(X, -0.5, 0.5)),
    ("Pad", (1, "constant"), (X,), lambda: F.pad(X, 1, "constant")),
    ("PadSequence", (5, -1), (X, X[:2]), lambda: F.pad_sequence((X, X[:2]), 5, -1)),
    ("Tile", ((2, 1),), (X,), lambda: F.tile(X, (2, 1))),
    ("ReLU", (False,), (X,), lambda: F.relu(X)),
    ("Softmax", (True, 0), (X,), lambda: F.softmax(X, axis=0)),
    ("SoftmaxCrossEntropy", (False, False), (X, T),
     lambda: F.softmax_cross_entropy(X, T, normalize=False)),
    ("SigmoidCrossEntropy", (), (X, (X > 0).astype(np.int32)),
     lambda: F.sigmoid_cross_entropy(X, (X > 0).astype(np.int32))),
    ("AveragePooling2D", (2,), (IMG,), lambda: F.average_pooling_2d(IMG, 2)),
    ("MaxPoolingND", (2, 3, 1, 1), (IMG,), lambda: F.max_pooling_nd(IMG, 3, 1, 1)),
    ("UnpoolingND", (2, 2), (IMG,), lambda: F.unpooling_nd(IMG, 2)),
    ("Unpooling2D", (2,), (IMG,), lambda: F.unpooling_2d(IMG, 2)),
    ("Copy", (-1,), (X,), lambda: F.copy(X, -1)),
    ("Cast", (np.float64,), (X,), lambda: F.cast(X, np.float64)),
    ("Where", (), (X > 0, X, -X), lambda: F.where(X > 0, X, -X)),
    ("Contrastive", (1.0,), (X, X[::-1], (T > 0).astype(np.int32)),
     lambda: F.contrastive(X, X[::-1], (T > 0).astype(np.int32), 1.0)),
    ("Maximum", (), (X, X[::-1]), lambda: F.maximum(X, X[::-1])),
]


def _data(out):
    return out.array if isinstance(out, chainer.Variable) else out


@pytest.mark.parametrize("name, ctor, inputs, expected", CASES,
                         ids=["%s-%d" % (c[0], i) for i, c in enumerate(CASES)])
def test_adapter_equals_function_form(name, ctor, inputs, expected):
    y = getattr(F, name)(*ctor)(*inputs)
    assert isinstance(y, chainer.Variable)
    assert_array_equal(_data(y), _data(expected()))
    assert y.dtype == expected().dtype


def test_multi_output_is_a_tuple_and_single_output_a_variable():
    c, h = F.LSTM()(X[:, :1], np.tile(X, 1)[:, :4])
    want_c, want_h = F.lstm(X[:, :1], X[:, :4])
    assert_array_equal(c.array, want_c.array)
    assert_array_equal(h.array, want_h.array)
    parts = F.SplitAxis(2, 1)(X)
    assert isinstance(parts, tuple) and len(parts) == 2
    assert isinstance(F.SplitAxis(1, 1)(X), chainer.Variable)   # v1: one output -> a Variable
    assert isinstance(F.Broadcast()(X, X[:1]), tuple)


def test_every_v1_class_is_exported_and_is_an_old_style_function():
    assert len(CLASSES) == 120
    for name in CLASSES:
        cls = getattr(F, name)
        assert cls is ADAPTERS[name]
        assert issubclass(cls, chainer.Function)
        assert cls.__name__ == name


def test_uninstall_removes_the_names(stock):
    assert not hasattr(F, "Exp") and not hasattr(F, "MaxPooling2D")


def test_v7_function_parameters_follow_the_table():
    """The table's keywords name parameters of the 7.8.1 function right after the inputs."""
    for name, spec in CLASSES.items():
        if spec.function is None or name in ("AveragePooling2D",):
            continue
        params = list(inspect.signature(getattr(chainer.functions, spec.function)).parameters)
        wanted = list(keyword_map(spec).values())
        n_inputs = 1 if spec.inputs == "seq" else spec.n_inputs[0]
        assert params[n_inputs:n_inputs + len(wanted)] == wanted, name


def test_label_is_v1s():
    assert F.Exp().label == "exp"
    assert F.BatchDet().label == "det"
    assert F.Sum().label == "Sum"          # v1 default: the class name


@pytest.mark.parametrize("call, error", [
    (lambda: F.Concat("a"), TypeError),
    (lambda: F.Squeeze("a"), TypeError),
    (lambda: F.Rollaxis("a", 0), TypeError),
    (lambda: F.Rollaxis(0, "a"), TypeError),
    (lambda: F.Sum(axis=(1, 1)), ValueError),
    (lambda: F.Max(axis="a"), TypeError),
    (lambda: F.Tile(-1), ValueError),
    (lambda: F.Clip(0, 1.0), TypeError),
    (lambda: F.Hinge(norm="L3"), NotImplementedError),
    (lambda: F.Contrastive(0), ValueError),
    (lambda: F.AveragePoolingND(3, 3, cover_all=True), ValueError),
    (lambda: F.SoftmaxCrossEntropy(reduce="sum"), ValueError),
    (lambda: F.Forget(3), TypeError),
    (lambda: F.Sum(1, False, 3), TypeError),            # not the v1 signature
])
def test_v1_constructor_checks(call, error):
    with pytest.raises(error):
        call()


def test_input_count_is_type_checked():
    with pytest.raises(type_check.InvalidType):
        F.Tile(2)(X, X)
    with pytest.raises(type_check.InvalidType):
        F.Pad(1, mode="constant")(X, X)


def test_max_pooling_2d_keeps_indexes_and_v1_attributes():
    pool = F.MaxPooling2D(2, 2, use_cudnn=False)
    y = pool(IMG)
    want, indexes = F.max_pooling_2d(IMG, 2, 2, return_indices=True)
    assert_array_equal(y.array, want.array)
    assert_array_equal(pool.indexes, indexes)
    assert (pool.kh, pool.kw, pool.sy, pool.sx, pool.ph, pool.pw) == (2, 2, 2, 2, 0, 0)
    up = F.Upsampling2D(pool.indexes, ksize=(pool.kh, pool.kw), stride=(pool.sy, pool.sx),
                        outsize=IMG.shape[2:])(y)
    assert up.shape == IMG.shape


def test_dropout_instance_reuses_its_mask():
    np.random.seed(0)
    drop = F.Dropout(0.5)
    with chainer.using_config("train", False):   # v1's class always drops
        y1 = drop(X)
    y2 = drop(X)
    assert_array_equal(y1.array, y2.array)
    assert not np.array_equal(y1.array, X)


def test_gaussian_instance_reuses_its_noise():
    g = F.Gaussian()
    assert_array_equal(g(X, X).array, g(X, X).array)


def test_use_cudnn_false_runs_without_cudnn():
    seen = []

    class Hook(chainer.FunctionHook):
        def forward_preprocess(self, function, in_data):
            seen.append(chainer.config.use_cudnn)

    with Hook():
        F.ReLU(use_cudnn=False)(X)
        F.ReLU()(X)
    assert seen == ["never", "auto"]


def test_check_backward_accepts_an_adapter():
    rng = np.random.RandomState(0)
    gradient_check.check_backward(F.Sum(axis=1), rng.uniform(-1, 1, (3, 4)),
                                  rng.uniform(-1, 1, (3,)), dtype=np.float64)
    func = F.SoftmaxCrossEntropy(use_cudnn=False, cache_score=False)
    gradient_check.check_backward(func, (rng.uniform(-1, 1, (3, 4)), T), None,
                                  dtype=np.float64)


@pytest.mark.parametrize("cache_score", [True, False])
def test_softmax_cross_entropy_caches_the_score_only_when_asked(cache_score):
    x = chainer.Variable(X.copy())
    loss = F.softmax_cross_entropy(x, T, cache_score=cache_score)
    assert hasattr(loss.creator, "y") == cache_score
    loss.backward()
    want = chainer.Variable(X.copy())
    chainer_compat.uninstall()
    try:
        F.softmax_cross_entropy(want, T, cache_score=cache_score).backward()
    finally:
        chainer_compat.install()
    assert_array_equal(x.grad, want.grad)


def test_stock_softmax_cross_entropy_always_has_y(stock):
    loss = F.softmax_cross_entropy(X, T, cache_score=False)
    assert hasattr(loss.creator, "y")    # 7.8.1: a class attribute ``y = None``


def test_nstep_lstm_class_matches_the_function():
    rng = np.random.RandomState(1)
    n_layers, in_size, out_size = 1, 3, 2
    hx = rng.uniform(-1, 1, (n_layers, 2, out_size)).astype(np.float32)
    cx = rng.uniform(-1, 1, (n_layers, 2, out_size)).astype(np.float32)
    ws = [[rng.uniform(-1, 1, (out_size, in_size if i < 4 else out_size)).astype(np.float32)
           for i in range(8)]]
    bs = [[rng.uniform(-1, 1, (out_size,)).astype(np.float32) for _ in range(8)]]
    xs = [rng.uniform(-1, 1, (2, in_size)).astype(np.float32) for _ in range(3)]
    out = F.NStepLSTM(n_layers, 0.0, train=False)(hx, cx, *(ws[0] + bs[0] + xs))
    hy, cy, ys = F.n_step_lstm(n_layers, 0.0, hx, cx, ws, bs, xs)
    assert len(out) == 2 + len(xs)
    assert_array_equal(out[0].array, hy.array)
    assert_array_equal(out[1].array, cy.array)
    for got, want in zip(out[2:], ys):
        assert_array_equal(got.array, want.array)


def test_warns_once_per_site_with_the_code(shim):
    import warnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(2):
            F.Exp()
    codes = [str(w.message).split(":")[0] for w in caught
             if issubclass(w.category, ChainerV1Warning)]
    assert codes == ["CH304 function-classes-hidden"]
