"""CH101 train-argument: ``train=`` of F.dropout, F.zoneout, F.n_step_* and NStep* links.

Chainer v2 upgrade guide, 'Global configurations'. ``train=True`` (the default)
is dropped; any other value ``E`` is dropped and the enclosing statement runs
under ``with chainer.using_config('train', E):`` when catalogue R4 allows it,
else the site is reported for review. ``L.StatefulZoneoutLSTM(..., train=E)``
and writes to its ``.train`` are reported (the mode must move to its calls). Calls are recognised by qualified name
(R1) or, for NStep links, by local type inference (R5).
"""

from codemod import names
from codemod.context import find_arg
from codemod.mode import fix_mode_argument, review_train_writes, train_slot
from codemod.values import code

CODE = "CH101"


def plan(ctx):
    for call in ctx.calls:
        slot = train_slot(ctx, call)
        if slot is None or slot[0] != "train":
            continue
        _, index, silent = slot
        arg = find_arg(call, "train", index)
        if arg is None or arg in ctx.claimed:
            continue
        ctx.claimed.add(arg)
        fix_mode_argument(ctx, call, arg, "train", arg.value, CODE, silent=silent)
    for call in ctx.calls:
        if ctx.qnames(call.func) & names.ZONEOUT:
            arg = find_arg(call, "train", 4)
            if arg is not None:
                ctx.review(arg, CODE, "`StatefulZoneoutLSTM(..., train=%s)`: v7 reads "
                           "`chainer.config.train` at each call; drop it and run the calls of "
                           "this link under `with chainer.using_config('train', ...)`"
                           % code(arg.value))
    review_train_writes(ctx, names.ZONEOUT, "StatefulZoneoutLSTM", CODE)
