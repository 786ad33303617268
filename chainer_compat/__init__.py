"""Run Chainer 1.24 code on Chainer 7.8.1: ``import chainer_compat``.

Import it first, before anything imports names from Chainer::

    import chainer_compat  # noqa: F401  (first line of the v1 program)
    import chainer
    import chainer.functions as F

Rules restored (codes of the project catalogue; messages and fixes come from
``chainer_rules``):

- CH101 train-argument (``ch101_train``): ``train=`` of ``F.dropout``,
  ``F.zoneout``, ``F.n_step_*`` and the ``L.NStep*`` links runs the call under
  ``chainer.using_config('train', bool(train))``; the v1 ``use_cudnn`` slot
  of ``F.n_step_*`` is popped (CH105).
- CH102 test-argument (``ch102_test``): ``test=`` of ``L.BatchNormalization``
  runs under ``using_config('train', not test)``.
- CH104 volatile (``ch104_volatile``, ``ch104_flag``): ``Variable(data,
  volatile)``, ``Variable.volatile``, ``chainer.Flag/ON/OFF/AUTO``,
  ``chainer.flag``; ``ON`` inputs build no graph.
- CH105 use-cudnn-argument (``ch105_cudnn``): ``use_cudnn=`` of ``F.relu``,
  ``F.max_pooling_2d``, ``F.convolution_2d`` & co. runs the call under
  ``using_config('use_cudnn', 'never')`` when false; the convolution,
  ``BatchNormalization`` and ``NStep*`` link constructors remember a false
  value and run ``forward`` that way.
- CH208 batchnorm-statistics (``ch208_bn_stats``): a ``BatchNormalization``
  constructed by v1 code starts ``avg_var`` at 0 and adds v1's eps term to
  the running variance after each training call (CPU, or GPU where v1 would
  not have used cuDNN).
- CH211 param-iteration-order (``ch211_order``): opt-in registration order of
  ``params()`` & co. with ``set_param_order('v1')`` / ``param_order('v1')``.

Which code is v1 code (catalogue R6): argument translations (``train=``,
``volatile=``, ...) apply to every call, since only v1 code passes those
arguments. Restored *defaults* (CH208) apply only where the calling frame's
module is v1 code: not a module of the ``chainer`` package, not inside a
package declared with ``set_v7_packages(['chainercv'])`` or the environment
variable ``CHAINER_COMPAT_V7_PACKAGES=chainercv,mypkg`` (comma-separated,
read at install), and without the module-level global
``__chainer_compat__ = 'v2'`` (put it in new or migrated modules of a v1
project). Links remember the decision made at construction.

Every v1 use warns once per call site with ``ChainerV1Warning`` (a
``DeprecationWarning`` shown by default); ``CHAINER_COMPAT_WARNINGS`` =
``once`` | ``always`` | ``error`` | ``ignore`` or ``set_warnings(mode)``.

Import order: functions are patched by rebinding module attributes
(``chainer.functions.dropout`` and ``chainer.functions.noise.dropout.dropout``).
A module that ran ``from chainer.functions import dropout`` before
``import chainer_compat`` keeps the stock function, which rejects ``train=``;
``install()`` reports such names with ``ImportOrderWarning``. Classes
(``Variable``, ``BatchNormalization``, ``Link``) are patched in place and are
not affected.

``uninstall()`` restores stock Chainer exactly (the very same objects);
``install()`` applies the shim again. Both are idempotent.
"""
from chainer_compat import runtime as _runtime

_runtime.apply()

import importlib as _importlib  # noqa: E402
import pkgutil as _pkgutil  # noqa: E402
import re as _re  # noqa: E402
import warnings  # noqa: E402

import chainer  # noqa: E402,F401
import chainer.functions  # noqa: E402,F401
import chainer.links  # noqa: E402,F401

from chainer_compat import _patch, _warn  # noqa: E402
from chainer_compat import _caller  # noqa: E402
from chainer_compat._caller import get_v7_packages, set_v7_packages  # noqa: E402,F401
from chainer_compat._warn import ChainerV1Warning, ImportOrderWarning, set_warnings  # noqa: E402,F401
from chainer_compat.ch211_order import param_order, set_param_order  # noqa: E402,F401

__all__ = ["install", "uninstall", "installed", "ChainerV1Warning", "ImportOrderWarning",
           "set_warnings", "set_param_order", "param_order", "set_v7_packages",
           "get_v7_packages", "RULE_MODULES", "CODES"]



def _discover():
    """Every ``chainer_compat.chNNN_*`` module with ``install(patcher)``, in install
    order: by ``ORDER`` (a number; default the module's code number, ``ch208`` -> 208)."""
    found = []
    for info in _pkgutil.iter_modules(__path__):
        if not _re.fullmatch(r"ch\d{3}_\w+", info.name):
            continue
        module = _importlib.import_module(__name__ + "." + info.name)
        if hasattr(module, "install"):
            found.append((getattr(module, "ORDER", int(info.name[2:5])), info.name, module))
    return tuple(module for _, _, module in sorted(found))


#: The rule modules, in install order; each has ``CODES`` and ``install(patcher)``.
#: A module joins by being a ``chNNN_*.py`` file here (see ``_discover``).
RULE_MODULES = _discover()

#: Every code the shim restores or warns with.
CODES = tuple(sorted({code for module in RULE_MODULES for code in module.CODES}))

_patcher = None


def _reset():
    for module in RULE_MODULES:
        if hasattr(module, "reset"):
            module.reset()


def installed():
    """``True`` while the shim is installed."""
    return _patcher is not None


def install():
    """Patch Chainer (idempotent). Reads ``CHAINER_COMPAT_WARNINGS`` and
    ``CHAINER_COMPAT_V7_PACKAGES``.

    Warns ``ImportOrderWarning`` for each name outside Chainer that was bound
    to a stock function before the shim was installed. Returns ``True`` if it
    installed now, ``False`` if already installed.
    """
    global _patcher
    if _patcher is not None:
        return False
    _warn.read_environment()
    _caller.read_environment()
    patcher = _patch.Patcher()
    try:
        for module in RULE_MODULES:
            module.install(patcher)
    except BaseException:
        patcher.restore()
        _reset()
        raise
    _patcher = patcher
    _warn.enable_filter()
    for module_name, name, qualname in patcher.stale_bindings():
        warnings.warn(
            "%s.%s was bound to %s before `import chainer_compat` and keeps the stock "
            "function (v1 arguments fail there); import chainer_compat first"
            % (module_name, name, qualname), ImportOrderWarning, stacklevel=2)
    return True


def uninstall():
    """Restore stock Chainer exactly (idempotent). Returns ``True`` if it uninstalled now."""
    global _patcher
    if _patcher is None:
        return False
    patcher, _patcher = _patcher, None
    patcher.restore()
    _reset()
    _warn.disable_filter()
    return True


install()
