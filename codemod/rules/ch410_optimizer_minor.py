"""CH410 optimizer-minor: ``except ZeroDivisionError`` around ``Adam.lr`` is reported (D).

Catalogue CH410: before the first update ``Adam.lr`` raised
``ZeroDivisionError`` in 1.24 and raises ``RuntimeError`` in 7.8.1, so a
``try`` whose body reads an ``.lr`` attribute and whose handler catches
``ZeroDivisionError`` (alone or in a tuple) no longer catches it. Nothing else
of CH410 needs a change (``setup()`` now returns the optimizer; v1 code
ignores the result).
"""
import libcst as cst

from codemod.values import code

CODE = "CH410"


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
