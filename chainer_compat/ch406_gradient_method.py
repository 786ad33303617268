"""CH406 custom-gradient-method: v1 ``GradientMethod`` subclasses (``update_one*``, ``init_state*``).

Chainer 1.24 let an optimizer implement ``init_state(param, state)`` (or
``init_state_cpu`` / ``init_state_gpu``) and ``update_one(param, state)`` (or
``update_one_cpu`` / ``update_one_gpu``); the optimizer kept one ``state`` dict
per parameter and ``update()`` incremented ``self.t`` before calling
``update_one`` for every parameter. Chainer 2+ asks for
``create_update_rule()`` returning an ``UpdateRule``; a v1 subclass of
``GradientMethod`` fails with ``NotImplementedError``, and a subclass of a
built-in optimizer that overrides ``update_one_cpu`` is silently ignored.
What the shim does (catalogue CH406, "shim"):

- re-adds 1.24's dispatching defaults on ``Optimizer`` (``init_state``,
  ``init_state_cpu``, ``init_state_gpu``, ``prepare``: no-ops or CPU/GPU
  dispatch) and ``GradientMethod`` (``update_one`` dispatching to
  ``update_one_cpu`` / ``update_one_gpu``, which raise ``NotImplementedError``);
- a class deriving from ``GradientMethod`` that defines any of ``V1_METHODS``
  and no ``create_update_rule`` of its own gets one (``__init_subclass__``)
  that returns a ``V1UpdateRule``; ``GradientMethod.create_update_rule`` itself
  does the same when the instance carries such methods (assigned to the
  instance) or its class was defined before the shim was installed;
- ``V1UpdateRule.init_state(param)`` calls the optimizer's
  ``init_state(param, self.state)``; ``update_core(param)`` calls the
  optimizer's ``update_one(param, self.state)``. Attributes (``self.lr``,
  ``self.t``) are read on the optimizer; 7.8.1's ``update()`` increments
  ``optimizer.t`` before the rules run, as 1.24 did.
- ``GradientMethod._use_fp32_update = False`` as a class default, because v1
  optimizers often skip ``super().__init__()`` (1.24's had no ``__init__``).

Approximation: each rule holds its state, so snapshots use 7.8.1's layout
(CH407). Warns CH406 once per class, at the site that calls ``setup``.
"""
import functools

import numpy

import chainer
from chainer import optimizer as _optimizer

from chainer_compat import _warn

#: Codes this module restores (and warns with).
CODES = ("CH406",)

#: The v1 optimizer-implementer methods (catalogue CH406, appendix A6).
V1_METHODS = ("update_one", "update_one_cpu", "update_one_gpu",
              "init_state", "init_state_cpu", "init_state_gpu")

#: Class attribute marking a ``create_update_rule`` installed by the shim.
ADAPTER = "_chainer_compat_v1_adapter"


def _is_cpu(param):
    return isinstance(param.data, numpy.ndarray)


# -- the 1.24 defaults, re-added ----------------------------------------------

def init_state(self, param, state):
    """Chainer 1.24 ``Optimizer.init_state``: ``init_state_cpu`` or ``init_state_gpu``."""
    if _is_cpu(param):
        self.init_state_cpu(param, state)
    else:
        self.init_state_gpu(param, state)


def init_state_cpu(self, param, state):
    """Chainer 1.24 default: no state."""


def init_state_gpu(self, param, state):
    """Chainer 1.24 default: no state."""


def prepare(self):
    """Chainer 1.24 ``Optimizer.prepare``; states live in the update rules on 7.8.1 (no-op)."""


def update_one(self, param, state):
    """Chainer 1.24 ``GradientMethod.update_one``: ``update_one_cpu`` or ``update_one_gpu``."""
    if _is_cpu(param):
        self.update_one_cpu(param, state)
    else:
        self.update_one_gpu(param, state)


def update_one_cpu(self, param, state):
    raise NotImplementedError


def update_one_gpu(self, param, state):
    raise NotImplementedError


DEFAULTS = {  # (owner, name, function)
    "Optimizer": (("init_state", init_state), ("init_state_cpu", init_state_cpu),
                  ("init_state_gpu", init_state_gpu), ("prepare", prepare)),
    "GradientMethod": (("update_one", update_one), ("update_one_cpu", update_one_cpu),
                       ("update_one_gpu", update_one_gpu)),
}
_DEFAULT_FUNCTIONS = {f for pairs in DEFAULTS.values() for _, f in pairs}


# -- the adapter --------------------------------------------------------------

class V1UpdateRule(chainer.UpdateRule):
    """An ``UpdateRule`` that runs a v1 optimizer's ``init_state`` / ``update_one``.

    Args:
        optimizer: the v1-style ``GradientMethod``; its ``hyperparam`` (when it
            has one) is the parent of this rule's hyperparameters.
    """

    def __init__(self, optimizer):
        super(V1UpdateRule, self).__init__(getattr(optimizer, "hyperparam", None))
        self.optimizer = optimizer

    def init_state(self, param):
        self.optimizer.init_state(param, self.state)

    def update_core(self, param):
        with chainer.using_device(param.device):
            self.optimizer.update_one(param, self.state)


def _overrides(obj):
    """True when ``obj`` (an optimizer) carries v1 methods other than the shim's defaults
    below the class that defines its ``create_update_rule``."""
    d = vars(obj)
    if "create_update_rule" in d:
        return False
    if any(name in d for name in V1_METHODS):
        return True
    for cls in type(obj).__mro__:
        own = vars(cls)
        if "create_update_rule" in own and not getattr(own["create_update_rule"], ADAPTER, False):
            return False
        for name in V1_METHODS:
            if name in own and own[name] not in _DEFAULT_FUNCTIONS:
                return True
    return False


def _adapter(self):
    _warn.warn("CH406", "%s with v1 update_one/init_state methods" % type(self).__name__)
    return V1UpdateRule(self)


def _mark(function):
    setattr(function, ADAPTER, True)
    return function


@_mark
def create_update_rule(self):
    """Installed on v1-style subclasses: a ``V1UpdateRule`` for this optimizer."""
    return _adapter(self)


def wrap_base_create_update_rule(original):
    """``GradientMethod.create_update_rule``: the adapter for v1-style instances."""
    @_mark
    @functools.wraps(original)
    def wrapper(self):
        if _overrides(self):
            return _adapter(self)
        return original(self)
    return wrapper


def __init_subclass__(cls, **kwargs):
    """Give a v1-style subclass (``V1_METHODS`` defined, no ``create_update_rule``) the adapter."""
    super(_optimizer.GradientMethod, cls).__init_subclass__(**kwargs)
    own = vars(cls)
    if "create_update_rule" not in own and any(name in own for name in V1_METHODS):
        cls.create_update_rule = create_update_rule


def install(patcher):
    """Re-add the 1.24 defaults and the adapter hooks with ``patcher``."""
    Optimizer, GradientMethod = _optimizer.Optimizer, _optimizer.GradientMethod
    for owner, pairs in ((Optimizer, DEFAULTS["Optimizer"]),
                         (GradientMethod, DEFAULTS["GradientMethod"])):
        for name, function in pairs:
            patcher.set(owner, name, function)
    patcher.set(GradientMethod, "create_update_rule",
                wrap_base_create_update_rule(GradientMethod.__dict__["create_update_rule"]))
    patcher.set(GradientMethod, "__init_subclass__", classmethod(__init_subclass__))
    patcher.set(GradientMethod, "_use_fp32_update", False)
