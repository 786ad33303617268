"""Which expressions the codemod knows to be a ``chainer.Variable`` (CH307, CH308, CH504).

Helper of the rules, not a rule. Catalogue R5 extended to variables: a name
assigned once in its scope from ``chainer.Variable(...)`` /
``chainer.Parameter(...)`` or from a call of a ``chainer.functions`` function
(lower-case name: the function forms return a ``Variable``).
"""
import libcst as cst

VARIABLE = {"chainer.Variable", "chainer.variable.Variable",
            "chainer.Parameter", "chainer.variable.Parameter"}
#: function forms that return a tuple or a list of variables, not one Variable
_NOT_ONE = {"split_axis", "separate", "where", "transpose_sequence", "n_step_lstm",
            "n_step_bilstm", "n_step_gru", "n_step_bigru", "n_step_rnn", "n_step_birnn", "lstm"}


def returns_variable(ctx, call):
    """True when ``call`` builds or computes one Variable (by qualified name)."""
    for q in ctx.qnames(call.func):
        if q in VARIABLE:
            return True
        if q.startswith("chainer.functions."):
            last = q.rsplit(".", 1)[1]
            if last[:1].islower() and last not in _NOT_ONE:
                return True
    return False


def is_variable(ctx, node):
    """True when ``node`` is a name assigned once from a call ``returns_variable``
    accepts, or such a call itself."""
    if isinstance(node, cst.Call):
        return returns_variable(ctx, node)
    if not isinstance(node, cst.Name):
        return False
    assignment = ctx.single_assignment(node)
    if assignment is None:
        return False
    stmt = ctx.parent(ctx.parent(assignment.node))
    return isinstance(stmt, cst.Assign) and len(stmt.targets) == 1 \
        and stmt.targets[0].target is assignment.node and isinstance(stmt.value, cst.Call) \
        and returns_variable(ctx, stmt.value)
