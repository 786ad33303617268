"""The bundled v1 programs run under the shim: fixtures/v1/rnnlm_kwargs.py and rnnlm_seed.py.

References are the v2 program (fixtures/v2/rnnlm.py) with the same parameters,
run with v2 idioms (``using_config``, ``no_backprop_mode``).
"""
import math
import pathlib

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.links as L

from chainer_compat.demo import load_module

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "fixtures"
N_UNITS = 8


def load(relative, name):
    return load_module(FIXTURES / relative, name)


@pytest.fixture(scope="module")
def v1_kwargs():
    return load("v1/rnnlm_kwargs.py", "shim_fx_rnnlm_kwargs")


@pytest.fixture(scope="module")
def v1_seed():
    return load("v1/rnnlm_seed.py", "shim_fx_rnnlm_seed")


@pytest.fixture(scope="module")
def v2():
    return load("v2/rnnlm.py", "shim_fx_rnnlm_v2")


@pytest.fixture(scope="module")
def corpus(v1_kwargs):
    train, vocab = v1_kwargs.load_words(str(FIXTURES / "data" / "ptb.train.txt"))
    valid, vocab = v1_kwargs.load_words(str(FIXTURES / "data" / "ptb.valid.txt"), vocab)
    return train[:3000], valid[:60], len(vocab)


def v2_copy(v2, rnn, n_vocab):
    """A v2 RNNForLM holding the same parameter values as ``rnn``."""
    model = v2.RNNForLM(n_vocab, N_UNITS)
    model.copyparams(rnn)
    return model


def test_rnnlm_kwargs_trains_and_evaluates(v1_kwargs, v2, corpus):
    train, valid, n_vocab = corpus
    np.random.seed(0)
    model, optimizer = v1_kwargs.make_model(n_vocab, N_UNITS)
    before = {n: p.array.copy() for n, p in model.namedparams()}
    losses = v1_kwargs.train(model, optimizer, train, n_updates=3, batchsize=5, bprop_len=6)
    assert len(losses) == 3 and all(math.isfinite(x) and x > 0 for x in losses)
    assert all(not np.array_equal(before[n], p.array) for n, p in model.namedparams())

    state = {n: p.array.copy() for n, p in model.namedparams()}
    perplexity = v1_kwargs.evaluate(model, valid)
    assert all(np.array_equal(state[n], p.array) for n, p in model.namedparams())
    assert model.predictor.train is True   # evaluate() flipped only its copy

    reference = L.Classifier(v2_copy(v2, model.predictor, n_vocab))
    total = 0.0
    with chainer.using_config("train", False), chainer.no_backprop_mode():
        for i in range(len(valid) - 1):
            total += float(reference(valid[i:i + 1], valid[i + 1:i + 2]).array)
    assert perplexity == math.exp(total / (len(valid) - 1))


def test_rnnlm_kwargs_volatile_evaluation_builds_no_graph(v1_kwargs, corpus):
    train, valid, n_vocab = corpus
    model, _ = v1_kwargs.make_model(n_vocab, N_UNITS)
    evaluator = model.copy()
    evaluator.predictor.train = False
    x = chainer.Variable(valid[:1], volatile="on")
    t = chainer.Variable(valid[1:2], volatile="on")
    loss = evaluator(x, t)
    assert loss.creator is None
    assert evaluator.predictor.l1.h.creator is None


def run_steps(model, words, steps=6):
    model.reset_state()
    return np.concatenate([model(words[i:i + 3]).array.ravel() for i in range(steps)])


def test_rnnlm_seed_test_mode_via_model_train_flag(v1_seed, v2, corpus):
    train, _, n_vocab = corpus
    np.random.seed(0)
    model = v1_seed.RNNForLM(n_vocab, N_UNITS)
    model.train = False
    got = run_steps(model, train)
    assert_array_equal(run_steps(model, train), got)    # no dropout: deterministic
    reference = v2_copy(v2, model, n_vocab)
    with chainer.using_config("train", False):
        assert_array_equal(run_steps(reference, train), got)


def test_rnnlm_seed_train_mode_matches_v2_with_same_seed(v1_seed, v2, corpus):
    train, _, n_vocab = corpus
    model = v1_seed.RNNForLM(n_vocab, N_UNITS)
    reference = v2_copy(v2, model, n_vocab)
    np.random.seed(5)
    got = run_steps(model, train)
    np.random.seed(5)
    assert_array_equal(run_steps(reference, train), got)
    model.train = False
    assert not np.array_equal(run_steps(model, train), got)
