"""CH408 optimizer-hooks-module: v1 direct calls ``hook(optimizer)`` of the built-in hooks.

In Chainer 1.24 ``chainer.optimizer.WeightDecay(rate)``, ``Lasso(rate)``,
``GradientHardClipping(lower, upper)`` and ``GradientNoise(eta, noise_func)``
were optimizer-wide callables ``hook(opt)`` looping over
``opt.target.params()``. Since v2 they are per-parameter hooks
``hook(rule, param)`` (v4 moved them to ``chainer.optimizer_hooks``; the old
names still work and warn), so ``hook(opt)`` raises ``TypeError`` (missing
``param``). ``opt.add_hook(hook)`` gives the same results in both versions and
is left alone.

The shim gives the four classes a ``__call__`` that also accepts a single
optimizer argument and then does what 1.24 did, visiting the parameters in
1.24's registration order (CH211's record; it decides the order of
``GradientNoise``'s random draws):

- ``WeightDecay``: ``grad += rate * data``;
- ``Lasso``: ``grad += rate * xp.sign(data)``;
- ``GradientHardClipping``: ``xp.clip(grad, lower_bound, upper_bound, out=grad)``;
- ``GradientNoise``: ``grad += noise_func(xp, grad.shape, grad.dtype, hook, opt)``.

A call ``hook(rule, param)`` reaches the stock method unchanged. Warns CH408
once per call site. (``GradientClipping`` was and is optimizer-wide.)
"""
import functools

import chainer
from chainer import backend
from chainer import optimizer_hooks

from chainer_compat import _warn
from chainer_compat.ch401_optimizer_methods import v1_params

#: Codes this module restores (and warns with).
CODES = ("CH408",)


def _weight_decay(hook, param, opt):
    g = param.grad
    g += hook.rate * param.data


def _lasso(hook, param, opt):
    p, g = param.data, param.grad
    g += hook.rate * backend.get_array_module(p).sign(p)


def _hard_clipping(hook, param, opt):
    g = param.grad
    backend.get_array_module(g).clip(g, hook.lower_bound, hook.upper_bound, out=g)


def _noise(hook, param, opt):
    g = param.grad
    xp = backend.get_array_module(g)
    g += hook.noise_func(xp, g.shape, g.dtype, hook, opt)


#: class name in ``chainer.optimizer_hooks`` -> the v1 per-parameter step.
V1_STEPS = {
    "WeightDecay": _weight_decay,
    "Lasso": _lasso,
    "GradientHardClipping": _hard_clipping,
    "GradientNoise": _noise,
}


def wrap_call(original, name):
    """``__call__`` of hook class ``name`` that also accepts ``hook(optimizer)`` (v1)."""
    step = V1_STEPS[name]

    @functools.wraps(original)
    def __call__(self, *args, **kwargs):
        if len(args) != 1 or kwargs or not isinstance(args[0], chainer.Optimizer):
            return original(self, *args, **kwargs)
        opt = args[0]
        _warn.warn("CH408", "%s(...)(optimizer)" % name)
        for param in v1_params(opt.target):
            with chainer.using_device(backend.get_device_from_array(param.data)):
                step(self, param, opt)
    return __call__


def install(patcher):
    """Wrap ``__call__`` of the four per-parameter hooks with ``patcher``."""
    for name in V1_STEPS:
        cls = getattr(optimizer_hooks, name)
        patcher.set(cls, "__call__", wrap_call(cls.__dict__["__call__"], name))

