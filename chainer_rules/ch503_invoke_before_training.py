"""CH503 invoke-before-training: ``invoke_before_training`` of extensions was removed."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import chainer\n"
    "from chainer import training\n"
)

RULE = Rule(
    code="CH503",
    name="invoke-before-training",
    title="`invoke_before_training` of Extension, make_extension and Trainer.extend; "
          "extensions are called before training through `initialize` or "
          "`call_before_training=True`",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'invoke_before_training is removed' "
            "(Extension.initialize)",
    fix="define `initialize(self, trainer)` that calls the extension (for a function, "
        "`f.initialize = f`), or pass `call_before_training=True` to `trainer.extend`",
    examples=(
        Example(before="@training.make_extension(trigger=(1, 'epoch'), invoke_before_training=True)\n"
                       "def warm(trainer):\n    pass\n",
                after="@training.make_extension(trigger=(1, 'epoch'))\n"
                      "def warm(trainer):\n    pass\nwarm.initialize = warm\n",
                setup=_SETUP),
        Example(before="class WarmStart(training.Extension):\n"
                       "    trigger = 1, 'epoch'\n"
                       "    invoke_before_training = True\n\n"
                       "    def __call__(self, trainer):\n        pass\n",
                after="class WarmStart(training.Extension):\n"
                      "    trigger = 1, 'epoch'\n"
                      "    def initialize(self, trainer):\n        self(trainer)\n\n"
                      "    def __call__(self, trainer):\n        pass\n",
                setup=_SETUP),
        Example(before="trainer.extend(ext, invoke_before_training=True)\n",
                after="trainer.extend(ext, call_before_training=True)\n", setup=_SETUP),
        Example(before="trainer.extend(ext, trigger=(1, 'epoch'), invoke_before_training=False)\n",
                after="trainer.extend(ext, trigger=(1, 'epoch'))\n", setup=_SETUP),
        Example(before="@training.make_extension(priority=50, invoke_before_training=False)\n"
                       "def f(trainer):\n    pass\nflag = f.priority\n",
                after="@training.make_extension(priority=50)\n"
                      "def f(trainer):\n    pass\nflag = f.priority\n",
                setup=_SETUP, compare=("flag",)),
        # a read of the attribute: D (7.8.1's Extension raises AttributeError)
        Example(before="ext = extensions.LinearShift('lr', (1.0, 2.0), (1, 3))\n"
                       "flag = ext.invoke_before_training\n",
                setup=_SETUP + "from chainer.training import extensions\n",
                findings=("CH503",)),
    ),
)
