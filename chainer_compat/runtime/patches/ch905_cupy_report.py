"""CH905 cupy-13-14: say once when CuPy is installed but Chainer cannot use all of it.

Nothing restores cuDNN on CuPy 14 (it was removed) and Chainer 7.8.1
silently falls back to non-cuDNN code, or silently disables the GPU when any
CuPy import in ``chainer/backends/cuda.py`` fails. After that module is
imported this hook warns (``RuntimeLayerWarning``, code CH905) when CuPy can
be found but ``cuda.available`` is false, or when CuPy is available but
``cuda.cudnn_enabled`` is false. ``CHAINER_COMPAT_QUIET_CUPY=1`` silences it.

Source: catalogue CH905; runtime.md section 5.
"""
import importlib.util
import os
import warnings

CODE = 'CH905'


def needed():
    """True unless ``CHAINER_COMPAT_QUIET_CUPY=1``."""
    return os.environ.get('CHAINER_COMPAT_QUIET_CUPY', '0') != '1'


def message(available, cudnn_enabled, cupy_found, version):
    """The CH905 text for this state, or None when there is nothing to say."""
    if not cupy_found:
        return None
    if not available:
        return ('CH905 cupy-13-14: CuPy {} is installed but Chainer cannot '
                'use it (chainer.backends.cuda.available is False: one of '
                'its CuPy imports failed); Chainer runs on the CPU only.'
                .format(version))
    if not cudnn_enabled:
        return ('CH905 cupy-13-14: Chainer runs on CuPy {} without cuDNN '
                '(CuPy 14 removed it; CuPy 13 needs cuDNN 8): convolutions, '
                'batch normalisation and RNNs use the slower non-cuDNN code, '
                "and use_cudnn='always' has no effect.".format(version))
    return None


def _install(module, patcher):
    from chainer_compat.runtime import RuntimeLayerWarning

    try:
        found = importlib.util.find_spec('cupy') is not None
    except (ImportError, ValueError):
        found = False
    cupy = getattr(module, 'cupy', None)
    version = getattr(cupy, '__version__', '?')
    text = message(bool(getattr(module, 'available', False)),
                   bool(getattr(module, 'cudnn_enabled', False)),
                   found, version)
    if text is not None:
        warnings.warn(text, RuntimeLayerWarning, stacklevel=2)
        patcher.note('report CH905', CODE)


HOOKS = {'chainer.backends.cuda': _install}
