"""CH210 uninitialized-param-api: ``add_uninitialized_param`` / ``has_uninitialized_params``, for review.

Catalogue CH210 (D, class-wide): a parameter declared with
``self.add_uninitialized_param('W')`` and created by ``self.add_param('W',
shape)`` at the first call becomes ``self.W = chainer.Parameter(initializer)``
inside ``init_scope`` plus ``self.W.initialize(shape)``, and
``self.has_uninitialized_params`` becomes ``self.W.array is None``; the
initializer may move from a later ``add_param``/``init_weight`` to the
declaration. That spans methods, so every use is reported (with the class's
methods that use these names) and nothing is rewritten; the shim runs the
code meanwhile.
"""
import libcst as cst

CODE = "CH210"

NAMES = ("add_uninitialized_param", "has_uninitialized_params")


def _methods_using(ctx, cls):
    found = []
    for stmt in cls.body.body:
        if isinstance(stmt, cst.FunctionDef) and any(
                node.attr.value in NAMES or node.attr.value == "add_param"
                for node in ctx.attributes if _inside(ctx, node, stmt)):
            found.append(stmt.name.value)
    return found


def _inside(ctx, node, container):
    return any(anc is container for anc in ctx.ancestors(node))


def plan(ctx):
    for node in ctx.attributes:
        if node.attr.value not in NAMES:
            continue
        cls = ctx.enclosing(node, cst.ClassDef)
        where = ""
        if cls is not None:
            where = " (class %s, methods: %s)" % (cls.name.value,
                                                  ", ".join(_methods_using(ctx, cls)))
        if node.attr.value == "add_uninitialized_param":
            fix = ("declare `self.NAME = chainer.Parameter(initializer)` inside `with "
                   "self.init_scope():` and replace the later `add_param('NAME', shape)` by "
                   "`self.NAME.initialize(shape)`")
        else:
            fix = "test `self.NAME.array is None` for each declared parameter"
        ctx.review(node, CODE, "%s is not in Chainer v2+: %s%s" % (node.attr.value, fix, where))
