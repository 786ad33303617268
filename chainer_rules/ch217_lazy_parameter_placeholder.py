"""CH217 lazy-parameter-placeholder: lazily sized weights exist (array None) before the first call."""
from chainer_rules.registry import Example, Rule, REVIEW

RULE = Rule(
    code="CH217",
    name="lazy-parameter-placeholder",
    title="links built with in_size=None (Linear, Convolution2D, LSTM, ...) have W (array None) "
          "before the first call and list it in params(); v1 had no W until then (silent)",
    safety=REVIEW,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Uninitialized parameters'",
    fix="test `link.W.array is None` instead of `hasattr(link, 'W')`; count parameters after "
        "the first forward pass",
    examples=(
        # the first call draws the same numbers as 1.24
        Example(before=("import numpy as np\nimport chainer.links as L\n"
                        "fc = L.Linear(None, 3)\n"
                        "y = fc(np.ones((2, 4), dtype=np.float32)).array\n"),
                compare=("y",)),
        Example(before=("import chainer.links as L\n"
                        "fc = L.Linear(None, 3)\n"
                        "ready = hasattr(fc, 'W')\n"),
                findings=("CH217",)),
    ),
)
