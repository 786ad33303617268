"""CH406 custom-gradient-method: v1-style optimizer classes are reported (D).

Catalogue CH406: a class deriving from ``chainer.optimizer.GradientMethod``
(or ``chainer.Optimizer``, or a built-in optimizer) that defines any of the v1
methods ``update_one``, ``update_one_cpu``, ``update_one_gpu``, ``init_state``,
``init_state_cpu``, ``init_state_gpu`` and no ``create_update_rule`` is
reported with the list of those methods. Deriving from a built-in optimizer is
``silent:`` (7.8.1 ignores the override and runs the built-in rule).
"""
CODE = "CH406"

V1_METHODS = ("update_one", "update_one_cpu", "update_one_gpu",
              "init_state", "init_state_cpu", "init_state_gpu")
BASES = {"chainer.GradientMethod", "chainer.optimizer.GradientMethod",
         "chainer.Optimizer", "chainer.optimizer.Optimizer"}


def _base_kind(ctx, cls, seen=()):
    """``'base'`` (GradientMethod/Optimizer), ``'builtin'`` (chainer.optimizers.X) or None."""
    for base in cls.bases:
        found = ctx.qnames(base.value)
        if found & BASES:
            return "base"
        if any(q.startswith("chainer.optimizers.") for q in found):
            return "builtin"
        for other in ctx.classes:
            if other is not cls and other not in seen and other.name.value in found:
                kind = _base_kind(ctx, other, seen + (cls,))
                if kind is not None:
                    return kind
    return None


def plan(ctx):
    for cls in ctx.classes:
        if ctx.method(cls, "create_update_rule") is not None:
            continue
        defined = [name for name in V1_METHODS if ctx.method(cls, name) is not None]
        if not defined:
            continue
        kind = _base_kind(ctx, cls)
        if kind is None:
            continue
        what = ", ".join(defined)
        if kind == "builtin":
            message = ("class `%s` overrides %s of a built-in optimizer: 7.8.1 ignores them and "
                       "runs the built-in UpdateRule; subclass its UpdateRule and override "
                       "`create_update_rule`" % (cls.name.value, what))
        else:
            message = ("class `%s` implements the v1 optimizer API (%s): move it into an "
                       "`UpdateRule` subclass (`init_state(self, param)`, `update_core_cpu(self, "
                       "param)`) returned by `create_update_rule()`" % (cls.name.value, what))
        ctx.review(cls.name, CODE, message, silent=(kind == "builtin"))

