"""CH104 volatile: the ``volatile`` flag of ``chainer.Variable`` and ``chainer.Flag``.

Chainer v2 upgrade guide, 'Volatile flag is removed'. ``volatile=`` OFF or AUTO
(``False``, ``'off'``, ``None``, ``'auto'``, ``chainer.OFF`` ...) is dropped.
ON (``True``, ``'on'``, ``chainer.ON``) is dropped and the statements from the
assignment ``v = chainer.Variable(..., volatile='on')`` to the last use of ``v``
in the same block go under ``with chainer.no_backprop_mode():`` (adjacent runs
merged), provided the name is bound only once in its scope (libcst's references are
not flow-sensitive), they call no ``backward()`` or ``update()``, hold no ``yield``
/ ``await``, and call no function or method of this module whose body (up to
``DEPTH`` levels) calls ``backward()``, ``update()``, ``cleargrads()``,
``zerograds()`` or builds ``chainer.Variable(x.data)`` (training code that would
build no graph under ``no_backprop_mode``); else review.
Any other value, reads/writes of ``.volatile`` and uses of ``Flag``/``ON``/
``OFF``/``AUTO`` are reported for review. Imports of ``chainer.flag`` are
removed when no use is left (``ch104_flag_imports``).
"""
import libcst as cst
from libcst.metadata import GlobalScope

from codemod import names
from codemod.context import find_arg, has_splat, positional_after
from codemod.mode import SUSPENDS
from codemod.rules import ch104_flag_imports
from codemod.values import code, is_false, is_name, is_true, string_value

CODE = "CH104"
ITEM = "chainer.no_backprop_mode()"
#: Calls that train (inline or in a function of the module the region calls).
TRAINING_METHODS = ("backward", "update", "cleargrads", "zerograds")
#: How many levels of module functions are followed.
DEPTH = 4


def _kind(ctx, value):
    """'off', 'on' or None (unknown) for a ``volatile=`` value."""
    text = string_value(value)
    found = ctx.qnames(value) if isinstance(value, (cst.Name, cst.Attribute)) else set()
    if is_false(value) or is_name(value, "None") or text in names.VOLATILE_OFF_STRINGS \
            or found & names.VOLATILE_OFF_NAMES:
        return "off"
    if is_true(value) or text in names.VOLATILE_ON_STRINGS or found & names.VOLATILE_ON_NAMES:
        return "on"
    return None


def plan(ctx):
    values = set()
    for call in ctx.calls:
        if not ctx.qnames(call.func) & names.VARIABLE:
            continue
        arg = find_arg(call, "volatile", 1)
        if arg is None:
            continue
        values.add(arg.value)
        if has_splat(call) or (arg.keyword is None and positional_after(call, 1)):
            ctx.review(arg, CODE, "`volatile` with other positional or */** arguments: "
                       "pass `name=`/`grad=` by keyword, then rerun")
            continue
        kind = _kind(ctx, arg.value)
        if kind == "off":
            ctx.edits.remove_arg(call, arg)
            ctx.report(arg, CODE, "removed `volatile=%s` (OFF/AUTO: v7 variables build a graph "
                       "unless in no_backprop_mode)" % code(arg.value))
        elif kind == "on":
            _fix_on(ctx, call, arg)
        else:
            ctx.review(arg, CODE, "`volatile=%s`: value unknown to the codemod; drop it and use "
                       "`with chainer.no_backprop_mode():` where it was ON" % code(arg.value))
    _report_flag_uses(ctx, values)
    ch104_flag_imports.plan(ctx)   # after the volatile= arguments are planned


def _fix_on(ctx, call, arg):
    region, reason = _region(ctx, call)
    if region is None:
        ctx.review(arg, CODE, "`volatile=%s`: %s; drop it and put the uses under "
                   "`with chainer.no_backprop_mode():` by hand" % (code(arg.value), reason))
        return
    block, first, last = region
    if not ctx.edits.wrap(block, first, last, ITEM):
        ctx.review(arg, CODE, "`volatile=%s`: the statements overlap another scope"
                   % code(arg.value))
        return
    ctx.edits.remove_arg(call, arg)
    ctx.needs_chainer = True
    ctx.report(arg, CODE, "removed `volatile=%s`; the statements that use the variable run "
               "under `with chainer.no_backprop_mode():`" % code(arg.value))


