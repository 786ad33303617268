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
that (within ``ch103_governed.HELPER_DEPTH`` levels) makes a mode-dependent Chainer call, or a
scope cannot be determined, nothing of the flag is changed: it is reported for review and CH101 /
CH102 wrap the Chainer calls that receive it one by one.

The scope analysis of toggles and constructor calls is in
``codemod.rules.ch103_toggles``; the checks that the flag governs every
mode-dependent call are in ``codemod.rules.ch103_governed``.
"""
import libcst as cst

from codemod import names
from codemod.context import has_splat, is_self
from codemod.mode import check_wrap, using_config
from codemod.rules.ch103_governed import caller_arg, flag_use, pass_on, ungoverned
from codemod.rules import ch103_toggles
from codemod.rules.ch103_toggles import (
    drop_action, plan_constructor_calls, plan_toggle, wrap_action)
from codemod.values import code, is_true

CODE = ch103_toggles.CODE  # one definition, shared with the toggle planning
ORDER = 100  # first: claims the train= arguments that carry a model's own flag
INFO = "info"   # finding kind: neither a change nor a review item, a note for the user


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
    ctx.report(param, CODE, "removed the parameter `%s`: callers in other files that pass it are "
               "not rewritten (the codemod works file by file); they now raise TypeError until "
               "migrated by hand" % param.name.value, kind=INFO)


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
        plan_toggle(ctx, assign, line, lines, plan)
    for flag in flags:
        plan_constructor_calls(ctx, flag, lines, plan)
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
        use = flag_use(ctx, attr)
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
    problem = ungoverned(ctx, flag.cls, {call for call, _ in uses})
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
                use = flag_use(ctx, ref.node) or pass_on(ctx, ref.node, types)
                if use is None:
                    plan.fail(ref.node, "`train` is used other than as `train=`/`test=not` of a "
                              "Chainer call")
                uses.append(use)
        if not _last_param(flag.method.params, flag.param):
            plan.fail(flag.param, _not_last_reason("train"))
        if plan.problem is None:
            problem = ungoverned(ctx, flag.cls, {use[0] for use in uses})
            if problem is not None:
                plan.fail(*problem)
        flag.plan, flag.uses = plan, uses
        if plan.problem is None:
            passed_on.update(arg for _, arg in uses)
    for flag in flags:
        plan = flag.plan
        qualified = ctx.qnames(flag.cls.name) or {flag.cls.name.value}
        for call in ctx.calls:
            arg = caller_arg(ctx, call, flag, qualified)
            if arg is None or arg in passed_on or arg in ctx.claimed:
                continue
            value = arg.value
            if has_splat(call):
                plan.fail(call, "a call of the model with */** arguments")
                continue
            if is_true(value):
                plan.actions.append(drop_action(ctx, call, arg, "removed `train=True` (the "
                                                 "default) from a call of the model"))
                continue
            stmt, reason = check_wrap(ctx, call, value)
            if stmt is None:
                plan.fail(call, "cannot wrap the call `%s`: %s" % (code(call), reason))
                continue
            region = (ctx.block_of(stmt), stmt, stmt)
            plan.actions.append(drop_action(
                ctx, call, arg, "removed `train=%s` from a call of the model; the statement runs "
                "under `with %s:`" % (code(value), using_config(value)),
                wrap_action(ctx, region, value)))
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
