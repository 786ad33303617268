"""CH407 optimizer-npz-v1: optimizer snapshots written by v1 lack the per-parameter ``t``."""
from chainer_rules.registry import Example, Rule, SHIM_ONLY

RULE = Rule(
    code="CH407",
    name="optimizer-npz-v1",
    title="load_npz of an optimizer snapshot written by Chainer 1.24 raises KeyError "
          "('<param>/t is not a file in the archive'); with strict=False every UpdateRule "
          "restarts at t = 0 (Adam's bias correction)",
    safety=SHIM_ONLY,
    since="3.0.0 (per-rule t in snapshots)",
    upgrade="Chainer library history (UpdateRule.serialize saves t), catalogue CH407",
    fix="load v1 snapshots under chainer_compat (it sets each rule's t to the optimizer's t), "
        "then save them again with Chainer 7",
    examples=(
        Example(before="chainer.serializers.load_npz('optimizer_v1.npz', optimizer)\n"),
        # an optimizer the codemod knows: the load is reported
        Example(before="opt = chainer.optimizers.Adam()\n"
                       "chainer.serializers.load_npz('optimizer_v1.npz', opt)\n",
                setup="import chainer\n", findings=("CH407",)),
    ),
)
