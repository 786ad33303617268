"""CH503 invoke-before-training: ``invoke_before_training`` of extensions, ``make_extension`` and ``extend``.

Chainer v2 upgrade guide ("invoke_before_training is removed"). Rewrites
(exact: catalogue ``x.translate.invoke_before_training``):

- ``trainer.extend(ext, ..., invoke_before_training=True)`` ->
  ``call_before_training=True`` (v7-only; unlike 1.24 it is skipped when the
  trainer resumes from a snapshot); ``=False`` is dropped;
- ``@make_extension(..., invoke_before_training=True)`` on ``def f(trainer)``
  -> the keyword is removed and ``f.initialize = f`` follows the definition;
  ``=False`` is dropped;
- ``invoke_before_training = True`` in the body of an ``Extension`` subclass
  without its own ``initialize`` -> ``def initialize(self, trainer):
  self(trainer)``; ``= False`` is removed.

A positional ``invoke_before_training`` of ``make_extension`` (v1 slot 3) is
read as the keyword when catalogue R2 passes the arguments from slot 3 on by
keyword (``ch302_binding``; ``finalizer`` after it stays ``finalizer``).
Other values and forms are reported for review; the class attribute is
silently ignored by Chainer 7.8.1 (``silent:``). Reads of
``X.invoke_before_training`` (catalogue: "other reads of the attribute -> D")
are reported: 7.8.1's ``Extension`` raises ``AttributeError`` there.
"""
import libcst as cst

from codemod.context import find_arg
from codemod.rules import ch302_binding as r2
from codemod.rules.ch205_keywords import plan_calls
from codemod.rules.ch5_training import (
    EXTENSION, MAKE_EXTENSION, append_after, calls_of, rename_keyword)
from codemod.values import code, is_false, is_true

CODE = "CH503"
KEYWORD = "invoke_before_training"
INITIALIZE = "def initialize(self, trainer):\n    self(trainer)\n"


def plan(ctx):
    _extend_calls(ctx)
    _make_extension_calls(ctx)
    _class_attributes(ctx)
    _attribute_reads(ctx)


def _attribute_reads(ctx):
    for attr in ctx.attributes:
        if attr.attr.value != KEYWORD:
            continue
        parent = ctx.parent(attr)
        if isinstance(parent, (cst.AssignTarget, cst.Del)):
            continue
        ctx.review(attr, CODE, "`%s` is read: 7.8.1's Extension raises AttributeError "
                   "(`invoke_before_training` was removed); test whether the extension "
                   "defines `initialize` instead" % code(attr))


def _extend_calls(ctx):
    for call in ctx.calls:
        func = call.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == "extend"):
            continue
        arg = find_arg(call, KEYWORD, None)
        if arg is None or arg in ctx.claimed:
            continue
        ctx.claimed.add(arg)
        if is_false(arg.value):
            ctx.edits.remove_arg(call, arg)
            ctx.report(arg, CODE, "removed `invoke_before_training=False` (the default)")
        elif is_true(arg.value) and not plan_calls(
                ctx, [call], lambda c: rename_keyword(c, KEYWORD, "call_before_training")):
            ctx.report(arg, CODE, "`invoke_before_training=True` -> `call_before_training=True` "
                       "(not called again after resuming from a snapshot)")
        else:
            ctx.review(arg, CODE, "`invoke_before_training=%s`: use `call_before_training=` "
                       "(a bool) or the extension's `initialize`" % code(arg.value))


def _make_extension_calls(ctx):
    for call in calls_of(ctx, MAKE_EXTENSION):
        arg = find_arg(call, KEYWORD, 3)
        if arg is None or arg in ctx.claimed:
            continue
        ctx.claimed.add(arg)
        if arg.keyword is None and (r2.v1_name(ctx, call, arg) != KEYWORD
                                    or not r2.can_normalise(ctx, call)):
            ctx.review(arg, CODE, "`invoke_before_training` given positionally: pass the "
                       "arguments of `make_extension` by keyword, then rerun (CH302)")
            continue
        if is_false(arg.value):
            _remove(ctx, call, arg)
            ctx.report(arg, CODE, "removed `invoke_before_training=False` (the default)")
            continue
        decorator = ctx.parent(call)
        func = ctx.parent(decorator)
        if (is_true(arg.value) and isinstance(decorator, cst.Decorator)
                and decorator.decorator is call and isinstance(func, cst.FunctionDef)
                and ctx.block_of(func) is not None):
            name = func.name.value
            _remove(ctx, call, arg)
            append_after(ctx, func, "%s.initialize = %s\n" % (name, name))
            ctx.report(arg, CODE, "removed `invoke_before_training=True`; `%s.initialize = %s` "
                       "calls it when the training loop starts" % (name, name))
            continue
        ctx.review(arg, CODE, "`invoke_before_training=%s`: pass `initializer=` to "
                   "`make_extension` instead" % code(arg.value))


def _remove(ctx, call, arg):
    """Drop ``arg``; a positional one after R2 (``finalizer`` after it stays ``finalizer``)."""
    if arg.keyword is None:
        r2.normalise(ctx, call)
    ctx.edits.remove_arg(call, arg)


def _class_attributes(ctx):
    for cls in ctx.classes:
        if not any(ctx.qnames(base.value) & EXTENSION for base in cls.bases):
            continue
        for stmt in cls.body.body:
            value = _attribute_value(stmt)
            if value is None:
                continue
            if is_false(value):
                ctx.edits.remove_stmt(stmt)
                ctx.report(stmt, CODE, "removed `invoke_before_training = False` (the default)")
            elif is_true(value) and ctx.method(cls, "initialize") is None:
                ctx.edits.replace_stmt(stmt, lambda updated: [cst.parse_statement(INITIALIZE)])
                ctx.report(stmt, CODE, "`invoke_before_training = True` -> `initialize(self, "
                           "trainer)` that calls the extension when the training loop starts")
            else:
                ctx.review(stmt, CODE, "`invoke_before_training = %s` is ignored by Chainer 7.8.1: "
                           "call the extension from its `initialize` method" % code(value),
                           silent=True)


def _attribute_value(stmt):
    if not (isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1):
        return None
    assign = stmt.body[0]
    if (isinstance(assign, cst.Assign) and len(assign.targets) == 1
            and isinstance(assign.targets[0].target, cst.Name)
            and assign.targets[0].target.value == KEYWORD):
        return assign.value
    return None
