"""CH108 type-check-enable: uses of ``Function.type_check_enable``, reported for review.

Catalogue CH108: on 7.8.1 reading ``chainer.Function.type_check_enable``
raises ``AttributeError`` and assigning it is silently ignored; the setting is
``chainer.config.type_check`` (``chainer.global_config.type_check = E`` for
the process-wide v1 meaning). Every attribute ``X.type_check_enable`` whose
``X`` resolves to ``chainer.Function`` (or any other receiver: a user
subclass) is reported; assignments with ``silent:``.
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
        if _assigned(ctx, attr):
            fix = ("`chainer.global_config.type_check = ...`" if on_function else
                   "`chainer.using_config('type_check', ...)` around the calls of this class")
            ctx.review(attr, CODE, "assigning %s.type_check_enable does nothing on v7: use %s"
                       % (receiver, fix), silent=True)
        else:
            ctx.review(attr, CODE, "%s.type_check_enable raises AttributeError on v7: read "
                       "`chainer.config.type_check`" % receiver)
