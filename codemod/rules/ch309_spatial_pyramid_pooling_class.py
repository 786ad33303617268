"""CH309 spatial-pyramid-pooling-class: ``pooling_class=F.MaxPooling2D`` -> ``pooling='max'``.

For calls of ``F.spatial_pyramid_pooling_2d`` (qualified name, catalogue R1)
whose ``pooling_class`` (keyword, or the v1 positional slot 2) resolves to
``chainer.functions.MaxPooling2D`` (or its defining module's name): the
argument becomes ``pooling='max'`` (v7-only; exact,
``x.translate.spatial_pyramid_pooling``). A positional ``pooling_class`` is
first passed by keyword with the arguments after it (catalogue R2,
``ch302_binding``), so a positional ``use_cudnn`` after it stays bound to
``use_cudnn`` (CH105 drops it in the same run). Any other value is reported
(1.24 raised ``NotImplementedError`` for it).
"""
import libcst as cst

from codemod.context import find_arg, has_splat
from codemod.rules import ch302_binding as r2
from codemod.rules.ch205_keywords import plan_calls
from codemod.values import code

CODE = "CH309"

NAMES = {"chainer.functions.spatial_pyramid_pooling_2d",
         "chainer.functions.pooling.spatial_pyramid_pooling_2d.spatial_pyramid_pooling_2d"}
MAX_POOLING = {"chainer.functions.MaxPooling2D",
               "chainer.functions.pooling.max_pooling_2d.MaxPooling2D"}


def _editor(values):
    """``edit(call)`` for ``plan_calls``: ``pooling_class=V`` -> ``pooling='max'`` for a
    value ``V`` whose source is in ``values`` (the sites planned); the argument is
    a keyword by then (R2), or the last positional one."""
    def edit(call):
        args = list(call.args)
        positional = [i for i, arg in enumerate(args) if arg.keyword is None and not arg.star]
        for i, arg in enumerate(args):
            slot = arg.keyword is None and not arg.star and positional.index(i) == 2 \
                and i == positional[-1]
            named = arg.keyword is not None and arg.keyword.value == "pooling_class"
            if (slot or named) and code(arg.value) in values:
                args[i] = arg.with_changes(
                    keyword=cst.Name("pooling"), value=cst.SimpleString("'max'"),
                    equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""),
                                          whitespace_after=cst.SimpleWhitespace("")))
                return call.with_changes(args=args)
        return call
    return edit


def plan(ctx):
    sites, values = [], set()
    for call in ctx.calls:
        if not ctx.callee_qnames(call) & NAMES:
            continue
        arg = find_arg(call, "pooling_class", 2)
        if arg is None or (arg.keyword is not None and arg.keyword.value != "pooling_class"):
            continue
        if has_splat(call) or not ctx.qnames(arg.value) & MAX_POOLING:
            ctx.review(arg, CODE, "pooling_class=%s: v7 takes `pooling='max'` (1.24 supported "
                       "only F.MaxPooling2D)" % ctx.module.code_for_node(arg.value))
            continue
        if arg.keyword is None and list(call.args).index(arg) != _last_positional(call) \
                and not r2.normalise(ctx, call):
            ctx.review(arg, CODE, "pooling_class given positionally before other positional "
                       "arguments: pass them by keyword, then write `pooling='max'`")
            continue
        ctx.claimed.add(arg)
        sites.append(call)
        values.add(code(arg.value))
    lost = set(plan_calls(ctx, sites, _editor(values)))
    for call in sites:
        if call in lost:
            ctx.review(call, CODE, "write `pooling='max'` instead of pooling_class by hand")
        else:
            ctx.report(call, CODE, "pooling_class=F.MaxPooling2D -> pooling='max'")


def _last_positional(call):
    return max(i for i, arg in enumerate(call.args) if arg.keyword is None and not arg.star)
