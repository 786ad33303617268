"""CH106 deterministic-argument: ``deterministic=`` of convolutions, reported for review.

Catalogue CH106: ``deterministic=`` of ``F.convolution_2d``,
``F.deconvolution_2d`` (call sites) and of the ``L.Convolution2D`` /
``L.Deconvolution2D`` constructors raises ``ValueError`` on 7.8.1. The value
must move to ``with chainer.using_config('cudnn_deterministic', E):`` around
the call (for a link: around every call of it). This rule reports every such
argument (keyword, or the v1 positional slot 7 / 11 / 12) with that fix.
"""
from codemod.context import find_arg

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
        value = ctx.module.code_for_node(arg.value)
        where = "the call" if kind == "call" else "every call of this link"
        ctx.review(arg, CODE, "`deterministic=%s` raises ValueError on v7: drop it and run %s "
                   "under `with chainer.using_config('cudnn_deterministic', %s):`"
                   % (value, where, value))
