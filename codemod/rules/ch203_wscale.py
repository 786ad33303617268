"""CH203 wscale: ``wscale=`` of link constructors.

Chainer 1.24 scaled the initial weights by ``sqrt(wscale)``; Chainer 2+
rejects the argument. Catalogue CH203, after R2: ``wscale=1`` (and ``1.0``)
is deleted. ``wscale=w`` with ``initialW`` absent or ``None`` becomes
``initialW=chainer.initializers.HeNormal(math.sqrt(w) / math.sqrt(2))``
(``conv_init=`` for ``MLPConvolution2D``; ``import math`` is added when the
file lacks it); with a number or an array expression ``V`` as ``initialW``
(a ``numpy`` call, arithmetic on one, or a name assigned once from one) it
becomes ``initialW=(V) * math.sqrt(w)``. Valid on 1.24 too. Bit-identical
for ``Linear``, ``Convolution2D``, ``Maxout`` and ``MLPConvolution2D``
(probe ``x.translate.wscale``). ``Deconvolution2D`` and
``DilatedConvolution2D`` scaled the drawn float32 array in place, so the
rewrite equals 1.24 only within one float32 ulp unless ``sqrt(w)`` is a power
of two: those sites are rewritten and also reported for review. An
initializer object or any other ``initialW`` expression is reported (D).
A positional ``wscale`` that catalogue R2 passes by keyword (``ch302_binding``)
is read as ``wscale=``: ``L.Linear(4, 3, 1, 0.5)`` -> ``L.Linear(4, 3,
bias=0.5)`` in the same edit (CH204 then renames ``bias``).
"""
import math

import libcst as cst

from codemod.context import find_arg
from codemod.rules import added_imports
from codemod.rules import ch302_binding as r2
from codemod.values import code, is_name

CODE = "CH203"

_L = "chainer.links."
#: constructor -> v1 positional index of ``wscale``
CONSTRUCTORS = {}
for _name, _module, _index in (("Linear", "connection.linear", 2),
                               ("Convolution2D", "connection.convolution_2d", 5),
                               ("Deconvolution2D", "connection.deconvolution_2d", 5),
                               ("DilatedConvolution2D", "connection.dilated_convolution_2d", 6),
                               ("Maxout", "activation.maxout", 3),
                               ("MLPConvolution2D", "connection.mlp_convolution_2d", 5)):
    for _q in (_L + _name, _L + "%s.%s" % (_module, _name), "chainer.functions." + _name):
        CONSTRUCTORS[_q] = _index

#: 1.24 drew these with HeNormal(1/sqrt(2)) and then multiplied the float32 array by sqrt(w).
SCALED_AFTER = ("Deconvolution2D", "DilatedConvolution2D")

_ATOMS = (cst.Name, cst.Attribute, cst.Integer, cst.Float, cst.Call, cst.Subscript,
          cst.UnaryOperation)   # `-0.5 * x` is `(-0.5) * x`


def _number(node):
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, (cst.Minus, cst.Plus)):
        node = node.expression
    return isinstance(node, (cst.Integer, cst.Float))


def is_array(ctx, node, _depth=0):
    """True when ``node`` is an array expression the codemod can see: a ``numpy``
    call, a method call or arithmetic on one, or a name assigned once from one."""
    if _depth > 8:
        return False
    if isinstance(node, cst.Call):
        if any(q.startswith("numpy.") for q in ctx.qnames(node.func)):
            return True
        return isinstance(node.func, cst.Attribute) and is_array(ctx, node.func.value, _depth + 1)
    if isinstance(node, cst.BinaryOperation):
        sides = (node.left, node.right)
        return any(is_array(ctx, s, _depth + 1) for s in sides) and all(
            _number(s) or is_array(ctx, s, _depth + 1) for s in sides)
    if isinstance(node, cst.Name):
        assignment = ctx.single_assignment(node)
        stmt = ctx.parent(ctx.parent(assignment.node)) if assignment is not None else None
        if isinstance(stmt, cst.Assign) and len(stmt.targets) == 1 \
                and stmt.targets[0].target is assignment.node:
            return is_array(ctx, stmt.value, _depth + 1)
    return False


