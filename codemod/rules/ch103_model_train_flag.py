"""CH103 model-train-flag: a model's own ``train`` flag threaded into Chainer calls.

Chainer v2 upgrade guide, 'Global configurations'. Two shapes of v1 code:

(a) attribute: ``__init__(self, ..., train=True)`` stores ``self.train = train``,
    methods pass ``train=self.train`` (or ``test=not self.train``) to Chainer
    calls, outside code flips it (``obj.train = False``,
    ``obj.predictor.train = False``, ``Model(..., train=False)``);
(b) argument: ``def __call__(self, x, train=True)`` passes ``train=train`` on;
    callers write ``model(x, train=False)`` or ``model(x, False)``.

The flag is removed from the model (the Chainer calls follow
``chainer.config.train``) and the places that set it become
``with chainer.using_config('train', VALUE):`` scopes: a toggle governs the
statements after it up to the next toggle or the end of its block (the toggle's
trailing comment moves to the ``with`` line); a constructor call governs its
statement and the rest of the block; a call ``model(x, train=E)`` governs its
statement (catalogue R4). When the flag is used otherwise, a method calls a function of the module
that (within ``HELPER_DEPTH`` levels) makes a mode-dependent Chainer call, or a
scope cannot be determined, nothing of the flag is changed: it is reported for review and CH101 /
CH102 wrap the Chainer calls that receive it one by one.
"""
import libcst as cst

from codemod import names
from codemod.context import find_arg, has_splat, is_self
from codemod.mode import SUSPENDS, check_wrap, train_slot, using_config
from codemod.values import code, is_pure, is_true

CODE = "CH103"
INFO = "info"   # finding kind: neither a change nor a review item, a note for the user
_LOOPS = (cst.For, cst.While)
_SCOPES = (cst.FunctionDef, cst.Lambda, cst.ClassDef)
#: how many levels of module functions a model's call is followed into
HELPER_DEPTH = 3


class _Plan:
    """Edits collected for one flag; committed only when every site is resolved."""

    def __init__(self):
        self.actions = []
        self.problem = None   # (node, reason) of the first site that cannot be resolved

    def fail(self, node, reason):
        if self.problem is None:
            self.problem = (node, reason)


def plan(ctx):
    attribute_flags, argument_flags = [], []
    for cls in ctx.classes:
        if not ctx.is_link_class(cls):
            continue
        flag = _attribute_flag(ctx, cls)
        if flag is not None:
            attribute_flags.append(flag)
        flag = _argument_flag(ctx, cls)
        if flag is not None:
            argument_flags.append(flag)
    if attribute_flags:
        _plan_attribute(ctx, attribute_flags)
    if argument_flags:
        _plan_argument(ctx, argument_flags)


# -- shared -----------------------------------------------------------------

def _flag_use(ctx, node):
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
            and _ungoverned(ctx, other, (), depth - 1) is None:
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


def _ungoverned(ctx, cls, governed, depth=3):
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


def _wrap_action(ctx, region, value, anchor=None):
    block, first, last = region

    def act():
        ctx.edits.wrap(block, first, last, using_config(value), merge=False, anchor=anchor)
        ctx.needs_chainer = True
    return act


def _region_suspends(ctx, region):
    block, first, last = region
    body = list(block.body)
    return any(ctx.suspends(s) for s in body[body.index(first):body.index(last) + 1])


def _last_param(params, param):
    """True when ``param`` is the last parameter and there is no ``*args`` / ``**kw``:
    an unmigrated caller that still passes it then fails with TypeError."""
    return params.params[-1] is param and not isinstance(params.star_arg, cst.Param) \
        and params.star_kwarg is None


def _not_last_reason(name):
    return ("`%s` is not the last parameter (or there are */** parameters): after removing "
            "it, a caller in another file that passes it positionally would silently bind "
            "another parameter" % name)


def _report_removed(ctx, param):
    ctx.report(param, CODE, "removed the parameter `%s`: callers in files not migrated in "
               "this run that pass it must be migrated too (they now raise TypeError)"
               % param.name.value, kind=INFO)


def _simple_line(ctx, node):
    """The single-statement line directly in a block that holds ``node`` as its statement."""
    line = ctx.parent(node)
    if isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1 and ctx.block_of(line):
        return line
    return None


# -- (a) attribute flag -----------------------------------------------------

class _AttributeFlag:
    def __init__(self, cls, init, line, param):
        self.cls, self.init, self.line, self.param = cls, init, line, param


def _is_self_train(node):
    return isinstance(node, cst.Attribute) and is_self(node.value) and node.attr.value == "train"


