"""CH308 graph-nodes: attribute chains through ``.creator`` / ``.inputs`` / ``.outputs``.

Catalogue CH308: since v2 ``v.creator`` is a ``FunctionNode`` and its
``inputs`` are ``VariableNode`` objects (``.data`` may be ``None``; the
variable is ``node.get_variable_or_none()``); ``outputs`` are weak references
to nodes. Every attribute chain that reads ``.inputs`` or ``.outputs`` of a
``.creator`` (``y.creator.inputs[0].data``) is reported (``silent:``).
"""
import libcst as cst

CODE = "CH308"


def _through_creator(node):
    value = node.value
    while isinstance(value, (cst.Subscript, cst.Call)):
        value = value.value if isinstance(value, cst.Subscript) else value.func
    return isinstance(value, cst.Attribute) and value.attr.value == "creator"


def plan(ctx):
    for attr in ctx.attributes:
        if attr.attr.value in ("inputs", "outputs") and _through_creator(attr):
            ctx.review(attr, CODE, "%s: on v7 these are VariableNode objects (their .data may "
                       "be None); reach the Variable with get_variable_or_none()"
                       % ctx.module.code_for_node(attr), silent=True)
