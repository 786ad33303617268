"""CH504 reporter-copy: the graph of a reported value, reported (nothing to rewrite).

Catalogue CH504: 7.8.1's reporter stores a copy detached from the graph
(``chainer.config.keep_graph_on_report`` is False): ``stored.creator`` is
None and ``stored.backward()`` reaches nothing, where 1.24 stored the
variable itself. Reads of ``.creator`` and calls of ``.backward()`` on an
observation value are reported (``silent:``): ``OBS[key]`` where ``OBS`` is
the dict of a ``with reporter.scope(OBS):`` in the same function or
``X.observation``, directly or through a name assigned once from it.
"""
import libcst as cst

from codemod.values import code

CODE = "CH504"

_GRAPH = ("creator", "backward")


def _observation_dicts(ctx):
    """``{(scope, name)}`` of the dicts passed to ``with R.scope(NAME):``."""
    found = set()

    class _With(cst.CSTVisitor):
        def visit_WithItem(self, item):
            call = item.item
            if isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) \
                    and call.func.attr.value == "scope" and len(call.args) == 1 \
                    and isinstance(call.args[0].value, cst.Name):
                name = call.args[0].value
                found.add((ctx.scope(name), name.value))
    ctx.module.visit(_With())
    return found


def _graph_use(ctx, node):
    """The ``.creator`` / ``.backward`` attribute read on ``node``, else None."""
    parent = ctx.parent(node)
    if isinstance(parent, cst.Attribute) and parent.value is node and parent.attr.value in _GRAPH:
        return parent
    return None


def plan(ctx):
    dicts = _observation_dicts(ctx)
    subscripts = []

    class _Sub(cst.CSTVisitor):
        def visit_Subscript(self, node):
            value = node.value
            if (isinstance(value, cst.Attribute) and value.attr.value == "observation") or (
                    isinstance(value, cst.Name) and (ctx.scope(value), value.value) in dicts):
                subscripts.append(node)
    ctx.module.visit(_Sub())
    for sub in subscripts:
        uses = [_graph_use(ctx, sub)]
        assign = ctx.parent(sub)
        if isinstance(assign, cst.Assign) and assign.value is sub and len(assign.targets) == 1 \
                and isinstance(assign.targets[0].target, cst.Name):
            assignment = ctx.single_assignment(assign.targets[0].target)
            if assignment is not None:
                uses += [_graph_use(ctx, ref.node) for ref in assignment.references]
        for use in uses:
            if use is not None:
                ctx.review(use, CODE, "`%s` of a reported value: 7.8.1 stores a copy without "
                           "the graph (1.24 stored the variable itself); run the report under "
                           "`with chainer.using_config('keep_graph_on_report', True):`"
                           % code(use), silent=True)
