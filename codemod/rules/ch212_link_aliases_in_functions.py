"""CH212 link-aliases-in-functions: ``F.Linear`` & co. -> ``L.Linear``.

Catalogue CH212, appendix A3: the 12 link classes that Chainer 1.24 also
exported from ``chainer.functions`` raise ``AttributeError`` on 7.8.1. Every
reference that resolves to ``chainer.functions.<name>`` through an attribute
(``F.Linear``, ``chainer.functions.Linear``) becomes ``<L>.<name>``, where
``<L>`` is the name the file binds to ``chainer.links`` at the top level; when
there is none, ``import chainer.links as L`` is added, or ``chainer.links.<name>``
is written when the name ``L`` is taken. ``from chainer.functions import
Linear`` becomes ``from chainer.links import Linear``. Valid on 1.24 too.

Runs after every other rule (``ORDER``): the rules that edit these constructor
calls (CH203, CH204, CH205, CH208 ...) find them by their v1 callee text, and
this rule renames the callee in the statements they built.
"""
import libcst as cst

from codemod.rules import added_imports
from codemod.rules.ch205_keywords import block_statement
from codemod.rules.ch6_imports import from_imports, move_from_import

CODE = "CH212"
ORDER = 1010   # after CH208 (1000): renames the callee text the others match on

NAMES = ("BatchNormalization", "Bilinear", "BinaryHierarchicalSoftmax", "Convolution2D",
         "DilatedConvolution2D", "EmbedID", "Inception", "InceptionBN", "Linear",
         "NegativeSampling", "PReLU", "Parameter")
QNAMES = {"chainer.functions." + name: name for name in NAMES}


def links_prefix(ctx):
    """The source that names ``chainer.links`` in this file (planning its import if needed)."""
    bound = added_imports.bound_module(ctx, "chainer.links")
    if bound is not None:
        return bound
    if added_imports.name_is_free(ctx, "L"):
        added_imports.require(ctx, "chainer.links", "L")
        return "L"
    ctx.needs_chainer = True
    return "chainer.links"


def plan(ctx):
    for line, _, alias, package, name in from_imports(ctx):
        if package == "chainer.functions" and name in NAMES:
            move_from_import(ctx, line, alias, "chainer.links", CODE,
                             "`from chainer.functions import %s` -> `from chainer.links import %s`"
                             % (name, name))
    sites = {}
    for node in ctx.attributes:
        found = sorted(ctx.qnames(node) & set(QNAMES))
        if not found:
            continue
        stmt = block_statement(ctx, node)
        if stmt is None or stmt in ctx.edits.removed_stmts:
            ctx.review(node, CODE, "%s is not in chainer.functions on v7: use chainer.links.%s"
                       % (ctx.module.code_for_node(node), QNAMES[found[0]]))
            continue
        sites.setdefault(stmt, []).append((node, QNAMES[found[0]]))
    if not sites:
        return
    prefix = links_prefix(ctx)
    for stmt, found in sites.items():
        renames = {}
        for node, name in found:
            old = ctx.module.code_for_node(node)
            renames[old] = "%s.%s" % (prefix, name)
            ctx.report(node, CODE, "`%s` -> `%s` (the link class; chainer.functions lost it in v2)"
                       % (old, renames[old]))
        _rename_in(ctx, stmt, renames)


def _rename_in(ctx, stmt, renames):
    """Replace ``stmt`` (after any earlier replacement of it) with a copy in which
    every attribute whose source is a key of ``renames`` becomes its value."""
    module = ctx.module

    class _Rename(cst.CSTTransformer):
        def leave_Attribute(self, original_node, updated_node):
            new = renames.get(module.code_for_node(updated_node))
            if new is None:
                return updated_node
            return cst.parse_expression(new).with_changes(lpar=updated_node.lpar,
                                                          rpar=updated_node.rpar)

    ctx.edits.extend_stmt(stmt, lambda stmts: [s.visit(_Rename()) for s in stmts])
