"""CH209 init-weight: ``init_weight(A, I, scale=s)`` -> ``I(A)`` and ``A *= s``.

Catalogue CH209 (valid on 1.24 too; exact, probe ``x.translate.init_weight``).
A statement ``chainer.initializers.init_weight(A, I[, scale])`` (also
``chainer.init_weight``) becomes ``I(A)`` when ``I`` is a call of a
``chainer.initializers`` constructor, ``chainer.initializers.Constant(c)(A)``
when ``I`` is a numeric literal, ``chainer.initializers.HeNormal(1 /
math.sqrt(2))(A)`` when ``I`` is the literal ``None`` (``import math`` is added
when the file lacks it); a ``scale`` other than the literal 1 adds ``A *= s``
after it (``A`` a name or an attribute chain). Other forms (``I`` of unknown
kind, an array, a call used as a value, ``*``/``**`` arguments) are reported.
"""
import libcst as cst

from codemod.context import find_arg, has_splat
from codemod.rules import added_imports
from codemod.rules.ch401_methods import expression_statement, with_comments
from codemod.values import code, is_name

CODE = "CH209"

QNAMES = {"chainer.initializers.init_weight", "chainer.init_weight"}


def _is_chain(node):
    while isinstance(node, cst.Attribute):
        node = node.value
    return isinstance(node, cst.Name)


def _initializer(ctx, node):
    """Source of the initializer object for ``node``, or None when its kind is unknown."""
    if isinstance(node, cst.Call) and any(q.startswith("chainer.initializers.")
                                          for q in ctx.qnames(node.func)):
        return code(node)
    if is_name(node, "None"):
        math = added_imports.math_name(ctx)
        if math is None:
            return None
        ctx.needs_chainer = True
        return "chainer.initializers.HeNormal(1 / %s.sqrt(2))" % math
    value = node.expression if isinstance(node, cst.UnaryOperation) and isinstance(
        node.operator, cst.Minus) else node
    if isinstance(value, (cst.Integer, cst.Float)):
        ctx.needs_chainer = True
        return "chainer.initializers.Constant(%s)" % code(node)
    return None


def plan(ctx):
    for call in ctx.calls:
        if not ctx.qnames(call.func) & QNAMES:
            continue
        target = find_arg(call, "weights", 0)
        init = find_arg(call, "initializer", 1)
        scale = find_arg(call, "scale", 2)
        stmt = expression_statement(ctx, call)
        problem = None
        if has_splat(call) or target is None or init is None:
            problem = "the arguments cannot be bound"
        elif stmt is None:
            problem = "the call is used as a value"
        scaled = scale is not None and code(scale.value) not in ("1", "1.0")
        if problem is None and scaled and not _is_chain(target.value):
            problem = "the array is not a name or an attribute chain"
        source = None if problem else _initializer(ctx, init.value)
        if problem is None and source is None:
            problem = "the initializer is not a chainer.initializers call, a number or None"
        if problem:
            ctx.review(call, CODE, "init_weight is not in Chainer v2+ (%s): call the "
                       "initializer on the array, `I(A)`, then `A *= scale`" % problem)
            continue
        lines = ["%s(%s)" % (source, code(target.value))]
        if scaled:
            lines.append("%s *= %s" % (code(target.value), code(scale.value)))
        ctx.edits.replace_stmt(stmt, _build(lines))
        ctx.report(call, CODE, "init_weight(...) -> %s" % "; ".join(lines))


def _build(lines):
    def build(line):
        new = [cst.parse_statement(text + "\n") for text in lines]
        return with_comments(new, line)
    return build
