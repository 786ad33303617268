"""CH202 link-param-registration: parameters given to ``Link.__init__`` or ``add_param``.

Chainer v2 upgrade guide, 'Use init_scope to register parameters and links'
(catalogue CH202, a modernisation: 7.8.1 still runs both v1 forms and gives
the same arrays). In ``__init__`` of a class whose first base is
``chainer.Link`` itself (not a ``Chain`` or ``ChainList``; those are CH201's),
``super(...).__init__(W=SHAPE, ...)`` becomes ``super(...).__init__()``
followed by ``with self.init_scope():`` and
``self.W = chainer.Parameter(chainer.initializers.NaN(), SHAPE)`` per keyword,
in order (a ``(SHAPE, DTYPE)`` pair gives ``NaN(DTYPE)``).
``self.add_param('W', SHAPE, dtype=D, initializer=I)`` becomes the same line:
``NaN(D)`` without an initializer, ``chainer.Parameter(I, SHAPE)`` with one
(Chainer 1.24 and 7.8.1 both ignore ``dtype`` then). These are exactly what
7.8.1's ``Link.__init__`` and ``add_param`` do. Adjacent rewritten statements
and a ``with self.init_scope():`` right next to them become one block.

Left alone: ``add_param`` with a non-float32 ``dtype`` and an initializer
(reported for review: the dtype was never used), with a computed name, or
for a name declared by ``add_uninitialized_param`` (CH210);
``super().__init__(**params)`` and keywords sent to a user base class
(reported for review, as CH201 does).
"""
import libcst as cst

from codemod import names
from codemod.context import find_arg, is_self
from codemod.edits import comment_line, comments_in
from codemod.rules.ch201_chain_kwargs_registration import (
    ITEM, _assignment, _is_super_init, _split, _statement_call)
from codemod.values import code, string_value

CODE = "CH202"

_ADD_PARAM = ("name", "shape", "dtype", "initializer")   # v1 positional order
_FLOAT32_STRINGS = {"f", "f4", "float32", "<f4", "=f4"}
_DTYPE_NAMES = {"float16", "float32", "float64", "half", "single", "double", "float_",
                "longdouble", "int8", "int16", "int32", "int64", "uint8", "bool_"}


def plan(ctx):
    for cls in ctx.classes:
        if not ctx.is_link_class(cls, names.LINK) \
                or ctx.is_link_class(cls, names.CHAIN | names.CHAIN_LIST):
            continue
        init = ctx.method(cls, "__init__")
        if init is None or not isinstance(init.body, cst.IndentedBlock):
            continue
        lazy = _uninitialized_names(ctx, cls)
        members = {}
        for stmt in init.body.body:
            call = _statement_call(stmt)
            if call is not None and call.args and _is_super_init(call, cls):
                member = _plan_super_init(ctx, cls, call)
                if member is not None:
                    members.setdefault(init.body, {})[stmt] = member
        for call in ctx.calls_in(init):
            if ctx.enclosing(call, cst.FunctionDef) is init:
                found = _plan_add_param(ctx, call, lazy)
                if found is not None:
                    members.setdefault(ctx.block_of(found[0]), {})[found[0]] = found[1]
        for block, planned in members.items():
            _plan_block(ctx, block, planned)


def _uninitialized_names(ctx, cls):
    """Names declared with ``self.add_uninitialized_param('NAME')`` in ``cls`` (CH210's)."""
    found = set()
    for call in ctx.calls_in(cls):
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value == "add_uninitialized_param" \
                and call.args and string_value(call.args[0].value) is not None:
            found.add(string_value(call.args[0].value))
    return found


# -- the two v1 forms ---------------------------------------------------------
class _Member:
    """A planned statement: ``convert(updated)`` gives ``(before, lead, inner, footer)``:
    statements that stay before the ``with``, leading lines of the member, the
    statements that go into the ``with`` and comments left after them."""

    def __init__(self, convert, starts=False):
        self.convert = convert
        self.starts = starts     # a super().__init__ call: only the first of a run


def _plan_super_init(ctx, cls, call):
    """A ``_Member`` for ``super().__init__(W=SHAPE, ...)`` of a direct ``chainer.Link``
    subclass, else None (other forms are reported or left alone)."""
    if any(a.star == "**" for a in call.args):
        ctx.review(call, CODE, "`__init__(**...)`: when these are parameter shapes, assign "
                   "`self.NAME = chainer.Parameter(chainer.initializers.NaN(), SHAPE)` in "
                   "`with self.init_scope():` by hand")
        return None
    if any(a.star or a.keyword is None for a in call.args):
        return None
    if not _direct_link_base(ctx, cls):
        ctx.review(call, CODE, "left alone: `super().__init__(...)` here reaches `%s`, not "
                   "`chainer.Link` itself, so its keywords may be that class's own "
                   "parameters (it still runs on 7.8.1); if they are parameter shapes, "
                   "register them in `with self.init_scope():` by hand"
                   % ", ".join(code(b.value) for b in cls.bases))
        return None
    pairs = [_is_pair(ctx, arg.value) for arg in call.args]
    ctx.report(call, CODE, "parameters passed to `__init__` are registered as "
               "`chainer.Parameter` in `with self.init_scope():`")
    return _Member(lambda updated: _from_super_init(updated, pairs), starts=True)


