"""CH208 batchnorm-statistics: ``initial_avg_var=0`` for ``L.BatchNormalization(...)``.

Chainer 1.24 started the running variance at 0, Chainer 7.8.1 (v5) at 1.
Every construction resolved by qualified name (catalogue R1: ``L.BatchNormalization``,
its defining module's name and the v1 alias ``F.BatchNormalization``) that
does not give ``initial_avg_var`` gets ``initial_avg_var=0`` as its last
argument (v7-only output, catalogue R3). Each is reported once as a review
item with ``silent:`` (the edit is made, but it is not a complete fix): v1 also added eps to the batch variance in the running-variance
update, which no argument reproduces, so test-mode outputs after training
still differ by that term (the shim restores it). A call with ``**``/``*``
arguments is reported for review and left alone.

The argument is added through ``Edits.replace_stmt`` on the block-level
statement that holds the call, composed with any replacement another rule
planned for it (CH201 moves ``Chain.__init__`` keywords into ``init_scope``),
so this rule runs last.
"""
import libcst as cst

from codemod.context import find_arg, has_splat

CODE = "CH208"
ORDER = 1000  # last: composes with statements that other rules replace

#: Qualified names of the Chainer 1.24 BatchNormalization link (with the CH212 alias).
CONSTRUCTORS = {
    "chainer.links.BatchNormalization",
    "chainer.links.normalization.batch_normalization.BatchNormalization",
    "chainer.functions.BatchNormalization",
}

KEYWORD = "initial_avg_var"
#: Index of ``initial_avg_var`` in the 7.8.1 signature (size, decay, eps, dtype,
#: use_gamma, use_beta, initial_gamma, initial_beta, axis, initial_avg_mean, initial_avg_var).
V7_INDEX = 10

EPS_NOTE = ("the eps term that v1 added to the batch variance in the running-variance update "
            "cannot be written as an argument, so test-mode outputs after training differ by it "
            "(`import chainer_compat` restores it)")


def plan(ctx):
    funcs = {}  # block-level statement -> source of the callees to extend
    for call in ctx.calls:
        # (``L.BatchNormalization(8)(x)`` calls the link: libcst names it like the class)
        if not ctx.callee_qnames(call) & CONSTRUCTORS:
            continue
        if find_arg(call, KEYWORD, V7_INDEX) is not None:
            continue
        if has_splat(call):
            ctx.review(call, CODE, "BatchNormalization built with */** arguments: pass "
                       "`initial_avg_var=0` unless they give it (v1 started the running "
                       "variance at 0); " + EPS_NOTE, silent=True)
            continue
        stmt = _block_statement(ctx, call)
        if stmt is None or stmt in ctx.edits.removed_stmts:
            ctx.review(call, CODE, "cannot add `initial_avg_var=0` here; add it by hand "
                       "(v1 started the running variance at 0); " + EPS_NOTE, silent=True)
            continue
        funcs.setdefault(stmt, set()).add(ctx.module.code_for_node(call.func))
        ctx.review(call, CODE, "added `initial_avg_var=0` (v1 started the running variance "
                   "at 0, exact before any training step); " + EPS_NOTE, silent=True)
    for stmt, names in funcs.items():
        _plan_statement(ctx, stmt, names)


def _block_statement(ctx, node):
    """The statement of an IndentedBlock or Module body that contains ``node``."""
    for anc in ctx.ancestors(node):
        if ctx.block_of(anc) is not None:
            return anc
    return None


def _plan_statement(ctx, stmt, names):
    add = _AddArgument(ctx.module, names)
    ctx.edits.extend_stmt(stmt, lambda stmts: [s.visit(add) for s in stmts])


class _AddArgument(cst.CSTTransformer):
    """Append ``initial_avg_var=0`` to calls of the callees ``names`` (source text)
    that have no ``*``/``**`` argument and do not give it yet."""

    def __init__(self, module, names):
        super().__init__()
        self.module = module
        self.names = names

    def leave_Call(self, original_node, updated_node):
        if (self.module.code_for_node(updated_node.func) not in self.names
                or has_splat(updated_node)
                or find_arg(updated_node, KEYWORD, V7_INDEX) is not None):
            return updated_node
        return add_keyword(updated_node, KEYWORD, cst.Integer("0"))


def add_keyword(call, keyword, value):
    """``call`` with ``keyword=value`` appended, keeping its comma and line style."""
    new = cst.Arg(value=value, keyword=cst.Name(keyword),
                  equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""),
                                        whitespace_after=cst.SimpleWhitespace("")))
    args = list(call.args)
    if not args:
        return call.with_changes(args=[new])
    last = args[-1]
    if isinstance(last.comma, cst.Comma):  # trailing comma: the new argument takes it
        if len(args) > 1 and isinstance(args[-2].comma, cst.Comma):
            between = args[-2].comma
        else:
            space = call.whitespace_before_args
            if isinstance(space, cst.SimpleWhitespace):
                space = cst.SimpleWhitespace(" ")
            between = cst.Comma(whitespace_after=space)
        args[-1] = last.with_changes(comma=between)
        args.append(new.with_changes(comma=last.comma))
    else:
        args[-1] = last.with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        args.append(new)
    return call.with_changes(args=args)
