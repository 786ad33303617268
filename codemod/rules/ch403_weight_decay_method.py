"""CH403 weight-decay-method: ``opt.weight_decay(rate)`` -> a loop adding ``rate * p.data``.

Catalogue CH403: the statement becomes (valid on Chainer 1.24 too; exact,
``x.translate.optimizer_methods``)::

    for _p in opt.target.params():
        if _p.grad is not None:
            _p.grad += rate * _p.data

The loop variable is a name the file does not use; a ``rate`` with side
effects is first assigned to such a name. ``opt.add_hook(WeightDecay(rate))``
at setup is the idiomatic form but equivalent only when every ``update()`` is
preceded by the call (never done here). A call used as a value is reported.
"""
import libcst as cst

from codemod.rules.ch401_methods import fresh_name, operand, statement_calls, with_comments
from codemod.values import code, is_pure

CODE = "CH403"


def plan(ctx):
    for call, receiver, stmt, problem in statement_calls(ctx, "weight_decay", "decay"):
        if problem is not None:
            ctx.review(call, CODE, "`%s`: %s; add `rate * p.data` to every `p.grad` of "
                       "`optimizer.target.params()` by hand" % (code(call), problem))
            continue
        rate = call.args[0].value
        var = fresh_name(ctx, "_p")
        lines = []
        if is_pure(rate):
            rate_text = operand(rate)
        else:
            rate_text = fresh_name(ctx, "_rate")
            lines.append("%s = %s\n" % (rate_text, code(rate)))
        lines.append("for {v} in {o}.target.params():\n    if {v}.grad is not None:\n"
                     "        {v}.grad += {r} * {v}.data\n".format(v=var, o=code(receiver), r=rate_text))
        new = list(cst.parse_module("".join(lines)).body)
        ctx.edits.replace_stmt(stmt, lambda line, new=new: with_comments(new, line))
        ctx.report(call, CODE, "replaced `%s` by a loop adding `%s * p.data` to each gradient"
                   % (code(call), rate_text))
