"""CH501 raw-array-inputs: updaters pass arrays; ``Evaluator`` sets ``chainer.config.train = False``."""
from chainer_rules.registry import Example, Rule, REVIEW

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "from chainer.training import extensions\n"
    "it = chainer.iterators.SerialIterator([np.zeros(2, np.float32)], 1, repeat=False)\n"
    "model = chainer.links.Linear(2, 2)\n"
)

RULE = Rule(
    code="CH501",
    name="raw-array-inputs",
    title="updaters and Evaluator pass arrays, not Variables; Evaluator runs the model with "
          "chainer.config.train = False",
    safety=REVIEW,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Updater and Evaluator pass raw data arrays to the "
            "loss function' and 'Evaluator sets train mode off'",
    fix="read `x.shape` (not `x.data.shape`) in the loss function and decide the evaluation "
        "mode explicitly (`chainer.config.train` is False inside Evaluator)",
    examples=(
        Example(before="ev = extensions.Evaluator(it, model)\n", setup=_SETUP,
                findings=("CH501",)),
    ),
)
