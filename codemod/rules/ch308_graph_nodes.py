"""CH308 graph-nodes: attribute chains through ``.creator`` / ``.inputs`` / ``.outputs``.

Catalogue CH308: since v2 ``v.creator`` is a ``FunctionNode`` and its
``inputs`` are ``VariableNode`` objects (``.data`` may be ``None``; the
variable is ``node.get_variable_or_none()``); ``outputs`` are weak references
to nodes. Every attribute chain that reads ``.inputs`` or ``.outputs`` of a
``.creator`` (``y.creator.inputs[0].data``) is reported (``silent:``).
``Variable`` has no hash on 7.8.1 (1.24 hashed it by identity): a variable the
codemod knows (``ch3_variables``) used as a set element or a dict key in a
display (``{x, y}``, ``{x: 'x'}``) is reported too (fix: key by ``id(v)``).
"""
import libcst as cst

from codemod.rules.ch3_variables import is_variable
from codemod.values import code

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

    class _Hashed(cst.CSTVisitor):
        def visit_Set(self, node):
            for element in node.elements:
                _hashed(element.value)

        def visit_Dict(self, node):
            for element in node.elements:
                if isinstance(element, cst.DictElement):
                    _hashed(element.key)

    def _hashed(value):
        if is_variable(ctx, value):
            ctx.review(value, CODE, "`%s` is a Variable used as a set element or dict key: "
                       "Variable has no hash on v7 (1.24 hashed it by identity); key by "
                       "`id(%s)`" % (code(value), code(value)))
    ctx.module.visit(_Hashed())
