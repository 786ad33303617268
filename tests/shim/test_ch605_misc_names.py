"""CH605 removed-misc-names in the shim: thread_local, exponential_decay_noise, sample_cpu."""
import threading

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
from chainer import optimizer
from chainer.optimizer_hooks import gradient_noise
from chainer.utils import WalkerAlias

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def test_thread_local_function_hooks_is_the_global_hooks():
    hooks = chainer.thread_local.function_hooks
    assert hooks is chainer.get_function_hooks()
    saved = chainer.get_function_hooks()
    try:
        new = type(saved)()
        chainer.thread_local.function_hooks = new
        assert chainer.get_function_hooks() is new
    finally:
        chainer.thread_local.function_hooks = saved


def test_thread_local_is_per_thread():
    seen = []
    t = threading.Thread(target=lambda: seen.append(chainer.thread_local.function_hooks))
    t.start()
    t.join()
    assert seen[0] is not chainer.get_function_hooks()


def test_exponential_decay_noise_is_the_v7_function():
    class Hook:
        eta = 0.3

    class Opt:
        t = 2
    np.random.seed(1)
    a = optimizer.exponential_decay_noise(np, (4,), np.float32, Hook(), Opt())
    np.random.seed(1)
    b = gradient_noise.exponential_decay_noise(np, (4,), np.float32, Hook(), Opt())
    assert_array_equal(a, b)


def test_sample_cpu_draws_like_124():
    sampler = WalkerAlias([0.1, 0.25, 0.3, 0.35])
    np.random.seed(3)
    got = sampler.sample_cpu((20, 3))
    np.random.seed(3)
    pb = np.random.uniform(0, 1, (20, 3)) * 4
    index = pb.astype(np.int32)
    want = sampler.values[index * 2 + (sampler.threshold[index] < pb - index).astype(np.int32)]
    assert_array_equal(got, want)
    assert got.shape == (20, 3) and got.dtype == sampler.values.dtype


def test_uninstall_removes_the_names(stock):
    assert not hasattr(chainer, "thread_local")
    assert not hasattr(optimizer, "exponential_decay_noise")
    assert not hasattr(WalkerAlias, "sample_cpu")
