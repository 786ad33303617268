"""CH606 cuda-module-move: ``chainer.cuda`` is ``chainer.backends.cuda`` (v4).

Catalogue CH606 (optional, v7-only spellings; the old ones still work on
7.8.1): ``from chainer import cuda`` -> ``from chainer.backends import cuda``;
``cuda.get_array_module`` (resolved by qualified name) ->
``chainer.backend.get_array_module``. Other uses of ``chainer.cuda`` are left.
"""
import libcst as cst

from codemod.rules.ch6_imports import from_imports, move_from_import

CODE = "CH606"

GET_ARRAY_MODULE = {"chainer.cuda.get_array_module", "chainer.backends.cuda.get_array_module"}


def plan(ctx):
    for line, _, alias, package, name in from_imports(ctx):
        if package == "chainer" and name == "cuda":
            move_from_import(ctx, line, alias, "chainer.backends", CODE,
                             "`from chainer import cuda` -> `from chainer.backends import cuda` "
                             "(v7-only)")
    for node in ctx.attributes:
        if ctx.qnames(node) & GET_ARRAY_MODULE and not _in_import(ctx, node):
            ctx.edits.replace_node(node, lambda updated: cst.parse_expression(
                "chainer.backend.get_array_module"))
            ctx.needs_chainer = True
            ctx.report(node, CODE, "`%s` -> `chainer.backend.get_array_module` (v7-only)"
                       % cst.Module([]).code_for_node(node))


def _in_import(ctx, node):
    return any(isinstance(anc, (cst.Import, cst.ImportFrom)) for anc in ctx.ancestors(node))
