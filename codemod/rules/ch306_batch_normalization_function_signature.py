"""CH306 batch-normalization-function-signature: positional ``eps`` .. ``decay`` become
keywords; the running statistics arguments are dropped.

Chainer 1.24: ``F.batch_normalization(x, gamma, beta, eps=2e-05,
running_mean=None, running_var=None, decay=0.9, use_cudnn=True)``; 7.8.1 takes
``(x, gamma, beta, **kwargs)``. Positional arguments past ``beta`` are passed
by their v1 keyword (catalogue R2; valid on 1.24 too); ``use_cudnn=`` is
CH105's, dropped in the same run (``ch302_binding``).

Real Chainer 1.24 copied ``running_mean`` / ``running_var`` inside the
function and updated the copies, so the caller's arrays never changed
(``chainer_compat/ch306_bn_running.py``; the catalogue's "updated in place"
is 7.8.1's behaviour). 7.8.1 updates the given arrays in place, so the exact
v2 form drops ``running_mean=``, ``running_var=`` and ``decay=`` (which only
steers that update); a value that may have side effects is reported instead.
"""
from codemod.context import find_arg, has_splat
from codemod.rules import ch302_binding as r2
from codemod.rules.ch302_binding import plan_table
from codemod.values import code, is_name, is_pure

CODE = "CH306"

_BN = ("x", "gamma", "beta", "eps", "running_mean", "running_var", "decay", "use_cudnn")

TABLE = {
    "chainer.functions.batch_normalization": (3, _BN),
    "chainer.functions.normalization.batch_normalization.batch_normalization": (3, _BN),
}

#: parameter -> v1 positional index
_RUNNING = (("running_mean", 4), ("running_var", 5), ("decay", 6))


def plan(ctx):
    for call in ctx.calls:
        if ctx.qnames(call.func) & set(TABLE) and not has_splat(call):
            _drop_running(ctx, call)
    plan_table(ctx, CODE, TABLE, "7.8.1 takes them by keyword only")


def _drop_running(ctx, call):
    found = [(name, find_arg(call, name, index)) for name, index in _RUNNING]
    found = [(name, arg) for name, arg in found if arg is not None]
    given = [(name, arg) for name, arg in found
             if name != "decay" and not is_name(arg.value, "None")]
    if not given:
        return
    what = ", ".join("`%s=%s`" % (name, code(arg.value)) for name, arg in found)
    positional = any(arg.keyword is None for _, arg in found)
    problem = None
    if any(not is_pure(arg.value) for _, arg in found):
        problem = "a value may have side effects"
    elif positional and not r2.can_normalise(ctx, call):
        problem = "the arguments cannot be passed by keyword"
    if problem is not None:
        ctx.review(given[0][1], CODE, "%s: 1.24 updated copies and never the caller's arrays, "
                   "7.8.1 updates them in place; drop these arguments (%s)" % (what, problem),
                   silent=True)
        return
    if positional:
        r2.normalise(ctx, call)
    for _, arg in found:
        ctx.edits.remove_arg(call, arg)
    ctx.report(given[0][1], CODE, "removed %s: 1.24 updated copies and never the caller's "
               "arrays (7.8.1 would update them in place)" % what, silent=True)
