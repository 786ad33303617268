"""Helper of CH105 and CH106: a link constructor argument that v7 moved to ``chainer.config``.

Helper, not a rule. A v1 link remembered ``use_cudnn=False`` /
``deterministic=True`` and used it at every call; v7 reads the setting from
``chainer.config`` at the call. ``call_statements(ctx, call)`` finds every
statement that calls the link when the codemod can see all of them (catalogue
R5's local variable): ``NAME = <call>`` is a statement of a function,
``NAME`` is assigned only there, and every use of ``NAME`` is a call
``NAME(...)`` / ``NAME.forward(...)`` / ``NAME.__call__(...)`` in a
statement that catalogue R4 (a) lets wrap, or another attribute read
(``NAME.W``). Anything else (the link passed on, stored, returned, used in a
nested function) leaves the site for review.
"""
import libcst as cst
from libcst.metadata import FunctionScope

from codemod.mode import SUSPENDS

_CALLS = ("forward", "__call__")


def call_statements(ctx, call):
    """``(statements, None)``: the statements that call the link built by ``call``
    (possibly none), in source order; or ``(None, reason)``."""
    assign = ctx.parent(call)
    if not (isinstance(assign, cst.Assign) and assign.value is call and len(assign.targets) == 1
            and isinstance(assign.targets[0].target, cst.Name)):
        return None, "the link is not assigned to a local name"
    name = assign.targets[0].target
    assignment = ctx.single_assignment(name)
    scope = ctx.scope(name)
    if assignment is None or not isinstance(scope, FunctionScope):
        return None, "`%s` is not a local variable assigned once" % name.value
    stmts = []
    for access in assignment.references:
        node = access.node
        if ctx.scope(node) is not scope:
            return None, "`%s` is used in a nested function" % name.value
        parent = ctx.parent(node)
        target = None
        if isinstance(parent, cst.Call) and parent.func is node:
            target = parent
        elif isinstance(parent, cst.Attribute) and parent.value is node:
            outer = ctx.parent(parent)
            if isinstance(outer, cst.Call) and outer.func is parent:
                if parent.attr.value not in _CALLS:
                    continue        # a method of the link (cleargrads, to_gpu...): not its forward
                target = outer
            else:
                continue            # an attribute read (NAME.W)
        if target is None:
            return None, "`%s` is used other than by calling it" % name.value
        stmt, reason = ctx.enclosing_statement(target)
        if stmt is None:
            return None, "a call of `%s`: %s" % (name.value, reason)
        if ctx.suspends(stmt):
            return None, SUSPENDS
        if stmt not in stmts:
            stmts.append(stmt)
    return stmts, None


def wrap_calls(ctx, stmts, item):
    """Wrap each statement in ``with item:`` (adjacent ones merge; a one-statement
    run never crosses another run)."""
    for stmt in stmts:
        ctx.edits.wrap(ctx.block_of(stmt), stmt, stmt, item)
