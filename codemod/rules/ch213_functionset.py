"""CH213 functionset: ``chainer.FunctionSet(...)`` -> ``chainer.Chain(...)``, ``collect_parameters()`` dropped.

Catalogue CH213 (valid on 1.24 too): a call that resolves to
``chainer.FunctionSet`` / ``chainer.function_set.FunctionSet`` and is
written as an attribute (``chainer.FunctionSet(...)``) becomes
``chainer.Chain(...)``; other spellings (an imported name) are reported.
``optimizer.setup(M.collect_parameters())`` becomes ``optimizer.setup(M)``;
other ``collect_parameters()`` calls are reported. ``copy_parameters_from``,
``.parameters`` and ``.gradients`` pair arrays by position in 1.24's
registration order (CH211) and are reported for review, as is a later
``M.name = link`` (7.8.1 registers links only inside ``init_scope``).
"""
import libcst as cst

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
                    and t.value.value in models and isinstance(assign.value, cst.Call):
                ctx.review(assign, CODE, "a link assigned to a FunctionSet later: do it inside "
                           "`with %s.init_scope():`" % t.value.value)
