"""Moving names of ``from PACKAGE import NAME`` to another module (CH602, CH603, CH606).

Helper of the CH6xx rules, not a rule. ``move_from_import(ctx, alias, module, code,
message)`` plans ``from PACKAGE import NAME`` -> ``from MODULE import NAME``
(``as`` kept). Several rules may move names of one statement line: each line
is replaced once and every moved name goes to its own ``from MODULE import``
statement, right after what is left of the original one (the original
statement keeps its other names; it is dropped when none is left).
"""
import libcst as cst

from codemod.values import dotted

_KEY = "ch6_import_moves"


def from_imports(ctx):
    """``[(line, small statement, alias, 'package', 'name')]`` for every
    ``from package import name`` (absolute, no ``*``) of the module."""
    found = []

    class _Visit(cst.CSTVisitor):
        def visit_SimpleStatementLine(self, line):
            for small in line.body:
                if isinstance(small, cst.ImportFrom) and not small.relative \
                        and small.module is not None \
                        and not isinstance(small.names, cst.ImportStar):
                    package = dotted(small.module)
                    for alias in small.names:
                        found.append((line, small, alias, package, dotted(alias.name)))
    ctx.module.visit(_Visit())
    return found


def move_from_import(ctx, line, alias, module, code, message, name=None):
    """Plan moving ``alias`` of the import on ``line`` to ``from module import name``
    (``name`` default: the imported name; when it differs, ``as`` keeps the bound
    name); report ``message``."""
    moves = ctx.__dict__.setdefault(_KEY, {})
    if line not in moves:
        moves[line] = {}
        ctx.edits.replace_stmt(line, lambda updated, line=line: _rebuild(line, updated,
                                                                           moves[line]))
    moves[line][alias] = (module, name)
    ctx.report(alias, code, message)


def _rebuild(original, updated, moved):
    body, extra = [], []
    for old, new in zip(original.body, updated.body):
        if not isinstance(old, cst.ImportFrom) or isinstance(old.names, cst.ImportStar):
            body.append(new)
            continue
        kept = []
        for o, n in zip(old.names, new.names):
            if o in moved:
                module, name = moved[o]
                n = n.with_changes(comma=cst.MaybeSentinel.DEFAULT)
                if name is not None and name != dotted(n.name):
                    bound = n.asname.name.value if n.asname else dotted(n.name)
                    n = n.with_changes(name=cst.Name(name), asname=None if bound == name else
                                       cst.AsName(name=cst.Name(bound)))
                extra.append(cst.ImportFrom(module=cst.parse_expression(module), names=[n]))
            else:
                kept.append(n)
        if not kept:
            continue
        kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        changes = {"names": kept}
        if len(kept) == 1 and new.lpar:
            changes.update(lpar=None, rpar=None)
        body.append(new.with_changes(**changes))
    out = []
    if body:
        body[-1] = body[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
        out.append(updated.with_changes(body=body))
    for i, small in enumerate(extra):
        if out or i:
            out.append(cst.SimpleStatementLine([small]))
        else:
            out.append(updated.with_changes(body=[small]))
    return out
