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
statement (catalogue R4). When the flag is used otherwise, or a scope cannot be
determined, nothing of the flag is changed: it is reported for review and CH101 /
CH102 wrap the Chainer calls that receive it one by one.
"""
import libcst as cst

from codemod import names
from codemod.context import find_arg, has_splat, is_self
from codemod.mode import check_wrap, train_slot, using_config
from codemod.values import code, is_pure, is_true

CODE = "CH103"


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
    lines = set(toggles.values())
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

    def act():
        ctx.edits.remove_stmt(flag.line)
        if flag.param is not None:
            ctx.edits.remove_param(flag.init.params, flag.param)
        for call, arg in uses:
            ctx.claimed.add(arg)
            ctx.edits.remove_arg(call, arg)
        ctx.report(flag.line, CODE, "removed the model's `train` flag: its Chainer calls "
                   "follow `chainer.config.train` (%d argument(s) dropped)" % len(uses))
    plan.actions.append(act)


def _plan_toggle(ctx, assign, line, toggles, plan):
    simple = _simple_line(ctx, assign)
    if simple is None:
        plan.fail(assign, "a toggle `%s` that is not a statement of its own"
                  % code(assign.targets[0].target))
        return
    value = assign.value
    if not is_pure(value):
        plan.fail(assign, "the toggle's value `%s` may have side effects" % code(value))
        return
    region = _governed(ctx, line, toggles, include_self=False)
    if is_true(value) and not _ancestor_toggled(ctx, line, toggles):
        def drop():
            ctx.edits.remove_stmt(line)
            ctx.report(assign, CODE, "removed `%s = True` (training is the default mode)"
                       % code(assign.targets[0].target))
        plan.actions.append(drop)
        return
    if region is None:
        plan.fail(assign, "the toggle `%s = %s` ends its block, so the calls it governs are "
                  "elsewhere" % (code(assign.targets[0].target), code(value)))
        return
    wrap = _wrap_action(ctx, region, value, anchor=line)

    def act():
        ctx.edits.remove_stmt(line)
        wrap()
        ctx.report(assign, CODE, "the toggle `%s = %s` becomes `with %s:` around the statements "
                   "it governed" % (code(assign.targets[0].target), code(value),
                                    using_config(value)))
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
