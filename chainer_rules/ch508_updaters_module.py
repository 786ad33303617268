"""CH508 updaters-module: updaters moved to ``chainer.training.updaters`` and call ``new_epoch``."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "from chainer import training\n"
    "model = chainer.links.Classifier(chainer.links.Linear(2, 2))\n"
    "opt = chainer.optimizers.SGD()\n"
    "opt.setup(model)\n"
    "data = chainer.datasets.TupleDataset(np.ones((4, 2), np.float32), np.zeros(4, np.int32))\n"
    "it = chainer.iterators.SerialIterator(data, 2, shuffle=False)\n"
)

RULE = Rule(
    code="CH508",
    name="updaters-module",
    title="updaters live in chainer.training.updaters and call optimizer.new_epoch() at every "
          "epoch (auto_new_epoch=True)",
    safety=SAFE,
    since="5.0.0",
    upgrade="Chainer v5 release notes: automatic Optimizer.new_epoch in the updaters",
    fix="pass `auto_new_epoch=False` to the updater when the program calls "
        "`optimizer.new_epoch()` itself",
    examples=(
        Example(before="updater = training.StandardUpdater(it, opt)\n"
                       "for _ in range(4):\n    updater.update()\n"
                       "    if it.is_new_epoch:\n        opt.new_epoch()\n"
                       "epoch = np.array(opt.epoch)\n",
                after="updater = training.StandardUpdater(it, opt, auto_new_epoch=False)\n"
                      "for _ in range(4):\n    updater.update()\n"
                      "    if it.is_new_epoch:\n        opt.new_epoch()\n"
                      "epoch = np.array(opt.epoch)\n",
                setup=_SETUP, compare=("epoch",)),
        Example(before="updater = training.StandardUpdater(it, opt)\nepoch = opt.epoch\n",
                setup=_SETUP, findings=("CH508",)),
    ),
)