def _direct_link_base(ctx, cls):
    """True when the first base of ``cls`` (the class ``super().__init__`` reaches)
    resolves to ``chainer.Link``."""
    if not cls.bases or cls.bases[0].keyword is not None or cls.bases[0].star:
        return False
    return bool(ctx.qnames(cls.bases[0].value) & names.LINK)


def _plan_add_param(ctx, call, lazy):
    """``(statement, _Member)`` for a rewritable ``self.add_param(...)`` line, else None."""
    func = call.func
    if not (isinstance(func, cst.Attribute) and func.attr.value == "add_param"
            and is_self(func.value)) or any(a.star for a in call.args):
        return None
    args = [find_arg(call, key, i) for i, key in enumerate(_ADD_PARAM)]
    if len(call.args) != sum(a is not None for a in args):
        return None                          # an unknown keyword: not Link.add_param
    name, shape, dtype, initializer = args
    line = ctx.parent(ctx.parent(call))
    if name is None or shape is None or _statement_call(line) is not call \
            or ctx.block_of(line) is None:
        return None
    link = string_value(name.value)
    if link is None or not link.isidentifier():
        ctx.review(call, CODE, "`add_param` with a computed name: assign "
                   "`chainer.Parameter(...)` with setattr in `with self.init_scope():` by hand")
        return None
    if link in lazy:
        return None                          # declared uninitialized: CH210 reports it
    if initializer is not None and dtype is not None and not _is_float32(ctx, dtype.value):
        ctx.review(call, CODE, "`add_param(%r, ..., dtype=%s, initializer=...)`: Chainer "
                   "ignores `dtype` when an initializer is given (the array takes the "
                   "initializer's dtype, float32 by default); left alone: write "
                   "`self.%s = chainer.Parameter(INITIALIZER, SHAPE)` in "
                   "`with self.init_scope():` with an initializer of the dtype you mean"
                   % (link, code(dtype.value), link))
        return None
    ctx.report(call, CODE, "`add_param(%r, ...)` becomes `self.%s = chainer.Parameter(...)` "
               "in `with self.init_scope():`" % (link, link))
    keep = [initializer is not None, dtype is not None and initializer is None]
    return line, _Member(lambda updated: _from_add_param(updated, link, *keep))


def _is_float32(ctx, node):
    return string_value(node) in _FLOAT32_STRINGS or "numpy.float32" in ctx.qnames(node)


def _is_dtype(ctx, node):
    """True when ``node`` reads as a dtype: a string, ``numpy.dtype(...)``, a numpy
    scalar type, or a name containing ``dtype``."""
    if isinstance(node, cst.SimpleString):
        return True
    if isinstance(node, cst.Call):
        return "numpy.dtype" in ctx.qnames(node.func)
    if isinstance(node, cst.Name) and "dtype" in node.value.lower():
        return True
    return any(q.startswith("numpy.") and q.rsplit(".", 1)[1] in _DTYPE_NAMES
               for q in ctx.qnames(node))


def _is_pair(ctx, value):
    """True when ``W=value`` of ``Link.__init__`` is a ``(shape, dtype)`` pair, not a
    shape: a 2-tuple whose first item is a tuple or list (never a shape's item)
    or whose second item reads as a dtype."""
    if not isinstance(value, cst.Tuple) or len(value.elements) != 2 \
            or any(isinstance(e, cst.StarredElement) for e in value.elements):
        return False
    first, second = (e.value for e in value.elements)
    return isinstance(first, (cst.Tuple, cst.List)) or _is_dtype(ctx, second)


# -- building the new statements ------------------------------------------------
def _parameter(initializer, shape):
    """``chainer.Parameter(initializer, shape)``."""
    comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    return cst.Call(func=cst.parse_expression("chainer.Parameter"),
                    args=[cst.Arg(initializer, comma=comma), cst.Arg(shape)])


def _nan(dtype=None):
    """``chainer.initializers.NaN()`` or ``chainer.initializers.NaN(dtype)``."""
    return cst.Call(func=cst.parse_expression("chainer.initializers.NaN"),
                    args=[] if dtype is None else [cst.Arg(dtype)])


def _from_kwarg(value, pair):
    if pair:
        first, second = (e.value for e in value.elements)
        return _parameter(_nan(second), first)
    return _parameter(_nan(), value)


