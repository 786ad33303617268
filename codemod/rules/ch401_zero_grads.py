"""CH401 zero-grads: ``opt.zero_grads()`` -> ``opt.target.cleargrads()``.

Catalogue CH401 (upgrade guide: 'Deprecated methods of Optimizer are
removed'). The rewrite is valid on Chainer 1.24 too. Gradients become None
instead of zero arrays until ``backward()`` writes them; ``update()`` turns
the remaining ones into zeros before the hooks run (CH409), so training is
identical; only code reading ``.grad`` of a parameter that got no gradient
sees None. A call used as a value (not a statement of its own) or with
arguments is reported. A ``.grad`` read in the statements that follow the
call in its block, before one that calls ``backward()``, is reported too
(1.24 read a zero array there, the rewrite reads None; ``zerograds()``, which
the catalogue keeps for ``--strict-zero-grads``, warns on 7.8.1, CH608).
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
        read = _grad_read_before_backward(ctx, stmt)
        if read is not None:
            ctx.review(read, CODE, "`%s` is read after `%s` and before backward(): 1.24 gave a "
                       "zero array, `cleargrads()` leaves None (`%s.target.zerograds()` keeps "
                       "zeros but warns on 7.8.1)" % (code(read), code(call), code(receiver)),
                       silent=True)


def _build(new):
    def build(line):
        return [line.with_changes(body=[cst.Expr(new)])]
    return build


class _Reads(cst.CSTVisitor):
    def __init__(self):
        self.grads, self.backward = [], False

    def visit_Attribute(self, node):
        if node.attr.value == "grad":
            self.grads.append(node)
        elif node.attr.value == "backward":
            self.backward = True


def _grad_read_before_backward(ctx, stmt):
    """The first ``.grad`` read (not a write) in the statements after ``stmt`` in its
    block, up to the first statement that mentions ``backward``; else None."""
    body = list(ctx.block_of(stmt).body)
    for later in body[body.index(stmt) + 1:]:
        reads = _Reads()
        later.visit(reads)
        for attr in reads.grads:
            parent = ctx.parent(attr)
            if not isinstance(parent, cst.AssignTarget):
                return attr
        if reads.backward:
            return None
    return None
