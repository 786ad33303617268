"""CH103 helpers: the statements a toggle or constructor call governs, and how
they become ``with chainer.using_config('train', VALUE):`` scopes.

Chainer v2 upgrade guide, 'Global configurations'; catalogue CH103, R4.
``plan_toggle`` plans one ``obj.train = VALUE``: it governs the statements after
it up to the next toggle or the end of its block and becomes a ``with`` scope
around them (its trailing comment moves to the ``with`` line), or is removed when
nothing it governs depends on the mode or it sets the mode already in force.
``plan_constructor_calls`` plans ``Model(..., train=VALUE)``, which governs its
statement and the rest of the block. A toggle or constructor whose state could
still matter after its block (v1 keeps the flag set: loops, models that escape
their function) fails the plan. ``wrap_action`` and ``drop_action`` build the
deferred edits. Used by ``codemod.rules.ch103_model_train_flag``.
"""
import libcst as cst

from codemod import names

from codemod.context import find_arg, has_splat, is_self
from codemod.mode import SUSPENDS, check_wrap, using_config
from codemod.values import code, is_pure, is_true

CODE = "CH103"
_LOOPS = (cst.For, cst.While)
_SCOPES = (cst.FunctionDef, cst.Lambda, cst.ClassDef)


def _governed(ctx, line, toggles, include_self):
    """``(block, first, last)`` statements a toggle (or constructor) at ``line`` governs."""
    block = ctx.block_of(line)
    body = list(block.body)
    start = body.index(line)
    end = len(body) - 1
    for later in body[start + 1:]:
        if later in toggles:
            end = body.index(later) - 1
            break
    first = start if include_self else start + 1
    if first > end:
        return None
    return block, body[first], body[end]


#: methods of arrays, Variables, lists and strings that never read chainer.config.train
_PLAIN_METHODS = {"sum", "mean", "std", "max", "min", "copy", "astype", "reshape", "item",
                  "tolist", "append", "extend", "format", "join", "write", "flush"}


def _mode_free(ctx, region, target):
    """True when no statement of ``region`` can depend on the mode: its calls are
    builtins, numpy functions or plain array/list/str methods (``_PLAIN_METHODS``)
    on objects other than the toggled one (``target``); no lambda, def or class."""
    block, first, last = region
    body = list(block.body)
    root = target
    while isinstance(root, cst.Attribute):
        root = root.value
    for stmt in body[body.index(first):body.index(last) + 1]:
        for call in ctx.calls_in(stmt):
            func = call.func
            found = ctx.qnames(func)
            if any(q.startswith(("builtins.", "numpy.")) for q in found) \
                    and not any(q.startswith("chainer") for q in found):
                continue
            if isinstance(func, cst.Attribute) and func.attr.value in _PLAIN_METHODS:
                head = func.value
                while isinstance(head, (cst.Attribute, cst.Subscript, cst.Call)):
                    head = head.func if isinstance(head, cst.Call) else head.value
                if not (isinstance(head, cst.Name) and isinstance(root, cst.Name)
                        and head.value == root.value):
                    continue
            return False
        if any(isinstance(n, (cst.Lambda, cst.FunctionDef, cst.ClassDef))
               for n in _nodes(stmt)):
            return False
    return True


def _nodes(node):
    found = []

    class _All(cst.CSTVisitor):
        def on_visit(self, n):
            found.append(n)
            return True
    node.visit(_All())
    return found


def _ancestor_toggled(ctx, line, toggles):
    """True when a toggle in an enclosing block (not ``line``'s own) precedes ``line``."""
    own = ctx.block_of(line)
    for anc in ctx.ancestors(own):
        if isinstance(anc, (cst.IndentedBlock, cst.Module)):
            inside = ctx.statement_in(line, anc)
            if inside is None:
                continue
            body = list(anc.body)
            if any(s in toggles for s in body[:body.index(inside)]):
                return True
    return False


def wrap_action(ctx, region, value, anchor=None):
    block, first, last = region

    def act():
        ctx.edits.wrap(block, first, last, using_config(value), merge=False, anchor=anchor)
        ctx.needs_chainer = True
    return act


def _region_suspends(ctx, region):
    block, first, last = region
    body = list(block.body)
    return any(ctx.suspends(s) for s in body[body.index(first):body.index(last) + 1])


def _simple_line(ctx, node):
    """The single-statement line directly in a block that holds ``node`` as its statement."""
    line = ctx.parent(node)
    if isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1 and ctx.block_of(line):
        return line
    return None


def _boundary(ctx, node):
    """The innermost function (or lambda, class) around ``node``, else the module."""
    return ctx.enclosing(node, _SCOPES) or ctx.module


