"""CH602 functions-caffe-alias: ``chainer.functions.caffe`` is ``chainer.links.caffe``.

Catalogue CH602. Rewrites (valid on 1.24 too): ``from chainer.functions import
caffe`` -> ``from chainer.links import caffe``; ``from chainer.functions.caffe
import CaffeFunction`` (or ``caffe_function``) -> ``from chainer.links.caffe
import ...``; ``import chainer.functions.caffe [as NAME]`` -> ``import chainer.links.caffe [as NAME]``
together with the spelled-out uses ``chainer.functions.caffe.X`` ->
``chainer.links.caffe.X``. Other uses (``F.caffe.CaffeFunction`` through an
alias of ``chainer.functions``) are reported: ``chainer.links.caffe`` is not
imported by ``import chainer.links``, so the new spelling needs that import.
"""
import libcst as cst

from codemod.rules.ch6_imports import from_imports, move_from_import
from codemod.values import dotted

CODE = "CH602"
OLD, NEW = "chainer.functions.caffe", "chainer.links.caffe"


def plan(ctx):
    for line, _, alias, package, name in from_imports(ctx):
        if package == "chainer.functions" and name == "caffe":
            move_from_import(ctx, line, alias, "chainer.links", CODE,
                             "`from chainer.functions import caffe` -> `from chainer.links import caffe`")
        elif package == OLD:
            move_from_import(ctx, line, alias, NEW, CODE,
                             "`from %s import %s` -> `from %s import %s`" % (OLD, name, NEW, name))
    plain = False
    for node in _imports(ctx):
        plain = plain or node.asname is None
        ctx.edits.replace_node(node.name, lambda updated: cst.parse_expression(NEW))
        ctx.report(node, CODE, "`import %s` -> `import %s`" % (OLD, NEW))
    for node in ctx.attributes:
        if OLD not in ctx.qnames(node) or _in_import(ctx, node):
            continue
        if plain and dotted(node) == OLD:
            ctx.edits.replace_node(node, lambda updated: cst.parse_expression(NEW))
            ctx.report(node, CODE, "`%s` -> `%s`" % (OLD, NEW))
        else:
            ctx.review(node, CODE, "`%s` is `%s` (Chainer 7.8.1 has no `%s`): import it with "
                       "`from chainer.links import caffe` and use that name"
                       % (cst.Module([]).code_for_node(node), NEW, OLD))


def _imports(ctx):
    """``ImportAlias`` nodes of ``import chainer.functions.caffe [as NAME]``."""
    found = []

    class _Visit(cst.CSTVisitor):
        def visit_Import(self, node):
            for alias in node.names:
                if dotted(alias.name) == OLD:
                    found.append(alias)
    ctx.module.visit(_Visit())
    return found


def _in_import(ctx, node):
    return any(isinstance(anc, (cst.Import, cst.ImportFrom)) for anc in ctx.ancestors(node))
