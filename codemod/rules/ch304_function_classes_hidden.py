"""CH304 function-classes-hidden: ``F.Cls(args)(inputs)`` -> ``F.func(inputs, args)``.

Chainer 5 stopped exporting the 120 Function classes of ``chainer.functions``
(catalogue CH304, appendix A4). A class that is built and called in one
expression (``F.Exp()(x)``, ``F.Sum(axis=1)(x)``, ``F.Concat(axis=1)(a, b)``)
becomes a call of its function form, using the class -> function table
``chainer_rules.function_classes.CLASSES``: the constructor arguments become
arguments of the function with the same names (kept positional while the
function's parameters after the inputs have the same names in the same order,
otherwise keywords); classes whose function takes a sequence get the inputs
as a tuple; ``use_cudnn=True`` is dropped. The result is valid on 1.24 too.

Reported for review (left unchanged), with the reason:

- every other use of a class name: an instance stored or reused
  (``self.pool = F.MaxPooling2D(2)``; v1 state such as ``.indexes`` or a
  dropout mask lives on the instance), a subclass, an import of the name,
  ``isinstance`` checks;
- one-expression calls that cannot be rewritten exactly: classes whose v1
  call did more than the function (``Dropout`` always drops, ``SplitAxis``
  never forces a tuple, the ``NStep*`` classes take cuDNN states, ...; see
  ``REVIEW_CLASSES``), names reached through a defining module or imported
  by name
  (``chainer.functions.math.exponential.Exp``), ``*``/``**`` arguments,
  keyword inputs, a ``use_cudnn`` other than ``True``, arguments the v1
  signature does not bind, and ``AveragePooling2D(cover_all=...)``.

``pooling_class=F.MaxPooling2D`` of ``F.spatial_pyramid_pooling_2d`` is left to
CH309.
"""
import inspect

import libcst as cst

from chainer_rules.function_classes import CLASSES, keyword_map
from codemod.values import code, is_true

CODE = "CH304"

_F = "chainer.functions."

#: Classes whose one-expression call has no exact function form.
REVIEW_CLASSES = {
    "ConnectionistTemporalClassification": "v1's inputs are (input_length, label_length, t, *x)",
    "Dropout": "the class always drops units; F.dropout follows chainer.config.train",
    "Zoneout": "the class always applies zoneout; F.zoneout follows chainer.config.train",
    "Gaussian": "use F.gaussian(mean, ln_var)",
    "SimplifiedDropconnect": "use F.simplified_dropconnect(x, W, b, ratio, mask=...)",
    "SplitAxis": "the class returns one Variable for one section; use "
                 "F.split_axis(x, indices_or_sections, axis, force_tuple=False)",
    "Forget": "use F.forget(func, *xs)",
    "SpatialPyramidPooling2D": "use F.spatial_pyramid_pooling_2d(x, pyramid_height, "
                               "pooling='max') (x_shape is not an argument there)",
    "TheanoFunction": "there is no function form",
}
REVIEW_CLASSES.update(
    (name, "the NStep classes took cuDNN dropout states; use F.n_step_* with a dropout ratio")
    for name in CLASSES if name.startswith("NStep"))


def _signature(text):
    namespace = {}
    exec("def f(%s): pass" % text, namespace)  # the table's own literals only
    return inspect.signature(namespace["f"])


_SIGNATURES = {name: _signature(spec.signature) for name, spec in CLASSES.items()}


def class_name(ctx, node):
    """The v1 class name when ``node`` names ``chainer.functions.<Cls>`` (or its
    defining module's name) of the table, with ``public`` True for the former;
    else ``(None, False)``."""
    for q in ctx.qnames(node):
        if q.startswith(_F):
            name = q.rsplit(".", 1)[1]
            if name in CLASSES and (q == _F + name or q.count(".") >= 3):
                return name, q == _F + name
    return None, False


def _bind(name, call):
    """``(arguments as [(v1 parameter, Arg)], extra keywords, None)`` or ``(.., .., reason)``."""
    params = list(_SIGNATURES[name].parameters.values())
    named = [p for p in params if p.kind is not inspect.Parameter.VAR_KEYWORD]
    var_kw = len(named) != len(params)
    bound, extra = [], []
    positional = 0
    for arg in call.args:
        if arg.star:
            return None, None, "a */** argument"
        if arg.keyword is None:
            if positional >= len(named):
                return None, None, "too many positional arguments for the v1 signature"
            bound.append((named[positional].name, arg))
            positional += 1
        elif any(p.name == arg.keyword.value for p in named):
            bound.append((arg.keyword.value, arg))
        elif var_kw:
            extra.append(arg)
        else:
            return None, None, "`%s=` is not a v1 parameter" % arg.keyword.value
    return bound, extra, None


