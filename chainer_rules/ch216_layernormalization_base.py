"""CH216 layernormalization-base: ``L.LayerNormalization`` is a Link, no longer a Chain."""
from chainer_rules.registry import Example, Rule, REVIEW

RULE = Rule(
    code="CH216",
    name="layernormalization-base",
    title="L.LayerNormalization derives from Link since v2 (v1: Chain): isinstance(ln, chainer.Chain) "
          "is false, ln['gamma'] and ln.add_link(...) raise AttributeError",
    safety=REVIEW,
    since="2.0.0",
    upgrade="not in the upgrade guide; catalogue CH216 (appendix A6, A12)",
    fix="read `ln.gamma` / `ln.beta` as attributes; test `isinstance(ln, chainer.Link)`",
    examples=(
        Example(before=("import numpy as np\nimport chainer.links as L\n"
                        "ln = L.LayerNormalization(3)\n"
                        "y = ln(np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3)).array\n"),
                compare=("y",)),
        Example(before=("import chainer\nimport chainer.links as L\n"
                        "ln = L.LayerNormalization(3)\n"
                        "is_chain = isinstance(ln, chainer.Chain)\n"),
                findings=("CH216",)),
    ),
)
