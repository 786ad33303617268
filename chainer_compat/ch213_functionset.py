"""CH213 functionset: ``chainer.FunctionSet`` and ``collect_parameters``.

Chainer 1.24 kept ``chainer.FunctionSet(**links)`` (module
``chainer.function_set``, deprecated since 1.5): a ``Chain`` that also
registers any link assigned as an attribute later (no scope needed; a new
link under an existing child's name replaces it in place), with
``collect_parameters()`` (returns the set itself, for
``optimizer.setup(model.collect_parameters())``), the ``parameters`` /
``gradients`` properties (tuples of arrays in ``params()`` order, settable;
a wrong length raises ``AssertionError``), ``copy_parameters_from(arrays)``
and ``model['name']``. Chainer 2+ removed them (``AttributeError: module
'chainer' has no attribute 'FunctionSet'``; catalogue CH213).

The shim re-adds ``chainer.FunctionSet`` and the module
``chainer.function_set`` (process-wide, R6). ``parameters``, ``gradients``
and ``copy_parameters_from`` use Chainer 1.24's registration order of
CH211 (own parameters by registration, then children in registration order,
depth first), whatever ``set_param_order`` says. Constructing one and
calling ``collect_parameters`` warn CH213.
"""
import sys
import types

import chainer
from chainer import backend
from chainer import link as _link

from chainer_compat import _warn
from chainer_compat import ch211_order

#: Codes this module restores (and warns with).
CODES = ("CH213",)

MODULE = "chainer.function_set"


class FunctionSet(_link.Chain):
    """Chainer 1.24's ``FunctionSet``: a ``Chain`` that registers links on assignment.

    Args:
        **links: child links, registered in keyword order.
    """

    def __init__(self, **links):
        _warn.warn("CH213", "chainer.FunctionSet(...)")
        super(FunctionSet, self).__init__(**links)

    def __setattr__(self, name, value):
        if not isinstance(value, _link.Link) or isinstance(
                getattr(type(self), name, None), property):
            return super(FunctionSet, self).__setattr__(name, value)
        if value.name is not None:
            raise ValueError("given link is already registered to another chain by name %s"
                             % value.name)
        d = self.__dict__
        if name in d:   # v1: replace in place (the child keeps its position)
            old = d.pop(name)
            if isinstance(old, _link.Link):
                old.name = None
        with self.init_scope():
            super(FunctionSet, self).__setattr__(name, value)

    def collect_parameters(self):
        """Return ``self`` (1.24: ``optimizer.setup(model.collect_parameters())``)."""
        _warn.warn("CH213", "FunctionSet.collect_parameters()")
        return self

    def __getitem__(self, name):
        """``getattr(self, name)``; ``AttributeError`` when missing."""
        return getattr(self, name)

    def copy_parameters_from(self, params):
        """Copy the arrays ``params`` (v1 order of ``parameters``) into the parameters in place."""
        for dst, src in zip(self.parameters, params):
            backend.copyto(dst, src)

    @property
    def parameters(self):
        """Tuple of the parameter arrays, in Chainer 1.24's ``params()`` order."""
        return tuple(param.array for param in ch211_order.v1_params(self))

    @parameters.setter
    def parameters(self, arrays):
        params = ch211_order.v1_params(self)
        assert len(arrays) == len(params)
        for dst, src in zip(params, arrays):
            dst.array = src

    @property
    def gradients(self):
        """Tuple of the gradient arrays, in the order of ``parameters``."""
        return tuple(param.grad for param in ch211_order.v1_params(self))

    @gradients.setter
    def gradients(self, grads):
        params = ch211_order.v1_params(self)
        assert len(grads) == len(params)
        for dst, src in zip(params, grads):
            dst.grad = src


FunctionSet.__module__ = MODULE


def _module():
    module = types.ModuleType(MODULE, "Chainer 1.24's chainer.function_set (chainer_compat CH213).")
    module.FunctionSet = FunctionSet
    return module


def install(patcher):
    """Add ``chainer.FunctionSet`` and ``chainer.function_set`` with ``patcher``."""
    module = _module()
    patcher.set_item(sys.modules, MODULE, module)
    patcher.set(chainer, "function_set", module)
    patcher.set(chainer, "FunctionSet", FunctionSet)
