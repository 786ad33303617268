"""CH603 submodule-attributes: v1 module attributes that named submodules (``chainer.links.linear``).

Catalogue CH603 (appendix A5). ``from chainer.links import linear`` becomes
``from chainer.links.connection import linear`` (the v1 target; valid on
1.24 too); where 7.8.1 moved the module (``chainer.links.connection.lstm`` is
``chainer.links.rnn.lstm``, ``chainer.training.triggers.interval`` is
``interval_trigger``) the 7.8.1 path is written (v7-only), with ``as`` keeping
the bound name. An attribute use such as ``L.linear`` (resolved by qualified
name, R1) becomes the full path ``chainer.links.connection.linear``. Aliases
of ``chainer.flag`` belong to CH104 and are left alone.
"""
import libcst as cst

from chainer_rules.ch603_submodule_attributes import ALIASES, MOVED
from codemod.rules.ch6_imports import from_imports, move_from_import

CODE = "CH603"

#: Targets other codes handle.
SKIP = {"chainer.flag"}


def alias_target(qname):
    """``(v1 target, 7.8.1 path)`` of the v1 alias ``qname`` (``'chainer.links.linear'``), else None."""
    owner, _, name = qname.rpartition(".")
    target = ALIASES.get(owner, {}).get(name)
    if target is None or target in SKIP:
        return None
    return target, MOVED.get(target, target)


def v1_qnames(ctx, node):
    """``ctx.qnames(node)`` plus the same names read through the v1 submodule
    aliases (catalogue R1): ``chainer.links.convolution_nd.ConvolutionND`` (after
    ``from chainer.links import convolution_nd``) also gives
    ``chainer.links.connection.convolution_nd.ConvolutionND`` and its 7.8.1 path."""
    found = set(ctx.qnames(node))
    for qname in list(found):
        parts = qname.split(".")
        for end in range(2, len(parts)):
            target = alias_target(".".join(parts[:end]))
            if target is not None:
                rest = ".".join(parts[end:])
                found |= {"%s.%s" % (module, rest) for module in target}
                break
    return found


def plan(ctx):
    for line, _, alias, package, name in from_imports(ctx):
        found = alias_target("%s.%s" % (package, name))
        if found is None:
            continue
        target, path = found
        module, _, last = path.rpartition(".")
        move_from_import(ctx, line, alias, module, CODE,
                         "`from %s import %s` -> `from %s import %s%s`%s"
                         % (package, name, module, last, "" if last == name else " as " + name,
                            "" if path == target else " (moved in 7.8.1; v7-only)"),
                         name=last)
    for node in ctx.attributes:
        if _in_import(ctx, node):
            continue
        for qname in sorted(ctx.qnames(node)):
            found = alias_target(qname)
            if found is None:
                continue
            path = found[1]
            if ctx.edits.replace_node(node, lambda updated, path=path: cst.parse_expression(path)):
                ctx.needs_chainer = True
                ctx.report(node, CODE, "`%s` -> `%s`" % (cst.Module([]).code_for_node(node), path))
            break


def _in_import(ctx, node):
    return any(isinstance(anc, (cst.Import, cst.ImportFrom)) for anc in ctx.ancestors(node))
