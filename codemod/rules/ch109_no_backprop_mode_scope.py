"""CH109 no-backprop-mode-scope: ``backward()`` of values computed under ``no_backprop_mode()``.

Catalogue CH109: on 7.8.1 ``chainer.no_backprop_mode()`` stops the graph of
every variable (1.24: only ``AUTO`` ones), so ``y.backward()`` on a ``y``
assigned inside such a block gets no gradients and no error. Nothing to
rewrite: every ``NAME.backward()`` call whose ``NAME`` is assigned inside a
``with chainer.no_backprop_mode():`` block of the same function (or module)
is reported with ``silent:``.
"""
import libcst as cst

CODE = "CH109"

NO_BACKPROP = {"chainer.no_backprop_mode", "chainer.configuration.no_backprop_mode",
               "chainer.function.no_backprop_mode"}


def _names_assigned_in(block):
    found = set()

    class _Targets(cst.CSTVisitor):
        def visit_AssignTarget(self, node):
            if isinstance(node.target, cst.Name):
                found.add(node.target.value)

    block.visit(_Targets())
    return found


def _no_backprop_with(ctx, node):
    return isinstance(node, cst.With) and any(
        isinstance(item.item, cst.Call) and ctx.qnames(item.item.func) & NO_BACKPROP
        for item in node.items)


def _owner(ctx, node):
    return ctx.enclosing(node, cst.FunctionDef) or ctx.module


def plan(ctx):
    blocks = {}   # function (or module) -> names assigned in its no_backprop_mode blocks
    for node in ctx.calls:
        for anc in ctx.ancestors(node):
            if _no_backprop_with(ctx, anc):
                blocks.setdefault(_owner(ctx, anc), set()).update(_names_assigned_in(anc.body))
                break
    if not blocks:
        return
    for call in ctx.calls:
        func = call.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == "backward"
                and isinstance(func.value, cst.Name)):
            continue
        names = blocks.get(_owner(ctx, call), set())
        if func.value.value in names:
            ctx.review(call, CODE, "%s is assigned inside `with chainer.no_backprop_mode():`; on "
                       "v7 it has no graph and backward() computes no gradients"
                       % func.value.value, silent=True)
