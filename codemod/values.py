"""Small helpers on libcst expressions: literals, negation, side effects."""
import libcst as cst

_EMPTY = cst.Module(body=[])


def code(node):
    """Source text of ``node`` as libcst prints it."""
    return _EMPTY.code_for_node(node)


def dotted(node):
    """``'a.b.c'`` for a Name/Attribute chain, else None."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        head = dotted(node.value)
        return None if head is None else head + "." + node.attr.value
    return None


def is_name(node, value):
    return isinstance(node, cst.Name) and node.value == value and not node.lpar


def is_true(node):
    return is_name(node, "True")


def is_false(node):
    return is_name(node, "False")


def string_value(node):
    """The value of a plain string literal, else None."""
    if isinstance(node, cst.SimpleString) and node.prefix.lower() in ("", "u"):
        return node.evaluated_value
    return None


def negate(node):
    """``not node``, simplified: ``not True`` -> ``False``, ``not not E`` -> ``E``."""
    if is_true(node):
        return cst.Name("False")
    if is_false(node):
        return cst.Name("True")
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Not):
        inner = node.expression
        if inner.lpar and isinstance(inner, (cst.Name, cst.Attribute)):
            inner = inner.with_changes(lpar=[], rpar=[])
        return inner
    if isinstance(node, (cst.BooleanOperation, cst.IfExp, cst.Lambda, cst.NamedExpr)) \
            and not node.lpar:
        node = node.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
    return cst.UnaryOperation(operator=cst.Not(), expression=node)


def is_pure(node):
    """No side effects (catalogue R4 d): a constant, a name, an attribute chain,
    or ``not`` / comparison of those."""
    if isinstance(node, (cst.Name, cst.Integer, cst.Float, cst.SimpleString)):
        return True
    if isinstance(node, cst.Attribute):
        return is_pure(node.value)
    if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Not):
        return is_pure(node.expression)
    if isinstance(node, cst.Comparison):
        return is_pure(node.left) and all(is_pure(c.comparator) for c in node.comparisons)
    return False
