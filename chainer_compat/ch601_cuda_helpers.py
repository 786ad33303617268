"""CH601 cuda-array-helpers: ``chainer.cuda.empty``, ``zeros``, ``ones``, ``full``, their ``*_like`` and ``init``.

Chainer 1.24 had nine thin, already deprecated wrappers of CuPy in
``chainer.cuda``; Chainer 2 removed them (CuPy became its own package). The
shim re-adds them to ``chainer.backends.cuda`` (the module that ``chainer.cuda``
names in 7.8.1) with the 1.24 signatures (catalogue CH601, appendix A2):

- ``empty(shape, dtype=numpy.float32)``, ``zeros/ones(shape, dtype=numpy.float32,
  stream=None)``, ``full(shape, fill_value, dtype=numpy.float32, stream=None)``:
  a ``cupy.ndarray``; note the float32 default (CuPy's is float64).
- ``empty_like/zeros_like/ones_like(array[, stream=None])``, ``full_like(array,
  fill_value, stream=None)``: ``array`` may be a ``cupy.ndarray`` or a
  ``numpy.ndarray``; the result is always a ``cupy.ndarray`` of its shape and dtype.
- ``init(arg=None)``: only ``check_cuda_available()``.

Each first calls ``check_cuda_available()``, so without CUDA they raise
``RuntimeError`` as in 1.24; a ``stream`` other than ``None`` fails the same
``AssertionError`` as in 1.24. Re-added names are process-wide (R6).

Also restored here, because it is the same ``chainer.cuda`` surface: in 1.24
``set_max_workspace_size(size)`` / ``get_max_workspace_size()`` round-trip
a module value (default 8 MiB) even without cuDNN; 7.8.1 drops the value and
returns 0 there. Without cuDNN the shim keeps the value; with cuDNN the
stock functions (which store it in CuPy) run unchanged.
"""
import functools

import numpy

from chainer.backends import cuda

from chainer_compat import _warn

#: Codes this module restores (and warns with).
CODES = ("CH601",)

#: The 1.24 default of ``get_max_workspace_size()`` (``chainer/cuda.py``).
DEFAULT_WORKSPACE = 8 * 1024 * 1024

_workspace = {"size": DEFAULT_WORKSPACE}


def _check(name):
    _warn.warn("CH601", "chainer.cuda.%s" % name)
    cuda.check_cuda_available()


def init(arg=None):
    """1.24 ``cuda.init``: ``check_cuda_available()`` (raises ``RuntimeError`` without CUDA)."""
    _check("init")


def empty(shape, dtype=numpy.float32):
    """An uninitialised ``cupy.ndarray`` of ``shape`` (default dtype float32)."""
    _check("empty")
    return cuda.cupy.empty(shape, dtype)


def full(shape, fill_value, dtype=numpy.float32, stream=None):
    """A ``cupy.ndarray`` of ``shape`` filled with ``fill_value`` (default dtype float32)."""
    _check("full")
    assert stream is None
    return cuda.cupy.full(shape, fill_value, dtype=dtype)


def zeros(shape, dtype=numpy.float32, stream=None):
    """A zero-filled ``cupy.ndarray`` of ``shape`` (default dtype float32)."""
    _check("zeros")
    assert stream is None
    return cuda.cupy.zeros(shape, dtype=dtype)


def ones(shape, dtype=numpy.float32, stream=None):
    """A one-filled ``cupy.ndarray`` of ``shape`` (default dtype float32)."""
    _check("ones")
    assert stream is None
    return cuda.cupy.ones(shape, dtype=dtype)


def empty_like(array):
    """An uninitialised ``cupy.ndarray`` with the shape and dtype of ``array`` (CuPy or NumPy)."""
    _check("empty_like")
    if isinstance(array, cuda.cupy.ndarray):
        return cuda.cupy.empty_like(array)
    return cuda.cupy.empty(array.shape, dtype=array.dtype)


def full_like(array, fill_value, stream=None):
    """A ``cupy.ndarray`` like ``array`` (CuPy or NumPy) filled with ``fill_value``."""
    _check("full_like")
    assert stream is None
    if isinstance(array, cuda.cupy.ndarray):
        return cuda.cupy.full_like(array, fill_value)
    return cuda.cupy.full(array.shape, fill_value, dtype=array.dtype)


def zeros_like(array, stream=None):
    """A zero-filled ``cupy.ndarray`` like ``array`` (CuPy or NumPy)."""
    _check("zeros_like")
    assert stream is None
    if isinstance(array, cuda.cupy.ndarray):
        return cuda.cupy.zeros_like(array)
    return cuda.cupy.zeros(array.shape, dtype=array.dtype)


def ones_like(array, stream=None):
    """A one-filled ``cupy.ndarray`` like ``array`` (CuPy or NumPy)."""
    _check("ones_like")
    assert stream is None
    if isinstance(array, cuda.cupy.ndarray):
        return cuda.cupy.ones_like(array)
    return cuda.cupy.ones(array.shape, dtype=array.dtype)


#: The re-added functions, by name.
HELPERS = {f.__name__: f for f in (init, empty, full, zeros, ones,
                                   empty_like, full_like, zeros_like, ones_like)}


def wrap_get_workspace(original):
    """``get_max_workspace_size()``: the kept value when cuDNN is not enabled."""

    @functools.wraps(original)
    def get_max_workspace_size():
        if cuda.cudnn_enabled:
            return original()
        return _workspace["size"]

    return get_max_workspace_size


def wrap_set_workspace(original):
    """``set_max_workspace_size(size)``: keeps ``size`` when cuDNN is not enabled."""

    @functools.wraps(original)
    def set_max_workspace_size(size):
        if cuda.cudnn_enabled:
            return original(size)
        _workspace["size"] = size

    return set_max_workspace_size


def install(patcher):
    """Re-add the nine helpers to ``chainer.backends.cuda`` and wrap the workspace functions."""
    for name, function in HELPERS.items():
        patcher.set(cuda, name, function)
    patcher.set(cuda, "get_max_workspace_size",
                wrap_get_workspace(cuda.__dict__["get_max_workspace_size"]))
    patcher.set(cuda, "set_max_workspace_size",
                wrap_set_workspace(cuda.__dict__["set_max_workspace_size"]))


def reset():
    """Forget the kept workspace size (back to the 1.24 default)."""
    _workspace["size"] = DEFAULT_WORKSPACE
