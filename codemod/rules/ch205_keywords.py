"""Helper of CH205, CH207 (and CH206): edit calls of a block-level statement.

``Edits`` names original nodes; adding an argument changes a call, so these
rules replace the block-level statement that holds the call with a copy in
which a ``libcst`` transformer edits the matching calls (found again by the
source text of the callee). Replacements compose: a statement another rule
already replaces (CH201 moves ``Chain.__init__`` keywords into
``init_scope``) is transformed after that rule's replacement.
"""
import libcst as cst

from codemod.rules.ch208_batchnorm_statistics import add_keyword  # noqa: F401  (re-exported)


def block_statement(ctx, node):
    """The statement of an IndentedBlock or Module body that contains ``node``, else None."""
    for anc in ctx.ancestors(node):
        if ctx.block_of(anc) is not None:
            return anc
    return None


def edit_calls(ctx, stmt, names, edit):
    """Replace ``stmt`` so that every call whose callee's source is in ``names``
    goes through ``edit(call) -> call`` (``edit`` returns the call unchanged when
    it does not apply)."""
    module = ctx.module

    class _Edit(cst.CSTTransformer):
        def leave_Call(self, original_node, updated_node):
            if module.code_for_node(updated_node.func) not in names:
                return updated_node
            return edit(updated_node)

    ctx.edits.extend_stmt(stmt, lambda stmts: [s.visit(_Edit()) for s in stmts])


def plan_calls(ctx, sites, edit):
    """Group ``sites`` (calls) by statement and plan ``edit`` on each; returns the
    calls that are not in a block-level statement (the caller reports them)."""
    by_stmt, lost = {}, []
    for call in sites:
        stmt = block_statement(ctx, call)
        if stmt is None or stmt in ctx.edits.removed_stmts:
            lost.append(call)
            continue
        by_stmt.setdefault(stmt, set()).add(ctx.module.code_for_node(call.func))
    for stmt, names in by_stmt.items():
        edit_calls(ctx, stmt, names, edit)
    return lost


def super_init_calls(ctx, bases):
    """``super(...).__init__(...)`` calls in ``__init__`` of classes of this file
    that derive from ``bases`` (qualified names)."""
    found = []
    for cls in ctx.classes:
        if not ctx.is_link_class(cls, bases):
            continue
        init = ctx.method(cls, "__init__")
        if init is None:
            continue
        for call in ctx.calls_in(init):
            func = call.func
            if (isinstance(func, cst.Attribute) and func.attr.value == "__init__"
                    and isinstance(func.value, cst.Call)
                    and isinstance(func.value.func, cst.Name) and func.value.func.value == "super"):
                found.append(call)
    return found
