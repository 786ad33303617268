"""CH301 split-axis-force-tuple: add ``force_tuple=False`` to ``F.split_axis(...)`` calls.

Chainer 1.24's default was ``force_tuple=False`` (one piece -> a Variable);
Chainer 2+ defaults to ``True``. Every call resolved by qualified name
(catalogue R1) that passes neither ``force_tuple=`` nor a fourth positional
argument gets ``force_tuple=False`` appended (harmless when the split gives
several pieces; valid on 1.24 too). Calls with ``*``/``**`` arguments are
reported (``silent:``).
"""
import libcst as cst

from codemod.context import find_arg, has_splat
from codemod.rules.ch205_keywords import add_keyword, plan_calls

CODE = "CH301"

NAMES = {"chainer.functions.split_axis", "chainer.functions.array.split_axis.split_axis"}


def _needs(call):
    return find_arg(call, "force_tuple", 3) is None


def _edit(call):
    if has_splat(call) or not _needs(call):
        return call
    return add_keyword(call, "force_tuple", cst.Name("False"))


def plan(ctx):
    sites = []
    for call in ctx.calls:
        if not ctx.qnames(call.func) & NAMES or not _needs(call):
            continue
        if has_splat(call):
            ctx.review(call, CODE, "F.split_axis with */** arguments: pass `force_tuple=False` "
                       "unless a tuple is wanted", silent=True)
            continue
        sites.append(call)
    lost = set(plan_calls(ctx, sites, _edit))
    for call in sites:
        if call in lost:
            ctx.review(call, CODE, "F.split_axis outside a block-level statement: pass "
                       "`force_tuple=False` by hand", silent=True)
        else:
            ctx.report(call, CODE, "added `force_tuple=False` (v1 default; v7 returns a "
                       "tuple for one piece)", silent=True)
