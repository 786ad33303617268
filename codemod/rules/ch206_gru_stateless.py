"""CH206 gru-stateless: v1 ``L.GRU(n_units, n_inputs)`` -> ``L.StatelessGRU(n_inputs, n_units)``.

Chainer 1.24's ``L.GRU`` was stateless with the sizes in the other order;
since v2 ``L.GRU`` is ``StatefulGRU(in_size, out_size)``. ``L.StatelessGRU``
equals the v1 link bit for bit (catalogue ``x.translate.gru``). Rewritten
(v7-only output): constructions written as an attribute (``L.GRU``,
``chainer.links.GRU``) with ``n_units``/``n_inputs`` given positionally or
by keyword; ``L.GRU(a)`` becomes ``L.StatelessGRU(a, a)`` when ``a`` is a
name, attribute chain or number. The two-size form is reported ``silent:``
(7.8.1 would swap the sizes without an error). Review items: ``*``/``**``
arguments, another single argument, a bare ``GRU`` name (change the import
too), subclasses of ``L.GRU`` and ``isinstance(..., L.GRU)``.
"""
import libcst as cst

from codemod.context import has_splat
from codemod.rules.ch205_keywords import plan_calls

CODE = "CH206"

CONSTRUCTORS = {"chainer.links.GRU", "chainer.links.connection.gru.GRU",
                "chainer.links.rnn.gru.GRU"}
SIZES = ("n_units", "n_inputs")


def _sizes(call):
    """``(n_units Arg, n_inputs Arg or None, other args)``, or None when it cannot be rewritten."""
    if has_splat(call):
        return None
    positional = [a for a in call.args if a.keyword is None]
    named = {a.keyword.value: a for a in call.args if a.keyword is not None}
    units = positional[0] if positional else named.get("n_units")
    inputs = positional[1] if len(positional) > 1 else named.get("n_inputs")
    if units is None or (len(positional) > 1 and "n_inputs" in named):
        return None
    rest = [a for a in call.args if a is not units and a is not inputs]
    if any(a.keyword is None for a in rest) and inputs is None:
        return None      # L.GRU(n, None?, init...) forms: keep it simple
    return units, inputs, rest


def _simple(node):
    while isinstance(node, cst.Attribute):
        node = node.value
    return isinstance(node, (cst.Name, cst.Integer))


def _rewritable(call):
    found = _sizes(call)
    if found is None or not isinstance(call.func, cst.Attribute):
        return False
    units, inputs, _ = found
    return inputs is not None and not _none(inputs.value) or _simple(units.value)


def _none(node):
    return isinstance(node, cst.Name) and node.value == "None"


def _edit(call):
    if not _rewritable(call):
        return call
    units, inputs, rest = _sizes(call)
    first = inputs.value if inputs is not None and not _none(inputs.value) else units.value
    comma = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
    args = [cst.Arg(value=first, comma=comma), cst.Arg(value=units.value, comma=comma)]
    args += [a.with_changes(comma=comma) for a in rest]
    args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    func = call.func.with_changes(attr=cst.Name("StatelessGRU"))
    return call.with_changes(func=func, args=args)


def plan(ctx):
    todo = []
    for call in ctx.calls:
        found = ctx.callee_qnames(call)   # (not ``L.GRU(3, 4)(h, x)``, a call of the link)
        if not found & CONSTRUCTORS:
            if any(q == "builtins.isinstance" or q == "builtins.issubclass" for q in found) \
                    and any(ctx.qnames(a.value) & CONSTRUCTORS for a in call.args[1:]):
                ctx.review(call, CODE, "type test against L.GRU: since v2 it is the stateful "
                           "GRU; v1's stateless GRU is L.StatelessGRU")
            continue
        if not _rewritable(call):
            ctx.review(call, CODE, "v1 L.GRU(n_units, n_inputs=None) was stateless: write "
                       "`L.StatelessGRU(n_inputs, n_units)` (v2+ L.GRU is stateful, its sizes "
                       "are (in_size, out_size))", silent=True)
            continue
        todo.append(call)
    lost = plan_calls(ctx, todo, _edit)
    for call in todo:
        if call in lost:
            ctx.review(call, CODE, "cannot rewrite this L.GRU here: write "
                       "`L.StatelessGRU(n_inputs, n_units)` by hand", silent=True)
        else:
            two = _sizes(call)[1] is not None
            ctx.report(call, CODE, "L.GRU(n_units, n_inputs) -> L.StatelessGRU(n_inputs, "
                       "n_units) (v1 GRU was stateless)", silent=two)
    for cls in ctx.classes:
        if any(ctx.qnames(base.value) & CONSTRUCTORS for base in cls.bases):
            ctx.review(cls, CODE, "subclass of L.GRU: v1's GRU was stateless with "
                       "(n_units, n_inputs); derive from L.StatelessGRU(in_size, out_size) and "
                       "swap the sizes in the super().__init__ call")
