"""CH207 convnd-default-bias: ``nobias=True`` for ``L.ConvolutionND(...)`` without ``initial_bias``.

Chainer 1.24 read ``initial_bias=None`` (the default) as *no bias*; Chainer 2+
as a zero bias. A construction resolved by qualified name (catalogue R1)
whose ``initial_bias`` is absent or the literal ``None`` gets ``nobias=True``
appended (v7-only output, catalogue R3; exact: ``x.translate.convnd_nobias``),
reported with ``silent:``. Left for review: ``*``/``**`` arguments, more than
six positional arguments (index 6 is ``initialW`` in v1 but ``nobias`` in v7:
CH302), and an ``initial_bias`` expression that may be None at run time.
More positional arguments are fine when catalogue R2 passes them by keyword in
the same edit (``ch302_binding``). The constructor is also recognised through
the v1 submodule alias (``from chainer.links import convolution_nd``, CH603).
"""
import libcst as cst

from codemod.context import find_arg, has_splat
from codemod.values import is_name
from codemod.rules import ch302_binding as r2
from codemod.rules.ch205_keywords import add_keyword, plan_calls
from codemod.rules.ch603_submodule_attributes import v1_qnames

CODE = "CH207"

CONSTRUCTORS = {"chainer.links.ConvolutionND",
                "chainer.links.connection.convolution_nd.ConvolutionND"}
#: v1 (ndim, in_channels, out_channels, ksize, stride, pad, initialW, initial_bias, ...)
BIAS_INDEX = 7
N_SHARED = 6


def _positional(call):
    return sum(1 for arg in call.args if arg.keyword is None and not arg.star)


def _applies(call):
    if has_splat(call) or find_arg(call, "nobias", None) is not None or _positional(call) > N_SHARED:
        return False
    bias = find_arg(call, "initial_bias", BIAS_INDEX)
    return bias is None or is_name(bias.value, "None")


def _edit(call):
    return add_keyword(call, "nobias", cst.Name("True")) if _applies(call) else call


def plan(ctx):
    todo = []
    for call in ctx.calls:
        if isinstance(call.func, cst.Call) or not v1_qnames(ctx, call.func) & CONSTRUCTORS \
                or find_arg(call, "nobias", None) is not None:
            continue       # (``L.ConvolutionND(...)(x)`` is a call of the link)
        bias = find_arg(call, "initial_bias", BIAS_INDEX)
        if bias is not None and not is_name(bias.value, "None"):
            if not isinstance(bias.value, (cst.Integer, cst.Float, cst.UnaryOperation)):
                ctx.review(bias, CODE, "v1 built no bias when `initial_bias` is None: if this "
                           "value can be None, pass `nobias=True` then", silent=True)
            continue
        if not has_splat(call) and _positional(call) > N_SHARED and r2.normalise(ctx, call):
            todo.append(call)      # R2: the slots past ``pad`` become v1 keywords first
            continue
        if has_splat(call) or _positional(call) > N_SHARED:
            ctx.review(call, CODE, "ConvolutionND without `initial_bias` had no bias in v1: pass "
                       "`nobias=True` (give the arguments after `pad` by keyword first: index 6 "
                       "is `initialW` in v1, `nobias` in v7)", silent=True)
            continue
        todo.append(call)
    lost = plan_calls(ctx, todo, _edit)
    for call in todo:
        if call in lost:
            ctx.review(call, CODE, "cannot add `nobias=True` here; add it by hand (v1: no bias "
                       "without `initial_bias`)", silent=True)
        else:
            ctx.report(call, CODE, "added `nobias=True` (v1 ConvolutionND had no bias without "
                       "`initial_bias`)", silent=True)
