"""CH203 wscale and CH204 bias-argument in the shim (the goldens compare against real 1.24)."""
import math

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer.links as L
from chainer import initializers

from chainer_compat import ch203_wscale

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


@pytest.mark.parametrize("w", [4, 2.5, 0.02 * math.sqrt(48)])
def test_linear_wscale_is_he_normal_sqrt(w):
    np.random.seed(0)
    got = L.Linear(5, 3, wscale=w).W.array
    np.random.seed(0)
    want = L.Linear(5, 3, initialW=initializers.HeNormal(math.sqrt(w) / math.sqrt(2))).W.array
    assert_array_equal(got, want)


def test_deconvolution_scales_after_drawing():
    np.random.seed(0)
    got = L.Deconvolution2D(2, 3, 3, wscale=3).W.array
    np.random.seed(0)
    base = L.Deconvolution2D(2, 3, 3, initialW=initializers.HeNormal(1 / math.sqrt(2))).W.array
    assert_array_equal(got, base * np.float32(math.sqrt(3)))


def test_array_and_scalar_initial_w():
    w0 = np.arange(6, dtype=np.float32).reshape(3, 2)
    assert_array_equal(L.Linear(2, 3, wscale=2, initialW=w0).W.array, w0 * math.sqrt(2))
    assert_array_equal(L.Linear(2, 3, wscale=4, initialW=0.5).W.array, np.full((3, 2), 1.0, "f"))


def test_callable_initial_w_is_scaled_after():
    got = L.Linear(2, 3, wscale=4, initialW=initializers.Constant(0.25)).W.array
    assert_array_equal(got, np.full((3, 2), 0.5, np.float32))


def test_wscale_one_and_no_wscale_pass_through():
    np.random.seed(1)
    a = L.Convolution2D(2, 3, 3, wscale=1).W.array
    np.random.seed(1)
    b = L.Convolution2D(2, 3, 3).W.array
    assert_array_equal(a, b)
    assert isinstance(ch203_wscale.scaled_initializer(None, 2, False), initializers.HeNormal)


def test_maxout_and_mlp_positional_v1_forms():
    assert L.Maxout(4, 3, 2, 2.0, None, 0).linear.W.shape == (6, 4)
    mlp = L.MLPConvolution2D(2, (3, 4), 3, wscale=2)
    assert [c.W.shape for c in mlp] == [(3, 2, 3, 3), (4, 3, 1, 1)]


def test_bias_keyword():
    assert_array_equal(L.Linear(2, 3, bias=0.5).b.array, np.full(3, 0.5, np.float32))
    assert_array_equal(L.Linear(2, 3, bias=0.5, initial_bias=0.25).b.array,
                       np.full(3, 0.25, np.float32))
    assert L.Convolution2D(2, 3, 3, bias=1, nobias=True).b is None


def test_stock_rejects_both(stock):
    with pytest.raises(TypeError):
        L.Linear(2, 3, wscale=2)
    with pytest.raises(TypeError):
        L.Linear(2, 3, bias=0.5)
