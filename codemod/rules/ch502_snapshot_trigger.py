"""CH502 snapshot-trigger: ``extensions.snapshot(trigger=)`` / ``snapshot_object(trigger=)``.

Chainer v2 upgrade guide ("trigger option is removed from snapshot and
snapshot_object"). Rewrites (valid on 1.24 too, exact: catalogue
``x.translate.snapshot_trigger``):

- ``trainer.extend(E.snapshot(..., trigger=T), ...)`` -> ``trainer.extend(E.snapshot(...),
  ..., trigger=T)`` when ``extend`` has no trigger; when it has one, ``T`` is
  dropped (the ``extend`` trigger won in 1.24 too);
- ``NAME = E.snapshot(..., trigger=T)`` -> ``NAME = E.snapshot(...)`` followed
  by ``NAME.trigger = T``.

Same for ``snapshot_object`` (v1 slot 3; ``snapshot``: slot 2). Other sites are
reported for review.
"""
from codemod.context import find_arg, has_splat
from codemod.rules.ch205_keywords import add_keyword, plan_calls
from codemod.rules.ch5_training import (
    SNAPSHOT, SNAPSHOT_OBJECT, append_after, assigned_name, calls_of, extend_call)
from codemod.values import code

CODE = "CH502"


def plan(ctx):
    for call in calls_of(ctx, SNAPSHOT | SNAPSHOT_OBJECT):
        index = 3 if ctx.qnames(call.func) & SNAPSHOT_OBJECT else 2
        arg = find_arg(call, "trigger", index)
        if arg is None or arg in ctx.claimed:
            continue
        ctx.claimed.add(arg)
        what = "`trigger=%s`" % code(arg.value)
        if has_splat(call):
            ctx.review(arg, CODE, "%s in a call with */** arguments: pass the trigger to "
                       "`trainer.extend(..., trigger=...)` by hand" % what)
            continue
        outer = extend_call(ctx, call)
        if outer is not None:
            if has_splat(outer):
                ctx.review(arg, CODE, "%s: the `extend` call has */** arguments" % what)
                continue
            ctx.edits.remove_arg(call, arg)
            if find_arg(outer, "trigger", 2) is not None:
                ctx.report(arg, CODE, "removed %s (the trigger given to `extend` wins, "
                           "as in Chainer 1.24)" % what)
                continue
            value = arg.value
            lost = plan_calls(ctx, [outer], lambda c, value=value: add_keyword(c, "trigger", value))
            if lost:
                ctx.review(arg, CODE, "%s: the `extend` call is not in a block statement" % what)
                continue
            ctx.report(arg, CODE, "moved %s to `extend(..., trigger=...)`" % what)
            continue
        found = assigned_name(ctx, call)
        if found is not None:
            line, name = found
            ctx.edits.remove_arg(call, arg)
            append_after(ctx, line, "%s.trigger = %s\n" % (name, code(arg.value)))
            ctx.report(arg, CODE, "removed %s; `%s.trigger` is set after the call" % (what, name))
            continue
        ctx.review(arg, CODE, "%s: pass the trigger to `trainer.extend(..., trigger=...)` or set "
                   "`.trigger` on the extension" % what)
