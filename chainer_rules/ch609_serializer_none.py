"""CH609 serializer-none: serializers may be handed ``None`` since v2."""
from chainer_rules.registry import Example, Rule, REVIEW

RULE = Rule(
    code="CH609",
    name="serializer-none",
    title="custom Serializer/Deserializer subclasses may receive None (uninitialised "
          "parameters, optional state) since v2",
    safety=REVIEW,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Serializer supports None'",
    fix="make `__call__(key, value)` of a custom serializer store and restore `None`",
    examples=(
        Example(before="class MySerializer(chainer.Serializer):\n"
                       "    def __call__(self, key, value):\n"
                       "        return value\n",
                setup="import chainer\n", findings=("CH609",)),
    ),
)
