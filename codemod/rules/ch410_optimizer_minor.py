"""CH410 optimizer-minor: ``except ZeroDivisionError`` around ``Adam.lr`` is reported (D).

Catalogue CH410: before the first update ``Adam.lr`` raised
``ZeroDivisionError`` in 1.24 and raises ``RuntimeError`` in 7.8.1, so a
``try`` whose body reads an ``.lr`` attribute and whose handler catches
``ZeroDivisionError`` (alone or in a tuple) no longer catches it. Nothing else
of CH410 needs a change (``setup()`` now returns the optimizer; v1 code
ignores the result). ``RMSprop`` built without ``eps=`` (or with an ``eps``
literal below float16's smallest subnormal) in a file that uses float16
(``numpy.float16``, ``numpy.half``, ``'float16'``) is reported: 1.24's update
added ``eps`` rounded to 0 on float16 parameters, 7.8.1 raises ``ValueError:
eps of RMSprop optimizer is too small for float16``. ``eps=0`` gives 1.24's
update when every parameter is float16 and changes it for float32 ones; the
codemod cannot see the dtypes (D).
"""
import libcst as cst

from codemod.values import code

CODE = "CH410"

RMSPROP = {"chainer.optimizers.RMSprop", "chainer.optimizers.rmsprop.RMSprop"}
#: below half of float16's smallest subnormal (2 ** -24) a Python float rounds to 0 in float16
_FLOAT16_ZERO = 2.0 ** -25


class _Lr(cst.CSTVisitor):
    def __init__(self):
        self.found = []

    def visit_Attribute(self, node):
        if node.attr.value == "lr":
            self.found.append(node)


def _catches_zero_division(handler):
    if handler.type is None:
        return False
    if isinstance(handler.type, cst.Tuple):
        kinds = [element.value for element in handler.type.elements]
    else:
        kinds = [handler.type]
    return any(code(k) in ("ZeroDivisionError", "builtins.ZeroDivisionError") for k in kinds)


def plan(ctx):
    plan_rmsprop(ctx)
    visit = []

    class _Try(cst.CSTVisitor):
        def visit_Try(self, node):
            visit.append(node)
    ctx.module.visit(_Try())
    for node in visit:
        if not any(_catches_zero_division(h) for h in node.handlers):
            continue
        lr = _Lr()
        node.body.visit(lr)
        for attr in lr.found:
            ctx.review(attr, CODE, "`%s` inside `try: ... except ZeroDivisionError`: Adam.lr "
                       "before the first update raises RuntimeError since v6 (catch it, or "
                       "test `optimizer.t > 0`)" % code(attr))


def _uses_float16(ctx):
    for node in list(ctx.attributes) + list(ctx.names):
        name = node.attr.value if isinstance(node, cst.Attribute) else node.value
        if name in ("float16", "half"):
            return True
    return "'float16'" in ctx.module.code or '"float16"' in ctx.module.code


def _eps_rounds_to_zero(arg):
    if arg is None:
        return True                      # the default, 1e-8
    try:
        return abs(float(code(arg.value))) <= _FLOAT16_ZERO
    except ValueError:
        return False


def plan_rmsprop(ctx):
    """Review items for RMSprop constructions on a float16 file (see the module doc)."""
    if not _uses_float16(ctx):
        return
    for call in ctx.calls:
        if not ctx.qnames(call.func) & RMSPROP:
            continue
        eps = next((a for a in call.args if a.keyword is not None and a.keyword.value == "eps"),
                   None)
        if any(a.keyword is None for a in call.args[3:]) or not _eps_rounds_to_zero(eps):
            continue
        ctx.review(call, CODE, "`%s` on float16 parameters: 1.24 added eps rounded to 0 in "
                   "float16, 7.8.1 raises ValueError (eps too small for float16); `eps=0` gives "
                   "1.24's update only if every parameter is float16 (`import chainer_compat` "
                   "restores it)" % code(call))
