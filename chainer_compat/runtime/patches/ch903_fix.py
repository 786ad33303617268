"""CH903 (d): ``F.fix`` and ``numpy.fix`` deprecated in NumPy 2.5.

Chainer 7.8.1 ``functions/math/fix.py`` computes ``xp.fix(x)``; ``F.fmod``'s
backward calls ``F.fix``. NumPy 2.5 deprecates ``numpy.fix`` ("Use
numpy.trunc instead"). For floating arrays ``numpy.trunc`` gives the same
values bit for bit (rounding toward zero, the sign of zero, NaN and
infinities kept). The patched ``fix`` uses ``numpy.trunc`` for NumPy arrays
and calls the original for everything else (CuPy, ChainerX).

Source: catalogue CH903; runtime.md section 3, item 5.
"""
import functools

import numpy

from chainer_compat.runtime.patches import _probe

CODE = 'CH903'


def needed():
    """True when ``numpy.fix`` warns (NumPy >= 2.5)."""
    return _probe.warns_or_raises(lambda: numpy.fix(numpy.zeros(1)))


def _patched(original):
    @functools.wraps(original)
    def fix(x):
        import chainer
        from chainer import utils

        array = x.array if isinstance(x, chainer.Variable) else x
        if not isinstance(array, numpy.ndarray):
            return original(x)
        return chainer.as_variable(
            utils.force_array(numpy.trunc(array), array.dtype))
    return fix


def _install_module(module, patcher):
    patcher.set(module, 'fix', _patched(module.fix),
                module.__name__ + '.fix', CODE)


def _install_public(module, patcher):
    # chainer.functions.fix was bound from the module before the patch.
    fix = module.fix
    patched = getattr(module.math.fix, 'fix')
    if fix is not patched and getattr(patched, '__wrapped__', None) is fix:
        patcher.set(module, 'fix', patched, module.__name__ + '.fix', CODE)


HOOKS = {
    'chainer.functions.math.fix': _install_module,
    'chainer.functions': _install_public,
}
