"""CH213 functionset: ``chainer.FunctionSet(...)`` -> ``chainer.Chain(...)``, ``collect_parameters()`` dropped.

Catalogue CH213 (valid on 1.24 too): a call that resolves to
``chainer.FunctionSet`` / ``chainer.function_set.FunctionSet`` and is
written as an attribute (``chainer.FunctionSet(...)``) becomes
``chainer.Chain(...)``; other spellings (an imported name) are reported.
``optimizer.setup(M.collect_parameters())`` becomes ``optimizer.setup(M)``;
other ``collect_parameters()`` calls are reported. ``copy_parameters_from``,
``.parameters`` and ``.gradients`` pair arrays by position in 1.24's
registration order (CH211) and are reported for review. A later
``M.name = value`` on a name ``M`` assigned once from ``FunctionSet(...)`` in
the same scope, for a ``name`` that is not already a child (not a keyword of
that call, not assigned before), runs inside ``with M.init_scope():`` (7.8.1
registers links only there; other values are set as before; v7-only output).
Re-assigning an existing child (1.24 replaced it; 7.8.1's ``init_scope``
refuses an existing attribute) and other forms are reported.
"""
import libcst as cst

from codemod.values import code

CODE = "CH213"

QNAMES = {"chainer.FunctionSet", "chainer.function_set.FunctionSet"}


def _functionset_names(ctx):
    """Names assigned from a FunctionSet call in this file."""
    found = set()
    for assign in ctx.assigns:
        if isinstance(assign.value, cst.Call) and ctx.qnames(assign.value.func) & QNAMES:
            for target in assign.targets:
                if isinstance(target.target, cst.Name):
                    found.add(target.target.value)
    return found


def plan(ctx):
    for call in ctx.calls:
        if ctx.qnames(call.func) & QNAMES:
            func = call.func
            if isinstance(func, cst.Attribute) and func.attr.value == "FunctionSet":
                ctx.edits.replace_node(func, lambda updated: updated.with_changes(
                    attr=cst.Name("Chain")))
                ctx.report(call, CODE, "chainer.FunctionSet -> chainer.Chain")
            else:
                ctx.review(call, CODE, "FunctionSet is not in Chainer v2+: use chainer.Chain")
            continue
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value == "collect_parameters" \
                and not call.args:
            parent = ctx.parent(ctx.parent(call))
            if isinstance(parent, cst.Call) and isinstance(parent.func, cst.Attribute) \
                    and parent.func.attr.value == "setup" and len(parent.args) == 1:
                receiver = func.value
                ctx.edits.replace_node(call, lambda updated: updated.func.value)
                ctx.report(call, CODE, "optimizer.setup(%s.collect_parameters()) -> "
                           "optimizer.setup(%s)" % ((ctx.module.code_for_node(receiver),) * 2))
            else:
                ctx.review(call, CODE, "collect_parameters() returned the FunctionSet itself: "
                           "use the model")
        elif isinstance(func, cst.Attribute) and func.attr.value == "copy_parameters_from":
            ctx.review(call, CODE, "copy_parameters_from pairs arrays by position (v1 order, "
                       "CH211): copy by name from `dict(src.namedparams())`")
    models = _functionset_names(ctx)
    if not models:
        return
    for node in ctx.attributes:
        if isinstance(node.value, cst.Name) and node.value.value in models \
                and node.attr.value in ("parameters", "gradients"):
            ctx.review(node, CODE, ".%s of a FunctionSet: use `[p.array for p in "
                       "model.params()]` keyed by name (v1 order differs, CH211)" % node.attr.value)
    for assign in ctx.assigns:
        for target in assign.targets:
            t = target.target
            if isinstance(t, cst.Attribute) and isinstance(t.value, cst.Name) \
                    and t.value.value in models:
                _later_child(ctx, assign, t)


def _constructor(ctx, name):
    """The ``FunctionSet(...)`` call ``name`` is assigned from once in its scope, else None."""
    assignment = ctx.single_assignment(name)
    stmt = ctx.parent(ctx.parent(assignment.node)) if assignment is not None else None
    if isinstance(stmt, cst.Assign) and len(stmt.targets) == 1 \
            and stmt.targets[0].target is assignment.node and isinstance(stmt.value, cst.Call) \
            and ctx.qnames(stmt.value.func) & QNAMES:
        return stmt.value
    return None


def _later_child(ctx, assign, target):
    model = target.value.value
    call = _constructor(ctx, target.value)
    stmt, reason = ctx.enclosing_statement(assign)
    if len(assign.targets) != 1:
        reason = "the statement assigns several targets"
    elif call is None:
        reason = "`%s` is not assigned once from FunctionSet(...) in this scope" % model
    elif _existing_child(ctx, call, target):
        ctx.review(assign, CODE, "`%s` replaces an existing child: 1.24's FunctionSet swapped it, "
                   "7.8.1's `init_scope` refuses an existing attribute (delete the child first, "
                   "then assign inside `with %s.init_scope():`)" % (code(target), model))
        return
    if reason is None:
        ctx.edits.wrap(ctx.block_of(stmt), stmt, stmt, "%s.init_scope()" % model)
        ctx.report(assign, CODE, "`%s = ...` runs inside `with %s.init_scope():` (1.24's "
                   "FunctionSet registered links assigned later)" % (code(target), model))
        return
    ctx.review(assign, CODE, "a link assigned to a FunctionSet later: do it inside "
               "`with %s.init_scope():` (%s)" % (model, reason))


def _existing_child(ctx, call, target):
    """True when ``target`` (``M.name``) names a keyword of ``call`` or an attribute of
    ``M`` assigned before it."""
    name = target.attr.value
    if any(arg.keyword is not None and arg.keyword.value == name for arg in call.args):
        return True
    line, _ = ctx.position(target)
    for assign in ctx.assigns:
        for other in assign.targets:
            t = other.target
            if t is not target and isinstance(t, cst.Attribute) and t.attr.value == name \
                    and isinstance(t.value, cst.Name) and t.value.value == target.value.value \
                    and ctx.scope(t.value) is ctx.scope(target.value) \
                    and ctx.position(t) < ctx.position(target):
                return True
    return False
