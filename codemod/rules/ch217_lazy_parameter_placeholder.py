"""CH217 lazy-parameter-placeholder: ``hasattr(link, 'W')`` on lazily sized links, for review.

Catalogue CH217: a link built with ``None`` as its input size has its weight
(``array`` None) from the start on 7.8.1; 1.24 had no attribute until the
first call. Nothing to rewrite; ``hasattr(X, 'NAME')`` and ``getattr(X,
'NAME', default)`` are reported (``silent:``) when ``X`` is a local name
assigned once from a ``chainer.links`` constructor whose first argument is
the literal ``None`` (R5).
"""
import libcst as cst

from codemod.values import is_name

CODE = "CH217"


def _lazy_link(ctx, node):
    if not isinstance(node, cst.Name):
        return False
    assignment = ctx.single_assignment(node)
    if assignment is None:
        return False
    stmt = ctx.parent(ctx.parent(assignment.node))
    if not (isinstance(stmt, cst.Assign) and isinstance(stmt.value, cst.Call)):
        return False
    call = stmt.value
    return any(q.startswith("chainer.links.") for q in ctx.qnames(call.func)) \
        and bool(call.args) and call.args[0].keyword is None and is_name(call.args[0].value, "None")


def plan(ctx):
    for call in ctx.calls:
        func = call.func
        if not (isinstance(func, cst.Name) and func.value in ("hasattr", "getattr")):
            continue
        if len(call.args) < 2 or not isinstance(call.args[1].value, cst.SimpleString):
            continue
        if func.value == "getattr" and len(call.args) != 3:
            continue
        if _lazy_link(ctx, call.args[0].value):
            ctx.review(call, CODE, "a lazily sized link has %s (array None) before the first "
                       "call on v7: test `.%s.array is None` instead"
                       % ((call.args[1].value.evaluated_value,) * 2), silent=True)