def _attribute_flag(ctx, cls):
    init = ctx.method(cls, "__init__")
    if init is None or not isinstance(init.body, cst.IndentedBlock):
        return None
    lines = [s for s in init.body.body
             if isinstance(s, cst.SimpleStatementLine) and len(s.body) == 1
             and isinstance(s.body[0], cst.Assign) and len(s.body[0].targets) == 1
             and _is_self_train(s.body[0].targets[0].target)]
    if len(lines) != 1:
        return None
    value = lines[0].body[0].value
    param = None
    if isinstance(value, cst.Name):
        param = next((p for p in init.params.params if p.name.value == value.value), None)
    return _AttributeFlag(cls, init, lines[0], param)


def _plan_attribute(ctx, flags):
    plan = _Plan()
    definitions = {flag.line for flag in flags}
    classes = {flag.cls for flag in flags}
    for flag in flags:
        _plan_attribute_class(ctx, flag, plan)
    toggles = {}
    for assign in ctx.assigns:
        line = ctx.parent(assign)
        if line in definitions or len(assign.targets) != 1:
            continue
        target = assign.targets[0].target
        if not (isinstance(target, cst.Attribute) and target.attr.value == "train"):
            continue
        if ctx.link_type(target.value) & names.TRAIN_ATTRIBUTE_LINKS:
            continue
        if is_self(target.value):
            cls = ctx.enclosing(assign, cst.ClassDef)
            if cls in classes:
                plan.fail(assign, "`self.train` is assigned outside `__init__`")
            continue
        toggles[assign] = line
    targets = {assign.targets[0].target for assign in toggles}
    for attr in ctx.attributes:
        if attr.attr.value != "train" or attr in targets or _is_self_train(attr) \
                or any(q.startswith("chainer") for q in ctx.qnames(attr)) \
                or ctx.link_type(attr.value) & names.TRAIN_ATTRIBUTE_LINKS:
            continue
        plan.fail(attr, "`%s` is read" % code(attr))
    lines = {line: assign for assign, line in toggles.items()}
    for assign, line in toggles.items():
        _plan_toggle(ctx, assign, line, lines, plan)
    for flag in flags:
        _plan_constructor_calls(ctx, flag, lines, plan)
    if plan.problem is not None:
        node, reason = plan.problem
        for flag in flags:
            ctx.review(flag.line, CODE, "the model's `train` flag is kept: %s; the Chainer calls "
                       "that receive it are wrapped one by one (CH101/CH102)" % reason)
        return
    for act in plan.actions:
        act()


def _plan_attribute_class(ctx, flag, plan):
    uses = []
    for attr in ctx.attributes:
        if not _is_self_train(attr) or ctx.enclosing(attr, cst.ClassDef) is not flag.cls:
            continue
        if ctx.parent(ctx.parent(attr)) is flag.line.body[0]:
            continue
        use = _flag_use(ctx, attr)
        if use is None:
            plan.fail(attr, "`self.train` is used other than as `train=`/`test=not` of a "
                      "Chainer call")
            return
        uses.append(use)
    if flag.param is not None:
        assignment = ctx.scope(flag.param).assignments[flag.param.name.value]
        for a in assignment:
            for ref in a.references:
                if not any(anc is flag.line for anc in ctx.ancestors(ref.node)):
                    plan.fail(ref.node, "the constructor argument `%s` is used elsewhere"
                              % flag.param.name.value)
                    return
        if flag.param.default is not None and not is_true(flag.param.default):
            plan.fail(flag.param, "the flag's default is not `True`")
            return
        if not _last_param(flag.init.params, flag.param):
            plan.fail(flag.param, _not_last_reason(flag.param.name.value))
            return
    problem = _ungoverned(ctx, flag.cls, {call for call, _ in uses})
    if problem is not None:
        plan.fail(*problem)
        return

    def act():
        ctx.edits.remove_stmt(flag.line)
        if flag.param is not None:
            ctx.edits.remove_param(flag.init.params, flag.param)
            _report_removed(ctx, flag.param)
        for call, arg in uses:
            ctx.claimed.add(arg)
            ctx.edits.remove_arg(call, arg)
        ctx.report(flag.line, CODE, "removed the model's `train` flag: its Chainer calls "
                   "follow `chainer.config.train` (%d argument(s) dropped)" % len(uses))
    plan.actions.append(act)


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


def _plan_toggle(ctx, assign, line, toggles, plan):
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
    wrap = _wrap_action(ctx, region, value, anchor=line)

    def act():
        ctx.edits.remove_stmt(line)
        wrap()
        ctx.report(assign, CODE, "the toggle %s becomes `with %s:` around the statements "
                   "it governed" % (toggle, using_config(value)))
    plan.actions.append(act)


