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
import libcst as cst

from codemod import names
from codemod.context import find_arg
from codemod.mode import fix_mode_argument, report_untyped_test, train_slot, train_value
from codemod.values import code

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
    for assign in ctx.assigns:
        target = assign.targets[0].target
        if isinstance(target, cst.Attribute) and target.attr.value == "train" \
                and ctx.link_type(target.value) & names.INCEPTION_BN:
            ctx.review(assign, CODE, "`%s = ...` is ignored by v7's InceptionBN: run its calls "
                       "under `with chainer.using_config('train', ...)`" % code(target),
                       silent=True)
