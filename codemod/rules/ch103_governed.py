"""CH103 helpers: where a model's ``train`` flag goes, and whether it governs every
mode-dependent call of the model.

Chainer v2 upgrade guide, 'Global configurations'; catalogue CH103, R4, R5.
``flag_use`` (the flag as ``train=`` / ``test=not`` of a Chainer call), ``pass_on``
(``train=train`` handed to a sub-model) and ``caller_arg`` (the argument that sets
the flag in a call of the model) find the arguments that carry the flag.
``ungoverned`` finds the first call in the model's methods that may depend on
``chainer.config.train`` without receiving the flag: a Chainer call, a sub-link
of the model (followed into user classes), or a function of the module that
(within ``HELPER_DEPTH`` levels) makes a mode-dependent Chainer call. Used by
``codemod.rules.ch103_model_train_flag``.
"""
import libcst as cst

from codemod import names
from codemod.context import find_arg, is_self
from codemod.mode import train_slot
from codemod.values import code

#: how many levels of module functions a model's call is followed into
HELPER_DEPTH = 3


def flag_use(ctx, node):
    """``(call, arg)`` when ``node`` (the flag) is exactly the value of a Chainer
    call's ``train=`` argument or the operand of its ``test=not ...``, else None."""
    parent = ctx.parent(node)
    negated = isinstance(parent, cst.UnaryOperation) and isinstance(parent.operator, cst.Not)
    value = parent if negated else node
    arg = ctx.parent(value)
    if not (isinstance(arg, cst.Arg) and arg.value is value):
        return None
    call = ctx.parent(arg)
    slot = train_slot(ctx, call)
    if slot is None or find_arg(call, slot[0], slot[1]) is not arg:
        return None
    if (slot[0] == "train") == negated:
        return None
    return call, arg


def _sub_link(ctx, cls, func):
    """True when ``func`` calls a link held by the model: ``self.X`` (X not a method
    of ``cls``), ``self.X[i]``, ``self[i]``, or a loop variable over ``self.X``."""
    if isinstance(func, cst.Subscript):
        func = func.value
        if is_self(func):
            return True
    if isinstance(func, cst.Attribute) and is_self(func.value):
        return ctx.method(cls, func.attr.value) is None
    if isinstance(func, cst.Name):
        assignment = ctx.single_assignment(func)
        loop = ctx.parent(getattr(assignment, "node", None)) if assignment else None
        if isinstance(loop, cst.For) and loop.target is assignment.node:
            root = loop.iter
            while isinstance(root, (cst.Attribute, cst.Subscript)):
                root = root.value
            return is_self(root)
    return False


def _user_class(ctx, found):
    for other in ctx.classes:
        if other.name.value in found or ctx.qnames(other.name) & found:
            return other
    return None


def _mode_call(ctx, cls, call, governed, depth):
    """Why ``call`` (in a method of ``cls``) may depend on ``chainer.config.train``
    without receiving the model's flag, else None (catalogue R4, R5)."""
    if call in governed:
        return None
    if train_slot(ctx, call) is not None \
            or any(names.is_mode_dependent(q) for q in ctx.qnames(call.func)):
        return "`%s(...)` does not receive the flag" % code(call.func)
    link = ctx.link_type(call.func)
    if any(q.startswith("chainer.") for q in link):
        if any(names.is_mode_dependent(q) for q in link):
            return "`%s(...)` does not receive the flag" % code(call.func)
        return None
    helper = _helper_mode_call(ctx, cls, call, HELPER_DEPTH)
    if helper is not None:
        return helper
    if not _sub_link(ctx, cls, call.func):
        return None
    other = _user_class(ctx, link) if link else None
    if other is not None and other is not cls and depth > 0 \
            and ungoverned(ctx, other, (), depth - 1) is None:
        return None
    return "`%s` may depend on chainer.config.train and does not receive the flag" \
        % code(call.func)