def _plan_call(ctx, outer, inner, name, public):
    """Why ``F.<name>(...)(...)`` cannot be rewritten, or None after planning the rewrite."""
    if not public:
        return "reached through its defining module; call F.%s" % (CLASSES[name].function
                                                                   or name)
    if name in REVIEW_CLASSES:
        return REVIEW_CLASSES[name]
    if any(arg.star or arg.keyword is not None for arg in outer.args):
        return "the inputs are passed with */** or keywords"
    spec = CLASSES[name]
    low, high = spec.n_inputs
    if len(outer.args) < low or (high is not None and len(outer.args) > high):
        return "v1 would reject %d inputs" % len(outer.args)
    bound, extra, reason = _bind(name, inner)
    if reason is not None:
        return reason
    mapping = keyword_map(spec)
    order = list(_SIGNATURES[name].parameters)
    keep_positional = 0   # how many leading constructor parameters stay positional
    for i, param in enumerate(order):
        if i < len(spec.keywords) and mapping.get(param) == param == spec.keywords[i]:
            keep_positional = i + 1
        else:
            break
    args = []
    for param, arg in bound:
        if param == "use_cudnn":
            if not is_true(arg.value):
                return "`use_cudnn=%s`: run the call under `with chainer.using_config(" \
                       "'use_cudnn', 'never'):` by hand (CH105)" % code(arg.value)
            continue
        if param not in mapping:
            if param == "ndim":
                continue      # the ND poolings: v1 only checked x.ndim == ndim + 2
            return "`%s` has no counterpart in F.%s" % (param, spec.function)
        args.append((param, mapping[param], arg))
    if not isinstance(inner.func, cst.Attribute):
        return "the class is imported by name; call F.%s" % spec.function
    ctx.edits.replace_node(outer, lambda updated: _build(updated, spec, order, args,
                                                         keep_positional, extra, inner))
    return None


def _build(updated, spec, order, args, keep_positional, extra, inner):
    """The function-form call for ``updated`` (the outer call after other edits)."""
    new_inner = updated.func
    func = new_inner.func.with_changes(attr=cst.Name(spec.function))
    inner_args = {id(old): new for old, new in zip(inner.args, new_inner.args)}
    inputs = [code(arg.value) for arg in updated.args]
    parts = ["(%s%s)" % (", ".join(inputs), "," if len(inputs) == 1 else "")] \
        if spec.inputs == "seq" else inputs
    index = {param: i for i, param in enumerate(order)}
    for v1, v7, arg in args:
        value = code(inner_args[id(arg)].value)
        positional = arg.keyword is None and index[v1] < keep_positional
        parts.append(value if positional else "%s=%s" % (v7, value))
    for arg in extra:
        parts.append("%s=%s" % (arg.keyword.value, code(inner_args[id(arg)].value)))
    text = "%s(%s)" % (code(func), ", ".join(parts))
    return cst.parse_expression(text).with_changes(lpar=updated.lpar, rpar=updated.rpar)


def _in_spp_call(ctx, node):
    arg = ctx.parent(node)
    call = ctx.parent(arg) if isinstance(arg, cst.Arg) else None
    return isinstance(call, cst.Call) and any(
        q.endswith("spatial_pyramid_pooling_2d") for q in ctx.qnames(call.func))


def plan(ctx):
    handled = set()
    for outer in ctx.calls:
        inner = outer.func
        if not isinstance(inner, cst.Call):
            continue
        name, public = class_name(ctx, inner.func)
        if name is None:
            continue
        handled.add(inner.func)
        reason = _plan_call(ctx, outer, inner, name, public)
        if reason is None:
            ctx.report(outer, CODE, "F.%s(...)(...) -> F.%s(...)" % (name, CLASSES[name].function))
        else:
            ctx.review(outer, CODE, "F.%s(...)(...) is not rewritten: %s" % (name, reason))
    for node in ctx.attributes + ctx.names:
        if node in handled or isinstance(ctx.parent(node), cst.Attribute) and \
                ctx.parent(node).attr is node:
            continue
        name, _ = class_name(ctx, node)
        if name is None or _in_spp_call(ctx, node):
            continue
        if isinstance(node, cst.Name) and isinstance(ctx.parent(node), cst.Attribute):
            continue   # the ``F`` of ``F.Exp``: the Attribute is the reference
        ctx.review(node, CODE, "F.%s is not exported by Chainer 7: %s" % (
            name, _use_reason(name)))
    imports = _Imports()
    ctx.module.visit(imports)
    for alias in imports.found:
        name = code(alias.name)
        ctx.review(alias, CODE, "import of %s: not exported by Chainer 7; %s" % (
            name, _use_reason(name)))


class _Imports(cst.CSTVisitor):
    """``from chainer.functions[.<module>] import <Cls>`` aliases of table classes."""

    def __init__(self):
        self.found = []

    def visit_ImportFrom(self, node):
        module = code(node.module) if node.module is not None else ""
        if (module == "chainer.functions" or module.startswith(_F)) \
                and not isinstance(node.names, cst.ImportStar):
            self.found.extend(alias for alias in node.names
                              if code(alias.name) in CLASSES)


def _use_reason(name):
    function = CLASSES[name].function
    if function is None:
        return "rewrite the use by hand (%s)" % REVIEW_CLASSES.get(name, "no function form")
    return "a stored, reused or subclassed instance keeps v1 state; call F.%s(...) at " \
           "each use instead" % function
