"""CH305 matmul-semantics: every ``F.matmul`` call, reported for review.

Catalogue CH305: 7.8.1's ``F.matmul`` follows ``numpy.matmul``; 1.24 treated
1-D operands as (n, 1) columns (always a 2-D result) and rejected 3-D
operands. Which applies needs the operands' ``ndim``, so every call resolved
to ``chainer.functions.matmul`` is reported (``silent:``) with the rewrite for
1-D operands.
"""
CODE = "CH305"

NAMES = {"chainer.functions.matmul", "chainer.functions.math.matmul.matmul"}


def plan(ctx):
    for call in ctx.calls:
        if ctx.qnames(call.func) & NAMES:
            ctx.review(call, CODE, "F.matmul follows numpy.matmul on v7: a 1-D operand is a "
                       "vector, not an (n, 1) column; write F.reshape(v, (-1, 1)) for 1-D "
                       "operands and use F.matmul only for 2-D ones", silent=True)
