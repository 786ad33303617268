"""CH408 optimizer-hooks-module: ``chainer.optimizer.<Hook>`` -> ``chainer.optimizer_hooks.<Hook>``.

Catalogue CH408. The five hook classes moved to ``chainer.optimizer_hooks`` in
v4 (the old names still work and warn); the rewrite of an attribute reference
whose qualified name is ``chainer.optimizer.<Hook>`` removes the warning and
is v7-only output. Names imported with ``from chainer.optimizer import
<Hook>`` are reported (change the import). A direct call ``hook(opt)`` of
``WeightDecay``, ``Lasso``, ``GradientHardClipping`` or ``GradientNoise``
(``chainer.optimizer.Lasso(r)(opt)``, or a name assigned once from such a
constructor) is reported: those hooks work per parameter since v2 (for
``WeightDecay`` the CH403 loop is the rewrite).
"""
import libcst as cst

from codemod.values import code

CODE = "CH408"

HOOKS = ("WeightDecay", "Lasso", "GradientClipping", "GradientHardClipping", "GradientNoise")
PER_PARAM = ("WeightDecay", "Lasso", "GradientHardClipping", "GradientNoise")
OLD = {"chainer.optimizer." + h: h for h in HOOKS}
ANY = dict(OLD, **{"chainer.optimizer_hooks." + h: h for h in HOOKS},
           **{"chainer.optimizer_hooks.%s.%s" % (m, h): h for m, h in (
               ("weight_decay", "WeightDecay"), ("lasso", "Lasso"),
               ("gradient_clipping", "GradientClipping"),
               ("gradient_hard_clipping", "GradientHardClipping"),
               ("gradient_noise", "GradientNoise"))})


def _hook_class(ctx, expr):
    """The hook class name that constructed ``expr`` (a call or a name assigned once), else None."""
    if isinstance(expr, cst.Name):
        assignment = ctx.single_assignment(expr)
        if assignment is None:
            return None
        stmt = ctx.parent(ctx.parent(assignment.node))
        if not (isinstance(stmt, cst.Assign) and len(stmt.targets) == 1):
            return None
        expr = stmt.value
    if isinstance(expr, cst.Call):
        for q in ctx.qnames(expr.func):
            if q in ANY:
                return ANY[q]
    return None


def plan(ctx):
    for call in ctx.calls:
        if len(call.args) != 1 or call.args[0].keyword is not None or call.args[0].star:
            continue
        hook = _hook_class(ctx, call.func)
        if hook in PER_PARAM:
            fix = ("replace it by the CH403 loop (`p.grad += rate * p.data` for each parameter)"
                   if hook == "WeightDecay" else
                   "register the hook with `optimizer.add_hook(...)` or apply it per parameter "
                   "as `hook(param.update_rule, param)`")
            ctx.review(call, CODE, "`%s` calls the %s hook with an optimizer: since v2 it is a "
                       "per-parameter hook `hook(rule, param)`; %s" % (code(call), hook, fix))
    renames = {}
    for node in ctx.attributes:
        found = ctx.qnames(node) & set(OLD)
        if not found:
            continue
        hook = OLD[sorted(found)[0]]
        stmt = _statement(ctx, node)
        if code(node) != "chainer.optimizer." + hook or stmt is None \
                or stmt in ctx.edits.replaced_stmts or stmt in ctx.edits.removed_stmts:
            ctx.review(node, CODE, "`%s` is `chainer.optimizer.%s`, deprecated since v4: use "
                       "`chainer.optimizer_hooks.%s`" % (code(node), hook, hook))
            continue
        renames.setdefault(stmt, []).append(node)
        ctx.report(node, CODE, "renamed `chainer.optimizer.%s` to `chainer.optimizer_hooks.%s` "
                   "(v7-only)" % (hook, hook))
    for stmt, nodes in renames.items():
        ctx.edits.replace_stmt(stmt, lambda line, nodes=nodes: [line.visit(_Rename(nodes))])
    for node in ctx.names:
        found = ctx.qnames(node) & set(OLD)
        if found and not isinstance(ctx.parent(node), (cst.ImportAlias, cst.Attribute)):
            hook = OLD[sorted(found)[0]]
            ctx.review(node, CODE, "`%s` is `chainer.optimizer.%s` (deprecated since v4): import "
                       "it from `chainer.optimizer_hooks`" % (node.value, hook))


def _statement(ctx, node):
    """The simple statement line (directly in a block) holding ``node``, else None."""
    for anc in ctx.ancestors(node):
        if isinstance(anc, cst.SimpleStatementLine):
            return anc if ctx.block_of(anc) is not None else None
        if isinstance(anc, cst.BaseCompoundStatement):
            return None
    return None


class _Rename(cst.CSTTransformer):
    """``chainer.optimizer.<Hook>`` -> ``chainer.optimizer_hooks.<Hook>`` for the nodes found."""

    def __init__(self, nodes):
        super().__init__()
        self.texts = {code(node) for node in nodes}

    def leave_Attribute(self, original_node, updated_node):
        if code(updated_node.with_changes(lpar=[], rpar=[])) in self.texts:
            return updated_node.with_changes(
                value=cst.parse_expression("chainer.optimizer_hooks"))
        return updated_node
