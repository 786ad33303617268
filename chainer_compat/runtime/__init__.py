"""Chainer 7.8.1 on a current stack: NumPy 2, setuptools >= 81, Python 3.12/3.13.

``apply()`` must run before the first ``import chainer`` (``import
chainer_compat`` does that). It is idempotent and cheap: it sets the NumPy
names Chainer and v1 code need (CH901) and installs an import hook; Chainer's
modules are patched when they are imported:

- CH902: ``chainer._environment_check``, ``chainer.testing.helper`` and
  ``chainer.testing.doctest_helper`` get ``pkg_resources`` / ``numpy.distutils``
  stand-ins through their own ``__import__``; no other module sees them.
- CH903: ``Categorical.log_prob``, ``PadSequence.forward``,
  ``dataset.convert._concat_arrays_with_padding``, ``F.fix``,
  ``L.Maxout.__init__``, ``Variable.debug_print``.
- CH905: one warning when CuPy is installed but unusable or without cuDNN.
- CH908: ``MultiprocessIterator``'s daemon thread; CH909: float16
  ``F.sparse_matmul`` on the CPU.

Each patch is installed only where a probe shows the NumPy / Python / SciPy
behaviour it works around. ``APPLIED`` maps what was done to its code, for
example ``{'numpy.sctypes': 'CH901', 'pkg_resources -> chainer._environment_check':
'CH902', 'chainer.variable.Variable.debug_print': 'CH903'}``; ``revert()``
puts every replaced attribute back.

CH906 (protobuf >= 4 and ``chainer.links.caffe``) is opt-in because it is
process-wide: ``use_python_protobuf()`` or ``CHAINER_COMPAT_PROTOBUF_PYTHON=1``.

Source: catalogue CH901-CH909; runtime.md.
"""
import os
import sys
import warnings

from chainer_compat.runtime import hooks as _hooks
from chainer_compat.runtime import patcher as _patcher

__all__ = ['APPLIED', 'RuntimeLayerWarning', 'apply', 'revert',
           'use_python_protobuf']


class RuntimeLayerWarning(UserWarning):
    """Warnings of the runtime layer (the text starts with the CHnnn code)."""


_PATCHER = _patcher.Patcher()

#: ``{name: code}`` of everything applied in this process, in order.
APPLIED = _PATCHER.applied

_state = {'finder': None, 'importer': None}


def apply():
    """Make stock Chainer 7.8.1 importable and correct on this stack.

    Idempotent: the second and later calls return at once. Call it before
    the first ``import chainer``; when Chainer was imported earlier, the
    run-time patches still reach the loaded modules and a
    ``RuntimeLayerWarning`` says what could not be repaired.

    Returns:
        dict: ``APPLIED``.
    """
    if _state['finder'] is not None:
        return APPLIED
    late = _chainer_state()

    from chainer_compat.runtime import numpy_names
    numpy_names.restore(_PATCHER)

    finder = _hooks.ModuleHooks()
    _state['finder'] = finder
    _install_scoped_imports(finder)
    _install_patches(finder)
    sys.meta_path.insert(0, finder)

    if os.environ.get('CHAINER_COMPAT_PROTOBUF_PYTHON', '0') == '1':
        use_python_protobuf()
    if late:
        warnings.warn(late, RuntimeLayerWarning, stacklevel=2)
    return APPLIED


def revert():
    """Undo ``apply()``: remove the import hook and restore every attribute.

    Modules that already ran with a scoped ``__import__`` keep the stand-ins
    they were given.
    """
    finder = _state['finder']
    if finder is None:
        return
    if finder in sys.meta_path:
        sys.meta_path.remove(finder)
    _state['finder'] = None
    _PATCHER.revert()


def use_python_protobuf():
    """CH906: switch protobuf to its pure-Python implementation (process-wide).

    ``chainer.links.caffe`` and ``chainer.exporters`` ship ``caffe_pb2.py``
    files that protobuf >= 4 rejects (``TypeError: Descriptors cannot be
    created directly``); the pure-Python implementation accepts them. It must
    be chosen before ``google.protobuf`` is first imported.

    Returns:
        bool: True when the setting can still take effect.
    """
    if 'google.protobuf' in sys.modules and \
            os.environ.get('PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION') != 'python':
        warnings.warn(
            'CH906 protobuf-caffe: google.protobuf was already imported; '
            'set PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION=python before it is',
            RuntimeLayerWarning, stacklevel=2)
        return False
    _PATCHER.set_env('PROTOCOL_BUFFERS_PYTHON_IMPLEMENTATION', 'python',
                     'CH906')
    return True


def _chainer_state():
    """None when Chainer was not imported yet, else the warning text.

    Leftovers of a failed ``import chainer`` (``chainer.*`` modules without
    ``chainer``) are removed so that the next import starts afresh.
    """
    if 'chainer' in sys.modules:
        return ('chainer was imported before chainer_compat: the import-time '
                'fixes (CH901 numpy names read at import, CH902 '
                'pkg_resources / numpy.distutils) came too late, and names '
                'bound earlier with "from chainer... import ..." keep the '
                'unpatched functions; the run-time patches were applied to '
                'the loaded modules. Import chainer_compat first.')
    stale = [name for name in sys.modules if name.startswith('chainer.')]
    if not stale:
        return None
    for name in stale:
        del sys.modules[name]
    return ('an earlier "import chainer" failed (it ran before '
            'chainer_compat); its {} partly imported modules were dropped so '
            'that the next import starts afresh. Import chainer_compat '
            'first.'.format(len(stale)))


def _install_scoped_imports(finder):
    from chainer_compat.runtime import scoped_import

    importer = scoped_import.Importer()
    _state['importer'] = importer

    def before(module):
        scoped_import.scope(module, importer)

    def after(module):
        for owner, name in importer.served:
            key = '{} -> {}'.format(name.split('.system_info')[0], owner)
            _PATCHER.note(key, 'CH902')

    for name in scoped_import.MODULES:
        finder.before(name, before)
        finder.after(name, after)


def _install_patches(finder):
    from chainer_compat.runtime import patches

    for patch in patches.ALL:
        for module_name, install in patch.HOOKS.items():
            finder.after(module_name, _guarded(patch, install))


def _guarded(patch, install):
    decided = []

    def hook(module):
        if not decided:
            decided.append(bool(patch.needed()))
        if decided[0]:
            install(module, _PATCHER)
    return hook
