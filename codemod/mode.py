"""Turning a per-call mode argument (``train=``, ``test=``) into a
``with chainer.using_config('train', VALUE):`` scope (catalogue R4).

Shared by CH101, CH102 and CH103.
"""

import libcst as cst

from codemod import names
from codemod.context import find_arg, has_splat, is_self, positional_after
from codemod.values import code, is_pure, is_true, negate


#: Why a statement with ``yield`` / ``await`` is never wrapped (R4).
SUSPENDS = ("the statement holds `yield`/`await`: a `with` around it would stay in force in "
            "the caller while the generator is suspended")


def train_slot(ctx, call):
    """``(keyword, v1 index, silent)`` of the mode argument ``call`` may carry, or None.

    ``keyword`` is ``'train'`` (CH101: Chainer functions, NStep links) or
    ``'test'`` (CH102: BatchNormalization known by R5).
    """
    found = ctx.qnames(call.func)
    for q in found:
        if q in names.TRAIN_FUNCTIONS:
            return "train", names.TRAIN_FUNCTIONS[q], q in names.SILENT_TRAIN
    link = ctx.link_type(call.func)
    for q in link:
        if q in names.TRAIN_LINK_CALLS:
            return "train", names.TRAIN_LINK_CALLS[q], False
        if q in names.TEST_LINK_CALLS:
            return "test", names.TEST_LINK_CALLS[q], False
    return None


def train_value(keyword, value):
    """The ``using_config('train', ...)`` value for ``keyword=value``."""
    return value if keyword == "train" else negate(value)


def using_config(value):
    return "chainer.using_config('train', %s)" % code(value)


def mode_argument(ctx, call):
    """``(arg, keyword, train value)`` of the mode argument of ``call``, else None."""
    slot = train_slot(ctx, call)
    if slot is None:
        return None
    keyword, index, _ = slot
    arg = find_arg(call, keyword, index)
    if arg is None:
        return None
    return arg, keyword, train_value(keyword, arg.value)


def _may_read_mode(ctx, call, allowed):
    """Could ``call`` depend on ``chainer.config.train``? (R4 c)"""
    if call in allowed:
        return False
    found = ctx.qnames(call.func)
    if any(q.startswith(("builtins.", "numpy.", "math.")) for q in found):
        return False
    chainer = [q for q in found if q.startswith("chainer.")]
    if chainer:
        return any(names.is_mode_dependent(q) for q in chainer)
    link = [q for q in ctx.link_type(call.func) if q.startswith("chainer.")]
    if link:
        return any(names.is_mode_dependent(q) for q in link)
    return True


def check_wrap(ctx, call, value, allowed=()):
    """R4: the statement to wrap for ``call`` under ``value``, or ``(None, reason)``."""
    stmt, reason = ctx.enclosing_statement(call)
    if stmt is None:
        return None, reason
    if not is_pure(value):
        return None, "the value `%s` may have side effects" % code(value)
    if ctx.suspends(stmt):
        return None, SUSPENDS
    allowed = set(allowed) | {call}
    for other in ctx.calls_in(stmt):
        if other is call:
            continue
        found = mode_argument(ctx, other)
        if found is not None:
            if code(found[2]) != code(value):
                return None, "calls in this statement need different modes"
            allowed.add(other)
    for other in ctx.calls_in(stmt):
        if _may_read_mode(ctx, other, allowed):
            return None, "`%s` in the same statement may depend on the mode" % code(other.func)
    return stmt, None


def fix_mode_argument(ctx, call, arg, keyword, value, code_, merge=True, what=None, silent=False):
    """Drop ``arg`` from ``call``; unless ``value`` is ``True`` wrap the enclosing
    statement in ``using_config('train', value)``. Returns True when fixed, False
    when reported for review."""
    if what is None:   # the argument as written
        what = "`%s=%s`" % (keyword, code(arg.value)) if arg.keyword is not None \
            else "`%s` (positional `%s`)" % (code(arg.value), keyword)
    if has_splat(call):
        ctx.review(arg, code_, "%s in a call with */** arguments: move the mode to "
                   "`with chainer.using_config('train', ...)` by hand" % what, silent=silent)
        return False
    if arg.keyword is None and positional_after(call, list(call.args).index(arg)):
        ctx.review(arg, code_, "%s given positionally before other positional arguments: "
                   "pass them by keyword, then rerun" % what, silent=silent)
        return False
    if is_true(value):
        ctx.edits.remove_arg(call, arg)
        ctx.report(arg, code_, "removed %s (training is the default mode)" % what)
        return True
    stmt, reason = check_wrap(ctx, call, value)
    if stmt is None:
        ctx.review(arg, code_, "cannot move %s into a `with chainer.using_config('train', %s)` "
                   "scope: %s" % (what, code(value), reason), silent=silent)
        return False
    block = ctx.block_of(stmt)
    if not ctx.edits.wrap(block, stmt, stmt, using_config(value), merge=merge):
        ctx.review(arg, code_, "cannot wrap the statement for %s: it overlaps another scope"
                   % what, silent=silent)
        return False
    ctx.edits.remove_arg(call, arg)
    ctx.needs_chainer = True
    ctx.report(arg, code_, "removed %s; the statement runs under "
               "`with %s:`" % (what, using_config(value)))
    return True



