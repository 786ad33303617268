"""Turning a per-call mode argument (``train=``, ``test=``) into a
``with chainer.using_config('train', VALUE):`` scope (catalogue R4).

Shared by CH101, CH102 and CH103.
"""

from codemod import names
from codemod.context import find_arg, has_splat, positional_after
from codemod.values import code, is_pure, is_true, negate


def train_slot(ctx, call):
    """``(keyword, v1 index, silent)`` of the mode argument ``call`` may carry, or None.

    ``keyword`` is ``'train'`` (CH101: Chainer functions, NStep links) or
    ``'test'`` (CH102: BatchNormalization known by R5).
    """
    found = ctx.qnames(call.func)
    for q in found:
        if q in names.TRAIN_FUNCTIONS:
            return "train", names.TRAIN_FUNCTIONS[q], q in names.SILENT_TRAIN
    link = ctx.link_type(call.func)
    for q in link:
        if q in names.TRAIN_LINK_CALLS:
            return "train", names.TRAIN_LINK_CALLS[q], False
        if q in names.TEST_LINK_CALLS:
            return "test", names.TEST_LINK_CALLS[q], False
    return None


def train_value(keyword, value):
    """The ``using_config('train', ...)`` value for ``keyword=value``."""
    return value if keyword == "train" else negate(value)


def using_config(value):
    return "chainer.using_config('train', %s)" % code(value)


def mode_argument(ctx, call):
    """``(arg, keyword, train value)`` of the mode argument of ``call``, else None."""
    slot = train_slot(ctx, call)
    if slot is None:
        return None
    keyword, index, _ = slot
    arg = find_arg(call, keyword, index)
    if arg is None:
        return None
    return arg, keyword, train_value(keyword, arg.value)


def _may_read_mode(ctx, call, allowed):
    """Could ``call`` depend on ``chainer.config.train``? (R4 c)"""
    if call in allowed:
        return False
    found = ctx.qnames(call.func)
    if any(q.startswith(("builtins.", "numpy.", "math.")) for q in found):
        return False
    chainer = [q for q in found if q.startswith("chainer.")]
    if chainer:
        return any(names.is_mode_dependent(q) for q in chainer)
    link = [q for q in ctx.link_type(call.func) if q.startswith("chainer.")]
    if link:
        return any(names.is_mode_dependent(q) for q in link)
    return True


def check_wrap(ctx, call, value, allowed=()):
    """R4: the statement to wrap for ``call`` under ``value``, or ``(None, reason)``."""
    stmt, reason = ctx.enclosing_statement(call)
    if stmt is None:
        return None, reason
    if not is_pure(value):
        return None, "the value `%s` may have side effects" % code(value)
    allowed = set(allowed) | {call}
    for other in ctx.calls_in(stmt):
        if other is call:
            continue
        found = mode_argument(ctx, other)
        if found is not None:
            if code(found[2]) != code(value):
                return None, "calls in this statement need different modes"
            allowed.add(other)
    for other in ctx.calls_in(stmt):
        if _may_read_mode(ctx, other, allowed):
            return None, "`%s` in the same statement may depend on the mode" % code(other.func)
    return stmt, None


def fix_mode_argument(ctx, call, arg, keyword, value, code_, merge=True, what=None, silent=False):
    """Drop ``arg`` from ``call``; unless ``value`` is ``True`` wrap the enclosing
    statement in ``using_config('train', value)``. Returns True when fixed, False
    when reported for review."""
    what = what or "`%s=%s`" % (keyword, code(arg.value))
    if has_splat(call):
        ctx.review(arg, code_, "%s in a call with */** arguments: move the mode to "
                   "`with chainer.using_config('train', ...)` by hand" % what, silent=silent)
        return False
    if arg.keyword is None and positional_after(call, list(call.args).index(arg)):
        ctx.review(arg, code_, "%s given positionally before other positional arguments: "
                   "pass them by keyword, then rerun" % what, silent=silent)
        return False
    if is_true(value):
        ctx.edits.remove_arg(call, arg)
        ctx.report(arg, code_, "removed %s (training is the default mode)" % what)
        return True
    stmt, reason = check_wrap(ctx, call, value)
    if stmt is None:
        ctx.review(arg, code_, "cannot move %s into a `with chainer.using_config('train', %s)` "
                   "scope: %s" % (what, code(value), reason), silent=silent)
        return False
    block = ctx.block_of(stmt)
    if not ctx.edits.wrap(block, stmt, stmt, using_config(value), merge=merge):
        ctx.review(arg, code_, "cannot wrap the statement for %s: it overlaps another scope"
                   % what, silent=silent)
        return False
    ctx.edits.remove_arg(call, arg)
    ctx.needs_chainer = True
    ctx.report(arg, code_, "removed %s; the statement runs under "
               "`with %s:`" % (what, using_config(value)))
    return True

