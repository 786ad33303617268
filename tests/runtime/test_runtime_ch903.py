"""CH903: NumPy 2 behaviour changes inside Chainer 7.8.1's own functions.

Each test is taken from the Chainer tests that fail on NumPy 2 (runtime.md
section 4) and runs with warnings as errors, so a deprecation that NumPy will
turn into an error fails here first. The expected values are computed
independently of the patched code. These tests are v2-style code (the runtime
layer is for Chainer 7.8.1 itself), so the module says so to the shim (R6).
"""
import io

import numpy
import pytest

import chainer
import chainer.functions as F
import chainer.links as L
from chainer import distributions
from chainer.dataset import convert
from chainer_compat import runtime

__chainer_compat__ = 'v2'


def _bits(a):
    a = numpy.asarray(a)
    return a.view('u%d' % a.dtype.itemsize)


@pytest.mark.filterwarnings('error')
def test_categorical_log_prob():
    # distributions_tests/test_categorical.py: log_prob on batch shape (2, 3)
    rng = numpy.random.RandomState(0)
    p = rng.rand(2, 3, 4).astype(numpy.float32)
    p /= p.sum(axis=-1, keepdims=True)
    x = rng.randint(0, 4, size=(2, 3)).astype(numpy.int32)
    dist = distributions.Categorical(p)
    expected = numpy.take_along_axis(
        dist.log_p.array, x[..., None], axis=-1)[..., 0]
    for given in (x, chainer.Variable(x)):
        numpy.testing.assert_array_equal(dist.log_prob(given).array, expected)


@pytest.mark.filterwarnings('error')
@pytest.mark.parametrize('dtype', [numpy.uint8, numpy.uint16, numpy.int8,
                                   numpy.float32])
def test_pad_sequence_padding_minus_one(dtype):
    # functions_tests/array_tests/test_pad_sequence.py with padding=-1
    xs = [numpy.arange(3).astype(dtype), numpy.arange(1).astype(dtype),
          numpy.arange(2).astype(dtype)]
    y = F.pad_sequence(xs, padding=-1)
    fill = numpy.array(-1).astype(dtype)   # NumPy 1.x wrap-around: 255 for uint8
    expected = numpy.array([[0, 1, 2], [0, fill, fill], [0, 1, fill]],
                           dtype=dtype)
    assert y.dtype == dtype
    numpy.testing.assert_array_equal(_bits(y.array), _bits(expected))


@pytest.mark.filterwarnings('error')
def test_pad_sequence_backward_and_padding_attribute_kept():
    xs = [chainer.Variable(numpy.ones((2, 3), numpy.float32)),
          chainer.Variable(numpy.ones((1, 3), numpy.float32))]
    node = F.array.pad_sequence.PadSequence(None, -1)
    y, = node.apply(xs)
    assert node.padding == -1 and type(node.padding) is int
    y.grad = numpy.ones_like(y.array)
    y.backward()
    numpy.testing.assert_array_equal(xs[1].grad, numpy.ones((1, 3)))


@pytest.mark.filterwarnings('error')
def test_concat_examples_with_padding():
    # dataset_tests/test_convert.py: examples of different shapes
    batch = [numpy.ones((2, 3), numpy.float32),
             numpy.full((3, 2), 2, numpy.float32),
             numpy.full((1, 1), 3, numpy.float32)]
    y = convert.concat_examples(batch, padding=-1)
    expected = numpy.full((3, 3, 3), -1, numpy.float32)
    expected[0, :2, :3] = 1
    expected[1, :3, :2] = 2
    expected[2, :1, :1] = 3
    numpy.testing.assert_array_equal(y, expected)


@pytest.mark.filterwarnings('error')
def test_concat_examples_uint8_padding_wraps_like_numpy1():
    batch = [(numpy.arange(3, dtype=numpy.uint8), 0),
             (numpy.arange(1, dtype=numpy.uint8), 1)]
    x, t = convert.concat_examples(batch, padding=-1)
    numpy.testing.assert_array_equal(x, [[0, 1, 2], [0, 255, 255]])
    assert x.dtype == numpy.uint8
    numpy.testing.assert_array_equal(t, [0, 1])


def _fix_reference(x):
    return numpy.where(x >= 0, numpy.floor(x), numpy.ceil(x)).astype(x.dtype)


@pytest.mark.filterwarnings('error')
@pytest.mark.parametrize('dtype', [numpy.float16, numpy.float32,
                                   numpy.float64])
def test_fix_rounds_toward_zero_bitwise(dtype):
    x = numpy.array([-2.5, -0.5, -0.0, 0.0, 0.4, 1.7, 3.0, numpy.inf,
                     -numpy.inf, numpy.nan], dtype=dtype)
    y = F.fix(x)
    assert y.dtype == dtype
    numpy.testing.assert_array_equal(_bits(y.array), _bits(_fix_reference(x)))
    assert F.fix is F.math.fix.fix


@pytest.mark.filterwarnings('error')
def test_fmod_backward_uses_fix():
    x = chainer.Variable(numpy.array([5.5, -5.5, 3.0], numpy.float32))
    d = chainer.Variable(numpy.array([2.0, 2.0, -4.0], numpy.float32))
    y = F.fmod(x, d)
    y.grad = numpy.ones(3, numpy.float32)
    y.backward()
    numpy.testing.assert_array_equal(
        d.grad, -_fix_reference(x.array / d.array))