def _element_root(ctx, func):
    """``self.A`` / ``self`` whose element ``func`` is (``self.A[i]``, ``self[i]``, or a
    loop variable over ``self.A`` / ``self``), else None."""
    if isinstance(func, cst.Subscript):
        return func.value
    if isinstance(func, cst.Name):
        assignment = ctx.single_assignment(func)
        loop = ctx.parent(getattr(assignment, "node", None)) if assignment else None
        if isinstance(loop, cst.For) and loop.target is assignment.node:
            return loop.iter
    return None


def _bn_element(ctx, call):
    """True when ``call`` calls an element of a list attribute (or of the ChainList
    itself) that ``__init__`` of the class fills with BatchNormalization links."""
    root = _element_root(ctx, call.func)
    cls = ctx.enclosing(call, cst.ClassDef)
    if root is None or cls is None or not (is_self(root) or (
            isinstance(root, cst.Attribute) and is_self(root.value))):
        return False
    init = ctx.method(cls, "__init__")
    if init is None:
        return False
    for stmt in init.body.body:
        bn = any(ctx.qnames(c.func) & set(names.TEST_LINK_CALLS) for c in ctx.calls_in(stmt))
        if bn and (is_self(root) and ctx.is_link_class(cls, names.CHAIN_LIST)
                   or code(root) in code(stmt)):
            return True
    return False


def _untyped(ctx, call):
    """True when the codemod cannot type the receiver of ``call`` (R5) and it is not a
    function, class or method of this file, Chainer, or a name bound nowhere in it."""
    func = call.func
    if ctx.link_type(func) or any(q.startswith("chainer") for q in ctx.qnames(func)) \
            or ctx.is_user_callable(func):
        return False
    if isinstance(func, cst.Attribute) and is_self(func.value):
        cls = ctx.enclosing(call, cst.ClassDef)
        return cls is None or ctx.method(cls, func.attr.value) is None
    root = func
    while isinstance(root, (cst.Attribute, cst.Subscript)):
        root = root.value
    if not isinstance(root, cst.Name):
        return False
    scope = ctx.scope(root)
    return is_self(root) or (scope is not None and root.value in scope
                             and bool(scope.assignments[root.value]))


def report_untyped_test(ctx):
    """CH102 review items for ``test=`` on receivers of unknown type: ``bn(x, test=t)``
    in ``for bn in self.bns``, ``self.bns[0](x, test)`` through a list of
    BatchNormalization links. Positional ``test`` only for the latter."""
    for call in ctx.calls:
        if train_slot(ctx, call) is not None or not _untyped(ctx, call):
            continue
        arg = find_arg(call, "test", None)
        if arg is None and _bn_element(ctx, call):
            arg = find_arg(call, "test", 1)
        if arg is None or arg in ctx.claimed:
            continue
        ctx.review(arg, "CH102", "receiver of unknown type passes `test=%s`; if it is a "
                   "BatchNormalization, drop the argument and run the call under "
                   "`with chainer.using_config('train', %s):`"
                   % (code(arg.value), code(negate(arg.value))))


def review_train_writes(ctx, link_types, link_name, code_):
    """Review (``silent:``) every ``X.train = ...`` where R5 types ``X`` as one of
    ``link_types``: v7's ``link_name`` never reads the attribute (CH101, CH102)."""
    for assign in ctx.assigns:
        target = assign.targets[0].target
        if isinstance(target, cst.Attribute) and target.attr.value == "train" \
                and ctx.link_type(target.value) & link_types:
            ctx.review(assign, code_, "`%s = ...` is ignored by v7's %s: run its calls under "
                       "`with chainer.using_config('train', ...)`" % (code(target), link_name),
                       silent=True)
