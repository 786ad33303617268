"""CH211 param-iteration-order: params()/namedparams()/links() order changed after v1."""
from chainer_rules.registry import Example, Rule, REVIEW

RULE = Rule(
    code="CH211",
    name="param-iteration-order",
    title="params(), namedparams(), links(), children() iterate sorted by name, not in registration order",
    safety=REVIEW,
    since="5.0.0b4 (sorted; 2.0.0 to 5.0.0b3 used set order)",
    upgrade="not in the upgrade guide; measured on Chainer 1.24.0 and 7.8.1",
    fix="key parameters by name (`dict(model.namedparams())`) instead of by position",
    examples=(
        Example(before=("for src, dst in zip(teacher.params(), student.params()):\n"
                        "    dst.data[...] = src.data\n"),
                findings=("CH211",)),
    ),
)
