"""CH905 (CuPy report), CH906 (protobuf opt-in), CH908 (setDaemon), CH909 (float16 sparse)."""
import importlib.util
import threading
import warnings

import numpy
import pytest

import chainer
import chainer.functions as F
from chainer import iterators
from chainer.iterators import multiprocess_iterator
from chainer_compat import runtime
from chainer_compat.runtime.patches import ch905_cupy_report
from chainer_compat.runtime.patches import ch909_sparse_float16

HAS_SCIPY = importlib.util.find_spec('scipy') is not None


def test_ch905_messages():
    msg = ch905_cupy_report.message
    assert msg(False, False, False, '?') is None           # no CuPy at all
    assert msg(True, True, True, '13.6.0') is None          # all usable
    assert msg(False, False, True, '14.2.0').startswith(
        'CH905 cupy-13-14: CuPy 14.2.0 is installed but Chainer cannot')
    assert 'without cuDNN' in msg(True, False, True, '14.2.0')


@pytest.mark.skipif(importlib.util.find_spec('cupy') is not None,
                    reason='CuPy is installed here')
def test_ch905_silent_without_cupy():
    assert 'report CH905' not in runtime.APPLIED


def test_ch908_prefetch_thread_without_setdaemon_warning():
    it = iterators.MultiprocessIterator(list(range(10)), 2, shuffle=False,
                                        n_processes=1)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            batch = it.next()
            thread = it._prefetch_loop._thread
        assert batch == [0, 1]
        assert not [w for w in caught if 'setDaemon' in str(w.message)]
        assert thread.daemon
    finally:
        it.finalize()


def test_ch908_module_threading_delegates():
    module_threading = multiprocess_iterator.threading
    assert module_threading.Lock is threading.Lock
    t = module_threading.Thread(target=lambda: None)
    assert isinstance(t, threading.Thread)
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        t.setDaemon(True)
    assert t.daemon


@pytest.mark.skipif(not HAS_SCIPY, reason='F.sparse_matmul on CPU needs SciPy')
@pytest.mark.filterwarnings('error')
@pytest.mark.parametrize('batched', [False, True])
def test_ch909_sparse_matmul_float16(batched):
    # functions_tests/math_tests/test_sparse_matmul.py, float16 on CPU.
    # Small integers: every sum is exact, so any summation order gives the
    # same float16 result.
    rng = numpy.random.RandomState(1)
    shape_a, shape_b = ((2, 3, 4), (2, 4, 5)) if batched else ((3, 4), (4, 5))
    a = rng.randint(-3, 4, size=shape_a).astype(numpy.float16)
    a[a > 1] = 0
    b = rng.randint(-3, 4, size=shape_b).astype(numpy.float16)
    sp = chainer.utils.to_coo(a)
    y = F.sparse_matmul(sp, b)
    expected = numpy.matmul(a.astype(numpy.float32),
                            b.astype(numpy.float32)).astype(numpy.float16)
    assert y.dtype == numpy.float16
    numpy.testing.assert_array_equal(y.array, expected)

    bv = chainer.Variable(b)
    y = F.sparse_matmul(sp, bv)
    y.grad = numpy.ones_like(y.array)
    y.backward()
    assert bv.grad.dtype == numpy.float16


@pytest.mark.skipif(not HAS_SCIPY, reason='needs SciPy')
def test_ch909_recorded_only_when_scipy_rejects_float16():
    name = 'chainer.functions.math.sparse_matmul._coo_matmul_cpu'
    assert (name in runtime.APPLIED) == ch909_sparse_float16.needed()


def _protobuf_major():
    try:
        from importlib.metadata import version
        return int(version('protobuf').split('.')[0])
    except Exception:
        return None


@pytest.mark.skipif((_protobuf_major() or 0) < 4,
                    reason='protobuf < 4 (or none) reads the old caffe_pb2')
def test_ch906_opt_in_python_protobuf(python):
    code = '''
from chainer_compat import runtime
runtime.apply()
import chainer.links.caffe
from google.protobuf.internal import api_implementation
print('IMPL', api_implementation.Type(), runtime.APPLIED.get(
    '$PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION'))
'''
    proc = python(code, env={'CHAINER_COMPAT_PROTOBUF_PYTHON': '1'})
    assert proc.returncode == 0, proc.stderr
    assert 'IMPL python CH906' in proc.stdout
    # without the opt-in, protobuf >= 4 rejects the bundled caffe_pb2.py
    proc = python(code.replace('runtime.apply()', 'runtime.apply()\n'
                               'import os\nassert os.environ.get('
                               '"PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION") '
                               '!= "python"'),
                  env={'CHAINER_COMPAT_PROTOBUF_PYTHON': '0'})
    assert proc.returncode != 0
    assert 'Descriptors cannot be created directly' in proc.stderr
