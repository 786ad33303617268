"""CH609 serializer-none: custom serializers may be handed ``None`` since v2.

Catalogue CH609 (D). Every class of the file that derives from
``chainer.Serializer``, ``chainer.Deserializer`` or
``chainer.serializer.AbstractSerializer`` (qualified names, R1; also through
classes of the same file) is reported: its ``__call__(key, value)`` must store
and restore ``None``, which 1.24 never passed.
"""

CODE = "CH609"

BASES = {
    "chainer.Serializer", "chainer.Deserializer", "chainer.AbstractSerializer",
    "chainer.serializer.Serializer", "chainer.serializer.Deserializer",
    "chainer.serializer.AbstractSerializer",
}


def plan(ctx):
    for cls in ctx.classes:
        if ctx.is_link_class(cls, bases=BASES):
            ctx.review(cls.name, CODE, "class `%s` is a custom serializer: since Chainer 2 it "
                       "may receive `None` (uninitialised parameters, optional state); make "
                       "`__call__(key, value)` store and restore None" % cls.name.value,
                       silent=True)
