"""CH601 cuda-array-helpers in the shim: the nine ``chainer.cuda`` helpers and the workspace size."""
import warnings

import numpy as np
import pytest

import chainer
import chainer_compat
from chainer.backends import cuda
from chainer_compat import ch601_cuda_helpers as ch601

NAMES = ("init", "empty", "empty_like", "full", "full_like", "ones", "ones_like",
         "zeros", "zeros_like")
ARGS = {"init": (), "empty": ((2,),), "zeros": ((2,),), "ones": ((2,),), "full": ((2,), 3),
        "empty_like": (np.zeros(2),), "zeros_like": (np.zeros(2),),
        "ones_like": (np.zeros(2),), "full_like": (np.zeros(2), 3)}


def test_the_nine_helpers_are_back_under_both_names():
    for name in NAMES:
        assert getattr(chainer.cuda, name) is getattr(ch601, name)


@pytest.mark.skipif(cuda.available, reason="checks the behaviour without CUDA")
@pytest.mark.parametrize("name", NAMES)
def test_without_cuda_each_raises_runtime_error_and_warns(name):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(RuntimeError, match="CUDA environment is not correctly set up"):
            getattr(cuda, name)(*ARGS[name])
    assert any("CH601" in str(w.message) for w in caught)


@pytest.mark.gpu
@pytest.mark.skipif(not cuda.available, reason="needs CUDA")
def test_float32_default_and_like_of_numpy():
    a = cuda.zeros((2, 3))
    assert isinstance(a, cuda.cupy.ndarray) and a.dtype == np.float32
    assert cuda.full((2,), 7, np.int32).get().tolist() == [7, 7]
    b = cuda.ones_like(np.zeros(3, np.float16))
    assert isinstance(b, cuda.cupy.ndarray) and b.dtype == np.float16
    with pytest.raises(AssertionError):
        cuda.zeros((2,), stream=object())


@pytest.mark.skipif(cuda.cudnn_enabled, reason="1.24 kept the value itself only without cuDNN")
def test_workspace_round_trip_without_cudnn(stock):
    assert cuda.get_max_workspace_size() == 0          # stock 7.8.1 drops the value
    chainer_compat.install()
    assert cuda.get_max_workspace_size() == ch601.DEFAULT_WORKSPACE
    cuda.set_max_workspace_size(1024)
    assert cuda.get_max_workspace_size() == 1024
    chainer_compat.uninstall()
    chainer_compat.install()
    assert cuda.get_max_workspace_size() == ch601.DEFAULT_WORKSPACE


def test_uninstall_removes_the_helpers(stock):
    for name in NAMES:
        assert not hasattr(cuda, name)
