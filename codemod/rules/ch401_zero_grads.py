"""CH401 zero-grads: ``opt.zero_grads()`` -> ``opt.target.cleargrads()``.

Catalogue CH401 (upgrade guide: 'Deprecated methods of Optimizer are
removed'). The rewrite is valid on Chainer 1.24 too. Gradients become None
instead of zero arrays until ``backward()`` writes them; ``update()`` turns
the remaining ones into zeros before the hooks run (CH409), so training is
identical; only code reading ``.grad`` of a parameter that got no gradient
sees None. A call used as a value (not a statement of its own) or with
arguments is reported.
"""
import libcst as cst

from codemod.rules.ch401_methods import expression_statement, method_calls
from codemod.values import code

CODE = "CH401"


def plan(ctx):
    for call, receiver, problem in method_calls(ctx, "zero_grads", 0):
        stmt = expression_statement(ctx, call) if problem is None else None
        if stmt is None:
            ctx.review(call, CODE, "`%s` %s: replace it by `%s.target.cleargrads()`"
                       % (code(call), problem or "is used as a value", code(receiver)))
            continue
        new = cst.parse_expression("%s.target.cleargrads()" % code(receiver))
        ctx.edits.replace_stmt(stmt, _build(new))
        ctx.report(call, CODE, "replaced `%s` by `%s` (gradients are None until backward; "
                   "update() treats them as zeros)" % (code(call), code(new)))


def _build(new):
    def build(line):
        return [line.with_changes(body=[cst.Expr(new)])]
    return build
