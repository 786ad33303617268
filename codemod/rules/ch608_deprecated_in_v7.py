"""CH608 deprecated-in-v7: v1 idioms that still run on 7.8.1 but are deprecated.

Catalogue CH608 (appendix A14). Rewrites (valid on 1.24 too):

- ``X.zerograds()`` -> ``X.cleargrads()`` and ``v.zerograd()`` -> ``v.cleargrad()``
  (any receiver; the caveat of CH401: gradients become ``None`` instead of
  zero arrays until ``backward()`` writes them);
- ``gradient_check.assert_allclose`` -> ``testing.assert_allclose`` when the
  file binds ``chainer.testing`` by an import (its name is used); otherwise
  reported.

Reported (D): ``cuda.to_gpu``, ``cuda.get_device``, ``cuda.get_device_from_array``
(``chainer.backend`` / ``chainer.get_device(...).send``), ``chainer.DebugMode``
(``chainer.set_debug``) and ``PrintHook(sep=...)``. ``cuda.get_array_module``
is CH606; the others of A14 have codes of their own.
"""
import libcst as cst

from codemod.values import dotted

CODE = "CH608"

RENAMES = {"zerograds": "cleargrads", "zerograd": "cleargrad"}
ASSERT = "chainer.gradient_check.assert_allclose"
_CUDA = ("chainer.cuda.", "chainer.backends.cuda.")
REPORTED = dict(
    [(m + "to_gpu", "use `chainer.backend` / `device.send(x)`") for m in _CUDA]
    + [(m + "get_device", "use `chainer.get_device(...)` or `cuda.get_device_from_id`")
       for m in _CUDA]
    + [(m + "get_device_from_array", "use `chainer.backend.get_device_from_array`")
       for m in _CUDA]
    + [("chainer.DebugMode", "use `chainer.set_debug(flag)` or "
        "`chainer.using_config('debug', flag)`"),
       ("chainer.function.DebugMode", "use `chainer.set_debug(flag)` or "
        "`chainer.using_config('debug', flag)`")])
PRINT_HOOK = {"chainer.function_hooks.PrintHook", "chainer.function_hooks.debug_print.PrintHook"}


def testing_name(ctx):
    """How the module names ``chainer.testing`` through an import, else None."""
    for stmt in ctx.module.body:
        if not isinstance(stmt, cst.SimpleStatementLine):
            continue
        for small in stmt.body:
            if isinstance(small, cst.ImportFrom) and not small.relative and small.module \
                    and dotted(small.module) == "chainer" \
                    and not isinstance(small.names, cst.ImportStar):
                for alias in small.names:
                    if dotted(alias.name) == "testing":
                        return alias.asname.name.value if alias.asname else "testing"
            elif isinstance(small, cst.Import):
                for alias in small.names:
                    if dotted(alias.name) == "chainer.testing":
                        return alias.asname.name.value if alias.asname else "chainer.testing"
    return None


def plan(ctx):
    for call in ctx.calls:
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value in RENAMES and not call.args:
            new = RENAMES[func.attr.value]
            ctx.edits.replace_node(func.attr, lambda updated, new=new: updated.with_changes(value=new))
            ctx.report(func.attr, CODE, "`.%s()` -> `.%s()` (gradients are None, not zero "
                       "arrays, until backward() writes them)" % (func.attr.value, new))
            continue
        found = ctx.qnames(func)
        for q in sorted(found & set(REPORTED)):
            ctx.review(call, CODE, "`%s` is deprecated in Chainer 7.8.1: %s"
                       % (cst.Module([]).code_for_node(func), REPORTED[q]))
            break
        if found & PRINT_HOOK and any(a.keyword is not None and a.keyword.value == "sep"
                                      for a in call.args):
            ctx.review(call, CODE, "`PrintHook(sep=...)` is deprecated in Chainer 7.8.1 "
                       "(it warns); drop `sep`")
    name = None
    for node in ctx.attributes:
        if ASSERT not in ctx.qnames(node) or isinstance(ctx.parent(node), cst.ImportFrom):
            continue
        name = name or testing_name(ctx)
        if name is None:
            ctx.review(node, CODE, "`gradient_check.assert_allclose` is deprecated (it warns): "
                       "use `chainer.testing.assert_allclose` (`from chainer import testing`)")
            continue
        ctx.edits.replace_node(node, lambda updated, name=name: cst.parse_expression(
            name + ".assert_allclose"))
        ctx.report(node, CODE, "`%s` -> `%s.assert_allclose`"
                   % (cst.Module([]).code_for_node(node), name))