def _exact_after(value):
    """True when ``sqrt(value)`` of a numeric literal is a power of two (scaling after
    drawing then rounds exactly as scaling the draw)."""
    try:
        root = math.sqrt(float(code(value)))
    except ValueError:
        return False
    return root > 0 and math.frexp(root)[0] == 0.5


def _keyword_arg(keyword, text, like):
    return cst.Arg(keyword=cst.Name(keyword), value=cst.parse_expression(text),
                   equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""),
                                         whitespace_after=cst.SimpleWhitespace("")),
                   comma=like.comma, whitespace_after_arg=like.whitespace_after_arg)


def plan(ctx):
    for call in ctx.calls:
        found = ctx.qnames(call.func) & set(CONSTRUCTORS)
        if not found:
            continue
        arg = find_arg(call, "wscale", CONSTRUCTORS[sorted(found)[0]])
        if arg is None or arg in ctx.claimed:
            continue
        ctx.claimed.add(arg)
        value = code(arg.value)
        by_keyword = arg.keyword is not None or (
            r2.v1_name(ctx, call, arg) == "wscale" and r2.can_normalise(ctx, call))
        if by_keyword and value in ("1", "1.0"):
            if arg.keyword is None:
                r2.normalise(ctx, call)
            ctx.edits.remove_arg(call, arg)
            ctx.report(arg, CODE, "removed `wscale=1` (no effect)")
            continue
        _scale(ctx, call, arg, found, by_keyword)


def _scale(ctx, call, arg, found, by_keyword):
    value = code(arg.value)
    keyword = "conv_init" if any(q.endswith("MLPConvolution2D") for q in found) else "initialW"
    given = r2.v1_arg(ctx, call, keyword)
    if given is None or is_name(given.value, "None"):
        fix = "%s=chainer.initializers.HeNormal(math.sqrt(%s) / math.sqrt(2))" % (keyword, value)
    elif _number(given.value) or is_array(ctx, given.value):
        shown = code(given.value)
        if not isinstance(given.value, _ATOMS):
            shown = "(%s)" % shown
        fix = "%s=%s * math.sqrt(%s)" % (keyword, shown, value)
    else:
        fix = None
    problem = None
    if fix is None:
        problem = "`%s` is an initializer object or of unknown kind" % keyword
    elif not by_keyword:
        problem = "`wscale` is given positionally and the arguments cannot be passed by keyword"
    elif added_imports.math_name(ctx) is None:
        problem = "the name `math` is bound to something else in this file"
    if problem is not None:
        ctx.review(arg, CODE, "v1 scaled the initial weights by sqrt(wscale) (%s): drop "
                   "`wscale=%s` and pass %s (`import chainer_compat` restores it exactly)"
                   % (problem, value, "`%s`" % fix if fix else "weights scaled by sqrt(wscale)"))
        return
    if arg.keyword is None:
        r2.normalise(ctx, call)
    if given is None or is_name(given.value, "None"):
        ctx.needs_chainer = True
        text = fix.split("=", 1)[1]
        if given is None:
            ctx.edits.replace_node(arg, lambda updated: _keyword_arg(keyword, text, updated))
        else:
            ctx.edits.replace_node(given.value, lambda updated: cst.parse_expression(text))
            ctx.edits.remove_arg(call, arg)
    else:
        text = fix.split("=", 1)[1]
        ctx.edits.replace_node(given.value, lambda updated: cst.parse_expression(text))
        ctx.edits.remove_arg(call, arg)
    ctx.report(arg, CODE, "`wscale=%s` -> `%s` (1.24 scaled the initial weights by "
               "sqrt(wscale))" % (value, fix))
    link = sorted(found)[0].rsplit(".", 1)[1]
    if link in SCALED_AFTER and not _exact_after(arg.value):
        ctx.review(arg, CODE, "%s: 1.24 multiplied the drawn float32 weights by sqrt(%s) in "
                   "place, so `%s` equals it only within one float32 ulp (exact when sqrt(wscale) "
                   "is a power of two; `import chainer_compat` restores it bit for bit)"
                   % (link, value, fix), silent=True)
