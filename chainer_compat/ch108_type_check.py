"""CH108 type-check-enable: ``chainer.Function.type_check_enable`` of Chainer 1.24.

Chainer 1.24 read the class attribute ``Function.type_check_enable``
(initially true unless ``CHAINER_TYPE_CHECK=0``) at every call; assigning
``False`` on ``chainer.Function`` (or a subclass) turned type checking off.
Chainer 2+ has ``chainer.config.type_check``; reading the attribute raises
``AttributeError`` and assigning it does nothing. The shim sets
``chainer.Function.type_check_enable`` to ``chainer.config.type_check`` at
install and wraps ``FunctionNode._check_data_type_forward`` (what
``FunctionNode.apply`` calls when ``chainer.config.type_check`` is true; the
catalogue names the ``apply`` wrapper of CH104, which is installed lazily):
when the attribute of the old-style function's class (or of
``chainer.Function`` for new-style nodes) is false, the type check is skipped
and the use warns once per call site with CH108.
"""
import functools

import chainer
from chainer import function_node

from chainer_compat import _warn

#: Codes this module restores (and warns with).
CODES = ("CH108",)


def _enabled(node):
    function = getattr(node, "_function", None)   # FunctionAdapter of an old-style Function
    owner = type(function) if function is not None else chainer.Function
    return getattr(owner, "type_check_enable", True)


def wrap_check(original):
    """Wrap ``FunctionNode._check_data_type_forward`` to honour a false ``type_check_enable``."""

    @functools.wraps(original)
    def _check_data_type_forward(self, in_data):
        if _enabled(self):
            return original(self, in_data)
        _warn.warn("CH108", "chainer.Function.type_check_enable = False")

    return _check_data_type_forward


def install(patcher):
    """Re-add ``Function.type_check_enable`` and wrap the type check with ``patcher``."""
    patcher.set(chainer.Function, "type_check_enable", bool(chainer.config.type_check))
    cls = function_node.FunctionNode
    patcher.set(cls, "_check_data_type_forward",
                wrap_check(cls.__dict__["_check_data_type_forward"]))
