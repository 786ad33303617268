"""Imports that a rewrite needs (``import math``, ``import chainer.links as L``).

Helper of the rules, not a rule. ``bound_module(ctx, module)`` is the name a
top-level ``import module [as X]`` (or ``from package import name [as X]``)
binds; ``require(ctx, module, asname)`` plans that import with libcst's
``AddImportsVisitor`` (after the file's other top-level imports). All
requests of one file go into one edit of the module node, applied after the
other edits.
"""
import libcst as cst
from libcst.codemod import CodemodContext
from libcst.codemod.visitors import AddImportsVisitor

from codemod.values import dotted

_KEY = "added_imports"


def _top_level_imports(ctx):
    for stmt in ctx.module.body:
        if isinstance(stmt, cst.SimpleStatementLine):
            for small in stmt.body:
                if isinstance(small, (cst.Import, cst.ImportFrom)):
                    yield small


def bound_module(ctx, module):
    """The name bound to ``module`` by a top-level import of the file, else None."""
    package, _, last = module.rpartition(".")
    for small in _top_level_imports(ctx):
        if isinstance(small, cst.Import):
            for alias in small.names:
                if dotted(alias.name) != module:
                    continue
                if alias.asname is not None:
                    return alias.asname.name.value
                if "." not in module:
                    return module
        elif small.module is not None and not small.relative and package \
                and dotted(small.module) == package and not isinstance(small.names, cst.ImportStar):
            for alias in small.names:
                if dotted(alias.name) == last:
                    return alias.asname.name.value if alias.asname is not None else last
    return None


def name_is_free(ctx, name):
    """True when ``name`` is bound nowhere at the top level of the file (nor used
    as a global there), so a new import may bind it."""
    scope = ctx.scope(ctx.module.body[0]) if ctx.module.body else None
    if scope is None:
        return True
    scope = scope.globals
    return name not in scope or not scope.assignments[name]


def require(ctx, module, asname=None):
    """Plan ``import module [as asname]`` (nothing when the file already has it)."""
    wanted = ctx.__dict__.get(_KEY)
    if wanted is None:
        wanted = ctx.__dict__[_KEY] = []

        def build(updated):
            context = CodemodContext()
            for name, alias in wanted:
                AddImportsVisitor.add_needed_import(context, name, asname=alias)
            return AddImportsVisitor(context).transform_module(updated)
        if not ctx.edits.replace_node(ctx.module, build):
            raise RuntimeError("another edit already replaces the module node")
    if (module, asname) not in wanted:
        wanted.append((module, asname))


def math_name(ctx):
    """``'math'`` when the file imports it or the name is free (then the import is
    planned); None when the name ``math`` is taken by something else."""
    if bound_module(ctx, "math") == "math":
        return "math"
    if not name_is_free(ctx, "math"):
        return None
    require(ctx, "math")
    return "math"
