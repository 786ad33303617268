"""CH903 (f): ``Variable.debug_print`` shows ``device: cpu`` on NumPy 2.

Chainer 7.8.1 ``variable.py`` prints ``getattr(array, 'device', 'CPU')``.
NumPy >= 2.0 arrays have a ``device`` attribute (the string ``'cpu'``), so
``Variable.debug_print()`` and the ``PrintHook`` function hook print
``- device: cpu`` where NumPy 1.x gave ``- device: CPU``. The patched method
restores the 1.x line for NumPy arrays. Cosmetic, but text that tests and
logs compare.

Source: catalogue CH903 (f); runtime.md section 3, item 3.
"""
import functools

import numpy

CODE = 'CH903'


def needed():
    """True when NumPy arrays have a ``device`` attribute (NumPy >= 2.0)."""
    return hasattr(numpy.zeros(0), 'device')


def _patched(original):
    @functools.wraps(original)
    def debug_print(self, *args, **kwargs):
        text = original(self, *args, **kwargs)
        if isinstance(self.array, numpy.ndarray):
            text = text.replace('\n- device: cpu\n', '\n- device: CPU\n', 1)
        return text
    return debug_print


def _install(module, patcher):
    cls = module.Variable
    patcher.set(cls, 'debug_print', _patched(cls.debug_print),
                module.__name__ + '.Variable.debug_print', CODE)


HOOKS = {'chainer.variable': _install}
