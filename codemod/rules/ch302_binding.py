"""Helper of CH302 (catalogue R2) for every rule: v1 positional arguments passed by keyword.

Catalogue R2: bind a call's positional arguments with the **v1** signature and
pass every one from the first position where the v1 and v7 parameter lists
differ by the v1 keyword; only then drop, rename or translate parameters. The
rules that drop or rename such an argument (CH105 ``use_cudnn``, CH203
``wscale``, CH204 ``bias``, CH207, CH309 ``pooling_class``, CH503
``invoke_before_training``) read a positional argument that R2 names as that
keyword (``v1_name``, ``v1_arg``) and call ``normalise`` before they drop it,
so that the positional arguments after it keep their v1 meaning. All of it
composes in one run:

- ``normalise`` plans one ``Edits.replace_node`` on the call (once, whichever
  rule asks first); it runs after the argument removals of that call
  (``ApplyEdits.leave_Call``) and before the statement-level edits of
  ``ch205_keywords`` (CH204, CH207, CH309 find the v1 keywords there);
- the removals are read when the edit is applied, so a rule that plans later
  composes too; surviving arguments are matched to the original ones by index.

``TABLE`` below: the rows of CH302 (tables B and C of the catalogue), of
CH306 (``F.batch_normalization``) and ``F.spatial_pyramid_pooling_2d``
(table C: slot 2 is CH309's, slot 3 CH105's; no finding of its own).
"""
import libcst as cst

from codemod.context import has_splat

#: R2 rows no code reports by itself: qualified name -> (n_shared, v1 positional parameters).
EXTRA = {
    name: (2, ("x", "pyramid_height", "pooling_class", "use_cudnn"))
    for name in ("chainer.functions.spatial_pyramid_pooling_2d",
                 "chainer.functions.pooling.spatial_pyramid_pooling_2d."
                 "spatial_pyramid_pooling_2d")
}

_TABLE = None


def table():
    """Every R2 row: qualified name -> ``(n_shared, v1 positional parameters)``."""
    global _TABLE
    if _TABLE is None:
        from codemod.rules import ch302_positional_rebinding as ch302
        from codemod.rules import ch306_batch_normalization_function_signature as ch306
        _TABLE = {**ch302.TABLE, **ch306.TABLE, **EXTRA}
    return _TABLE


def positional_count(call):
    return sum(1 for arg in call.args if arg.keyword is None and not arg.star)


def binding(ctx, call, rows=None):
    """``{index in call.args: v1 keyword}`` of the positional arguments of ``call``
    that R2 passes by keyword, or ``{}`` when R2 does not apply: not a callable
    of ``rows`` (default: every R2 row), no argument past the shared prefix,
    ``*``/``**`` arguments, more positional arguments than the v1 signature
    has, or a v1 keyword that the call also passes by name (a v1 error)."""
    rows = table() if rows is None else rows
    found = sorted(ctx.callee_qnames(call) & set(rows))   # (not ``L.Linear(3, 2)(x)``)
    if not found or has_splat(call):
        return {}
    n_shared, v1_params = rows[found[0]]
    positional = [i for i, arg in enumerate(call.args) if arg.keyword is None]
    if len(positional) <= n_shared or len(positional) > len(v1_params):
        return {}
    names = {i: v1_params[k] for k, i in enumerate(positional) if k >= n_shared}
    given = {arg.keyword.value for arg in call.args if arg.keyword is not None}
    if given & set(names.values()):
        return {}
    return names


def v1_name(ctx, call, arg):
    """The v1 keyword R2 gives the positional ``arg`` of ``call``, else None."""
    if arg.keyword is not None:
        return None
    return binding(ctx, call).get(list(call.args).index(arg))


def v1_arg(ctx, call, name):
    """The argument of ``call`` bound to v1 parameter ``name``: passed by keyword,
    or positionally in a slot that R2 names ``name``; else None."""
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg
    for index, keyword in binding(ctx, call).items():
        if keyword == name:
            return call.args[index]
    return None


def _build(ctx, call, names):
    def build(updated):
        removed = ctx.edits.removed_args.get(call, set())
        kept = [i for i in range(len(call.args)) if i not in removed]
        if len(kept) != len(updated.args):    # not the arguments planned on: leave it
            return updated
        args = []
        for index, arg in zip(kept, updated.args):
            if index in names and arg.keyword is None and not arg.star:
                arg = arg.with_changes(
                    keyword=cst.Name(names[index]),
                    equal=cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""),
                                          whitespace_after=cst.SimpleWhitespace("")))
            args.append(arg)
        return updated.with_changes(args=args)
    build.r2 = True
    return build


def is_normalised(ctx, call):
    """True when ``normalise`` was planned on ``call``."""
    return getattr(ctx.edits.replaced_nodes.get(call), "r2", False)


def can_normalise(ctx, call):
    """True when ``normalise(ctx, call)`` would succeed."""
    return bool(binding(ctx, call)) and (
        call not in ctx.edits.replaced_nodes or is_normalised(ctx, call))


def normalise(ctx, call):
    """Plan R2 on ``call`` (idempotent). Returns False, planning nothing, when R2
    does not apply (``binding`` is empty) or another rule replaces the call."""
    names = binding(ctx, call)
    if not names:
        return False
    if is_normalised(ctx, call):
        return True
    return ctx.edits.replace_node(call, _build(ctx, call, names))


def plan_table(ctx, code, rows, what):
    """R2 for every call of ``rows`` (qualified name -> (n_shared, v1 params)), with
    the findings of ``code``; ``what`` describes the change. The arguments that
    other rules drop (``use_cudnn=``, ``wscale=1``, ...) are not named."""
    for call in ctx.calls:
        found = sorted(ctx.callee_qnames(call) & set(rows))
        if not found:
            continue
        n_shared, v1_params = rows[found[0]]
        count = positional_count(call)
        if count <= n_shared:
            continue
        if has_splat(call):
            ctx.review(call, code, "*/** arguments: bind them with the v1 signature and pass the "
                       "arguments from position %d on by keyword" % n_shared, silent=True)
            continue
        if count > len(v1_params):
            ctx.review(call, code, "more positional arguments than the v1 signature has",
                       silent=True)
            continue
        names = binding(ctx, call, rows)
        if not names:
            ctx.review(call, code, "a v1 parameter is passed both positionally and by keyword",
                       silent=True)
            continue
        removed = ctx.edits.removed_args.get(call, set())
        moved = ", ".join(names[i] for i in sorted(names) if i not in removed)
        if not moved:
            continue            # every argument past the shared prefix is dropped by its code
        if normalise(ctx, call):
            ctx.report(call, code, "passed %s by keyword (%s)" % (moved, what), silent=True)
        else:
            ctx.review(call, code, "pass %s by keyword (%s)" % (moved, what), silent=True)
