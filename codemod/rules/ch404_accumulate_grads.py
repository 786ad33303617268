"""CH404 accumulate-grads: ``opt.accumulate_grads(grads)`` is reported (D).

Catalogue CH404: 1.24 paired ``grads[i]`` with the i-th parameter in
registration order; 7.8.1 iterates sorted by name (CH211), so no positional
rewrite is safe. When ``grads`` is ``[p.grad for p in OTHER.params()]`` (the
data-parallel pattern) the report suggests ``opt.target.addgrads(OTHER)``
(matched by name).
"""
import libcst as cst

from codemod.rules.ch401_methods import method_calls
from codemod.values import code

CODE = "CH404"


def _source_link(arg):
    """``OTHER`` of ``[p.grad for p in OTHER.params()]``, else None."""
    if not isinstance(arg, cst.ListComp):
        return None
    elt, target, it = arg.elt, arg.for_in.target, arg.for_in.iter
    if arg.for_in.inner_for_in is not None or arg.for_in.ifs:
        return None
    if isinstance(elt, cst.Attribute) and elt.attr.value == "grad" \
            and isinstance(target, cst.Name) and elt.value.deep_equals(target) \
            and isinstance(it, cst.Call) and isinstance(it.func, cst.Attribute) \
            and it.func.attr.value == "params" and not it.args:
        return it.func.value
    return None


def plan(ctx):
    for call, receiver, problem in method_calls(ctx, "accumulate_grads", 1):
        other = _source_link(call.args[0].value) if problem is None else None
        if other is not None:
            hint = "use `%s.target.addgrads(%s)` (matches parameters by name)" % (
                code(receiver), code(other))
        else:
            hint = ("add each array to the gradient of the parameter it belongs to, by name "
                    "(`dict(%s.target.namedparams())`)" % code(receiver))
        ctx.review(call, CODE, "`%s`: 1.24 paired the arrays with the parameters in "
                   "registration order, 7.8.1 has no such method; %s" % (code(call), hint))
