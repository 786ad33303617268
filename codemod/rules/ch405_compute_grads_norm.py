"""CH405 compute-grads-norm: ``opt.compute_grads_norm()`` -> the norm written out.

Catalogue CH405 (valid on Chainer 1.24 too)::

    numpy.sqrt(sum(float(_p.grad.ravel().dot(_p.grad.ravel())) for _p in opt.target.params()))

``numpy`` is the name the file's top-level ``import numpy [as X]`` binds; a
file without that import is reported (add ``import numpy`` and rerun). 1.24
summed per device in registration order; the generator sums in 7.8.1's
order (sorted by name, CH211), which can change the last bit of the float sum.
"""
import libcst as cst

from codemod.rules.added_imports import bound_module
from codemod.rules.ch401_methods import ReplaceCall, method_calls
from codemod.values import code, is_pure

CODE = "CH405"


def _line(ctx, call):
    for anc in ctx.ancestors(call):
        if isinstance(anc, cst.SimpleStatementLine):
            return anc if ctx.block_of(anc) is not None else None
        if isinstance(anc, (cst.BaseCompoundStatement, cst.Lambda, cst.BaseComp)):
            return None
    return None


def plan(ctx):
    numpy = bound_module(ctx, "numpy")
    for call, receiver, problem in method_calls(ctx, "compute_grads_norm", 0):
        stmt = _line(ctx, call) if problem is None else None
        if problem is None and stmt is None:
            problem = "it is not inside a simple statement of a block"
        if problem is None and not is_pure(receiver):
            problem = "the receiver `%s` may have side effects" % code(receiver)
        if problem is None and numpy is None:
            problem = "the file does not `import numpy`; add it and rerun"
        if problem is None and (stmt in ctx.edits.replaced_stmts or stmt in ctx.edits.removed_stmts):
            problem = "another rule rewrites this statement"
        if problem is not None:
            ctx.review(call, CODE, "`%s`: %s" % (code(call), problem))
            continue
        new = cst.parse_expression(
            "{np}.sqrt(sum(float(_p.grad.ravel().dot(_p.grad.ravel())) for _p in "
            "{o}.target.params()))".format(np=numpy, o=code(receiver)))
        ctx.edits.replace_stmt(stmt, lambda line, old=call, new=new: [line.visit(ReplaceCall(old, new))])
        ctx.report(call, CODE, "replaced `%s` by the L2 norm of the gradients written out"
                   % code(call))