def _helpers(ctx, cls, call):
    """Functions and methods of this module (outside ``cls``, whose methods are
    checked on their own) that ``call`` may run: ``f(...)`` through the nearest
    scope that binds ``f``, ``obj.m(...)`` (``obj`` not ``self``) by method name."""
    func = call.func
    found = []
    if isinstance(func, cst.Name):
        scope = ctx.scope(func)
        while scope is not None and not found:
            found = [getattr(a, "node", None) for a in scope.assignments[func.value]]
            scope = None if scope.parent is scope else scope.parent
    elif isinstance(func, cst.Attribute) and not is_self(func.value) \
            and not any(q.startswith("chainer.") for q in ctx.qnames(func)):
        found = [d for d in ctx.module_functions().get(func.attr.value, ())
                 if isinstance(ctx.parent(ctx.parent(d)), cst.ClassDef)]
    return [d for d in found if isinstance(d, cst.FunctionDef)
            and not any(anc is cls for anc in ctx.ancestors(d))]


def _helper_mode_call(ctx, cls, call, depth, seen=()):
    """Why a function of this module that ``call`` runs (transitively, ``depth``
    levels) makes a mode-dependent Chainer call that the model's flag does not
    reach, else None: with the flag removed and callers under
    ``using_config('train', False)``, a helper's ``F.dropout(h, train=True)``
    would be switched off (v1: always on)."""
    if depth == 0:
        return None
    for helper in _helpers(ctx, cls, call):
        if helper in seen:
            continue
        for inner in ctx.calls_in(helper):
            link = ctx.link_type(inner.func)
            if train_slot(ctx, inner) is not None \
                    or any(names.is_mode_dependent(q) for q in ctx.qnames(inner.func) | link):
                return "`%s(...)` calls `%s(...)`, which depends on chainer.config.train, " \
                    "and does not receive the flag" % (code(call.func), code(inner.func))
            deeper = _helper_mode_call(ctx, cls, inner, depth - 1, seen + (helper,))
            if deeper is not None:
                return "`%s(...)` calls code where %s" % (code(call.func), deeper)
    return None


def ungoverned(ctx, cls, governed, depth=3):
    """``(call, reason)`` of the first call in the methods of ``cls`` (``__init__``
    excepted) whose mode the flag does not govern, else None."""
    for stmt in cls.body.body:
        if not isinstance(stmt, cst.FunctionDef) or stmt.name.value == "__init__":
            continue
        for call in ctx.calls_in(stmt):
            reason = _mode_call(ctx, cls, call, governed, depth)
            if reason is not None:
                return call, reason
    return None


def pass_on(ctx, node, types):
    """``train=train`` handed to a sub-model (a flagged class, or an object of unknown type)."""
    arg = ctx.parent(node)
    if not (isinstance(arg, cst.Arg) and arg.value is node and arg.keyword is not None
            and arg.keyword.value == "train"):
        return None
    call = ctx.parent(arg)
    known = ctx.link_type(call.func)
    if known & types or (not known and not ctx.qnames(call.func) & _chainer_names(ctx, call)
                         and not ctx.is_user_callable(call.func)):
        return call, arg
    return None


def _chainer_names(ctx, call):
    return {q for q in ctx.qnames(call.func) if q.startswith("chainer")}


def caller_arg(ctx, call, flag, qualified):
    """The argument that sets ``flag`` in ``call`` when ``call`` calls the model."""
    if train_slot(ctx, call) is not None:
        return None
    func = call.func
    if isinstance(func, cst.Call):   # Model(...)(x, train=False)
        known = ctx.qnames(func.func)
    else:
        known = ctx.link_type(func)
        if ctx.qnames(func) & qualified:   # the constructor itself
            return None
    if known & qualified:
        return find_arg(call, "train", flag.index)
    if known or _chainer_names(ctx, call) or ctx.is_user_callable(func):
        return None
    # an object of unknown type called with ``train=``: the model (R5 cannot tell)
    return find_arg(call, "train", None)
