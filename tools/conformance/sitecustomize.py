"""Loaded by tools/conformance/run_v7_suite.py before Chainer's own tests import Chainer.

``CHAINER_COMPAT_CONFORMANCE`` selects what is applied first:
``stock`` nothing; ``runtime`` only the runtime layer (CH901-CH909), loaded
without the v1 shim of ``chainer_compat/__init__.py``; ``full`` ``import
chainer_compat`` (runtime layer and v1 shim).
"""
import os
import sys
import types
import warnings

_mode = os.environ.get("CHAINER_COMPAT_CONFORMANCE", "stock")
_root = os.environ.get("CHAINER_COMPAT_ROOT", "")
if _mode == "runtime":
    _pkg = types.ModuleType("chainer_compat")
    _pkg.__path__ = [os.path.join(_root, "chainer_compat")]
    sys.modules["chainer_compat"] = _pkg
    from chainer_compat import runtime as _runtime
    _runtime.apply()
elif _mode == "full":
    sys.path.insert(0, _root)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import chainer_compat  # noqa: F401
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import chainer  # noqa: F401
