"""CH407 optimizer-npz-v1: loading an optimizer snapshot, reported (nothing to rewrite).

Catalogue CH407: a snapshot written by Chainer 1.24 has no per-parameter
``t``; 7.8.1's ``load_npz`` raises ``KeyError`` (``strict=False`` silently
restarts every ``UpdateRule`` at ``t = 0``). The codemod cannot see which
files are v1 snapshots, so it reports every ``load_npz(FILE, OBJ)`` whose
``OBJ`` it knows to be an optimizer or a trainer (a name assigned once from a
``chainer.optimizers`` constructor or ``chainer.training.Trainer``).
"""
import libcst as cst

from codemod.context import find_arg
from codemod.values import code

CODE = "CH407"

LOAD = {"chainer.serializers.load_npz", "chainer.serializers.npz.load_npz"}
_TRAINER = {"chainer.training.Trainer", "chainer.training.trainer.Trainer"}


def _kind(ctx, node):
    if not isinstance(node, cst.Name):
        return None
    assignment = ctx.single_assignment(node)
    stmt = ctx.parent(ctx.parent(assignment.node)) if assignment is not None else None
    if not (isinstance(stmt, cst.Assign) and isinstance(stmt.value, cst.Call)):
        return None
    found = ctx.qnames(stmt.value.func)
    if any(q.startswith("chainer.optimizers.") for q in found):
        return "optimizer"
    if found & _TRAINER:
        return "trainer"
    return None


def plan(ctx):
    for call in ctx.calls:
        if not ctx.qnames(call.func) & LOAD:
            continue
        obj = find_arg(call, "obj", 1)
        kind = _kind(ctx, obj.value) if obj is not None else None
        if kind is None:
            continue
        source = find_arg(call, "file", 0)
        ctx.review(call, CODE, "if `%s` is a snapshot written by Chainer 1.24, loading it into "
                   "the %s `%s` raises KeyError on 7.8.1 (no per-parameter `t`): convert it once "
                   "under `import chainer_compat` (load, then save_npz again)"
                   % (code(source.value) if source is not None else "the file", kind,
                      code(obj.value)))
