"""CH902 import-time-stubs: ``pkg_resources`` and ``numpy.distutils`` for Chainer only.

``import chainer`` fails on setuptools >= 81 (``No module named
'pkg_resources'``) and on Python >= 3.12 (``No module named
'numpy.distutils'``), both in ``chainer/_environment_check.py``;
``chainer.testing`` imports ``pkg_resources`` as well.

Instead of a stand-in in ``sys.modules`` (which every library in the process
would see), each of the three Chainer modules below gets its own
``__import__`` (through its ``__builtins__``) while its code runs:

- ``pkg_resources``: the real module when it can be imported, else the
  stand-in of ``pkg_resources_standin``; neither is added to ``sys.modules``
  by us.
- ``numpy.distutils...``: Chainer calls ``system_info.get_info`` only on
  macOS. Elsewhere the module gets the stand-in (``get_info`` returns ``{}``)
  and the real ``numpy.distutils``, which is deprecated, warns, and changes
  ``distutils`` for the whole process, is not imported. On macOS the real one
  is used when it imports.

Source: catalogue CH902; runtime.md sections 1 and 2.
"""
import builtins
import sys
import types

import numpy

from chainer_compat.runtime import pkg_resources_standin

#: Chainer modules that import ``pkg_resources`` or ``numpy.distutils``.
MODULES = (
    'chainer._environment_check',
    'chainer.testing.helper',
    'chainer.testing.doctest_helper',
)


def _get_info(name, notfound_action=0):
    """``numpy.distutils.system_info.get_info`` stand-in: always ``{}``."""
    return {}


def _distutils():
    system_info = types.ModuleType('numpy.distutils.system_info')
    system_info.get_info = _get_info
    distutils = types.ModuleType('numpy.distutils')
    distutils.__path__ = []
    distutils.system_info = system_info
    return distutils


class _NumpyView(types.ModuleType):
    """``numpy`` as seen by ``import numpy.distutils.system_info``: the real
    module's attributes plus the ``distutils`` stand-in."""

    def __init__(self, distutils):
        super().__init__('numpy')
        self.distutils = distutils

    def __getattr__(self, name):
        return getattr(numpy, name)


class Importer(object):
    """An ``__import__`` that serves the two stand-ins and records their use.

    Attributes:
        served: ``(importing module, name)`` pairs that got a stand-in.
    """

    def __init__(self, real_import=None):
        self._real = real_import or builtins.__import__
        self.served = []

    def __call__(self, name, globals=None, locals=None, fromlist=(), level=0):
        if level == 0 and name == 'pkg_resources':
            try:
                return self._real(name, globals, locals, fromlist, level)
            except ImportError:
                self._record(globals, name)
                return pkg_resources_standin.module()
        if level == 0 and (name == 'numpy.distutils'
                           or name.startswith('numpy.distutils.')):
            if sys.platform == 'darwin':
                try:
                    return self._real(name, globals, locals, fromlist, level)
                except Exception:
                    pass
            self._record(globals, name)
            distutils = _distutils()
            if fromlist:
                mod = distutils
                for part in name.split('.')[2:]:
                    mod = getattr(mod, part)
                return mod
            return _NumpyView(distutils)
        return self._real(name, globals, locals, fromlist, level)

    def _record(self, globals, name):
        owner = (globals or {}).get('__name__', '?')
        self.served.append((owner, name))


def scope(module, importer):
    """Give ``module`` (not yet executed) a ``__builtins__`` with ``importer``."""
    scoped = dict(builtins.__dict__)
    scoped['__import__'] = importer
    module.__dict__['__builtins__'] = scoped
