"""CH306: ``F.batch_normalization`` from v1 code leaves the caller's running arrays as they were."""
import inspect

import numpy
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.functions as F

import chainer_compat

RNG = numpy.random.RandomState(0)
X = RNG.uniform(-1, 1, (6, 3)).astype(numpy.float32)
GAMMA = RNG.uniform(0.5, 1.5, (3,)).astype(numpy.float32)
BETA = RNG.uniform(-1, 1, (3,)).astype(numpy.float32)

V2_CALL = "y = F.batch_normalization(X, GAMMA, BETA, running_mean=mean, running_var=var, decay=0.8)\n"


def stats():
    return numpy.zeros(3, numpy.float32), numpy.ones(3, numpy.float32)


def test_v1_caller_arrays_are_not_updated():
    mean, var = stats()
    with pytest.warns(chainer_compat.ChainerV1Warning, match="CH306"):
        y = F.batch_normalization(X, GAMMA, BETA, 1e-3, mean, var, 0.8)
    assert_array_equal(mean, numpy.zeros(3, numpy.float32))
    assert_array_equal(var, numpy.ones(3, numpy.float32))
    m2, v2 = stats()
    expected = inspect.unwrap(F.batch_normalization)(X, GAMMA, BETA, eps=1e-3, running_mean=m2, running_var=v2,
                                                 decay=0.8)
    assert_array_equal(y.array, expected.array)
    assert not numpy.array_equal(m2, mean)  # stock 7.8.1 updates in place


def test_v2_module_gets_in_place_updates():
    mean, var = stats()
    ns = {"__name__": "v2_user_module", "__chainer_compat__": "v2", "F": F, "X": X, "GAMMA": GAMMA,
          "BETA": BETA, "mean": mean, "var": var}
    exec(compile(V2_CALL, "<v2 module>", "exec"), ns)
    m2, v2 = stats()
    chainer_compat.uninstall()
    try:
        F.batch_normalization(X, GAMMA, BETA, running_mean=m2, running_var=v2, decay=0.8)
    finally:
        chainer_compat.install()
    assert_array_equal(mean, m2)
    assert_array_equal(var, v2)


def test_call_without_running_arrays_is_stock():
    y = F.batch_normalization(chainer.Variable(X), GAMMA, BETA)
    assert_array_equal(y.array, inspect.unwrap(F.batch_normalization)(X, GAMMA, BETA).array)
