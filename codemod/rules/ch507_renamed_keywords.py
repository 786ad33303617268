"""CH507 renamed-keywords: ``save_npz(filename=...)`` / ``load_npz(filename=...)``.

Chainer 7.8.1 names the first parameter of ``serializers.save_npz`` and
``load_npz`` ``file`` (same position). ``save_npz(filename=F, obj=O)`` ->
``save_npz(F, O)`` (valid on 1.24 too); a ``filename=`` without ``obj=`` ->
``file=`` (v7-only). The other renamed keywords (``log_name``, ``file_name``,
``out_name``, ``n_fold``) are still accepted by 7.8.1 and left alone.
"""
import libcst as cst

from codemod.context import find_arg, has_splat
from codemod.rules.ch205_keywords import plan_calls
from codemod.rules.ch5_training import SAVE_LOAD_NPZ, calls_of, rename_keyword

CODE = "CH507"


def positional(call):
    """``call`` with its ``filename=`` and ``obj=`` keywords made the first two positional arguments."""
    by_name = {a.keyword.value: a for a in call.args if a.keyword is not None}
    first = [by_name["filename"], by_name["obj"]]
    rest = [a for a in call.args if a not in first]
    space = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    new = [a.with_changes(keyword=None, equal=cst.MaybeSentinel.DEFAULT,
                          comma=space if (rest or i == 0) else a.comma)
           for i, a in enumerate(first)]
    if not rest:
        new[-1] = new[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return call.with_changes(args=new + rest)


def plan(ctx):
    for call in calls_of(ctx, SAVE_LOAD_NPZ):
        arg = find_arg(call, "filename", None)
        if arg is None or arg in ctx.claimed:
            continue
        ctx.claimed.add(arg)
        if has_splat(call):
            ctx.review(arg, CODE, "`filename=` in a call with */** arguments: it is `file=` in v7")
            continue
        both = find_arg(call, "obj", None) is not None and all(
            a.keyword is not None for a in call.args)
        edit = positional if both else (lambda c: rename_keyword(c, "filename", "file"))
        if plan_calls(ctx, [call], edit):
            ctx.review(arg, CODE, "`filename=` is `file=` in v7 (the call is not in a block statement)")
        elif both:
            ctx.report(arg, CODE, "`filename=`, `obj=` passed positionally (the keyword is "
                       "`file=` in v7)")
        else:
            ctx.report(arg, CODE, "`filename=` -> `file=`")
