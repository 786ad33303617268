"""CH901: NumPy names restored with their 1.x meaning, only where missing."""
import math

import numpy
import pytest

from chainer_compat import runtime
from chainer_compat.runtime import numpy_names

NUMPY2 = numpy.lib.NumpyVersion(numpy.__version__) >= '2.0.0'


def test_chainer_names_present():
    # as_strided.py reads numpy.sctypes at import, resize_images numpy.float.
    assert numpy.float is float
    assert 'numpy.float' in runtime.APPLIED
    assert isinstance(numpy.sctypes, dict)


@pytest.mark.skipif(not NUMPY2, reason='NumPy 1.x still has numpy.sctypes')
def test_sctypes_restored_with_126_content():
    assert runtime.APPLIED['numpy.sctypes'] == 'CH901'
    assert numpy.sctypes == {
        'int': [numpy.int8, numpy.int16, numpy.int32, numpy.int64],
        'uint': [numpy.uint8, numpy.uint16, numpy.uint32, numpy.uint64],
        'float': [numpy.float16, numpy.float32, numpy.float64,
                  numpy.longdouble],
        'complex': [numpy.complex64, numpy.complex128, numpy.clongdouble],
        'others': [bool, object, bytes, str, numpy.void],
    }


@pytest.mark.skipif(NUMPY2, reason='NumPy 2 removed numpy.sctypes')
def test_sctypes_native_on_numpy1():
    assert 'numpy.sctypes' not in runtime.APPLIED


@pytest.mark.skipif(not NUMPY2, reason='numpy.bool is missing on NumPy 1.24-1.26')
def test_numpy2_bool_and_long_left_alone():
    assert numpy.bool is numpy.bool_
    assert 'numpy.bool' not in runtime.APPLIED
    assert 'numpy.long' not in runtime.APPLIED


@pytest.mark.skipif(NUMPY2, reason='NumPy 2 has numpy.bool again')
def test_numpy1_bool_is_builtin():
    assert numpy.bool is bool
    assert runtime.APPLIED['numpy.bool'] == 'CH901'


def test_every_applied_name_is_recorded_and_only_missing_ones():
    for name in numpy_names.ALIASES:
        key = 'numpy.' + name
        if key in runtime.APPLIED:
            assert runtime.APPLIED[key] == 'CH901'
            assert numpy.__dict__[name] is not None
    # after apply() nothing of the table is missing any more
    assert [n for n in numpy_names.ALIASES if numpy_names.missing(n)] == []


@pytest.mark.filterwarnings('ignore::DeprecationWarning')  # 1.26 originals
def test_type_aliases_and_constants_keep_1x_meaning():
    assert numpy.float_ is numpy.float64
    assert numpy.complex_ is numpy.complex128
    assert numpy.string_ is numpy.bytes_
    assert numpy.unicode_ is numpy.str_
    assert numpy.int0 is numpy.intp
    assert numpy.int is int and numpy.object is object
    assert math.isnan(numpy.NaN) and numpy.Inf == math.inf
    assert numpy.NINF == -math.inf
    assert math.copysign(1.0, numpy.NZERO) == -1.0
    assert numpy.math is math


@pytest.mark.filterwarnings('ignore::DeprecationWarning')  # 1.26 originals
def test_function_aliases_compute_like_1x():
    a = numpy.array([[3, 1], [2, 4]])
    assert numpy.product(a) == 24
    numpy.testing.assert_array_equal(numpy.cumproduct([1, 2, 3]), [1, 2, 6])
    assert numpy.alltrue([True, True]) and not numpy.sometrue([0, 0])
    numpy.testing.assert_array_equal(numpy.msort(a), [[2, 1], [3, 4]])
    numpy.testing.assert_array_equal(
        numpy.in1d([[1, 5], [2, 7]], [2, 5]), [False, True, True, False])
    numpy.testing.assert_array_equal(numpy.row_stack(([1], [2])), [[1], [2]])
    assert numpy.asfarray([1, 2]).dtype == numpy.float64
    assert numpy.asfarray([1, 2], dtype=numpy.float32).dtype == numpy.float32
    assert numpy.asfarray([1, 2], dtype=numpy.int32).dtype == numpy.float64
    assert numpy.round_(2.567, 2) == numpy.round(2.567, 2)
    assert numpy.trapz([1.0, 2.0, 3.0]) == 4.0
    assert numpy.issubclass_(numpy.float32, numpy.floating)
    assert not numpy.issubclass_(1, int)
