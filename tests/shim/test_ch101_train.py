"""CH101 train-argument: v1 ``train=`` of F.dropout, F.zoneout, F.n_step_* and NStep* links."""
import threading

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.functions as F
import chainer.links as L

from chainer_compat import ChainerV1Warning, ch101_train

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")

X = np.arange(24, dtype=np.float32).reshape(4, 6) / 10


def seeded(fn, *args, **kwargs):
    np.random.seed(0)
    return fn(*args, **kwargs)


def stock(name):
    return getattr(F, name).__wrapped__


# -- F.dropout / F.zoneout --------------------------------------------------------

@pytest.mark.parametrize("call, train, ratio", [
    (lambda: F.dropout(X, train=False), False, 0.5),
    (lambda: F.dropout(X, 0.5, False), False, 0.5),
    (lambda: F.dropout(X, 0.5, True), True, 0.5),
    (lambda: F.dropout(X, ratio=0.3, train=True), True, 0.3),
    (lambda: F.dropout(X, 0.3, train=0), False, 0.3),
    (lambda: F.dropout(x=X, train=False), False, 0.5),
])
def test_dropout_v1_forms_equal_using_config(call, train, ratio):
    got = seeded(call)
    with chainer.using_config("train", train):
        expected = seeded(stock("dropout"), X, ratio)
    assert_array_equal(got.array, expected.array)
    with chainer.using_config("train", not train):
        other = seeded(stock("dropout"), X, ratio)
    assert not np.array_equal(got.array, other.array)   # the mode really matters here


def test_dropout_without_train_is_stock():
    with chainer.using_config("train", False):
        assert_array_equal(seeded(F.dropout, X).array, X)
    assert_array_equal(seeded(F.dropout, X, 0.2).array, seeded(stock("dropout"), X, 0.2).array)
    y, mask = seeded(F.dropout, X, return_mask=True)
    y0, mask0 = seeded(stock("dropout"), X, return_mask=True)
    assert_array_equal(y.array, y0.array)
    assert_array_equal(mask, mask0)


def test_dropout_through_defining_module():
    from chainer.functions.noise.dropout import dropout
    assert_array_equal(dropout(X, train=False).array, X)


def test_zoneout_train_slot():
    h = np.zeros_like(X)
    got = seeded(F.zoneout, h, X, 0.5, False)
    with chainer.using_config("train", False):
        expected = seeded(stock("zoneout"), h, X, 0.5)
    assert got is X and expected is X    # test mode: v7 zoneout returns x itself
    got = seeded(F.zoneout, h, X, train=True)
    assert_array_equal(got.array, seeded(stock("zoneout"), h, X).array)
    assert not np.array_equal(got.array, X)


# -- F.n_step_* ---------------------------------------------------------------------

