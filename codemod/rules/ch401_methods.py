"""Helpers of the optimizer-method rules CH401-CH405 (not a rule itself).

The removed ``Optimizer`` methods are found by name: ``X.zero_grads()``,
``X.clip_grads(t)``, ``X.weight_decay(r)``, ``X.accumulate_grads(g)``,
``X.compute_grads_norm()`` where ``X`` is not a module and the file defines no
function of that name (then it is the user's own method, left alone), and
``X`` is not a link known by local type inference (R5). The
receiver's type is not inferred: these names exist only on Chainer 1.24
optimizers.
"""
import libcst as cst

from codemod.context import has_splat
from codemod.values import code, is_pure


def method_calls(ctx, name, n_args):
    """``[(call, receiver, problem)]`` for ``receiver.name(...)`` calls in the file.

    ``problem`` is None when the call takes exactly ``n_args`` plain positional
    or keyword arguments, else a reason to report it for review. Calls that
    resolve to an import or to a method the file defines are skipped.
    """
    if name in ctx.module_functions():
        return []
    found = []
    for call in ctx.calls:
        func = call.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == name):
            continue
        if ctx.is_user_callable(func):
            continue
        if any(q.startswith("chainer.links.") for q in ctx.link_type(func.value)):
            continue   # a link known by R5 (``L.Bilinear`` has its own ``zero_grads``)
        if call in ctx.claimed:
            continue
        ctx.claimed.add(call)
        problem = None
        if has_splat(call):
            problem = "the call has */** arguments"
        elif len(call.args) != n_args:
            problem = "the call has %d arguments (expected %d)" % (len(call.args), n_args)
        found.append((call, func.value, problem))
    return found


def statement_calls(ctx, name, keyword):
    """``(call, receiver, stmt, problem)`` for ``X.name(value)`` calls that stand alone.

    ``problem`` (why the call cannot be rewritten) is ``None`` for a call whose
    one argument is positional or the keyword ``keyword``, that is a statement of
    its own (``stmt``) and whose receiver has no side effects.
    """
    for call, receiver, problem in method_calls(ctx, name, 1):
        if problem is None and call.args[0].keyword is not None \
                and call.args[0].keyword.value != keyword:
            problem = "unknown keyword `%s`" % call.args[0].keyword.value
        stmt = expression_statement(ctx, call) if problem is None else None
        if problem is None and stmt is None:
            problem = "it is used as a value"
        if problem is None and not is_pure(receiver):
            problem = "the receiver `%s` may have side effects" % code(receiver)
        yield call, receiver, stmt, problem


def expression_statement(ctx, call):
    """The ``SimpleStatementLine`` whose only statement is ``call`` as an expression, else None."""
    parent = ctx.parent(call)
    if not isinstance(parent, cst.Expr):
        return None
    line = ctx.parent(parent)
    if isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1 \
            and ctx.block_of(line) is not None:
        return line
    return None


def replace_call_statement(ctx, stmt, build):
    """Replace ``stmt`` (a line holding one call) by ``build(updated line)`` -> statements.

    Returns False when another rule already replaces or removes that statement.
    """
    if stmt in ctx.edits.replaced_stmts or stmt in ctx.edits.removed_stmts:
        return False
    ctx.edits.replace_stmt(stmt, build)
    return True


def with_comments(new_statements, old_line):
    """Give the first new statement ``old_line``'s leading lines and the last its trailing
    comment (a compound last statement gets it as an own-line comment above the first)."""
    leading = list(old_line.leading_lines)
    comment = old_line.trailing_whitespace.comment
    last = new_statements[-1]
    if comment is not None and not isinstance(last, cst.SimpleStatementLine):
        leading.append(cst.EmptyLine(indent=True, comment=comment))   # never lost
    first = new_statements[0].with_changes(leading_lines=leading)
    new_statements = [first] + list(new_statements[1:])
    last = new_statements[-1]
    if isinstance(last, cst.SimpleStatementLine):
        new_statements[-1] = last.with_changes(trailing_whitespace=old_line.trailing_whitespace)
    return new_statements


def fresh_name(ctx, base):
    """``base``, or ``base1``, ``base2`` ... : a name that no ``Name`` of the file uses."""
    used = {node.value for node in ctx.names}
    if base not in used:
        return base
    i = 1
    while "%s%d" % (base, i) in used:
        i += 1
    return "%s%d" % (base, i)


def operand(node):
    """Source of ``node`` safe as the left operand of ``*`` (parenthesised when needed)."""
    text = code(node)
    if isinstance(node, (cst.Name, cst.Attribute, cst.Integer, cst.Float, cst.Call, cst.Subscript,
                         cst.SimpleString)) or node.lpar:
        return text
    return "(%s)" % text


class ReplaceCall(cst.CSTTransformer):
    """Replace every call equal (``deep_equals``) to ``original`` by ``new``."""

    def __init__(self, original, new):
        super().__init__()
        self.original, self.new, self.done = original, new, 0

    def leave_Call(self, original_node, updated_node):
        if updated_node.deep_equals(self.original):
            self.done += 1
            return self.new.with_changes(lpar=updated_node.lpar, rpar=updated_node.rpar)
        return updated_node
