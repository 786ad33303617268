"""CH201 chain-kwargs-registration: child links given to ``Chain.__init__`` or ``add_link``.

Chainer v2 upgrade guide, 'Use init_scope to register parameters and links'.
In a class whose first base is ``chainer.Chain`` itself (never ``ChainList``,
which appends by index, nor a user class, whose ``__init__`` may take the
keywords as its own parameters), ``super(...).__init__(k1=v1, k2=v2)`` in
``__init__`` becomes
``super(...).__init__()`` followed by ``with self.init_scope():`` and
``self.k1 = v1``, ``self.k2 = v2`` in the same order (same registration order,
same random draws). ``self.add_link('name', v)`` with a literal identifier
becomes ``self.name = v`` inside ``init_scope`` (adjacent ones merged).
Left alone and reported for review: the same call when the base is a user
class, ``super().__init__(**links)`` / positional forms and
``chainer.Chain.__init__(self, k=v)`` (7.8.1 still accepts them, deprecated).
"""
import libcst as cst

from codemod import names
from codemod.context import is_self
from codemod.edits import comment_line, comments_in
from codemod.values import code

CODE = "CH201"
ITEM = "self.init_scope()"


def plan(ctx):
    for cls in ctx.classes:
        if not ctx.is_link_class(cls, names.CHAIN) or ctx.is_link_class(cls, names.CHAIN_LIST):
            continue
        init = ctx.method(cls, "__init__")
        if init is not None and isinstance(init.body, cst.IndentedBlock):
            for stmt in init.body.body:
                call = _statement_call(stmt)
                if call is not None and call.args and _is_super_init(call, cls):
                    _plan_super_init(ctx, cls, stmt, call)
        for call in ctx.calls_in(cls):
            if ctx.enclosing(call, cst.ClassDef) is cls and call.args \
                    and _is_explicit_chain_init(ctx, call):
                ctx.review(call, CODE, "`%s(self, ...)` registers keyword arguments as "
                           "child links, a form Chainer 7.8.1 still runs but has deprecated: "
                           "call `super().__init__()` and assign the links in "
                           "`with self.init_scope():` by hand" % code(call.func))
        for call in ctx.calls_in(cls):
            if ctx.enclosing(call, cst.ClassDef) is cls:
                _plan_add_link(ctx, call)


def _statement_call(stmt):
    if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 \
            and isinstance(stmt.body[0], cst.Expr) and isinstance(stmt.body[0].value, cst.Call):
        return stmt.body[0].value
    return None


def _plan_super_init(ctx, cls, stmt, call):
    """Rewrite ``super().__init__(k=v, ...)`` when it reaches ``chainer.Chain`` itself;
    report the other forms."""
    if any(a.star == "**" for a in call.args):
        ctx.review(call, CODE, "`__init__(**...)`: when these are child links, Chainer 7.8.1 "
                   "registers them through the deprecated `Chain.__init__(**links)`; assign "
                   "them in `with self.init_scope():` by hand")
        return
    if not any(a.keyword is not None for a in call.args) or any(a.star for a in call.args):
        return
    if _direct_base(ctx, cls) is None:
        ctx.review(call, CODE, "left alone: `super().__init__(...)` here reaches `%s`, not "
                   "`chainer.Chain` itself, so its keywords may be that class's own "
                   "parameters (it still runs on 7.8.1); if they are child links, register "
                   "them in `with self.init_scope():` by hand"
                   % ", ".join(code(b.value) for b in cls.bases))
        return
    if any(a.keyword is None for a in call.args):
        return
    ctx.edits.replace_stmt(stmt, _registration)
    ctx.report(call, CODE, "links passed to `__init__` are registered in "
               "`with self.init_scope():`")


def _direct_base(ctx, cls):
    """The first base of ``cls`` when it resolves to ``chainer.Chain`` (the class
    ``super().__init__`` reaches), else None."""
    if not cls.bases or cls.bases[0].keyword is not None or cls.bases[0].star:
        return None
    base = cls.bases[0].value
    return base if ctx.qnames(base) & names.CHAIN else None