def rnn_inputs(name, n_layers=2, in_size=3, units=4, batch=(3, 2, 1)):
    rng = np.random.RandomState(1)
    bi = name.startswith("n_step_bi")
    n_dir = 2 if bi else 1
    n_w = {"lstm": 8, "gru": 6, "rnn": 2}[name.replace("n_step_bi", "").replace("n_step_", "")]
    ws, bs = [], []
    for layer in range(n_layers * n_dir):
        first = layer < n_dir
        w = []
        for i in range(n_w):
            cols = in_size if (first and i < n_w // 2) else (units * n_dir if i < n_w // 2 else units)
            w.append(rng.uniform(-1, 1, (units, cols)).astype(np.float32))
        ws.append(w)
        bs.append([rng.uniform(-1, 1, (units,)).astype(np.float32) for _ in range(n_w)])
    hx = rng.uniform(-1, 1, (n_layers * n_dir, batch[0], units)).astype(np.float32)
    xs = [rng.uniform(-1, 1, (b, in_size)).astype(np.float32) for b in batch]
    if "lstm" in name:
        return (n_layers, 0.5, hx, hx.copy(), ws, bs, xs)
    return (n_layers, 0.5, hx, ws, bs, xs)


def flatten(out):
    hs = out[:-1]
    return np.concatenate([h.array.ravel() for h in hs] + [y.array.ravel() for y in out[-1]])


N_STEP = ["n_step_lstm", "n_step_bilstm", "n_step_gru", "n_step_bigru", "n_step_rnn", "n_step_birnn"]


@pytest.mark.parametrize("name", N_STEP)
@pytest.mark.parametrize("positional", [True, False])
def test_n_step_train_false(name, positional):
    args = rnn_inputs(name)
    fn = getattr(F, name)
    got = seeded(fn, *args, False) if positional else seeded(fn, *args, train=False)
    with chainer.using_config("train", False):
        expected = seeded(stock(name), *args)
    assert_array_equal(flatten(got), flatten(expected))
    assert not np.array_equal(flatten(got), flatten(seeded(stock(name), *args)))


@pytest.mark.parametrize("name", N_STEP)
def test_n_step_train_true_and_use_cudnn_slot(name):
    args = rnn_inputs(name)
    with pytest.warns(ChainerV1Warning, match="CH105"):
        got = seeded(getattr(F, name), *args, True, False)
    assert_array_equal(flatten(got), flatten(seeded(stock(name), *args)))


@pytest.mark.parametrize("name", ["n_step_rnn", "n_step_birnn"])
def test_n_step_rnn_activation(name):
    args = rnn_inputs(name)
    fn = getattr(F, name)
    relu = flatten(seeded(stock(name), *args, activation="relu"))
    assert_array_equal(flatten(seeded(fn, *args, "relu")), relu)          # v7 positional activation
    assert_array_equal(flatten(seeded(fn, *args, True, True, "relu")), relu)  # v1 positional slots
    assert_array_equal(flatten(seeded(fn, *args, train=True, activation="relu")), relu)
    assert not np.array_equal(flatten(seeded(fn, *args)), relu)


def test_n_step_birnn_keyword_is_honoured_not_swallowed():
    args = rnn_inputs("n_step_birnn")
    with chainer.using_config("train", False):
        expected = flatten(seeded(stock("n_step_birnn"), *args))
    assert_array_equal(flatten(seeded(F.n_step_birnn, *args, train=False)), expected)


# -- wrapper mechanics with a spy ---------------------------------------------------

class Spy(object):
    def __init__(self, error=None, wait=None):
        self.calls = []
        self.error = error
        self.wait = wait

    def __call__(self, *args, **kwargs):
        self.calls.append((args, kwargs, chainer.config.train, chainer.config.use_cudnn))
        if self.wait is not None:
            self.wait()
        if self.error is not None:
            raise self.error
        return "result"


@pytest.mark.parametrize("name", sorted(ch101_train.FUNCTIONS))
def test_call_without_v1_arguments_reaches_original_unchanged(name):
    spy = Spy()
    wrapper = ch101_train.wrap_function(spy, name)
    n_shared = ch101_train.FUNCTIONS[name][0]
    args = tuple(object() for _ in range(n_shared))
    with chainer.using_config("train", False):
        assert wrapper(*args, extra=1) == "result"
    (got_args, got_kwargs, train, cudnn), = spy.calls
    assert all(a is b for a, b in zip(got_args, args)) and len(got_args) == n_shared
    assert got_kwargs == {"extra": 1}
    assert train is False and cudnn == "auto"


@pytest.mark.parametrize("name", sorted(ch101_train.FUNCTIONS))
@pytest.mark.parametrize("train", [False, True])
def test_positional_train_slot(name, train):
    spy = Spy()
    wrapper = ch101_train.wrap_function(spy, name)
    n_shared = ch101_train.FUNCTIONS[name][0]
    args = tuple(range(n_shared))
    with pytest.warns(ChainerV1Warning, match=r"CH101 train-argument: F\.%s\(train=\.\.\.\)" % name):
        wrapper(*(args + (train,)))
    (got_args, got_kwargs, got_train, _), = spy.calls
    assert got_args == args and got_kwargs == {}
    assert got_train is train
    assert chainer.config.train is True


def test_train_value_is_converted_to_bool():
    spy = Spy()
    ch101_train.wrap_function(spy, "dropout")(1, train=[])
    assert spy.calls[0][2] is False


def test_bad_v1_calls_raise_type_error():
    wrapper = ch101_train.wrap_function(Spy(), "dropout")
    with pytest.raises(TypeError, match="multiple values for argument 'train'"):
        wrapper(1, 0.5, True, train=False)
    with pytest.raises(TypeError, match="at most 3 positional"):
        wrapper(1, 0.5, True, True)


def test_mode_restored_after_exception():
    spy = Spy(error=RuntimeError("boom"))
    wrapper = ch101_train.wrap_function(spy, "n_step_gru")
    with pytest.raises(RuntimeError, match="boom"):
        wrapper(*range(6), False, False)
    assert spy.calls[0][2:] == (False, "never")
    assert chainer.config.train is True
    assert chainer.config.use_cudnn == "auto"


def test_mode_is_thread_local():
    inside = threading.Event()
    release = threading.Event()
    spy = Spy(wait=lambda: (inside.set(), release.wait(10)))
    wrapper = ch101_train.wrap_function(spy, "dropout")
    seen = {}

    def other():
        inside.wait(10)
        seen["other"] = chainer.config.train   # while the first thread is inside the wrapper
        release.set()

    t1 = threading.Thread(target=lambda: wrapper(1, train=False))
    t2 = threading.Thread(target=other)
    t1.start()
    t2.start()
    t1.join(10)
    t2.join(10)
    assert spy.calls[0][2] is False
    assert seen["other"] is True
    assert chainer.config.train is True


def test_real_dropout_in_two_threads():
    results = {}

    def run(key, train):
        results[key] = F.dropout(X, train=train).array

    threads = [threading.Thread(target=run, args=("off", False)),
               threading.Thread(target=run, args=("on", True))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert_array_equal(results["off"], X)
    assert not np.array_equal(results["on"], X)


# -- NStep links -----------------------------------------------------------------

LINKS = [("NStepLSTM", True), ("NStepBiLSTM", True), ("NStepGRU", False), ("NStepBiGRU", False),
         ("NStepRNNTanh", False), ("NStepRNNReLU", False), ("NStepBiRNNTanh", False),
         ("NStepBiRNNReLU", False)]


@pytest.mark.parametrize("name, has_cell", LINKS)
@pytest.mark.parametrize("positional", [True, False])
def test_nstep_link_train_false(name, has_cell, positional):
    np.random.seed(2)
    link = getattr(L, name)(2, 3, 4, 0.5)
    xs = [np.random.uniform(-1, 1, (n, 3)).astype(np.float32) for n in (3, 2)]
    state = (None, None) if has_cell else (None,)
    if positional:
        got = seeded(link, *(state + (xs, False)))
    else:
        got = seeded(link, *(state + (xs,)), train=False)
    with chainer.using_config("train", False):
        expected = seeded(link.forward.__wrapped__, link, *(state + (xs,)))
    assert_array_equal(flatten(got), flatten(expected))
    assert not np.array_equal(flatten(got), flatten(seeded(link, *(state + (xs,)))))
    assert_array_equal(flatten(seeded(link, *(state + (xs, True)))),
                       flatten(seeded(link.forward.__wrapped__, link, *(state + (xs,)))))


def test_nstep_link_warning_names_the_class():
    link = L.NStepGRU(1, 3, 4, 0.0)
    xs = [np.ones((2, 3), np.float32)]
    with pytest.warns(ChainerV1Warning, match=r"L\.NStepGRU\(train=\.\.\.\)"):
        link(None, xs, train=False)


def test_use_cudnn_only_where_v1_had_it():
    with pytest.raises(TypeError, match="use_cudnn"):
        F.dropout(X, use_cudnn=False)
