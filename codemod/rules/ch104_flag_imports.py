"""CH104 volatile, imports of ``chainer.flag``: the module is gone in Chainer v2+.

Chainer v2 upgrade guide, 'Volatile flag is removed'. After CH104 has dropped
the ``volatile=`` arguments it could rewrite, an import that binds a name from
``chainer.flag`` (``from chainer import flag``, ``from chainer.flag import ON``,
``import chainer.flag as fl``, ``import chainer.flag``) is removed when no use
of that name is left; otherwise each remaining use is reported for review and
the import is kept (the file will not import on 7.8.1 without the shim).
"""
import libcst as cst

from codemod.values import dotted

CODE = "CH104"
MODULE = "chainer.flag"


def _flag_aliases(small):
    """``[(alias, bound name, plain)]`` for the aliases of an import statement that
    bind something of ``chainer.flag``; ``plain`` is True for ``import chainer.flag``
    (which binds ``chainer``)."""
    found = []
    if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar) \
            and not small.relative and small.module is not None:
        module = dotted(small.module)
        for alias in small.names:
            name = dotted(alias.name)
            if module == MODULE or (module == "chainer" and name == "flag"):
                found.append((alias, _bound(alias), False))
    elif isinstance(small, cst.Import):
        for alias in small.names:
            if dotted(alias.name) == MODULE:
                found.append((alias, _bound(alias) if alias.asname else "chainer",
                              alias.asname is None))
    return found


def _bound(alias):
    if alias.asname is not None:
        return alias.asname.name.value
    return dotted(alias.name).split(".")[0]


def _removed(ctx, node):
    """True when ``node`` lies in an argument that an edit removes."""
    for anc in ctx.ancestors(node):
        if isinstance(anc, cst.Arg):
            call = ctx.parent(anc)
            drop = ctx.edits.removed_args.get(call, ())
            if isinstance(call, cst.Call) and list(call.args).index(anc) in drop:
                return True
    return False


def _uses(ctx, small, name, plain):
    """Nodes that use the name ``small`` binds (for ``import chainer.flag``: the
    ``chainer.flag`` attributes)."""
    scope = ctx.scope(small)
    if scope is None:
        return None
    nodes = []
    for assignment in scope.assignments[name]:
        if getattr(assignment, "node", None) is not small:
            continue
        for access in assignment.references:
            node = access.node
            if plain:
                parent = ctx.parent(node)
                if not (isinstance(parent, cst.Attribute) and parent.value is node
                        and parent.attr.value == "flag"):
                    continue
            nodes.append(node)
    return nodes


def plan(ctx):
    """Remove unused ``chainer.flag`` imports; review the ones still used."""
    for line in _import_lines(ctx.module):
        dropped = set()
        for small in line.body:
            for alias, name, plain in _flag_aliases(small):
                uses = _uses(ctx, small, name, plain)
                if uses is None:
                    continue
                left = [n for n in uses if not _removed(ctx, n)]
                if not left:
                    dropped.add(alias)
                    ctx.needs_chainer = ctx.needs_chainer or plain
                    ctx.report(alias, CODE, "removed the import of `%s` (Chainer 7.8.1 has no "
                               "`chainer.flag`; no use is left)" % cst.Module([]).code_for_node(
                                   alias.name))
                    continue
                ctx.review(alias, CODE, "kept the import of `%s`: %d use(s) remain; Chainer "
                           "7.8.1 has no `chainer.flag`, so this file will not import without "
                           "`import chainer_compat`" % (cst.Module([]).code_for_node(alias.name),
                                                        len(left)))
                reported = {(f.line, f.col) for f in ctx.findings if f.code == CODE}
                for node in left:
                    if ctx.position(node) not in reported:
                        ctx.review(node, CODE, "`%s` comes from `chainer.flag`, which Chainer "
                                   "7.8.1 does not have: use `chainer.no_backprop_mode()` "
                                   "instead of volatile flags" % name)
        if dropped:
            ctx.edits.replace_stmt(line, lambda updated, line=line, dropped=dropped:
                                   _without(line, updated, dropped))


def _import_lines(module):
    lines = []

    class _Visit(cst.CSTVisitor):
        def visit_SimpleStatementLine(self, node):
            if any(isinstance(s, (cst.Import, cst.ImportFrom)) for s in node.body):
                lines.append(node)
    module.visit(_Visit())
    return lines


def _without(original, updated, dropped):
    """``updated`` (the line ``original`` after other edits) without the aliases in
    ``dropped`` (original nodes); [] when nothing is left."""
    body = []
    for old, new in zip(original.body, updated.body):
        if not isinstance(old, (cst.Import, cst.ImportFrom)) \
                or isinstance(old.names, cst.ImportStar):
            body.append(new)
            continue
        names = [n for o, n in zip(old.names, new.names) if o not in dropped]
        if not names:
            continue
        names[-1] = names[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        changes = {"names": names}
        if isinstance(new, cst.ImportFrom) and len(names) == 1 and new.lpar:
            changes.update(lpar=None, rpar=None)
        body.append(new.with_changes(**changes))
    if not body:
        return []
    body[-1] = body[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
    return [updated.with_changes(body=body)]
