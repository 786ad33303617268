"""CH410 optimizer-minor: ``setup()`` returns the optimizer; ``Adam.lr`` before the first update."""
from chainer_rules._optimizer_examples import SETUP
from chainer_rules.registry import Example, Rule, REVIEW

RULE = Rule(
    code="CH410",
    name="optimizer-minor",
    title="optimizer.setup() returns the optimizer (v1: None); Adam.lr before the first update "
          "raises RuntimeError instead of ZeroDivisionError (and is deprecated for alpha_t)",
    safety=REVIEW,
    since="4.0.0 (setup returns self), 6.0.0 (Adam.lr RuntimeError)",
    upgrade="Chainer release notes v4 and v6, catalogue CH410",
    fix="catch RuntimeError (or test `optimizer.t > 0`) instead of ZeroDivisionError around "
        "`Adam.lr`; prefer `alpha_t`",
    examples=(
        Example(before="adam = optimizers.Adam()\nadam.setup(model)\ntry:\n    lr = adam.lr\n"
                       "except ZeroDivisionError:\n    lr = 0.0\n",
                setup=SETUP, findings=("CH410",)),
        # RMSprop's default eps rounds to 0 in float16: 7.8.1 refuses the update
        Example(before="w = numpy.zeros(3, dtype=numpy.float16)\nopt = optimizers.RMSprop(lr=0.01)\n",
                setup="import numpy\nfrom chainer import optimizers\n", findings=("CH410",)),
    ),
)
