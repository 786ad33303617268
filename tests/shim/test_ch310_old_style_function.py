"""CH310 old-style-function: a v1 ``chainer.Function`` subclass behaves the same under the
shim as on stock Chainer 7.8.1 (outputs, gradients, instance reuse, state on ``self``)."""
import numpy as np
from numpy.testing import assert_array_equal

import chainer
import chainer.functions as F

import chainer_compat

X = np.linspace(-1, 1, 12, dtype=np.float32).reshape(3, 4)


class Square(chainer.Function):
    """A v1-style Function that keeps its input on ``self`` for backward."""

    def forward(self, inputs):
        self.x = inputs[0]
        return inputs[0] * inputs[0],

    def backward(self, inputs, grad_outputs):
        return 2 * self.x * grad_outputs[0],


def _run():
    f = Square()
    v = chainer.Variable(X.copy())
    y = f(v)
    F.sum(F.tanh(y)).backward()
    w = chainer.Variable(X[::-1].copy())
    z = f(w)                   # the same instance again, in a new graph, as v1 code does
    F.sum(z).backward()
    return y.array, z.array, v.grad, w.grad, type(y.creator).__name__


def test_old_style_function_is_unchanged_by_the_shim():
    with_shim = _run()
    chainer_compat.uninstall()
    try:
        stock = _run()
    finally:
        chainer_compat.install()
    for got, want in zip(with_shim[:4], stock[:4]):
        assert_array_equal(got, want)
    assert with_shim[4] == stock[4]


def test_old_style_gradient_is_the_analytic_one():
    _, _, gv, gw, _ = _run()
    t = np.tanh(X * X)
    np.testing.assert_allclose(gv, (1 - t * t) * 2 * X, rtol=1e-5, atol=1e-6)
    assert_array_equal(gw, 2 * X[::-1])
