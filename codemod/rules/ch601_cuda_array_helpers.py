"""CH601 cuda-array-helpers: ``cuda.empty/zeros/ones/full`` (and ``*_like``, ``init``) left Chainer in v2.

Catalogue CH601. Calls resolved by qualified name (``chainer.cuda.X`` or
``chainer.backends.cuda.X``, R1) through an attribute (``cuda.zeros``):

- ``cuda.zeros(S)`` -> ``cuda.cupy.zeros(S, dtype=numpy.float32)``; the same for
  ``empty``, ``ones`` and ``full`` (``dtype`` is added when the call has none,
  because 1.24's default was float32 and CuPy's is float64; ``numpy`` is the
  name the file binds to NumPy, ``np`` for ``import numpy as np``);
- ``cuda.X_like(a)`` -> ``cuda.cupy.X_like(a)``;
- ``stream=None`` is dropped; ``cuda.init()`` -> ``cuda.check_cuda_available()``.

Valid on 1.24 too. Reported instead: a ``stream`` other than ``None`` (1.24
asserted it was ``None``), calls with ``*``/``**`` arguments, a helper imported by
name (``from chainer.cuda import zeros``), and a missing dtype in a file that
does not import NumPy. Without CUDA, 1.24's helpers raised ``RuntimeError``
(``check_cuda_available``) where ``cuda.cupy.X`` raises ``AttributeError``: in a
file that catches ``RuntimeError`` the first rewritten call is also reported.
"""
import libcst as cst

from codemod.context import find_arg, has_splat
from codemod.rules.added_imports import bound_module
from codemod.values import code, is_name

CODE = "CH601"

#: helper -> (v1 index of ``dtype`` or None, v1 index of ``stream`` or None)
HELPERS = {
    "empty": (1, None), "zeros": (1, 2), "ones": (1, 2), "full": (2, 3),
    "empty_like": (None, None), "zeros_like": (None, 1), "ones_like": (None, 1),
    "full_like": (None, 2), "init": (None, None),
}
MODULES = ("chainer.cuda", "chainer.backends.cuda")


def helper_name(ctx, func):
    """The helper's name when ``func`` resolves to one of ``HELPERS``, else None."""
    for q in ctx.qnames(func):
        module, _, name = q.rpartition(".")
        if module in MODULES and name in HELPERS:
            return name
    return None


def plan(ctx):
    rewritten = []
    for call in ctx.calls:
        name = helper_name(ctx, call.func)
        if name is None:
            continue
        label = "cuda.%s" % name
        if not isinstance(call.func, cst.Attribute):
            ctx.review(call, CODE, "`%s` imported by name: use `cuda.cupy.%s` (dtype=numpy.float32 "
                       "where 1.24 defaulted to it) instead" % (name, name))
            continue
        if has_splat(call):
            ctx.review(call, CODE, "`%s(...)` with */** arguments: rewrite it with CuPy by hand" % label)
            continue
        dtype_index, stream_index = HELPERS[name]
        stream = find_arg(call, "stream", stream_index) if stream_index is not None else None
        if stream is not None and not is_name(stream.value, "None"):
            ctx.review(stream, CODE, "`%s(stream=%s)`: 1.24 accepted only None here"
                       % (label, code(stream.value)))
            continue
        add_dtype = None
        if dtype_index is not None and find_arg(call, "dtype", dtype_index) is None:
            np = bound_module(ctx, "numpy")
            if np is None:
                ctx.review(call, CODE, "`%s(...)` defaulted to float32 in 1.24: write "
                           "`cuda.cupy.%s(..., dtype=numpy.float32)` (this file does not "
                           "import numpy)" % (label, name))
                continue
            add_dtype = "%s.float32" % np
        if name == "init":
            text = "`cuda.init()` -> `cuda.check_cuda_available()`"
            ctx.edits.replace_node(call, lambda updated: updated.with_changes(
                func=updated.func.with_changes(attr=cst.Name("check_cuda_available")), args=()))
            ctx.report(call, CODE, text)
            continue
        ctx.edits.replace_node(call, lambda updated, stream=stream, add=add_dtype, orig=call:
                               _rewrite(orig, updated, stream, add))
        rewritten.append(call)
        ctx.report(call, CODE, "`%s(...)` -> `cuda.cupy.%s(...)`%s%s" % (
            label, name, " with dtype=%s (the 1.24 default)" % add_dtype if add_dtype else "",
            "; dropped stream=None" if stream is not None else ""))
    if rewritten and _catches_runtime_error(ctx):
        ctx.review(rewritten[0], CODE, "this file catches RuntimeError: without CUDA, 1.24's "
                   "cuda helpers raised RuntimeError (check_cuda_available), `cuda.cupy.X` raises "
                   "AttributeError; call `cuda.check_cuda_available()` first where that matters",
                   silent=True)


def _catches_runtime_error(ctx):
    found = []

    class _Handlers(cst.CSTVisitor):
        def visit_ExceptHandler(self, node):
            kinds = node.type.elements if isinstance(node.type, cst.Tuple) else [node.type]
            for kind in kinds:
                if isinstance(kind, cst.Element):
                    kind = kind.value
                if kind is not None and "builtins.RuntimeError" in ctx.qnames(kind):
                    found.append(node)
    ctx.module.visit(_Handlers())
    return bool(found)


def _rewrite(original, updated, stream, add_dtype):
    func = updated.func
    func = func.with_changes(value=cst.Attribute(value=func.value, attr=cst.Name("cupy")))
    args = [a for o, a in zip(original.args, updated.args) if o is not stream]
    if add_dtype is not None:
        if args:
            args[-1] = args[-1].with_changes(comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")))
        args.append(cst.Arg(keyword=cst.Name("dtype"), value=cst.parse_expression(add_dtype),
                            equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""),
                                                  whitespace_after=cst.SimpleWhitespace(""))))
    elif args:
        args[-1] = args[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return updated.with_changes(func=func, args=args)