def _from_super_init(updated, pairs):
    """``super().__init__(k=v, ...)`` -> the bare call, then ``self.k = Parameter(...)``
    lines; comments are carried as CH201 carries them (an argument's end-of-line
    comment ends its line, own-line comments lead it, those before ``)`` are
    left over)."""
    call = updated.body[0].value
    bare = call.with_changes(args=[], whitespace_before_args=cst.SimpleWhitespace(""))
    first = updated.with_changes(body=[updated.body[0].with_changes(value=bare)])
    opening, leading = _split(call.whitespace_before_args)
    if opening is not None and updated.trailing_whitespace.comment is None:
        first = first.with_changes(trailing_whitespace=opening)   # `__init__(  # comment`
    elif opening is not None:
        leading = [opening.comment] + leading
    assigns = []
    for arg, pair in zip(call.args, pairs):
        if isinstance(arg.comma, cst.Comma):
            inner = comments_in(arg.keyword) + comments_in(arg.equal) \
                + comments_in(arg.whitespace_after_arg) + comments_in(arg.comma.whitespace_before)
            tail = arg.comma.whitespace_after
        else:
            inner = comments_in(arg.keyword) + comments_in(arg.equal)
            tail = arg.whitespace_after_arg
        trailing, after = _split(tail)
        assigns.append(_assignment(arg.keyword.value, _from_kwarg(arg.value, pair),
                                   [comment_line(c) for c in leading + inner], trailing))
        leading = after
    return [first], [], assigns, [comment_line(c) for c in leading]


def _from_add_param(updated, link, has_initializer, has_dtype):
    """``self.add_param('W', SHAPE, ...)`` -> ``self.W = chainer.Parameter(...)``; comments
    inside the call outside the kept values lead the new line."""
    call = updated.body[0].value
    _, shape, dtype, initializer = (find_arg(call, key, i) for i, key in enumerate(_ADD_PARAM))
    if has_initializer:
        kept = [shape.value, initializer.value]
        value = _parameter(initializer.value, shape.value)
    else:
        kept = [shape.value] + ([dtype.value] if has_dtype else [])
        value = _parameter(_nan(dtype.value if has_dtype else None), shape.value)
    inside = [c for node in kept for c in comments_in(node)]
    loose = [c for c in comments_in(call) if not any(c is k for k in inside)]
    line = _assignment(link, value, [comment_line(c) for c in loose],
                       updated.trailing_whitespace)
    return [], list(updated.leading_lines), [line], []


def _is_init_scope(stmt):
    """``with self.init_scope():`` (one item, no ``as``, an indented body)."""
    return isinstance(stmt, cst.With) and len(stmt.items) == 1 and stmt.items[0].asname is None \
        and isinstance(stmt.body, cst.IndentedBlock) and code(stmt.items[0].item) == ITEM


# -- one ``with`` per run of adjacent statements -------------------------------------
def _plan_block(ctx, block, members):
    """Split ``block`` into runs of adjacent planned statements and
    ``with self.init_scope():`` blocks (a ``super().__init__`` call only starts
    a run); each run that holds a planned statement becomes one ``with``."""
    runs, run = [], []
    for stmt in block.body:
        member = members.get(stmt)
        if member is not None and member.starts:
            runs.append(run)
            run = [stmt]
        elif member is not None or _is_init_scope(stmt):
            run.append(stmt)
        else:
            runs.append(run)
            run = []
    runs.append(run)
    for run in runs:
        if any(stmt in members for stmt in run):
            _plan_run(ctx, run, members)


def _plan_run(ctx, run, members):
    """Replace the statements of ``run``: each one's builder adds its lines to a shared
    ``with`` body (they run in source order); the last one emits the ``with``.
    The first existing ``with self.init_scope():`` of the run gives the header."""
    ctx.needs_chainer = True
    state = {"body": [], "pending": [], "base": None, "leading": ()}

    def builder(index, stmt):
        member = members.get(stmt)

        def build(updated):
            if member is not None:
                before, lead, inner, footer = member.convert(updated)
            else:
                before, lead, inner, footer = [], list(updated.leading_lines), \
                    list(updated.body.body), list(updated.body.footer)
                if state["base"] is None:
                    state["base"] = updated
                elif updated.body.header.comment is not None:
                    lead.append(comment_line(updated.body.header.comment))
            if index == 0 and not before:
                state["leading"], lead = lead, []
            lead = state["pending"] + lead
            if lead:
                inner[0] = inner[0].with_changes(leading_lines=lead + list(inner[0].leading_lines))
            state["pending"] = list(footer)
            state["body"].extend(inner)
            return before if index < len(run) - 1 else before + [_scope(state)]
        return build

    for index, stmt in enumerate(run):
        ctx.edits.replace_stmt(stmt, builder(index, stmt))


def _scope(state):
    """The ``with self.init_scope():`` that holds the run's statements."""
    base = state["base"]
    if base is None:
        base = cst.With(items=[cst.WithItem(item=cst.parse_expression(ITEM))],
                        body=cst.IndentedBlock(body=[]))
    block = base.body.with_changes(body=state["body"], footer=state["pending"])
    return base.with_changes(body=block, leading_lines=state["leading"])
