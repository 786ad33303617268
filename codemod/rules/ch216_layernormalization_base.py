"""CH216 layernormalization-base: Chain-only uses of ``L.LayerNormalization``, for review.

Catalogue CH216: ``L.LayerNormalization`` is a ``Link`` since v2 (1.24: a
``Chain``). Nothing to rewrite; on receivers that local type inference (R5)
identifies as ``LayerNormalization``, ``isinstance(X, chainer.Chain)`` (false
on 7.8.1, silently), ``X['name']`` and ``X.add_link(...)`` (``AttributeError``)
are reported.
"""
import libcst as cst

CODE = "CH216"

QNAMES = {"chainer.links.LayerNormalization",
          "chainer.links.normalization.layer_normalization.LayerNormalization"}
CHAIN = {"chainer.Chain", "chainer.link.Chain"}


def _is_layer_norm(ctx, node):
    return bool(ctx.link_type(node) & QNAMES)


def plan(ctx):
    for call in ctx.calls:
        func = call.func
        if isinstance(func, cst.Name) and func.value == "isinstance" and len(call.args) == 2 \
                and ctx.qnames(call.args[1].value) & CHAIN \
                and _is_layer_norm(ctx, call.args[0].value):
            ctx.review(call, CODE, "LayerNormalization is a Link, not a Chain, on v7: this "
                       "isinstance test is false", silent=True)
        elif isinstance(func, cst.Attribute) and func.attr.value == "add_link" \
                and _is_layer_norm(ctx, func.value):
            ctx.review(call, CODE, "LayerNormalization has no add_link on v7 (it is a Link)")

    class _Subscripts(cst.CSTVisitor):
        def visit_Subscript(self, node):
            if _is_layer_norm(ctx, node.value):
                ctx.review(node, CODE, "LayerNormalization has no [] on v7: read the "
                           "attribute (`.gamma`, `.beta`)")
    ctx.module.visit(_Subscripts())
