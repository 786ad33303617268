"""CH502 snapshot-trigger: ``trigger=`` of ``extensions.snapshot`` / ``snapshot_object`` was removed."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import chainer\n"
    "from chainer.training import extensions\n"
    "model = chainer.links.Linear(2, 2)\n"
)

RULE = Rule(
    code="CH502",
    name="snapshot-trigger",
    title="`trigger=` of extensions.snapshot and extensions.snapshot_object; the trigger is "
          "given to Trainer.extend",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'trigger option is removed from snapshot and "
            "snapshot_object'",
    fix="pass the trigger to `trainer.extend(extensions.snapshot(...), trigger=...)`",
    examples=(
        Example(before="ext = extensions.snapshot_object(model, 'm_{.updater.epoch}', "
                       "trigger=(5, 'epoch'))\ntrigger = ext.trigger\n",
                after="ext = extensions.snapshot_object(model, 'm_{.updater.epoch}')\n"
                      "ext.trigger = (5, 'epoch')\ntrigger = ext.trigger\n",
                setup=_SETUP, compare=("trigger",)),
        Example(before="trainer.extend(extensions.snapshot(trigger=(2, 'iteration')))\n",
                after="trainer.extend(extensions.snapshot(), trigger=(2, 'iteration'))\n",
                setup=_SETUP),
        Example(before="trainer.extend(extensions.snapshot(trigger=(2, 'iteration')), "
                       "trigger=(1, 'epoch'))\n",
                after="trainer.extend(extensions.snapshot(), trigger=(1, 'epoch'))\n",
                setup=_SETUP),
        Example(before="exts = [extensions.snapshot(trigger=(2, 'iteration'))]\n",
                setup=_SETUP, findings=("CH502",)),
    ),
)
