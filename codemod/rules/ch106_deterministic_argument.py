"""CH106 deterministic-argument: ``deterministic=`` of convolutions -> ``chainer.config``.

Catalogue CH106: ``deterministic=`` of ``F.convolution_2d``,
``F.deconvolution_2d`` (call sites) and of the ``L.Convolution2D`` /
``L.Deconvolution2D`` constructors raises ``ValueError`` on 7.8.1; the
setting is ``chainer.config.cudnn_deterministic`` (default ``False``).
After catalogue R2 (a v1 positional slot 7 / 11 / 12 that ``ch302_binding``
passes by keyword): ``deterministic=False`` is deleted; ``deterministic=E``
at a call site is deleted and the enclosing statement runs under ``with
chainer.using_config('cudnn_deterministic', E):`` (R4 (a), (b), (d)); in a
link constructor the same holds for every statement that calls the link when
the codemod sees all of them (``ch105_link_calls``), otherwise it is reported.
Output is v7-only.
"""
from codemod.context import find_arg, has_splat
from codemod.rules import ch105_link_calls as link_calls
from codemod.rules import ch302_binding as r2
from codemod.values import code, is_false, is_pure

CODE = "CH106"

_F = "chainer.functions."
_L = "chainer.links."

#: qualified name -> (v1 index of ``deterministic``, kind)
TABLE = {
    _F + "convolution_2d": (7, "call"),
    _F + "connection.convolution_2d.convolution_2d": (7, "call"),
    _F + "deconvolution_2d": (7, "call"),
    _F + "connection.deconvolution_2d.deconvolution_2d": (7, "call"),
    _L + "Convolution2D": (11, "link"),
    _L + "connection.convolution_2d.Convolution2D": (11, "link"),
    _F + "Convolution2D": (11, "link"),
    _L + "Deconvolution2D": (12, "link"),
    _L + "connection.deconvolution_2d.Deconvolution2D": (12, "link"),
}


def using_config(value):
    return "chainer.using_config('cudnn_deterministic', %s)" % code(value)


def plan(ctx):
    for call in ctx.calls:
        found = sorted(ctx.qnames(call.func) & set(TABLE))
        if not found:
            continue
        index, kind = TABLE[found[0]]
        arg = find_arg(call, "deterministic", index)
        if arg is None or arg in ctx.claimed:
            continue
        ctx.claimed.add(arg)
        _plan_arg(ctx, call, arg, kind)


def _plan_arg(ctx, call, arg, kind):
    value = code(arg.value)
    item = using_config(arg.value)
    where = "the call" if kind == "call" else "every call of this link"
    reason, stmts = None, None
    if has_splat(call):
        reason = "the call has */** arguments"
    elif arg.keyword is None and (r2.v1_name(ctx, call, arg) != "deterministic"
                                  or not r2.can_normalise(ctx, call)):
        reason = "it is given positionally and the arguments cannot be passed by keyword"
    elif is_false(arg.value):
        _remove(ctx, call, arg)
        ctx.report(arg, CODE, "removed `deterministic=False` (the default of "
                   "`chainer.config.cudnn_deterministic`)")
        return
    elif not is_pure(arg.value):
        reason = "the value `%s` may have side effects" % value
    elif kind == "call":
        stmt, reason = ctx.enclosing_statement(call)
        if stmt is not None:
            reason = _other_values(ctx, stmt, call, item)
            if reason is None and not ctx.edits.wrap(ctx.block_of(stmt), stmt, stmt, item):
                reason = "the statement overlaps another scope"
        stmts = [stmt]
    else:
        stmts, reason = link_calls.call_statements(ctx, call)
        if stmts is not None:
            link_calls.wrap_calls(ctx, stmts, item)
    if reason is not None:
        ctx.review(arg, CODE, "`deterministic=%s` raises ValueError on v7: drop it and run %s "
                   "under `with %s:` (%s)" % (value, where, item, reason))
        return
    _remove(ctx, call, arg)
    if stmts:
        ctx.needs_chainer = True
    ctx.report(arg, CODE, "removed `deterministic=%s`; %s runs under `with %s:`"
               % (value, "the statement" if kind == "call"
                  else "each of the %d statement(s) that call the link" % len(stmts), item))


def _remove(ctx, call, arg):
    if arg.keyword is None:
        r2.normalise(ctx, call)
    ctx.edits.remove_arg(call, arg)


def _other_values(ctx, stmt, call, item):
    """R4 (b): other ``deterministic`` arguments in the statement need the same scope."""
    for other in ctx.calls_in(stmt):
        if other is call:
            continue
        found = sorted(ctx.qnames(other.func) & set(TABLE))
        if not found or TABLE[found[0]][1] != "call":
            continue
        arg = find_arg(other, "deterministic", TABLE[found[0]][0])
        if arg is not None and not is_false(arg.value) and using_config(arg.value) != item:
            return "calls in this statement need different deterministic values"
    return None
