"""CH108 type-check-enable: ``chainer.Function.type_check_enable`` -> ``chainer.config.type_check``.

Catalogue CH108: on 7.8.1 reading ``chainer.Function.type_check_enable``
raises ``AttributeError`` and assigning it is silently ignored; the setting is
``chainer.config.type_check``. When the receiver resolves to
``chainer.Function``: an assignment ``chainer.Function.type_check_enable = E``
becomes ``chainer.global_config.type_check = E`` (process-wide, as the v1
class attribute was), a read becomes ``chainer.config.type_check``. Output is
v7-only. Any other receiver (a user subclass) is reported for review,
assignments with ``silent:``.
"""
import libcst as cst

CODE = "CH108"

FUNCTION = {"chainer.Function", "chainer.function.Function"}


def _assigned(ctx, node):
    parent = ctx.parent(node)
    return isinstance(parent, (cst.AssignTarget, cst.AugAssign)) or (
        isinstance(parent, cst.AnnAssign) and parent.target is node)


def plan(ctx):
    for attr in ctx.attributes:
        if attr.attr.value != "type_check_enable":
            continue
        receiver = ctx.module.code_for_node(attr.value)
        on_function = bool(ctx.qnames(attr.value) & FUNCTION)
        assigned = _assigned(ctx, attr)
        deleted = isinstance(ctx.parent(attr), cst.Del)
        if on_function and not deleted:
            new = "chainer.global_config.type_check" if assigned else "chainer.config.type_check"
            ctx.edits.replace_node(attr, lambda updated, new=new: cst.parse_expression(new)
                                   .with_changes(lpar=updated.lpar, rpar=updated.rpar))
            ctx.needs_chainer = True
            ctx.report(attr, CODE, "`%s.type_check_enable` -> `%s`%s" % (
                receiver, new, " (process-wide, as the v1 class attribute)" if assigned else ""))
        elif assigned or deleted:
            ctx.review(attr, CODE, "assigning %s.type_check_enable does nothing on v7: run the "
                       "calls of this class under `with chainer.using_config('type_check', ...):`"
                       % receiver, silent=True)
        else:
            ctx.review(attr, CODE, "%s.type_check_enable raises AttributeError on v7: read "
                       "`chainer.config.type_check`" % receiver)