def _region(ctx, call):
    """``(block, first, last)`` statements to wrap, or ``(None, reason)``."""
    stmt = ctx.parent(call)
    line = ctx.parent(stmt)
    if not (isinstance(stmt, cst.Assign) and stmt.value is call and len(stmt.targets) == 1
            and isinstance(stmt.targets[0].target, cst.Name)):
        return None, "the Variable is not assigned to a local name"
    if not (isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1):
        return None, "the assignment shares its line with other statements (`;`): put each " \
            "statement on a line of its own, then rerun"
    block = ctx.block_of(line)
    if block is None:
        return None, "the assignment is not directly in a block"
    target = stmt.targets[0].target
    scope = ctx.scope(target)
    assignment = next((a for a in scope.assignments[target.value]
                       if getattr(a, "node", None) is target), None)
    if assignment is None:
        return None, "cannot follow the uses of `%s`" % target.value
    if _bindings(ctx, scope, target.value) > 1:
        # libcst's references are not flow-sensitive: a later binding's uses would
        # be counted as this one's, and the region could swallow training code
        return None, "`%s` is bound more than once in its scope (libcst cannot tell which " \
            "uses belong to this Variable)" % target.value
    body = list(block.body)
    start = last = body.index(line)
    for access in assignment.references:
        used = ctx.statement_in(access.node, block)
        deferred = any(isinstance(a, (cst.FunctionDef, cst.Lambda, cst.ClassDef))
                       for a in _between(ctx, access.node, used))
        if used is None or deferred or body.index(used) < start:
            return None, "`%s` is used outside the block of its assignment" % target.value
        last = max(last, body.index(used))
    helpers = ctx.module_functions()
    for between in body[start:last + 1]:
        if ctx.suspends(between):
            return None, SUSPENDS
        for other in ctx.calls_in(between):
            func = other.func
            if isinstance(func, cst.Attribute) and func.attr.value in ("backward", "update"):
                return None, "`%s()` is called while the variable is in use" % func.attr.value
            trains = _trains(ctx, other, helpers, DEPTH)
            if trains is not None:
                return None, "`%s()` is called while the variable is in use and %s: under " \
                    "`no_backprop_mode()` that training code would build no graph" \
                    % (code(func), trains)
    return (block, line, body[last]), None


def _bindings(ctx, scope, name):
    """How many times ``name`` is bound in ``scope``: assignments, ``for`` / ``with``
    targets, augmented assignments, imports... (libcst's scope analysis) plus
    ``del name`` statements (which libcst does not count)."""
    owner = getattr(scope, "node", None)
    if owner is None and isinstance(scope, GlobalScope):
        owner = ctx.module
    dels = _Dels(owner, name)
    if owner is not None:
        owner.visit(dels)
    return len(scope.assignments[name]) + dels.found


class _Dels(cst.CSTVisitor):
    """Counts ``del name`` in ``owner``'s own body (nested scopes skipped)."""

    def __init__(self, owner, name):
        super().__init__()
        self.owner, self.name, self.found = owner, name, 0

    def visit_FunctionDef(self, node):
        return node is self.owner

    def visit_ClassDef(self, node):
        return node is self.owner

    def visit_Lambda(self, node):
        return False

    def visit_Del(self, node):
        targets = [node.target]
        while targets:
            item = targets.pop()
            if isinstance(item, (cst.Tuple, cst.List)):
                targets.extend(e.value for e in item.elements)
            elif isinstance(item, cst.Name) and item.value == self.name:
                self.found += 1


def _callees(ctx, call, helpers):
    """Functions of this module that ``call`` may run: ``f(...)`` resolved through the
    scope, ``obj.m(...)`` by method name (any class of the module)."""
    func = call.func
    if isinstance(func, cst.Name):
        scope = ctx.scope(func)
        found = []
        while scope is not None and not found:   # the nearest scope that binds the name
            found = list(scope.assignments[func.value])
            scope = None if scope.parent is scope else scope.parent
        return [a.node for a in found if isinstance(getattr(a, "node", None), cst.FunctionDef)]
    if isinstance(func, cst.Attribute):
        return [d for d in helpers.get(func.attr.value, ()) if isinstance(
            ctx.parent(ctx.parent(d)), cst.ClassDef)]
    return []


def _fresh_variable(ctx, call):
    """``chainer.Variable(x.data)`` / ``(x.array)``: a new graph root (v1: volatile OFF)."""
    if not ctx.qnames(call.func) & names.VARIABLE or not call.args:
        return False
    first = call.args[0].value
    return isinstance(first, cst.Attribute) and first.attr.value in ("data", "array")


def _trains(ctx, call, helpers, depth, seen=()):
    """Why a function of this module called by ``call`` trains (transitively, ``depth``
    levels), else None."""
    if depth == 0:
        return None
    for func in _callees(ctx, call, helpers):
        if func in seen:
            continue
        for inner in ctx.calls_in(func):
            name = inner.func.attr.value if isinstance(inner.func, cst.Attribute) else None
            if name in TRAINING_METHODS:
                return "`%s` calls `%s()`" % (func.name.value, name)
            if _fresh_variable(ctx, inner):
                return "`%s` builds a new Variable from `.%s`" % (
                    func.name.value, inner.args[0].value.attr.value)
            deeper = _trains(ctx, inner, helpers, depth - 1, seen + (func,))
            if deeper is not None:
                return "`%s` calls code where %s" % (func.name.value, deeper)
    return None


def _between(ctx, node, stmt):
    """Ancestors of ``node`` up to and including ``stmt``."""
    for anc in ctx.ancestors(node):
        yield anc
        if anc is stmt:
            return


def _report_flag_uses(ctx, values):
    for attr in ctx.attributes:
        if attr.attr.value == "volatile":
            ctx.review(attr, CODE, "`.volatile` does not exist in v7: use "
                       "`chainer.config.enable_backprop` / `no_backprop_mode()`")
    seen = set()
    for node in list(ctx.attributes) + list(ctx.names):
        if node in values or node in seen:
            continue
        found = ctx.qnames(node) & names.FLAG_NAMES
        parent = ctx.parent(node)
        if not found or (isinstance(parent, cst.Attribute) and parent.value is node):
            continue
        if isinstance(parent, (cst.ImportAlias, cst.ImportFrom)):
            continue
        seen.add(node)
        ctx.review(node, CODE, "`%s` does not exist in v7: use `chainer.no_backprop_mode()` "
                   "instead of volatile flags" % sorted(found)[0])
