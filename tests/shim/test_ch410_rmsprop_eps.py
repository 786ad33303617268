"""CH410: ``RMSprop`` built by v1 code updates float16 parameters with an eps that rounds to 0."""
import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
from chainer import optimizers

from chainer_compat import ch410_rmsprop_eps

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def link(dtype):
    model = chainer.Link()
    with model.init_scope():
        model.w = chainer.Parameter(np.linspace(-1, 1, 6).astype(dtype).reshape(2, 3))
    model.w.grad = np.linspace(0.5, -0.5, 6).astype(dtype).reshape(2, 3)
    return model


def test_float16_update_as_v1():
    model = link(np.float16)
    w, g = model.w.data.copy(), model.w.grad.copy()
    opt = optimizers.RMSprop(lr=0.01)
    opt.setup(model)
    opt.update()
    ms = np.zeros_like(w)
    ms *= 0.99
    ms += (1 - 0.99) * g * g
    assert_array_equal(model.w.data, w - 0.01 * g / (np.sqrt(ms) + 1e-8))
    assert model.w.data.dtype == np.float16


def test_float32_and_v7_code_keep_stock_behaviour():
    model = link(np.float16)
    opt = optimizers.RMSprop(lr=0.01)
    del opt.__dict__[ch410_rmsprop_eps.V1_EPS]        # as if built by v7 code
    opt.setup(model)
    with pytest.raises(ValueError, match="too small for float16"):
        opt.update()
    model32 = link(np.float32)
    opt32 = optimizers.RMSprop(lr=0.01)
    opt32.setup(model32)
    opt32.update()


def test_v7_module_gets_no_mark():
    namespace = {"__name__": "v7code", "__chainer_compat__": "v2", "optimizers": optimizers}
    exec("opt = optimizers.RMSprop()", namespace)
    assert ch410_rmsprop_eps.V1_EPS not in namespace["opt"].__dict__
