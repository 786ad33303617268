"""CH501 raw-array-inputs: updaters pass arrays, ``Evaluator`` switches ``chainer.config.train``.

Chainer 7.8.1's ``Evaluator`` runs the model with ``chainer.config.train =
False``: a v1 model that never set a mode evaluated with dropout active and
BatchNormalization in training mode in 1.24, and now silently does not. There
is no syntactic fix; every ``Evaluator(...)`` construction is reported
(``silent:``) so that the evaluation mode can be checked. Loss functions now
receive arrays, not ``Variable`` s (``x.data`` of a NumPy array is its memory
buffer); those reads are not rewritten here.
"""
from codemod.rules.ch5_training import EVALUATOR, calls_of

CODE = "CH501"


def plan(ctx):
    for call in calls_of(ctx, EVALUATOR):
        ctx.review(call, CODE, "Chainer 7.8.1's Evaluator runs the model with "
                   "`chainer.config.train = False` and passes arrays, not Variables; in 1.24 "
                   "the model chose its own mode: check dropout/BatchNormalization in evaluation",
                   silent=True)
