"""CH105 in the shim: the v1 ``.use_cudnn`` attribute of convolution, BN and NStep links."""
import numpy as np
import pytest

import chainer.links as L

from chainer_compat import ChainerV1Warning
from chainer_compat.ch105_cudnn import NO_CUDNN

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def test_read_and_write():
    conv = L.Convolution2D(1, 2, 3)
    assert conv.use_cudnn is True
    assert L.Convolution2D(1, 2, 3, use_cudnn=False).use_cudnn is False
    assert L.BatchNormalization(3, use_cudnn=False).use_cudnn is False
    conv.use_cudnn = False
    assert conv.use_cudnn is False
    assert conv.__dict__[NO_CUDNN] is True   # the mark that CH105's forward wrapper reads
    conv(np.zeros((1, 1, 4, 4), np.float32))
    conv.use_cudnn = True
    assert conv.use_cudnn is True and NO_CUDNN not in conv.__dict__


def test_warns_with_the_code():
    conv = L.Convolution2D(1, 2, 3)
    with pytest.warns(ChainerV1Warning, match="CH105"):
        conv.use_cudnn


def test_mlp_passes_its_flag_to_inner_convolutions():
    mlp = L.MLPConvolution2D(3, (4, 4), 3, use_cudnn=False)
    assert [conv.use_cudnn for conv in mlp] == [False, False]
    assert [conv.use_cudnn for conv in L.MLPConvolution2D(3, (4, 4), 3)] == [True, True]


def test_stock(stock):
    assert not hasattr(L.Convolution2D(1, 2, 3), "use_cudnn")