def _in_loop(ctx, node):
    for anc in ctx.ancestors(node):
        if isinstance(anc, _SCOPES):
            return False
        if isinstance(anc, _LOOPS):
            return True
    return False


def _value_at_start(ctx, line, toggles):
    """Value of the nearest toggle before ``line``'s block in the enclosing blocks of the
    same function, else None (the default, True)."""
    for anc in ctx.ancestors(ctx.block_of(line)):
        if isinstance(anc, _SCOPES):
            return None
        if isinstance(anc, (cst.IndentedBlock, cst.Module)):
            body = list(anc.body)
            earlier = [s for s in body[:body.index(ctx.statement_in(line, anc))] if s in toggles]
            if earlier:
                return toggles[earlier[-1]].value
    return None


def _same_value(a, b):
    return code(a if a is not None else cst.Name("True")) == \
        code(b if b is not None else cst.Name("True"))


#: Methods that return the model itself or a copy (the flag goes with it).
_RETURNS_MODEL = ("copy", "to_gpu", "to_cpu", "to_intel64", "to_device", "to_chx", "from_chx")


def _escapes(ctx, assignment, owner):
    """The first use of a local model that lets it out of ``owner`` (returned, yielded,
    stored, passed to a call, used from a nested function), else None."""
    for access in assignment.references:
        node = access.node
        if _boundary(ctx, node) is not owner:
            return node
        top = node
        while isinstance(ctx.parent(top), cst.Attribute) and ctx.parent(top).value is top:
            top = ctx.parent(top)
        parent = ctx.parent(top)
        if isinstance(parent, cst.Call) and parent.func is top:
            if top is node or top.attr.value not in _RETURNS_MODEL:
                continue   # model(x) or model.method(...)
        elif top is not node and isinstance(parent, cst.AssignTarget):
            continue       # model.train = ..., model.attr = ...
        return node
    return None


def _sticky(ctx, root, block, what):
    """Why the state left by ``what`` after the end of ``block`` could matter (v1 keeps
    the flag set), else None. Exact only for a model held by a local variable of the
    function whose body is ``block`` (or a name of the module, for the module's own
    statements), assigned once from a call, outside loops, that does not escape."""
    sticky = "in v1 the flag stays set after this block (%s)" % what
    while isinstance(root, cst.Attribute):
        root = root.value
    owner = ctx.module if isinstance(block, cst.Module) else ctx.parent(block)
    if not isinstance(owner, (cst.Module, cst.FunctionDef)) or not isinstance(root, cst.Name) \
            or is_self(root) or _in_loop(ctx, block):
        return sticky
    assignment = ctx.single_assignment(root)
    target = getattr(assignment, "node", None)
    stmt = ctx.parent(ctx.parent(target)) if target is not None else None
    if not (isinstance(ctx.parent(target), cst.AssignTarget) and isinstance(stmt, cst.Assign)
            and isinstance(stmt.value, cst.Call) and _boundary(ctx, stmt) is owner):
        return sticky + ": `%s` is not a local variable assigned once from a call" % root.value
    leak = _escapes(ctx, assignment, owner)
    if leak is not None:
        return sticky + ": `%s` escapes (`%s`)" % (root.value, code(ctx.parent(leak)))
    return None


def plan_toggle(ctx, assign, line, toggles, plan):
    target = assign.targets[0].target
    simple = _simple_line(ctx, assign)
    if simple is None:
        plan.fail(assign, "a toggle `%s` that is not a statement of its own" % code(target))
        return
    value = assign.value
    if not is_pure(value):
        plan.fail(assign, "the toggle's value `%s` may have side effects" % code(value))
        return
    owner = _boundary(ctx, assign)
    others = {code(t.targets[0].target) for t in toggles.values() if _boundary(ctx, t) is owner}
    if len(others) > 1:
        plan.fail(assign, "toggles of different objects (%s) in one scope: "
                  "`chainer.config.train` is one setting for all"
                  % ", ".join("`%s`" % o for o in sorted(others)))
        return
    toggle = "`%s = %s`" % (code(target), code(value))
    block = ctx.block_of(line)
    body = list(block.body)
    own = [s for s in body if s in toggles]
    at_start = _value_at_start(ctx, line, toggles)
    restores = _same_value(toggles[own[-1]].value, at_start)
    if _in_loop(ctx, line) and not restores:
        plan.fail(assign, "in v1 the flag stays set after this block: the loop's next iteration "
                  "starts with %s" % toggle)
        return
    region = _governed(ctx, line, toggles, include_self=False)
    if region is not None and _region_suspends(ctx, region):
        plan.fail(assign, "the statements %s governs: %s" % (toggle, SUSPENDS))
        return
    last = own[-1] is line
    if last and not _same_value(value, at_start):
        if region is None:
            plan.fail(assign, "the toggle %s ends its block, so the calls it governs are "
                      "elsewhere" % toggle)
            return
        reason = _sticky(ctx, target, block, toggle)
        if reason is not None:
            plan.fail(assign, reason)
            return
    idle = region is not None and not _ancestor_toggled(ctx, line, toggles) \
        and _mode_free(ctx, region, target)
    if is_true(value) and at_start is None and isinstance(owner, cst.Module) \
            and not _ancestor_toggled(ctx, line, toggles) or region is None or idle:
        def drop():
            ctx.edits.remove_stmt(line)
            ctx.report(assign, CODE, "removed %s (%s)" % (
                toggle, "nothing it governs depends on the mode" if idle
                else "training is the default mode" if is_true(value) and at_start is None
                else "the mode already in force"))
        plan.actions.append(drop)
        return
    wrap = wrap_action(ctx, region, value, anchor=line)

    def act():
        ctx.edits.remove_stmt(line)
        wrap()
        ctx.report(assign, CODE, "the toggle %s becomes `with %s:` around the statements "
                   "it governed" % (toggle, using_config(value)))
    plan.actions.append(act)