@pytest.mark.filterwarnings('error')
def test_maxout_callable_initializers_see_3d_shape():
    # links_tests/activation_tests/test_maxout.py: callable initialW
    seen = []

    def init_w(array):
        seen.append(array.shape)
        array[...] = numpy.arange(array.size).reshape(array.shape)

    def init_b(array):
        seen.append(array.shape)
        array[...] = -numpy.arange(array.size).reshape(array.shape)

    link = L.Maxout(4, 3, 2, initialW=init_w, initial_bias=init_b)
    assert seen == [(3, 2, 4), (3, 2)]
    numpy.testing.assert_array_equal(
        link.linear.W.array, numpy.arange(24).reshape(6, 4))
    numpy.testing.assert_array_equal(link.linear.b.array, -numpy.arange(6))


@pytest.mark.filterwarnings('error')
def test_maxout_other_initializers_unchanged():
    w = numpy.arange(24, dtype=numpy.float32).reshape(3, 2, 4)
    link = L.Maxout(4, 3, 2, initialW=w, initial_bias=None)
    numpy.testing.assert_array_equal(link.linear.W.array, w.reshape(6, 4))
    assert link.linear.b is None
    link = L.Maxout(4, 3, 2, initialW=chainer.initializers.Constant(2.0))
    numpy.testing.assert_array_equal(link.linear.W.array,
                                     numpy.full((6, 4), 2.0, numpy.float32))


def test_debug_print_device_text():
    v = chainer.Variable(numpy.zeros((2, 3), numpy.float32))
    assert '\n- device: CPU\n' in v.debug_print()
    out = io.StringIO()
    with chainer.function_hooks.PrintHook(file=out):
        F.relu(v)
    assert '- device: CPU' in out.getvalue()
    assert '- device: cpu' not in out.getvalue()


NUMPY2 = numpy.lib.NumpyVersion(numpy.__version__) >= '2.0.0'


@pytest.mark.skipif(not NUMPY2, reason='the NumPy 2.0 patches are not needed '
                    'on NumPy 1.x')
def test_numpy2_patches_recorded():
    for name in ('chainer.distributions.categorical.Categorical.log_prob',
                 'chainer.functions.array.pad_sequence.PadSequence.forward',
                 'chainer.variable.Variable.debug_print'):
        assert runtime.APPLIED[name] == 'CH903'


@pytest.mark.skipif(NUMPY2, reason='NumPy 2 needs these patches')
def test_numpy1_keeps_original_functions():
    assert 'chainer.distributions.categorical.Categorical.log_prob' \
        not in runtime.APPLIED
    assert 'chainer.variable.Variable.debug_print' not in runtime.APPLIED
    assert not hasattr(chainer.Variable.debug_print, '__wrapped__')


def _clip_link():
    rng = numpy.random.RandomState(0)
    link = chainer.Link()
    with link.init_scope():
        link.a = chainer.Parameter(rng.randn(300).astype(numpy.float32))
        link.b = chainer.Parameter(rng.randn(7, 11).astype(numpy.float32))
    link.a.grad = rng.randn(300).astype(numpy.float32)
    link.b.grad = rng.randn(7, 11).astype(numpy.float32)
    return link


@pytest.mark.filterwarnings('error')
def test_gradient_clipping_norm_accumulates_in_float64():
    # NumPy 1.x: 0 + numpy.float32(x) is float64 (the oracle's arithmetic)
    from chainer.optimizer_hooks import gradient_clipping
    link = _clip_link()
    sqnorm, _ = gradient_clipping._sum_sqnorm_grads(list(link.params()))
    expected = 0.0
    for p in link.params():
        g = p.grad.ravel()
        expected += float(g.dot(g))
    assert sqnorm.dtype == numpy.float64
    assert float(sqnorm) == expected


@pytest.mark.filterwarnings('error')
def test_gradient_clipping_scales_in_float32_like_numpy1():
    link = _clip_link()
    grads = {name: p.grad.copy() for name, p in link.namedparams()}
    sq = 0.0
    for g in grads.values():
        sq += float(g.ravel().dot(g.ravel()))
    rate = numpy.float32(1.0 / numpy.sqrt(numpy.float64(sq)))
    # the data discriminates: a float32 accumulation (NEP 50) gives another rate
    sq32 = numpy.float32(0)
    for g in grads.values():
        sq32 = numpy.float32(sq32 + g.ravel().dot(g.ravel()))
    assert numpy.float32(1) / numpy.sqrt(sq32) != rate
    opt = chainer.optimizers.SGD(lr=0)
    opt.setup(link)
    opt.add_hook(chainer.optimizer_hooks.GradientClipping(1.0))
    opt.update()
    for name, p in link.namedparams():
        numpy.testing.assert_array_equal(p.grad, grads[name] * rate)
        assert p.grad.dtype == numpy.float32


def test_reporter_summary_sums_float32_terms_in_float64():
    # NumPy 1.x arithmetic (Chainer 1.24 and 7.8.1 on NumPy 1.26): 1 * float32 scalar -> float64
    from chainer import reporter
    values = [numpy.float32(v) for v in (0.7, 0.6, 0.65, 0.65)]
    summary = reporter.Summary()
    for v in values:
        summary.add(v)
    x = x2 = numpy.float64(0)
    for v in values:
        x = x + numpy.float64(v)
        x2 = x2 + numpy.float64(v) * numpy.float64(v)
    mean = summary.compute_mean()
    assert mean.dtype == numpy.float64 and mean == x / 4
    assert numpy.asarray(summary._x2).dtype == numpy.float64 and summary._x2 == x2