def _is_super_init(call, cls):
    """``super().__init__(...)`` or ``super(Cls, self).__init__(...)`` naming ``cls``."""
    func = call.func
    if not (isinstance(func, cst.Attribute) and func.attr.value == "__init__"
            and isinstance(func.value, cst.Call) and isinstance(func.value.func, cst.Name)
            and func.value.func.value == "super"):
        return False
    args = func.value.args
    return not args or (isinstance(args[0].value, cst.Name)
                        and args[0].value.value == cls.name.value)


def _is_explicit_chain_init(ctx, call):
    """``chainer.Chain.__init__(self, ...)`` with more than ``self``."""
    func = call.func
    return isinstance(func, cst.Attribute) and func.attr.value == "__init__" \
        and bool(ctx.qnames(func.value) & names.CHAIN) and len(call.args) > 1


def _assignment(name, value, leading=(), trailing=None):
    target = cst.Attribute(value=cst.Name("self"), attr=cst.Name(name))
    line = cst.SimpleStatementLine(
        body=[cst.Assign(targets=[cst.AssignTarget(target=target)], value=value)],
        leading_lines=leading)
    return line if trailing is None else line.with_changes(trailing_whitespace=trailing)


def _split(ws):
    """``(trailing comment line or None, own-line comments)`` of the whitespace
    between two arguments (blank lines dropped)."""
    if not isinstance(ws, cst.ParenthesizedWhitespace):
        return None, comments_in(ws)
    first = ws.first_line
    trailing = cst.TrailingWhitespace(whitespace=first.whitespace, comment=first.comment) \
        if first.comment is not None else None
    return trailing, [line.comment for line in ws.empty_lines if line.comment is not None]


def _registration(updated):
    """``super().__init__(k=v, ...)`` -> the bare call and ``with self.init_scope():``
    holding ``self.k = v``. Comments are carried: an argument's end-of-line
    comment ends its assignment line, own-line comments before an argument
    lead its assignment, comments before ``)`` end the ``with`` block."""
    call = updated.body[0].value
    bare = call.with_changes(args=[], whitespace_before_args=cst.SimpleWhitespace(""))
    first = updated.with_changes(body=[updated.body[0].with_changes(value=bare)])
    opening, leading = _split(call.whitespace_before_args)
    if opening is not None and updated.trailing_whitespace.comment is None:
        first = first.with_changes(trailing_whitespace=opening)   # `__init__(  # comment`
    elif opening is not None:
        leading = [opening.comment] + leading
    assigns = []
    for arg in call.args:
        if isinstance(arg.comma, cst.Comma):
            inner = comments_in(arg.keyword) + comments_in(arg.equal) \
                + comments_in(arg.whitespace_after_arg) + comments_in(arg.comma.whitespace_before)
            tail = arg.comma.whitespace_after
        else:
            inner = comments_in(arg.keyword) + comments_in(arg.equal)
            tail = arg.whitespace_after_arg
        trailing, after = _split(tail)
        assigns.append(_assignment(arg.keyword.value, arg.value,
                                   [comment_line(c) for c in leading + inner], trailing))
        leading = after
    scope = cst.With(items=[cst.WithItem(item=cst.parse_expression(ITEM))],
                     body=cst.IndentedBlock(body=assigns,
                                            footer=[comment_line(c) for c in leading]))
    return [first, scope]


def _plan_add_link(ctx, call):
    func = call.func
    if not (isinstance(func, cst.Attribute) and func.attr.value == "add_link"
            and is_self(func.value) and len(call.args) == 2
            and all(a.keyword is None and not a.star for a in call.args)):
        return
    name = call.args[0].value
    if not (isinstance(name, cst.SimpleString) and str(name.evaluated_value).isidentifier()):
        ctx.review(call, CODE, "`add_link` with a computed name: assign it in "
                   "`with self.init_scope():` with setattr by hand")
        return
    line = ctx.parent(ctx.parent(call))
    if _statement_call(line) is not call or ctx.block_of(line) is None:
        return
    if not ctx.edits.wrap(ctx.block_of(line), line, line, ITEM):
        return
    link = name.evaluated_value

    def build(updated):
        value = updated.body[0].value.args[1].value
        return [_assignment(link, value, updated.leading_lines).with_changes(
            trailing_whitespace=updated.trailing_whitespace)]
    ctx.edits.replace_stmt(line, build)
    ctx.report(call, CODE, "`add_link(%r, ...)` becomes `self.%s = ...` in "
               "`with self.init_scope():`" % (link, link))
