"""CH102 test-argument: ``test=`` of ``L.BatchNormalization.__call__`` (inverted polarity).

Chainer v2 upgrade guide, 'Global configurations'. ``test=E`` means
``train=not E``: ``test=False`` is dropped, anything else is dropped and the
statement runs under ``with chainer.using_config('train', not E):``
(``not not E`` -> ``E``, ``not True`` -> ``False``). The call must be on a
link that R5 knows to be a BatchNormalization (``self.bn`` bound in
``__init__``, or a name assigned once from ``L.BatchNormalization(...)``).
Writes to the ``.train`` attribute of a known ``L.InceptionBN`` are reported
(silent on 7.8.1: the attribute is never read).
"""

from codemod import names
from codemod.context import find_arg
from codemod.mode import (
    fix_mode_argument, report_untyped_test, review_train_writes, train_slot, train_value)

CODE = "CH102"


def plan(ctx):
    report_untyped_test(ctx)  # receivers of unknown type: review only (CH103 ran first and claimed its arguments)
    for call in ctx.calls:
        slot = train_slot(ctx, call)
        if slot is None or slot[0] != "test":
            continue
        arg = find_arg(call, "test", slot[1])
        if arg is None or arg in ctx.claimed:
            continue
        ctx.claimed.add(arg)
        fix_mode_argument(ctx, call, arg, "test", train_value("test", arg.value), CODE)
    review_train_writes(ctx, names.INCEPTION_BN, "InceptionBN", CODE)
