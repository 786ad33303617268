"""CH203 wscale: ``wscale=`` of link constructors.

Chainer 1.24 scaled the initial weights by ``sqrt(wscale)``; Chainer 2+
rejects the argument. ``wscale=1`` (and ``1.0``) is deleted (valid on 1.24
too). Any other value is reported for review with the exact replacement
(catalogue CH203): ``initialW=chainer.initializers.HeNormal(math.sqrt(w) /
math.sqrt(2))`` (``conv_init=`` for ``MLPConvolution2D``) when ``initialW``
is absent, ``initialW=(V) * math.sqrt(w)`` for a number or array ``V``; for
``Deconvolution2D``/``DilatedConvolution2D`` the same is exact only within
one float32 ulp (v1 scaled after drawing). The shim restores it bit for bit.
A positional ``wscale`` that catalogue R2 passes by keyword (``ch302_binding``)
is read as ``wscale=``: ``L.Linear(4, 3, 1, 0.5)`` -> ``L.Linear(4, 3,
bias=0.5)`` in the same edit (CH204 then renames ``bias``).
"""
from codemod.context import find_arg
from codemod.rules import ch302_binding as r2
from codemod.values import code

CODE = "CH203"

_L = "chainer.links."
#: constructor -> v1 positional index of ``wscale``
CONSTRUCTORS = {}
for _name, _module, _index in (("Linear", "connection.linear", 2),
                               ("Convolution2D", "connection.convolution_2d", 5),
                               ("Deconvolution2D", "connection.deconvolution_2d", 5),
                               ("DilatedConvolution2D", "connection.dilated_convolution_2d", 6),
                               ("Maxout", "activation.maxout", 3),
                               ("MLPConvolution2D", "connection.mlp_convolution_2d", 5)):
    for _q in (_L + _name, _L + "%s.%s" % (_module, _name), "chainer.functions." + _name):
        CONSTRUCTORS[_q] = _index


def plan(ctx):
    for call in ctx.calls:
        found = ctx.qnames(call.func) & set(CONSTRUCTORS)
        if not found:
            continue
        arg = find_arg(call, "wscale", CONSTRUCTORS[sorted(found)[0]])
        if arg is None or arg in ctx.claimed:
            continue
        ctx.claimed.add(arg)
        value = code(arg.value)
        by_keyword = arg.keyword is not None or (
            r2.v1_name(ctx, call, arg) == "wscale" and r2.can_normalise(ctx, call))
        if by_keyword and value in ("1", "1.0"):
            if arg.keyword is None:
                r2.normalise(ctx, call)
            ctx.edits.remove_arg(call, arg)
            ctx.report(arg, CODE, "removed `wscale=1` (no effect)")
            continue
        keyword = "conv_init" if any(q.endswith("MLPConvolution2D") for q in found) else "initialW"
        given = r2.v1_arg(ctx, call, keyword)
        if given is None:
            fix = "`%s=chainer.initializers.HeNormal(math.sqrt(%s) / math.sqrt(2))`" % (keyword, value)
        else:
            fix = "`%s=(%s) * math.sqrt(%s)` for a number or array" % (keyword, code(given.value), value)
        ctx.review(arg, CODE, "v1 scaled the initial weights by sqrt(wscale): drop `wscale=%s` "
                   "and pass %s (`import chainer_compat` restores it exactly)" % (value, fix))
