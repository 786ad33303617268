"""CH903 (c): ``concat_examples(batch, padding=...)`` on NumPy 2.

Chainer 7.8.1 ``dataset/convert.py`` ``_concat_arrays_with_padding`` passes
``out`` to ``numpy.maximum`` positionally (DeprecationWarning from NumPy 2.4,
an error later) and fills the result with ``xp.full(shape, padding, dtype)``,
which raises ``OverflowError`` on NumPy >= 2.0 for a Python integer outside
the dtype (``padding=-1`` with uint8 examples; NumPy 1.26 wrapped it silently).
The replacement computes the same padded batch: shape
``(len(arrays),) + elementwise maximum of the shapes``, filled with
``padding`` (cast the NumPy 1.x way), each example in its top-left corner.

Source: catalogue CH903; runtime.md section 3, item 4.
"""
import numpy

from chainer_compat.runtime.patches import _probe
from chainer_compat.runtime.patches import ch903_pad_sequence

CODE = 'CH903'


def needed():
    """True when positional ``out`` or an out-of-range fill warns or raises."""
    def positional_out():
        out = numpy.zeros(1, int)
        numpy.maximum(out, (1,), out)

    def fill():
        numpy.full(1, -1, dtype=numpy.uint8)
    return _probe.warns_or_raises(positional_out) or \
        _probe.warns_or_raises(fill)


def concat_arrays_with_padding(arrays, padding):
    """Stack ``arrays`` (same ndim, any shapes) into one padded array.

    Returns an array of shape ``(len(arrays),) + max shape`` and the dtype of
    ``arrays[0]``, on the device of ``arrays[0]``.
    """
    import chainer
    from chainer import backend

    shape = numpy.array(arrays[0].shape, dtype=int)
    for array in arrays[1:]:
        if numpy.any(shape != array.shape):
            numpy.maximum(shape, array.shape, out=shape)
    shape = (len(arrays),) + tuple(int(n) for n in shape)

    dtype = arrays[0].dtype
    device = backend.get_device_from_array(arrays[0])
    with chainer.using_device(device):
        result = device.xp.full(
            shape, ch903_pad_sequence.as_dtype(padding, dtype), dtype=dtype)
        for i, src in enumerate(arrays):
            result[(i,) + tuple(slice(n) for n in src.shape)] = src
    return result


def _install(module, patcher):
    patcher.set(module, '_concat_arrays_with_padding',
                concat_arrays_with_padding,
                module.__name__ + '._concat_arrays_with_padding', CODE)


HOOKS = {'chainer.dataset.convert': _install}
