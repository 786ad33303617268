"""CH204 bias-argument: ``bias=v`` of link constructors -> ``initial_bias=v``.

Chainer 1.24's ``L.Linear``, ``L.Convolution2D``, ``L.Deconvolution2D`` and
``L.DilatedConvolution2D`` took ``bias=0`` (the initial bias value when
``initial_bias`` is None); Chainer 2+ rejects it. After catalogue R2 (CH302
turns positional slots into keywords), ``bias=v`` becomes ``initial_bias=v``
when ``initial_bias`` is not given; it is deleted when ``initial_bias`` is
given or ``v`` is the literal 0 (7.8.1's default bias is 0). Valid on 1.24
too. A positional ``bias`` that R2 passes by keyword (``ch302_binding``) is
read as ``bias=`` and handled in the same run; any other positional ``bias``
is reported for review.
"""
import libcst as cst

from codemod.context import find_arg
from codemod.rules import ch302_binding as r2
from codemod.values import code, is_name

CODE = "CH204"

_L = "chainer.links."
CONSTRUCTORS = {}
for _name, _module, _index in (("Linear", "linear", 3), ("Convolution2D", "convolution_2d", 6),
                               ("Deconvolution2D", "deconvolution_2d", 6),
                               ("DilatedConvolution2D", "dilated_convolution_2d", 7)):
    for _q in (_L + _name, _L + "connection.%s.%s" % (_module, _name), "chainer.functions." + _name):
        CONSTRUCTORS[_q] = _index


def plan(ctx):
    for call in ctx.calls:
        found = ctx.qnames(call.func) & set(CONSTRUCTORS)
        if not found:
            continue
        arg = find_arg(call, "bias", CONSTRUCTORS[sorted(found)[0]])
        if arg is None or arg in ctx.claimed:
            continue
        ctx.claimed.add(arg)
        if arg.keyword is None:
            if r2.v1_name(ctx, call, arg) != "bias" or not r2.can_normalise(ctx, call):
                ctx.review(arg, CODE, "`bias` given positionally: pass the arguments after the "
                           "sizes by keyword (CH302), then `bias=v` becomes `initial_bias=v`")
                continue
        given = r2.v1_arg(ctx, call, "initial_bias")
        if given is not None and not is_name(given.value, "None"):
            _remove(ctx, call, arg)
            ctx.report(arg, CODE, "removed `bias=%s` (`initial_bias` is given)" % code(arg.value))
        elif given is None and isinstance(arg.value, cst.Integer) and arg.value.value == "0":
            _remove(ctx, call, arg)
            ctx.report(arg, CODE, "removed `bias=0` (the default bias is 0)")
        elif given is None:
            if arg.keyword is None:
                r2.normalise(ctx, call)
            _rename(ctx, call, arg)
            ctx.report(arg, CODE, "`bias=%s` -> `initial_bias=%s`" % ((code(arg.value),) * 2))
        else:
            ctx.review(arg, CODE, "`bias=` with `initial_bias=None`: drop `initial_bias=None` "
                       "and rename `bias` to `initial_bias`")


def _remove(ctx, call, arg):
    if arg.keyword is None:
        r2.normalise(ctx, call)    # the positional arguments after it keep their v1 meaning
    ctx.edits.remove_arg(call, arg)


def _rename(ctx, call, arg):
    from codemod.rules.ch205_keywords import block_statement, edit_calls
    stmt = block_statement(ctx, call)
    value = code(arg.value)

    def edit(updated):
        args = [a.with_changes(keyword=cst.Name("initial_bias"))
                if a.keyword is not None and a.keyword.value == "bias" and code(a.value) == value
                else a for a in updated.args]
        return updated.with_changes(args=args)
    edit_calls(ctx, stmt, {ctx.module.code_for_node(call.func)}, edit)
