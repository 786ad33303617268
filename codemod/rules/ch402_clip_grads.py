"""CH402 clip-grads: ``opt.clip_grads(t)`` -> ``chainer.optimizer_hooks.GradientClipping(t)(opt)``.

Catalogue CH402: the hook applied at once at the same place is exact
(``x.translate.optimizer_methods``) and v7-only output. Moving it to
``opt.add_hook(GradientClipping(t))`` at setup is equivalent only when every
``update()`` is preceded by the call, so the codemod never does that. A
receiver with side effects, or a call used as a value, is reported.
"""
import libcst as cst

from codemod.rules.ch401_methods import statement_calls
from codemod.values import code

CODE = "CH402"


def plan(ctx):
    for call, receiver, stmt, problem in statement_calls(ctx, "clip_grads", "maxnorm"):
        if problem is not None:
            ctx.review(call, CODE, "`%s`: %s; write `chainer.optimizer_hooks.GradientClipping"
                       "(maxnorm)(optimizer)` by hand" % (code(call), problem))
            continue
        new = cst.parse_expression("chainer.optimizer_hooks.GradientClipping(%s)(%s)"
                                   % (code(call.args[0].value), code(receiver)))
        ctx.edits.replace_stmt(stmt, lambda line, new=new: [line.with_changes(body=[cst.Expr(new)])])
        ctx.needs_chainer = True
        ctx.report(call, CODE, "replaced `%s` by `%s` (v7-only)" % (code(call), code(new)))
