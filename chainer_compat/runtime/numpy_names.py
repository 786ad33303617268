"""CH901 numpy2-removed-aliases: NumPy names that Chainer 7.8.1 or v1 code reads.

Chainer 7.8.1 reads ``numpy.sctypes`` when ``chainer.functions`` is imported
(``functions/array/as_strided.py``; removed in NumPy 2.0) and ``numpy.float``
in ``F.resize_images`` (removed in NumPy 1.24). v1 user code commonly uses
the builtin aliases (``numpy.int``, ``numpy.bool``), ``numpy.float_``,
``numpy.NaN``, ``numpy.product`` and the like.

A name is set on the ``numpy`` module only when reading it raises
``AttributeError`` (warnings suppressed while probing); a name NumPy still has
is never touched, so NumPy 2's own ``numpy.bool`` and ``numpy.long`` stay.
Every value keeps its NumPy 1.x meaning.

Source: catalogue CH901; runtime.md section 2 "NumPy names".
"""
import math
import warnings

import numpy


def _sctypes():
    # The content of numpy.sctypes on NumPy 1.26 (64-bit Linux).
    return {
        'int': [numpy.int8, numpy.int16, numpy.int32, numpy.int64],
        'uint': [numpy.uint8, numpy.uint16, numpy.uint32, numpy.uint64],
        'float': [numpy.float16, numpy.float32, numpy.float64,
                  numpy.longdouble],
        'complex': [numpy.complex64, numpy.complex128, numpy.clongdouble],
        'others': [bool, object, bytes, str, numpy.void],
    }


def _msort(a):
    """``numpy.msort(a)``: a copy of ``a`` sorted along axis 0."""
    return numpy.sort(a, axis=0)


def _in1d(ar1, ar2, assume_unique=False, invert=False, **kwargs):
    """``numpy.in1d``: ``numpy.isin`` on the flattened ``ar1`` (1-D bool array)."""
    return numpy.isin(numpy.asarray(ar1).ravel(), ar2,
                      assume_unique=assume_unique, invert=invert, **kwargs)


def _asfarray(a, dtype=numpy.double):
    """``numpy.asfarray``: ``a`` as a floating array (float64 unless ``dtype`` is inexact)."""
    if not issubclass(numpy.dtype(dtype).type, numpy.inexact):
        dtype = numpy.double
    return numpy.asarray(a, dtype=dtype)


def _issubclass_(arg1, arg2):
    """``numpy.issubclass_``: ``issubclass`` that returns False instead of raising."""
    try:
        return issubclass(arg1, arg2)
    except TypeError:
        return False


def _trapz():
    return getattr(numpy, 'trapezoid', None)


#: name -> zero-argument factory of its NumPy 1.x value (None: cannot restore).
ALIASES = {
    # Chainer 7.8.1 itself
    'sctypes': _sctypes,
    'float': lambda: float,
    # builtin aliases removed in NumPy 1.24 (bool and long: only where missing)
    'int': lambda: int,
    'bool': lambda: bool,
    'long': lambda: int,
    'object': lambda: object,
    'complex': lambda: complex,
    'str': lambda: str,
    'unicode': lambda: str,
    # type aliases removed in NumPy 2.0
    'float_': lambda: numpy.float64,
    'complex_': lambda: numpy.complex128,
    'cfloat': lambda: numpy.complex128,
    'singlecomplex': lambda: numpy.complex64,
    'longfloat': lambda: numpy.longdouble,
    'longcomplex': lambda: numpy.clongdouble,
    'clongfloat': lambda: numpy.clongdouble,
    'string_': lambda: numpy.bytes_,
    'unicode_': lambda: numpy.str_,
    'bool8': lambda: numpy.bool_,
    'int0': lambda: numpy.intp,
    'uint0': lambda: numpy.uintp,
    'object0': lambda: numpy.object_,
    'str0': lambda: numpy.str_,
    'bytes0': lambda: numpy.bytes_,
    'void0': lambda: numpy.void,
    # constants
    'NaN': lambda: numpy.nan,
    'NAN': lambda: numpy.nan,
    'Inf': lambda: numpy.inf,
    'Infinity': lambda: numpy.inf,
    'infty': lambda: numpy.inf,
    'PINF': lambda: numpy.inf,
    'NINF': lambda: -numpy.inf,
    'PZERO': lambda: 0.0,
    'NZERO': lambda: -0.0,
    # functions
    'product': lambda: numpy.prod,
    'cumproduct': lambda: numpy.cumprod,
    'alltrue': lambda: numpy.all,
    'sometrue': lambda: numpy.any,
    'round_': lambda: numpy.round,
    'row_stack': lambda: numpy.vstack,
    'msort': lambda: _msort,
    'in1d': lambda: _in1d,
    'trapz': _trapz,
    'asfarray': lambda: _asfarray,
    'issubclass_': lambda: _issubclass_,
    'mat': lambda: numpy.asmatrix,
    'math': lambda: math,
}


def missing(name):
    """True when ``numpy.<name>`` raises ``AttributeError`` (warnings ignored)."""
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            getattr(numpy, name)
        except AttributeError:
            return True
    return False


def restore(patcher):
    """Set every name of ``ALIASES`` that ``numpy`` lacks; record each as CH901.

    Args:
        patcher: the runtime's ``Patcher`` (records the name for
            ``APPLIED`` and for ``revert()``).
    """
    for name, factory in ALIASES.items():
        if not missing(name):
            continue
        value = factory()
        if value is None:
            continue
        patcher.set(numpy, name, value, 'numpy.' + name, 'CH901')
