"""CH209 init-weight in the shim: chainer.initializers.init_weight and chainer.init_weight."""
import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
from chainer import initializers

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def test_forms():
    w = np.empty((2, 3), np.float32)
    initializers.init_weight(w, 0.5, scale=2.0)
    assert_array_equal(w, np.ones((2, 3), np.float32))
    chainer.init_weight(w, np.arange(6).reshape(2, 3))
    assert_array_equal(w, np.arange(6, dtype=np.float32).reshape(2, 3))
    np.random.seed(1)
    initializers.init_weight(w, None)
    expected = np.empty((2, 3), np.float32)
    np.random.seed(1)
    initializers.HeNormal(1 / np.sqrt(2))(expected)
    assert_array_equal(w, expected)
    with pytest.raises(AssertionError):
        initializers.init_weight(w, object())


def test_stock(stock):
    assert not hasattr(initializers, "init_weight")
    assert not hasattr(chainer, "init_weight")
