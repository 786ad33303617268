"""CH903 (e): ``L.Maxout`` assigns ``ndarray.shape`` (deprecated in NumPy 2.5).

Chainer 7.8.1 ``links/activation/maxout.py`` wraps a callable ``initialW``
(or ``initial_bias``) in a closure that sets ``array.shape`` to
``(out_size, pool_size, in_size)`` (``(out_size, pool_size)``), calls it and
sets the shape back. NumPy 2.5 deprecates assigning ``shape``. The patched
``__init__`` hands such callables to the original as an ``Initializer`` that
calls them on a reshaped view of the same memory instead, so the original's
closure is not made and the parameters get the same values.

Source: catalogue CH903; runtime.md section 3, item 5.
"""
import functools
import inspect

import numpy

from chainer_compat.runtime.patches import _probe

CODE = 'CH903'


def needed():
    """True when assigning ``ndarray.shape`` warns (NumPy >= 2.5)."""
    def assign():
        numpy.zeros(2).shape = (2,)
    return _probe.warns_or_raises(assign)


def _is_plain_callable(value, initializer_cls, array_types):
    return (value is not None and callable(value)
            and not numpy.isscalar(value)
            and not isinstance(value, initializer_cls)
            and not isinstance(value, array_types))


def _reshaped(initializer_cls, fn, shape):
    class ReshapedInitializer(initializer_cls):
        """Calls ``fn`` on the array viewed with shape ``shape``."""

        def __call__(self, array):
            view = array.reshape(shape)
            fn(view)
            # A no-op when ``view`` shares memory with ``array`` (the usual
            # case); copies the values back when reshape had to copy.
            array[...] = view.reshape(array.shape)

    return ReshapedInitializer()


def _patched(original):
    signature = inspect.signature(original)

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        import chainer
        from chainer import initializer

        bound = signature.bind(self, *args, **kwargs)
        bound.apply_defaults()
        a = bound.arguments
        out_size, pool_size, in_size = \
            a['out_size'], a['pool_size'], a['in_size']
        types = (initializer.Initializer, chainer.get_array_types())
        if _is_plain_callable(a['initialW'], *types):
            a['initialW'] = _reshaped(initializer.Initializer, a['initialW'],
                                      (out_size, pool_size, in_size))
        if _is_plain_callable(a['initial_bias'], *types):
            a['initial_bias'] = _reshaped(
                initializer.Initializer, a['initial_bias'],
                (out_size, pool_size))
        return original(*bound.args, **bound.kwargs)
    return __init__


def _install(module, patcher):
    cls = module.Maxout
    patcher.set(cls, '__init__', _patched(cls.__init__),
                module.__name__ + '.Maxout.__init__', CODE)


HOOKS = {'chainer.links.activation.maxout': _install}
