"""CH215 copyparams-persistents: ``a.copyparams(b)`` -> ``a.copyparams(b, copy_persistent=False)``.

Catalogue CH215: 7.8.1's ``copyparams`` also copies persistent values
(``BatchNormalization``'s running statistics), silently; 1.24 copied the
parameter arrays only. Every ``X.copyparams(src)`` call with one plain
argument and no ``copy_persistent`` gets ``copy_persistent=False`` (exact:
probe ``x.translate.copyparams``); the finding is marked ``silent:``. The
output is v7-only (1.24 has no ``copy_persistent``). Calls with ``*``/``**``
arguments are reported; a file that defines its own ``copyparams`` is left
alone.
"""
import libcst as cst

from codemod.context import has_splat

CODE = "CH215"


def plan(ctx):
    if "copyparams" in ctx.module_functions():
        return
    for call in ctx.calls:
        func = call.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == "copyparams"):
            continue
        if ctx.is_user_callable(func) or call in ctx.claimed:
            continue
        if any(arg.keyword is not None and arg.keyword.value == "copy_persistent"
               for arg in call.args):
            continue
        ctx.claimed.add(call)
        if has_splat(call) or len(call.args) != 1 or call.args[0].keyword is not None:
            ctx.review(call, CODE, "copyparams(...) copies persistent values on v7: pass "
                       "`copy_persistent=False` for the v1 behaviour", silent=True)
            continue
        ctx.edits.replace_node(call, _add_keyword)
        ctx.report(call, CODE, "added `copy_persistent=False` (v1 copied parameter arrays "
                   "only)", silent=True)


def _add_keyword(updated):
    args = list(updated.args)
    args[-1] = args[-1].with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
    args.append(cst.Arg(keyword=cst.Name("copy_persistent"), value=cst.Name("False"),
                        equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""),
                                              whitespace_after=cst.SimpleWhitespace(""))))
    return updated.with_changes(args=args)
