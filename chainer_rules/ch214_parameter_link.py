"""CH214 parameter-link: ``L.Parameter`` is still in 7.8.1 (no change)."""
from chainer_rules.registry import Example, Rule, REVIEW

RULE = Rule(
    code="CH214",
    name="parameter-link",
    title="L.Parameter (a link holding one array W) still exists and gives the same output; "
          "it is not chainer.Parameter",
    safety=REVIEW,
    since="- (unchanged)",
    upgrade="the v2 upgrade guide says it was removed; it was not (catalogue CH214)",
    fix="nothing needed; do not replace it by chainer.Parameter (not a link, not callable)",
    examples=(
        Example(before=("import numpy as np\nimport chainer.links as L\n"
                        "p = L.Parameter(np.arange(6, dtype=np.float32).reshape(2, 3))\n"
                        "y = p().array\n"),
                compare=("y",)),
    ),
)
