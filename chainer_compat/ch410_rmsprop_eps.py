"""CH410 optimizer-minor: ``RMSprop`` with an ``eps`` that rounds to 0 in the parameter's dtype.

Chainer 1.24's ``RMSprop`` (default ``eps=1e-8``) added ``eps`` as a Python
float to ``sqrt(ms)``; on float16 parameters NumPy rounds it to 0 and the
update ran. Chainer 7.8.1's ``RMSpropRule`` raises ``ValueError: eps of
RMSprop optimizer is too small for float16 (1e-08)``. For an ``RMSprop``
constructed by v1 code (catalogue R6, ``chainer_compat._caller``) the shim
runs 1.24's update in that case::

    ms = alpha * ms + (1 - alpha) * grad * grad
    param -= lr * grad / (sqrt(ms) + eps)        # eps cast to the dtype: 0

(on the CPU exactly 7.8.1's own arithmetic without the check; on the GPU
1.24's elementwise kernel). Other optimizers, ``eps_inside_sqrt=True`` and
optimizers built by v7 code keep 7.8.1's check. Warns CH410 once per call site
of ``update``. The other CH410 items (``setup()`` returning the optimizer,
``Adam.lr`` before the first update) need no shim.
"""
import functools

import numpy

from chainer.optimizers import rmsprop as _rmsprop

from chainer_compat import _caller, _warn

#: Codes this module restores (and warns with).
CODES = ("CH410",)

#: Set on ``RMSprop`` instances built by v1 code and on their update rules.
V1_EPS = "_chainer_compat_v1_eps"


def wrap_init(original):
    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if _caller.v1_caller():
            self.__dict__[V1_EPS] = True
    return __init__


def wrap_create_update_rule(original):
    @functools.wraps(original)
    def create_update_rule(self):
        rule = original(self)
        if self.__dict__.get(V1_EPS, False):
            rule.__dict__[V1_EPS] = True
        return rule
    return create_update_rule


def _v1_case(rule, param):
    if not rule.__dict__.get(V1_EPS, False) or param.grad is None:
        return False
    hp = rule.hyperparam
    return not hp.eps_inside_sqrt and param.grad.dtype.type(hp.eps) == 0


def wrap_update_core_cpu(original):
    @functools.wraps(original)
    def update_core_cpu(self, param):
        if not _v1_case(self, param):
            return original(self, param)
        _warn.warn("CH410", "RMSprop(eps=%r) on %s parameters" % (self.hyperparam.eps,
                                                                   param.grad.dtype.name))
        grad, hp = param.grad, self.hyperparam
        ms = self.state["ms"]
        ms *= hp.alpha
        ms += (1 - hp.alpha) * grad * grad
        param.data -= hp.lr * grad / (numpy.sqrt(ms) + grad.dtype.type(hp.eps))
    return update_core_cpu


def wrap_update_core_gpu(original):
    @functools.wraps(original)
    def update_core_gpu(self, param):
        if not _v1_case(self, param):
            return original(self, param)
        from chainer.backends import cuda
        _warn.warn("CH410", "RMSprop(eps=%r) on %s parameters" % (self.hyperparam.eps,
                                                                   param.grad.dtype.name))
        hp = self.hyperparam
        cuda.elementwise(
            'T grad, T lr, T alpha, T eps', 'T param, T ms',
            '''ms = alpha * ms + (1 - alpha) * grad * grad;
               param -= lr * grad / (sqrt(ms) + eps);''',
            'rmsprop')(param.grad, hp.lr, hp.alpha, hp.eps, param.data, self.state["ms"])
    return update_core_gpu


def install(patcher):
    """Wrap ``RMSprop.__init__``/``create_update_rule`` and ``RMSpropRule.update_core_*``."""
    opt, rule = _rmsprop.RMSprop, _rmsprop.RMSpropRule
    patcher.set(opt, "__init__", wrap_init(opt.__dict__["__init__"]))
    patcher.set(opt, "create_update_rule", wrap_create_update_rule(opt.__dict__["create_update_rule"]))
    patcher.set(rule, "update_core_cpu", wrap_update_core_cpu(rule.__dict__["update_core_cpu"]))
    patcher.set(rule, "update_core_gpu", wrap_update_core_gpu(rule.__dict__["update_core_gpu"]))
