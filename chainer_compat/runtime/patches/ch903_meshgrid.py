"""CH903 (a): ``Categorical.log_prob`` and ``numpy.meshgrid`` returning a tuple.

Chainer 7.8.1 ``distributions/categorical.py`` appends a list to the result
of ``numpy.meshgrid``, a list on NumPy 1.x and a tuple on NumPy >= 2.0
(``TypeError: can only concatenate tuple (not "list") to tuple``). The patched
method builds the same index list.

Source: catalogue CH903; runtime.md section 3, item 1.
"""
import functools

import numpy

CODE = 'CH903'


def needed():
    """True when ``numpy.meshgrid`` returns a tuple (NumPy >= 2.0)."""
    return isinstance(numpy.meshgrid([0], [0]), tuple)


def _patched(original):
    @functools.wraps(original)
    def log_prob(self, x):
        # x: int array or Variable of shape batch_shape; log_p[..., x].
        import chainer
        grids = list(numpy.meshgrid(
            *(range(i) for i in self.batch_shape), indexing='ij'))
        if isinstance(x, chainer.Variable):
            x = x.array
        return self.log_p[grids + [x.astype(numpy.int32)]]
    return log_prob


def _install(module, patcher):
    cls = module.Categorical
    patcher.set(cls, 'log_prob', _patched(cls.log_prob),
                module.__name__ + '.Categorical.log_prob', CODE)


HOOKS = {'chainer.distributions.categorical': _install}
