"""CH215 copyparams-persistents in the shim: v1 callers copy parameters only."""
import types

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.links as L

from chainer_compat import ChainerV1Warning

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def pair():
    src, dst = L.BatchNormalization(3), L.BatchNormalization(3)
    src.avg_mean[...] = 2
    src.gamma.array[...] = 5
    return src, dst


def test_v1_caller_copies_parameters_only():
    src, dst = pair()
    dst.copyparams(src)
    assert_array_equal(dst.gamma.array, src.gamma.array)
    assert_array_equal(dst.avg_mean, np.zeros(3, np.float32))


def test_chain_and_missing_persistent():
    a = chainer.Chain(bn=L.BatchNormalization(3))
    b = chainer.Chain(bn=L.BatchNormalization(3))
    a.bn.avg_mean[...] = 1
    b.copyparams(a)
    assert_array_equal(b.bn.avg_mean, np.zeros(3, np.float32))
    link = chainer.Link(x=2)
    link.add_persistent("p", 1)
    link.copyparams(chainer.Link(x=2))   # v1: no KeyError for the persistent p


def test_explicit_argument_and_v2_code_keep_v7_meaning():
    src, dst = pair()
    dst.copyparams(src, copy_persistent=True)
    assert_array_equal(dst.avg_mean, src.avg_mean)
    src, dst = pair()
    module = types.ModuleType("ch215_v2_code")
    module.__dict__.update(__chainer_compat__="v2", src=src, dst=dst)
    exec("dst.copyparams(src)\n", module.__dict__)
    assert_array_equal(dst.avg_mean, src.avg_mean)


def test_warns_with_the_code():
    src, dst = pair()
    with pytest.warns(ChainerV1Warning, match="CH215"):
        dst.copyparams(src)


def test_stock(stock):
    src, dst = pair()
    dst.copyparams(src)
    assert_array_equal(dst.avg_mean, src.avg_mean)
