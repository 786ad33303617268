"""CH205 lstm-forget-bias: ``forget_bias_init=0`` for ``L.LSTM(...)`` / ``L.StatelessLSTM(...)``.

Chainer 1.24 started every gate bias at 0; Chainer 2+ starts the forget gate
at 1. Every construction resolved by qualified name (catalogue R1) and every
``super(...).__init__(...)`` in ``__init__`` of a class of this file derived
from them that does not give ``forget_bias_init`` (keyword, or the 6th
positional argument) gets ``forget_bias_init=0`` appended. The result is
valid on 1.24 too and exact (catalogue ``x.translate.lstm_forget_bias``).
Each site is reported with ``silent:`` (catalogue R7). A call with
``*``/``**`` arguments is reported for review and left alone.
"""
import libcst as cst

from codemod.context import find_arg, has_splat
from codemod.rules.ch205_keywords import add_keyword, plan_calls, super_init_calls

CODE = "CH205"

CONSTRUCTORS = {
    "chainer.links.LSTM", "chainer.links.StatelessLSTM",
    "chainer.links.connection.lstm.LSTM", "chainer.links.connection.lstm.StatelessLSTM",
    "chainer.links.rnn.lstm.LSTM", "chainer.links.rnn.lstm.StatelessLSTM",
}
KEYWORD = "forget_bias_init"
INDEX = 5


def _edit(call):
    if has_splat(call) or find_arg(call, KEYWORD, INDEX) is not None:
        return call
    return add_keyword(call, KEYWORD, cst.Integer("0"))


def plan(ctx):
    # (not ``L.LSTM(3, 4)(x)``: a call of the link, see FileContext.callee_qnames)
    sites = [call for call in ctx.calls if ctx.callee_qnames(call) & CONSTRUCTORS]
    sites += super_init_calls(ctx, CONSTRUCTORS)
    todo = []
    for call in sites:
        if find_arg(call, KEYWORD, INDEX) is not None:
            continue
        if has_splat(call):
            ctx.review(call, CODE, "LSTM built with */** arguments: pass `forget_bias_init=0` "
                       "unless they give it (v1 started the forget-gate bias at 0, v2+ at 1)",
                       silent=True)
            continue
        todo.append(call)
    lost = plan_calls(ctx, todo, _edit)
    for call in todo:
        if call in lost:
            ctx.review(call, CODE, "cannot add `forget_bias_init=0` here; add it by hand "
                       "(v1 started the forget-gate bias at 0, v2+ at 1)", silent=True)
        else:
            ctx.report(call, CODE, "added `forget_bias_init=0` (v1 started the forget-gate "
                       "bias at 0, v2+ at 1)", silent=True)
