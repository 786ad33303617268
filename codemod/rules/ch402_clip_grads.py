"""CH402 clip-grads: ``opt.clip_grads(t)`` -> ``chainer.optimizer_hooks.GradientClipping(t)(opt)``.

Catalogue CH402: the hook applied at once at the same place is exact
(``x.translate.optimizer_methods``) and v7-only output. Moving it to
``opt.add_hook(GradientClipping(t))`` at setup is equivalent only when every
``update()`` is preceded by the call, so the codemod never does that. A
receiver with side effects, or a call used as a value, is reported.
"""
import libcst as cst

from codemod.rules.ch401_methods import expression_statement, method_calls
from codemod.values import code, is_pure

CODE = "CH402"


def plan(ctx):
    for call, receiver, problem in method_calls(ctx, "clip_grads", 1):
        if problem is None and call.args[0].keyword is not None \
                and call.args[0].keyword.value != "maxnorm":
            problem = "unknown keyword `%s`" % call.args[0].keyword.value
        stmt = expression_statement(ctx, call) if problem is None else None
        if problem is None and stmt is None:
            problem = "it is used as a value"
        if problem is None and not is_pure(receiver):
            problem = "the receiver `%s` may have side effects" % code(receiver)
        if problem is not None:
            ctx.review(call, CODE, "`%s`: %s; write `chainer.optimizer_hooks.GradientClipping"
                       "(maxnorm)(optimizer)` by hand" % (code(call), problem))
            continue
        new = cst.parse_expression("chainer.optimizer_hooks.GradientClipping(%s)(%s)"
                                   % (code(call.args[0].value), code(receiver)))
        ctx.edits.replace_stmt(stmt, lambda line, new=new: [line.with_changes(body=[cst.Expr(new)])])
        ctx.needs_chainer = True
        ctx.report(call, CODE, "replaced `%s` by `%s` (v7-only)" % (code(call), code(new)))
