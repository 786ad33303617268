"""CH207 convnd-default-bias in the shim: ConvolutionND built by v1 code has no bias without initial_bias."""
import types

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer.links as L

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def run_as_module(source, name="ch207_user_code"):
    module = types.ModuleType(name)
    exec(compile("import chainer.links as L\n" + source, "<%s>" % name, "exec"), module.__dict__)
    return module.__dict__


def test_v1_code_gets_no_bias():
    conv = run_as_module("c = L.ConvolutionND(2, 1, 3, 3, pad=1)\n")["c"]
    assert conv.b is None
    assert [name for name, _ in conv.namedparams()] == ["/W"]


def test_v1_positional_slots_bind_with_v1_names():
    ns = run_as_module("w = __import__('numpy').ones((3, 1, 2), 'f')\n"
                       "c = L.ConvolutionND(1, 1, 3, 2, 1, 0, w, 0.5, False)\n")
    conv = ns["c"]
    assert_array_equal(conv.W.array, np.ones((3, 1, 2), np.float32))
    assert_array_equal(conv.b.array, np.full(3, 0.5, np.float32))


def test_given_bias_and_v2_calls_keep_a_bias():
    ns = run_as_module("a = L.ConvolutionND(2, 1, 3, 3, initial_bias=0)\n"
                       "b = L.ConvolutionND(2, 1, 3, 3, nobias=False)\n"
                       "c = L.ConvolutionND(2, 1, 3, 3, dilate=1)\n"
                       "__chainer_compat__ = 'v2'\n"
                       "d = L.ConvolutionND(2, 1, 3, 3)\n")
    for name in "abcd":
        assert ns[name].b is not None, name


def test_stock(stock):
    assert L.ConvolutionND(2, 1, 3, 3).b is not None


def test_chainer_internal_subclasses_untouched():
    conv = run_as_module("c = L.Convolution3D(1, 2, 3)\n")["c"]
    assert conv.b is not None
