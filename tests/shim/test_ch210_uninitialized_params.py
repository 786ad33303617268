"""CH210 uninitialized-param-api in the shim: add_uninitialized_param, has_uninitialized_params."""
import types

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.functions as F
from chainer import initializers, optimizers, serializers

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def run_as_module(source, name="ch210_user_code"):
    module = types.ModuleType(name)
    exec(compile("import chainer\n" + source, "<%s>" % name, "exec"), module.__dict__)
    return module.__dict__


def test_declare_then_add_param():
    link = chainer.Link(y=2)
    assert not link.has_uninitialized_params
    link.add_uninitialized_param("x")
    assert link.has_uninitialized_params
    assert [name for name, _ in link.namedparams()] == ["/y"]
    link.add_param("x", (2, 3), dtype="d")
    assert not link.has_uninitialized_params
    assert link.x.array.dtype == np.float64 and link.x.grad.dtype == np.float64
    assert np.isnan(link.x.array).all() and np.isnan(link.x.grad).all()
    assert sorted(name for name, _ in link.namedparams()) == ["/x", "/y"]


def test_initializer_and_cleared_or_zeroed_gradient():
    link = chainer.Link()
    link.add_uninitialized_param("a")
    link.add_uninitialized_param("b")
    link.cleargrads()
    assert link._uninitialized_params["a"]._cleared
    link.add_param("a", (2,), initializer=initializers.Constant(1.5))
    assert_array_equal(link.a.array, np.full(2, 1.5, np.float32))
    assert link.a.grad is None
    with pytest.warns(DeprecationWarning):
        link.zerograds()
    assert link._uninitialized_params["b"]._zeroed
    link.add_param("b", (3,), initializer=2.0)
    assert_array_equal(link.b.grad, np.zeros(3, np.float32))
    assert_array_equal(link.b.array, np.full(3, 2.0, np.float32))


def test_errors_as_in_v1():
    link = chainer.Link(y=2)
    link.add_uninitialized_param("x")
    with pytest.raises(AttributeError):
        link.add_uninitialized_param("x")
    with pytest.raises(AttributeError):
        link.add_uninitialized_param("y")
    with pytest.raises(AttributeError):   # an initialised parameter stays protected
        link.add_param("y", (2,))
    with pytest.raises(ValueError):
        serializers.save_npz(__import__("io").BytesIO(), link)


def test_optimizer_set_up_before_keeps_the_parameter():
    ns = run_as_module(
        "import chainer.functions as F\n"
        "class Proj(chainer.Link):\n"
        "    def __init__(self):\n"
        "        super(Proj, self).__init__()\n"
        "        self.add_uninitialized_param('W')\n"
        "    def __call__(self, x):\n"
        "        if self.has_uninitialized_params:\n"
        "            self.add_param('W', (2, x.shape[1]), initializer=chainer.initializers.One())\n"
        "        return F.linear(x, self.W)\n")
    proj = ns["Proj"]()
    opt = optimizers.SGD(lr=0.5)
    opt.setup(proj)
    x = np.ones((1, 3), np.float32)
    proj.cleargrads()
    F.sum(proj(x)).backward()
    opt.update()
    assert_array_equal(proj.W.array, np.full((2, 3), 0.5, np.float32))


def test_copyparams_creates_from_source_or_leaves_pending():
    src = chainer.Link(x=((2, 3), "d"))
    src.x.array[...] = 4
    dst = chainer.Link()
    dst.add_uninitialized_param("x")
    dst.add_uninitialized_param("z")
    dst.copyparams(src)
    assert dst.x.array.dtype == np.float64
    assert_array_equal(dst.x.array, src.x.array)
    assert "z" in dst._uninitialized_params
    dst.addgrads(src)   # skips the pending z


def test_chainer_code_sees_pending_parameters():
    link = chainer.Link()
    link.add_uninitialized_param("x")
    assert list(link.params()) == []                       # v1 caller
    assert len(list(link.params(include_uninit=True))) == 1  # explicit: stock listing


def test_stock(stock):
    assert not hasattr(chainer.Link, "add_uninitialized_param")
    assert not hasattr(chainer.Link(), "has_uninitialized_params")