def plan_constructor_calls(ctx, flag, toggles, plan):
    if flag.param is None:
        return
    qualified = ctx.qnames(flag.cls.name) or {flag.cls.name.value}
    index = list(flag.init.params.params).index(flag.param) - 1
    for call in ctx.calls:
        if not ctx.qnames(call.func) & qualified:
            continue
        if has_splat(call):
            plan.fail(call, "a constructor call with */** arguments")
            continue
        arg = find_arg(call, flag.param.name.value, index)
        if arg is None:
            continue
        value = arg.value
        if is_true(value):
            plan.actions.append(drop_action(ctx, call, arg, "removed `train=True` (the default)"))
            continue
        stmt, reason = check_wrap(ctx, call, value)
        body = stmt.body[0] if stmt is not None else None
        if stmt is None or not (isinstance(body, cst.Assign) and body.value is call
                                and isinstance(body.targets[0].target, cst.Name)):
            plan.fail(call, "the model built with `train=%s` is not assigned to a local name%s"
                      % (code(value), ": " + reason if reason else ""))
            continue
        region = _governed(ctx, stmt, toggles, include_self=True)
        if _region_suspends(ctx, region):
            plan.fail(call, "the statements the model built with `train=%s` governs: %s"
                      % (code(value), SUSPENDS))
            continue
        other = _other_mode_call(ctx, region, stmt.body[0].targets[0].target, call)
        if other is not None:
            plan.fail(call, "`%s` runs in the statements the model built with `train=%s` governs "
                      "and may depend on the mode: only that model's calls may" % (code(other.func), code(value)))
            continue
        body = list(region[0].body)
        if body.index(region[2]) == len(body) - 1:   # not closed by a toggle
            reason = _sticky(ctx, stmt.body[0].targets[0].target, region[0],
                             "the model is built with `train=%s`" % code(value))
            if reason is not None:
                plan.fail(call, reason)
                continue
        wrap = wrap_action(ctx, region, value)
        plan.actions.append(drop_action(
            ctx, call, arg, "removed `train=%s`; the rest of the block runs under `with %s:`"
            % (code(value), using_config(value)), wrap))


def _other_mode_call(ctx, region, model, constructor):
    """The first call in ``region`` that is neither on ``model`` (a Name) nor surely
    mode-free (builtins, numpy, Chainer callables outside the R4 set, plain methods),
    or ``None``: ``using_config`` around the region would switch it too."""
    block, first, last = region
    body = list(block.body)
    for stmt in body[body.index(first):body.index(last) + 1]:
        for call in ctx.calls_in(stmt):
            if call is constructor:
                continue
            head = call.func
            while isinstance(head, (cst.Attribute, cst.Subscript, cst.Call)):
                head = head.func if isinstance(head, cst.Call) else head.value
            if isinstance(head, cst.Name) and head.value == model.value:
                continue
            found = ctx.qnames(call.func)
            if found and all(q.startswith(("builtins.", "numpy.")) or (
                    q.startswith("chainer.") and not names.is_mode_dependent(q)
                    and not q.startswith("chainer.links.")) for q in found):
                continue
            if isinstance(call.func, cst.Attribute) and call.func.attr.value in _PLAIN_METHODS:
                continue
            return call
    return None


def drop_action(ctx, call, arg, message, then=None):
    def act():
        if arg in ctx.claimed:
            return
        ctx.claimed.add(arg)
        ctx.edits.remove_arg(call, arg)
        if then is not None:
            then()
        ctx.report(arg, CODE, message)
    return act
