"""CH211 param-iteration-order: ``params()``, ``namedparams()``, ``links()``,
``namedlinks()``, ``children()`` iterate sorted by name since Chainer 5.0.0b4
(v1: registration order).

Review only (catalogue D; silent on 7.8.1, so reported with ``silent:``): uses
whose result is taken by position are reported: an argument of ``zip`` or
``enumerate``, ``list(...)[i]`` / ``tuple(...)[i]``, an argument of
``accumulate_grads`` / ``copy_parameters_from``, the iterable of a list
comprehension (the list keeps the order), and a ``for`` loop that writes
``.data[...]`` / ``.array[...]`` of each item from a random stream (the
RNNForLM initialisation loop: the same draws land in other arrays).
"""
import libcst as cst

from codemod import names
from codemod.values import code

CODE = "CH211"
_POSITIONAL_CONSUMERS = {"builtins.zip", "builtins.enumerate"}
_POSITIONAL_METHODS = {"accumulate_grads", "copy_parameters_from"}
_NAMED = {"params": "namedparams", "namedparams": "namedparams", "links": "namedlinks",
          "namedlinks": "namedlinks", "children": "namedlinks"}


def plan(ctx):
    for call in ctx.calls:
        func = call.func
        if not (isinstance(func, cst.Attribute) and func.attr.value in names.ORDERED_ITERATORS
                and all(arg.keyword is not None for arg in call.args)):
            continue
        why = _positional_use(ctx, call)
        if why:
            method = func.attr.value
            ctx.review(call, CODE, "`%s` iterates sorted by name on Chainer >= 5.0 (v1: "
                       "registration order), and %s; key by name instead "
                       "(`dict(%s.%s())`)" % (code(call), why, code(func.value), _NAMED[method]),
                       silent=True)


def _positional_use(ctx, call):
    arg = ctx.parent(call)
    if isinstance(arg, cst.Arg) and arg.value is call:
        outer = ctx.parent(arg)
        found = ctx.qnames(outer.func)
        if found & _POSITIONAL_CONSUMERS:
            return "its items are paired by position in `%s`" % sorted(found)[0][9:]
        holder = ctx.parent(outer)
        if found & {"builtins.list", "builtins.tuple"} \
                and isinstance(holder, cst.Subscript) and holder.value is outer:
            return "an item is taken by index"
        if isinstance(outer.func, cst.Attribute) and outer.func.attr.value in _POSITIONAL_METHODS:
            return "`%s` pairs arrays by position" % outer.func.attr.value
    if isinstance(arg, cst.CompFor) and arg.iter is call \
            and isinstance(ctx.parent(arg), cst.ListComp) and not _unordered(ctx, arg):
        return "the list comprehension keeps that order"
    if isinstance(arg, cst.For) and arg.iter is call and _writes_random(ctx, arg):
        return "the loop fills the arrays from a random stream in that order"
    return None


def _unordered(ctx, node):
    """True when ``node`` is inside ``dict(...)``, ``set(...)`` or ``sorted(...)`` of its
    statement (the order is lost there)."""
    for anc in ctx.ancestors(node):
        if isinstance(anc, cst.BaseStatement):
            return False
        if isinstance(anc, cst.Call) and ctx.qnames(anc.func) & {
                "builtins.dict", "builtins.set", "builtins.frozenset", "builtins.sorted"}:
            return True
    return False


def _writes_random(ctx, loop):
    if not isinstance(loop.target, cst.Name):
        return False
    item = loop.target.value
    for assign in ctx.assigns:
        if not any(anc is loop for anc in ctx.ancestors(assign)):
            continue
        for target in assign.targets:
            node = target.target
            if isinstance(node, cst.Subscript) and isinstance(node.value, cst.Attribute) \
                    and node.value.attr.value in ("data", "array") \
                    and isinstance(node.value.value, cst.Name) and node.value.value.value == item \
                    and _uses_random(ctx, assign.value):
                return True
    return False


def _uses_random(ctx, expr):
    for call in ctx.calls_in(expr):
        if any(".random." in q or q.startswith("random.") for q in ctx.qnames(call.func)):
            return True
        if ".random." in code(call.func):
            return True
    return False
