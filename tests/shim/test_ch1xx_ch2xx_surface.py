"""Shim tests of CH106, CH108, CH212, CH307 and CH308."""
import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.functions as F
import chainer.links as L
from chainer.utils import type_check

import chainer_compat
from chainer_compat import ch106_deterministic, ch307_variable_surface

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def data(*shape, seed=0):
    return np.random.RandomState(seed).uniform(-1, 1, shape).astype(np.float32)


# -- CH106 -----------------------------------------------------------------
def test_deterministic_keyword_of_convolution_2d():
    x, W = data(1, 2, 4, 4), data(3, 2, 3, 3, seed=1)
    seen = []
    original = chainer.functions.connection.convolution_2d.Convolution2DFunction.forward

    def spy(self, inputs):
        seen.append(chainer.config.cudnn_deterministic)
        return original(self, inputs)
    chainer.functions.connection.convolution_2d.Convolution2DFunction.forward = spy
    try:
        y = F.convolution_2d(x, W, deterministic=True)
        y2 = F.convolution_2d(x, W, None, 1, 0, True, False, False)
    finally:
        chainer.functions.connection.convolution_2d.Convolution2DFunction.forward = original
    assert seen == [True, False]
    chainer_compat.uninstall()
    try:
        want = F.convolution_2d(x, W)
    finally:
        chainer_compat.install()
    assert_array_equal(y.array, want.array)
    assert_array_equal(y2.array, want.array)


def test_deterministic_link_is_marked():
    link = L.Convolution2D(2, 3, 3, deterministic=True)
    assert link.__dict__[ch106_deterministic.DETERMINISTIC]
    assert ch106_deterministic.DETERMINISTIC not in vars(L.Convolution2D(2, 3, 3))
    assert link(data(1, 2, 4, 4)).shape == (1, 3, 2, 2)


# -- CH108 -----------------------------------------------------------------
class Double(chainer.Function):
    """An old-style function that accepts float32 only."""

    def check_type_forward(self, in_types):
        type_check.expect(in_types[0].dtype == np.float32)

    def forward(self, inputs):
        return inputs[0] * 2,


class Triple(Double):
    def forward(self, inputs):
        return inputs[0] * 3,


def test_type_check_enable_false_turns_type_checks_off():
    assert chainer.Function.type_check_enable is True
    ints = np.arange(3, dtype=np.int32)
    with pytest.raises(type_check.InvalidType):
        Double()(ints)
    chainer.Function.type_check_enable = False
    try:
        assert_array_equal(Double()(ints).array, ints * 2)
    finally:
        chainer.Function.type_check_enable = True
    Triple.type_check_enable = False   # a subclass only
    try:
        assert_array_equal(Triple()(ints).array, ints * 3)
        with pytest.raises(type_check.InvalidType):
            Double()(ints)
    finally:
        del Triple.type_check_enable


def test_type_check_enable_is_removed_on_uninstall(stock):
    assert not hasattr(chainer.Function, "type_check_enable")


# -- CH212 -----------------------------------------------------------------
def test_link_aliases_are_the_link_classes():
    for name in ("Linear", "Convolution2D", "EmbedID", "BatchNormalization", "PReLU",
                 "Parameter", "Bilinear", "Inception", "InceptionBN", "NegativeSampling",
                 "DilatedConvolution2D", "BinaryHierarchicalSoftmax"):
        assert getattr(F, name) is getattr(L, name)


def test_link_aliases_are_removed_on_uninstall(stock):
    assert not hasattr(F, "Linear")


# -- CH307 -----------------------------------------------------------------
def test_repr_and_str_of_v1():
    v = chainer.Variable(data(2), name="x")
    assert repr(v) == "<variable x>" and str(v) == "x"
    u = chainer.Variable(data(2))
    assert repr(u) == "<variable at 0x%x>" % id(u) and str(u) == "<var@%x>" % id(u)


def test_debug_print_of_v1():
    v = chainer.Variable(data(5, 3))
    text = v.debug_print()
    assert "- volatile: OFF" in text and "- device: CPU" in text
    assert text.splitlines()[4] == "- shape: (5, 3)"
    assert "mean=%.8f" % float(np.mean(v.array)) in text


@pytest.mark.parametrize("other", [[1.0, 2.0], (1.0, 2.0)])
def test_sequence_operand_raises_value_error_and_type_error(other):
    v = chainer.Variable(data(2))
    with pytest.raises(ValueError):
        v + other
    with pytest.raises(TypeError):
        other * v


def test_mismatched_constant_array_raises_value_error():
    v = chainer.Variable(data(2))
    with pytest.raises(ValueError) as info:
        v - np.ones(3, np.float32)
    assert isinstance(info.value, type_check.InvalidType)


def test_comparisons_raise_not_implemented_error():
    v = chainer.Variable(data(2))
    for op in (lambda: v == v, lambda: v < v, lambda: v >= 1, lambda: bool(v)):
        with pytest.raises(NotImplementedError):
            op()
        with pytest.raises(TypeError):
            op()


def test_arithmetic_results_are_unchanged():
    v = chainer.Variable(data(2))
    c = np.array([3, 4], np.int32)
    got = (v * c + 2) ** 2
    chainer_compat.uninstall()
    try:
        want = (v * c + 2) ** 2
    finally:
        chainer_compat.install()
    assert got.dtype == np.float32
    assert_array_equal(got.array, want.array)


def test_error_classes():
    assert issubclass(ch307_variable_surface.V1OperandError, (TypeError, ValueError))


# -- CH308 -----------------------------------------------------------------
def test_variables_are_hashable_by_identity():
    a, b = chainer.Variable(data(2)), chainer.Variable(data(2))
    assert len({a, b, a}) == 2
    assert hash(a) == object.__hash__(a)
    assert len({chainer.Parameter(data(2))}) == 1


def test_variables_are_unhashable_again_on_uninstall(stock):
    with pytest.raises(TypeError):
        hash(chainer.Variable(data(2)))