def _plan_constructor_calls(ctx, flag, toggles, plan):
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
            plan.actions.append(_drop_action(ctx, call, arg, "removed `train=True` (the default)"))
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
        body = list(region[0].body)
        if body.index(region[2]) == len(body) - 1:   # not closed by a toggle
            reason = _sticky(ctx, stmt.body[0].targets[0].target, region[0],
                             "the model is built with `train=%s`" % code(value))
            if reason is not None:
                plan.fail(call, reason)
                continue
        wrap = _wrap_action(ctx, region, value)
        plan.actions.append(_drop_action(
            ctx, call, arg, "removed `train=%s`; the rest of the block runs under `with %s:`"
            % (code(value), using_config(value)), wrap))


def _drop_action(ctx, call, arg, message, then=None):
    def act():
        if arg in ctx.claimed:
            return
        ctx.claimed.add(arg)
        ctx.edits.remove_arg(call, arg)
        if then is not None:
            then()
        ctx.report(arg, CODE, message)
    return act


# -- (b) argument flag ------------------------------------------------------

class _ArgumentFlag:
    def __init__(self, cls, method, param, index):
        self.cls, self.method, self.param, self.index = cls, method, param, index


def _argument_flag(ctx, cls):
    for name in ("__call__", "forward"):
        method = ctx.method(cls, name)
        if method is None:
            continue
        for i, param in enumerate(method.params.params):
            if param.name.value == "train":
                return _ArgumentFlag(cls, method, param, i - 1)
    return None


def _plan_argument(ctx, flags):
    types = set()
    for flag in flags:
        types |= ctx.qnames(flag.cls.name) or {flag.cls.name.value}
    passed_on = set()
    for flag in flags:
        plan = _Plan()
        uses = []
        if flag.param.default is None or not is_true(flag.param.default):
            plan.fail(flag.param, "the flag's default is not `True`")
        for a in ctx.scope(flag.param).assignments["train"]:
            if getattr(a, "node", None) is not flag.param:
                continue
            for ref in a.references:
                use = _flag_use(ctx, ref.node) or _pass_on(ctx, ref.node, types)
                if use is None:
                    plan.fail(ref.node, "`train` is used other than as `train=`/`test=not` of a "
                              "Chainer call")
                uses.append(use)
        if not _last_param(flag.method.params, flag.param):
            plan.fail(flag.param, _not_last_reason("train"))
        if plan.problem is None:
            problem = _ungoverned(ctx, flag.cls, {use[0] for use in uses})
            if problem is not None:
                plan.fail(*problem)
        flag.plan, flag.uses = plan, uses
        if plan.problem is None:
            passed_on.update(arg for _, arg in uses)
    for flag in flags:
        plan = flag.plan
        qualified = ctx.qnames(flag.cls.name) or {flag.cls.name.value}
        for call in ctx.calls:
            arg = _caller_arg(ctx, call, flag, qualified)
            if arg is None or arg in passed_on or arg in ctx.claimed:
                continue
            value = arg.value
            if has_splat(call):
                plan.fail(call, "a call of the model with */** arguments")
                continue
            if is_true(value):
                plan.actions.append(_drop_action(ctx, call, arg, "removed `train=True` (the "
                                                 "default) from a call of the model"))
                continue
            stmt, reason = check_wrap(ctx, call, value)
            if stmt is None:
                plan.fail(call, "cannot wrap the call `%s`: %s" % (code(call), reason))
                continue
            region = (ctx.block_of(stmt), stmt, stmt)
            plan.actions.append(_drop_action(
                ctx, call, arg, "removed `train=%s` from a call of the model; the statement runs "
                "under `with %s:`" % (code(value), using_config(value)),
                _wrap_action(ctx, region, value)))
    problems = [flag.plan.problem for flag in flags if flag.plan.problem is not None]
    if problems:
        for flag in flags:
            ctx.review(flag.param, CODE, "the model's `train` argument is kept: %s; the Chainer "
                       "calls that receive it are wrapped one by one (CH101/CH102)"
                       % (flag.plan.problem or problems[0])[1])
        return
    for flag in flags:
        ctx.edits.remove_param(flag.method.params, flag.param)
        for call, arg in flag.uses:
            ctx.claimed.add(arg)
            ctx.edits.remove_arg(call, arg)
        ctx.report(flag.param, CODE, "removed the model's `train` argument: its Chainer calls "
                   "follow `chainer.config.train`")
        _report_removed(ctx, flag.param)
        for act in flag.plan.actions:
            act()


def _pass_on(ctx, node, types):
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


def _caller_arg(ctx, call, flag, qualified):
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
