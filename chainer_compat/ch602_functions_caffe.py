"""CH602 functions-caffe-alias: the module ``chainer.functions.caffe``.

Chainer 1.24 kept ``chainer.functions.caffe`` (a package whose ``CaffeFunction``
is ``chainer.links.caffe.CaffeFunction`` and whose ``caffe_function`` is the
module ``chainer.links.caffe.caffe_function``) for backward compatibility;
Chainer 2 removed it (``ModuleNotFoundError``; catalogue CH602, appendix A2/A5).

The shim registers a module ``chainer.functions.caffe`` in ``sys.modules`` and
as ``chainer.functions.caffe``. Its two names are looked up lazily (module
``__getattr__``): ``chainer.links.caffe`` imports protobuf, which must not
happen at ``import chainer_compat`` (CH906 chooses protobuf's implementation
before that; with protobuf >= 4 call
``chainer_compat.runtime.use_python_protobuf()`` first). Each use warns once
per call site with CH602.
"""
import importlib
import sys
import types

import chainer.functions

from chainer_compat import _warn

#: Codes this module restores (and warns with).
CODES = ("CH602",)

NAME = "chainer.functions.caffe"

#: name in ``chainer.functions.caffe`` -> (module, attribute or None for the module itself).
NAMES = {
    "CaffeFunction": ("chainer.links.caffe.caffe_function", "CaffeFunction"),
    "caffe_function": ("chainer.links.caffe.caffe_function", None),
}


def _getattr(name):
    found = NAMES.get(name)
    if found is None:
        raise AttributeError("module %r has no attribute %r" % (NAME, name))
    module = importlib.import_module(found[0])
    if not sys._getframe(1).f_globals.get("__name__", "").startswith("importlib"):
        _warn.warn("CH602", "%s.%s" % (NAME, name))
    return module if found[1] is None else getattr(module, found[1])


def make_module():
    """A fresh module ``chainer.functions.caffe`` whose names are resolved on first use."""
    module = types.ModuleType(NAME, "Chainer 1.24 alias of chainer.links.caffe, "
                                    "restored by chainer_compat (CH602).")
    module.__getattr__ = _getattr
    module.__all__ = sorted(NAMES)
    return module


def install(patcher):
    """Register ``chainer.functions.caffe`` (``sys.modules`` and the package attribute)."""
    module = make_module()
    patcher.set_item(sys.modules, NAME, module)
    patcher.set(chainer.functions, "caffe", module)
