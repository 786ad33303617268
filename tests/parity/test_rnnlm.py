"""Parity of the RNNForLM programs (rules CH101, CH103, CH104, CH201).

The v1 programs (``fixtures/v1``, run under ``chainer_compat``), the hand-written
v2 program (``fixtures/v2``) and the codemod's output of each v1 file must give
bitwise identical parameters, outputs in train and test mode, gradients, training
losses and perplexities from the same seed on the same backend.
"""
import contextlib

import numpy
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.functions as F
import chainer.links as L
from chainer import optimizers

V1 = ("v1_seed", "v1_kwargs")
V2 = ("migrated_seed", "migrated_kwargs")
REFERENCE = "v2"
N_UNITS = 24
BACKENDS = ("numpy", pytest.param("cupy", marks=pytest.mark.gpu))


def get_xp(backend):
    if backend == "numpy":
        return numpy
    cupy = pytest.importorskip("cupy", reason="CuPy is not installed")
    try:
        if cupy.cuda.runtime.getDeviceCount() < 1:
            pytest.skip("no GPU: CuPy sees no CUDA device")
    except cupy.cuda.runtime.CUDARuntimeError as exc:
        pytest.skip("no GPU: %s" % exc)
    return cupy


def seed(xp, value):
    numpy.random.seed(value)
    if xp is not numpy:
        xp.random.seed(value)


def build(module, n_vocab, xp):
    seed(xp, 0)
    model = module.RNNForLM(n_vocab, N_UNITS)
    if xp is not numpy:
        model.to_gpu()
    return model


@contextlib.contextmanager
def mode(name, model, train):
    """Test or train mode: the v1 way (the model's flag) or the v2 way (config)."""
    if name in V1:
        model.train = train
        yield
    else:
        with chainer.using_config("train", train):
            yield


def batches(corpus, xp, steps=6, batchsize=5):
    words, _ = corpus
    return [xp.asarray(words[i * batchsize:(i + 1) * batchsize]) for i in range(steps + 1)]


def run(model, xs):
    model.reset_state()
    return [model(x) for x in xs]


def params(model):
    return {name: chainer.backends.cuda.to_cpu(p.array) for name, p in model.namedparams()}


def grads(model):
    return {name: chainer.backends.cuda.to_cpu(p.grad) for name, p in model.namedparams()}


def assert_same_arrays(expected, actual):
    assert sorted(expected) == sorted(actual)
    for key in expected:
        assert_array_equal(actual[key], expected[key], err_msg=key)


@pytest.fixture
def vocab_size(corpus):
    return len(corpus[1])


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", V1 + V2)
def test_initial_parameters(programs, vocab_size, name, backend):
    xp = get_xp(backend)
    expected = params(build(programs[REFERENCE], vocab_size, xp))
    assert_same_arrays(expected, params(build(programs[name], vocab_size, xp)))


def forward(programs, name, vocab_size, corpus, xp, train):
    model = build(programs[name], vocab_size, xp)
    xs = batches(corpus, xp)[:-1]
    with mode(name, model, train):
        seed(xp, 1)  # the same dropout masks in train mode
        ys = run(model, xs)
    return [chainer.backends.cuda.to_cpu(y.array) for y in ys]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("train", [True, False], ids=["train", "test"])
@pytest.mark.parametrize("name", V1 + V2)
def test_forward(programs, vocab_size, corpus, name, train, backend):
    xp = get_xp(backend)
    expected = forward(programs, REFERENCE, vocab_size, corpus, xp, train)
    actual = forward(programs, name, vocab_size, corpus, xp, train)
    for step, (e, a) in enumerate(zip(expected, actual)):
        assert_array_equal(a, e, err_msg="time step %d" % step)


@pytest.mark.parametrize("name", V1)
def test_modes_differ(programs, vocab_size, corpus, name):
    """Guards the test above: dropout must really be on in train mode and off in test mode."""
    train = forward(programs, name, vocab_size, corpus, numpy, True)
    test = forward(programs, name, vocab_size, corpus, numpy, False)
    assert not numpy.array_equal(train[0], test[0])
    again = forward(programs, name, vocab_size, corpus, numpy, False)
    assert_array_equal(again[-1], test[-1])


def backward(programs, name, vocab_size, corpus, xp):
    model = build(programs[name], vocab_size, xp)
    xs = batches(corpus, xp)
    seed(xp, 2)
    model.reset_state()
    loss = 0
    for x, t in zip(xs[:-1], xs[1:]):
        loss += F.softmax_cross_entropy(model(x), t)
    model.cleargrads()
    loss.backward()
    return float(loss.array), grads(model)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", V1 + V2)
def test_gradients(programs, vocab_size, corpus, name, backend):
    xp = get_xp(backend)
    loss_e, grads_e = backward(programs, REFERENCE, vocab_size, corpus, xp)
    loss_a, grads_a = backward(programs, name, vocab_size, corpus, xp)
    assert loss_a == loss_e
    assert_same_arrays(grads_e, grads_a)
    assert any(g.any() for g in grads_a.values())


def make_classifier(rnn):
    """The set-up of ``make_model`` in the fixtures, for a given RNNForLM."""
    model = L.Classifier(rnn)
    model.compute_accuracy = False
    optimizer = optimizers.SGD(lr=1.0)
    optimizer.setup(model)
    optimizer.add_hook(chainer.optimizer.GradientClipping(5.0))
    return model, optimizer


def train_run(programs, name, corpus, n_updates=20):
    """20 SGD updates on the bundled text; the v1 driver for v1 programs."""
    words, vocab = corpus
    driver = programs["v1_kwargs" if name in V1 else "migrated_kwargs"]
    seed(numpy, 0)
    if name.endswith("kwargs"):
        model, optimizer = programs[name].make_model(len(vocab), N_UNITS)
    else:
        model, optimizer = make_classifier(programs[name].RNNForLM(len(vocab), N_UNITS))
    seed(numpy, 3)
    losses = driver.train(model, optimizer, words, n_updates, batchsize=8, bprop_len=10)
    perplexity = driver.evaluate(model, words[:200])
    return losses, params(model), perplexity


@pytest.fixture(scope="module")
def reference_run(programs, corpus):
    return train_run(programs, REFERENCE, corpus)


@pytest.mark.parametrize("name", V1 + V2)
def test_training(programs, corpus, reference_run, name):
    losses_e, params_e, perplexity_e = reference_run
    losses, params_a, perplexity = train_run(programs, name, corpus)
    assert len(losses) == 20
    assert losses == losses_e
    assert_same_arrays(params_e, params_a)
    assert perplexity == perplexity_e
    assert losses[-1] < losses[0]  # it learns: the comparison is not between two no-ops
