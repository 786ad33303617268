"""CH508 updaters-module: v7 updaters call ``optimizer.new_epoch()`` themselves.

Since Chainer 5 the updaters call ``optimizer.new_epoch(auto=True)`` at each
epoch boundary (``auto_new_epoch=True``); a manual ``optimizer.new_epoch()``
then raises ``RuntimeError: duplicated new_epoch with the updater``. When the
module calls ``.new_epoch()``, ``auto_new_epoch=False`` is added to its updater
constructions (v7-only, exact). Otherwise constructions in a module that reads
``.epoch`` are reported (``silent:``: ``optimizer.epoch`` now counts epochs).
"""
from codemod.context import find_arg, has_splat
from codemod.rules.ch205_keywords import add_keyword, plan_calls
from codemod.rules.ch5_training import UPDATERS, calls_of

import libcst as cst

CODE = "CH508"
KEYWORD = "auto_new_epoch"


def _calls_new_epoch(ctx):
    return any(isinstance(call.func, cst.Attribute) and call.func.attr.value == "new_epoch"
               for call in ctx.calls)


def plan(ctx):
    updaters = [call for call in calls_of(ctx, UPDATERS)
                if find_arg(call, KEYWORD, None) is None]
    if not updaters:
        return
    if _calls_new_epoch(ctx):
        for call in updaters:
            if has_splat(call) or plan_calls(
                    ctx, [call], lambda c: add_keyword(c, KEYWORD, cst.Name("False"))):
                ctx.review(call, CODE, "this module calls `optimizer.new_epoch()`: pass "
                           "`auto_new_epoch=False` to the updater by hand")
            else:
                ctx.report(call, CODE, "added `auto_new_epoch=False` (this module calls "
                           "`optimizer.new_epoch()` itself, as Chainer 1.24 required)")
    elif any(attr.attr.value == "epoch" for attr in ctx.attributes):
        for call in updaters:
            ctx.review(call, CODE, "the updater calls `optimizer.new_epoch()` at every epoch in "
                       "Chainer 7.8.1, so `optimizer.epoch` counts epochs (0 in 1.24); pass "
                       "`auto_new_epoch=False` for v1's value", silent=True)
