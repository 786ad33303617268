"""CH605 removed-misc-names: ``chainer.thread_local``, ``chainer.optimizer.exponential_decay_noise``,
``WalkerAlias.sample_cpu``, ``caffe_function.available``.

Catalogue CH605 (resolved by qualified name, R1):

- ``chainer.thread_local.function_hooks`` read -> ``chainer.get_function_hooks()``
  (valid on 1.24 too); a write or ``del`` is reported;
- ``chainer.optimizer.exponential_decay_noise`` ->
  ``chainer.optimizer_hooks.gradient_noise.exponential_decay_noise`` (v7-only);
- ``.sample_cpu(shape)`` of a ``WalkerAlias`` is reported, not rewritten:
  ``sample`` compares in the threshold's dtype (float32) where 1.24's
  ``sample_cpu`` compared in float64, so a few draws can differ;
- ``caffe_function.available`` is reported (always true in 7.8.1).
"""
import libcst as cst

CODE = "CH605"

NOISE = "chainer.optimizer.exponential_decay_noise"
NEW_NOISE = "chainer.optimizer_hooks.gradient_noise.exponential_decay_noise"
HOOKS = "chainer.thread_local.function_hooks"
AVAILABLE = "chainer.links.caffe.caffe_function.available"
WALKER = {"chainer.utils.WalkerAlias", "chainer.utils.walker_alias.WalkerAlias"}


def _text(node):
    return cst.Module([]).code_for_node(node)


def plan(ctx):
    for node in ctx.attributes:
        found = ctx.qnames(node)
        if HOOKS in found:
            parent = ctx.parent(node)
            if isinstance(parent, (cst.AssignTarget, cst.Del)) or (
                    isinstance(parent, cst.AugAssign) and parent.target is node):
                ctx.review(node, CODE, "`%s` is written: Chainer 7.8.1 keeps the hooks in "
                           "`chainer.get_function_hooks()`; change that dict instead" % _text(node))
                continue
            ctx.edits.replace_node(node, lambda updated: cst.parse_expression(
                "chainer.get_function_hooks()"))
            ctx.needs_chainer = True
            ctx.report(node, CODE, "`%s` -> `chainer.get_function_hooks()`" % _text(node))
        elif NOISE in found and not isinstance(ctx.parent(node), cst.Attribute):
            ctx.edits.replace_node(node, lambda updated: cst.parse_expression(NEW_NOISE))
            ctx.needs_chainer = True
            ctx.report(node, CODE, "`%s` -> `%s` (v7-only)" % (_text(node), NEW_NOISE))
        elif AVAILABLE in found:
            ctx.review(node, CODE, "`%s` is gone: Chainer 7.8.1 imports caffe_pb2 "
                       "unconditionally, so the module is available once it imported" % _text(node))
        elif node.attr.value == "sample_cpu" and ctx.link_type(node.value) & WALKER:
            ctx.review(node, CODE, "`%s` is gone: `.sample(shape)` is the 7.8.1 method, but it "
                       "compares in float32 where 1.24 compared in float64 (a few draws may "
                       "differ); keep `import chainer_compat` for 1.24's draws" % _text(node))
