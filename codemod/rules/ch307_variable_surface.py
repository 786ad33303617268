"""CH307 variable-surface: ``repr`` / ``str`` of a Variable, reported (nothing to rewrite).

Catalogue CH307: 1.24 printed ``<variable NAME>`` / ``NAME`` (or an address);
7.8.1 prints NumPy-like text (``variable([1.5, -2.])``). Code that parses the
text or uses it as a key or file name changes silently. ``repr(v)``,
``str(v)``, ``format(v)``, ``'%s' % v`` (also in a tuple) and f-strings of a
``v`` that the codemod knows to be a Variable (``ch3_variables``) are
reported (``silent:``); the fix is ``v.name`` or ``v.array``.
"""
import libcst as cst

from codemod.rules.ch3_variables import is_variable
from codemod.values import code

CODE = "CH307"

_TEXT = {"builtins.repr", "builtins.str", "builtins.format"}


def _report(ctx, node, value, how):
    ctx.review(node, CODE, "%s of the Variable `%s` is NumPy-like text on v7 (v1: `<variable "
               "NAME>` / the name): use `%s.name` or `%s.array`"
               % (how, code(value), code(value), code(value)), silent=True)


def plan(ctx):
    for call in ctx.calls:
        found = ctx.qnames(call.func) & _TEXT
        if found and call.args and not call.args[0].star and is_variable(ctx, call.args[0].value):
            _report(ctx, call, call.args[0].value, "`%s()`" % sorted(found)[0][9:])

    class _Format(cst.CSTVisitor):
        def visit_BinaryOperation(self, node):
            if isinstance(node.operator, cst.Modulo) and isinstance(
                    node.left, (cst.SimpleString, cst.ConcatenatedString)):
                right = node.right
                items = [right]
                if isinstance(right, cst.Tuple):
                    items = [e.value for e in right.elements]
                for item in items:
                    if is_variable(ctx, item):
                        _report(ctx, node, item, "`%` formatting")

        def visit_FormattedStringExpression(self, node):
            if is_variable(ctx, node.expression):
                _report(ctx, node, node.expression, "an f-string")
    ctx.module.visit(_Format())
