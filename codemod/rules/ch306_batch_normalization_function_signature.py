"""CH306 batch-normalization-function-signature: positional ``eps`` .. ``decay`` become keywords.

Chainer 1.24: ``F.batch_normalization(x, gamma, beta, eps=2e-05,
running_mean=None, running_var=None, decay=0.9, use_cudnn=True)``; 7.8.1 takes
``(x, gamma, beta, **kwargs)``. Positional arguments past ``beta`` are passed
by their v1 keyword (catalogue R2; valid on 1.24 too); ``use_cudnn=`` is
CH105's, dropped in the same run (``ch302_binding``).
"""
from codemod.rules.ch302_binding import plan_table

CODE = "CH306"

_BN = ("x", "gamma", "beta", "eps", "running_mean", "running_var", "decay", "use_cudnn")

TABLE = {
    "chainer.functions.batch_normalization": (3, _BN),
    "chainer.functions.normalization.batch_normalization.batch_normalization": (3, _BN),
}


def plan(ctx):
    plan_table(ctx, CODE, TABLE, "7.8.1 takes them by keyword only")
