"""CH218 same-seed-initialisation: the same seed gives the same initial weights (no change)."""
from chainer_rules.registry import Example, Rule, REVIEW

RULE = Rule(
    code="CH218",
    name="same-seed-initialisation",
    title="with numpy.random.seed(s), default initializers and dropout masks draw the same numbers "
          "as 1.24 (except CH205, CH207, CH208)",
    safety=REVIEW,
    since="- (unchanged)",
    upgrade="not in the upgrade guide; catalogue CH218",
    fix="nothing needed",
    examples=(
        Example(before=("import numpy as np\nimport chainer.links as L\n"
                        "np.random.seed(3)\n"
                        "w = L.Convolution2D(2, 3, 3).W.array\n"),
                compare=("w",)),
    ),
)
