"""CH303 variable-len: ``len(v)`` -> ``v.size`` where ``v`` is known to be a Variable.

Catalogue CH303: 1.24's ``len(v)`` was the number of elements, 7.8.1's is the
first dimension. ``len(NAME)`` is rewritten to ``NAME.size`` (valid on 1.24
too) when ``NAME`` is assigned once in its scope from a call resolved to
``chainer.Variable`` or to a function of ``chainer.functions`` (catalogue R5,
"assigned from a Chainer call in the same function"). ``len()`` of a
parameter of a link's ``__call__``/``forward`` is reported (``silent:``).
Other ``len()`` calls are not touched.
"""
import libcst as cst

from codemod.context import is_self
from codemod.rules.ch205_keywords import block_statement

CODE = "CH303"

VARIABLE = {"chainer.Variable", "chainer.variable.Variable"}


def _chainer_value(ctx, value):
    if not isinstance(value, cst.Call):
        return False
    found = ctx.qnames(value.func)
    return bool(found & VARIABLE) or any(
        q.startswith("chainer.functions.") and q.rsplit(".", 1)[-1][:1].islower() for q in found)


def _known_variable(ctx, name):
    assignment = ctx.single_assignment(name)
    node = getattr(assignment, "node", None)
    parent = ctx.parent(node) if node is not None else None
    if isinstance(parent, cst.AssignTarget):
        stmt = ctx.parent(parent)
        return isinstance(stmt, cst.Assign) and len(stmt.targets) == 1 and \
            _chainer_value(ctx, stmt.value)
    return False


def _forward_param(ctx, name):
    assignment = ctx.single_assignment(name)
    node = getattr(assignment, "node", None)
    if not isinstance(node, cst.Param):
        return False
    func = ctx.enclosing(node, cst.FunctionDef)
    return func is not None and func.name.value in ("__call__", "forward") and \
        ctx.enclosing(func, cst.ClassDef) is not None


def plan(ctx):
    for call in ctx.calls:
        if not (isinstance(call.func, cst.Name) and call.func.value == "len"
                and "builtins.len" in ctx.qnames(call.func)):
            continue
        if len(call.args) != 1 or call.args[0].keyword or call.args[0].star:
            continue
        arg = call.args[0].value
        if not isinstance(arg, cst.Name) or is_self(arg):
            continue
        if _known_variable(ctx, arg):
            _plan_size(ctx, call, arg)
        elif _forward_param(ctx, arg):
            ctx.review(call, CODE, "len(%s) of a link call's argument: v7 gives the first "
                       "dimension, v1 the number of elements; write %s.size if that is meant"
                       % (arg.value, arg.value), silent=True)


def _plan_size(ctx, call, arg):
    stmt = block_statement(ctx, call)
    if stmt is None or stmt in ctx.edits.removed_stmts:
        ctx.review(call, CODE, "len(%s) of a Variable: write %s.size" % (arg.value, arg.value),
                   silent=True)
        return
    target = arg.value

    class _Size(cst.CSTTransformer):
        def leave_Call(self, original_node, updated_node):
            if isinstance(updated_node.func, cst.Name) and updated_node.func.value == "len" \
                    and len(updated_node.args) == 1 and isinstance(updated_node.args[0].value,
                                                                   cst.Name) \
                    and updated_node.args[0].value.value == target:
                return cst.Attribute(value=cst.Name(target), attr=cst.Name("size"))
            return updated_node

    ctx.edits.extend_stmt(stmt, lambda stmts: [s.visit(_Size()) for s in stmts])
    ctx.report(call, CODE, "len(%s) -> %s.size (v1 len() of a Variable is its number of "
               "elements)" % (target, target), silent=True)
