"""Per-file analysis context shared by the rules.

One ``libcst.metadata.MetadataWrapper`` per file gives qualified names, scopes,
positions and parents; the rules read them through ``FileContext`` and record
what to change in ``FileContext.edits`` (applied later in one transform).
"""
import libcst as cst
from libcst.metadata import (
    MetadataWrapper, ParentNodeProvider, PositionProvider, QualifiedNameProvider, ScopeProvider)

from chainer_rules import RULES
from codemod import names
from codemod.edits import Edits
from codemod.findings import FIX, REVIEW, Finding

_NOT_R4 = (cst.Lambda, cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp,
           cst.Decorator, cst.Param)
_SIMPLE = (cst.Assign, cst.AugAssign, cst.AnnAssign, cst.Expr, cst.Return)


class _Collect(cst.CSTVisitor):
    def __init__(self):
        self.calls, self.classes, self.assigns, self.attributes, self.names, self.fors = \
            [], [], [], [], [], []
        self.functions = []

    def visit_FunctionDef(self, node):
        self.functions.append(node)

    def visit_Call(self, node):
        self.calls.append(node)

    def visit_ClassDef(self, node):
        self.classes.append(node)

    def visit_Assign(self, node):
        self.assigns.append(node)

    def visit_Attribute(self, node):
        self.attributes.append(node)

    def visit_Name(self, node):
        self.names.append(node)

    def visit_For(self, node):
        self.fors.append(node)


class FileContext:
    """Metadata, node lists, findings and edits of one module.

    Args:
        module (libcst.Module): the parsed file.
        path (str): file name used in findings.
    """

    def __init__(self, module, path="<string>"):
        self.path = path
        self.wrapper = MetadataWrapper(module)
        self.module = self.wrapper.module
        self._qnames = self.wrapper.resolve(QualifiedNameProvider)
        self._scopes = self.wrapper.resolve(ScopeProvider)
        self._positions = self.wrapper.resolve(PositionProvider)
        self._parents = self.wrapper.resolve(ParentNodeProvider)
        nodes = _Collect()
        self.module.visit(nodes)
        self.calls, self.classes, self.assigns = nodes.calls, nodes.classes, nodes.assigns
        self.attributes, self.names, self.fors = nodes.attributes, nodes.names, nodes.fors
        self.findings = []
        self.edits = Edits()
        self.claimed = set()       # Arg nodes handled by one rule (others skip them)
        self.needs_chainer = False  # a rewrite uses the name ``chainer``
        self._class_links = {}
        self._calls_in = {}
        self._functions = None
        self._function_defs = nodes.functions

    # -- metadata -------------------------------------------------------
    def qnames(self, node):
        """Qualified names of ``node`` (a set of str; empty when unknown)."""
        value = self._qnames.get(node)
        if value is None:
            return set()
        if callable(value):
            value = value()
        return {q.name for q in value}

    def callee_qnames(self, call):
        """Qualified names of what ``call`` calls; empty for a call of a call's result:
        libcst names ``L.Linear(3, 2)(x)`` (a call of the new link) like the class."""
        if isinstance(call.func, cst.Call):
            return set()
        return self.qnames(call.func)

    def parent(self, node):
        return self._parents.get(node)

    def scope(self, node):
        return self._scopes.get(node)

    def position(self, node):
        """``(line, col)`` 1-based."""
        start = self._positions[node].start
        return start.line, start.column + 1

    def ancestors(self, node):
        node = self.parent(node)
        while node is not None:
            yield node
            node = self.parent(node)

    # -- findings -------------------------------------------------------
    def report(self, node, code, message, kind=FIX, silent=False):
        line, col = self.position(node)
        self.findings.append(Finding(self.path, line, col, code, RULES[code].name, message,
                                     kind, silent))

    def review(self, node, code, message, silent=False):
        self.report(node, code, message, REVIEW, silent)

    # -- statements and blocks -------------------------------------------
    def block_of(self, stmt):
        """The IndentedBlock or Module whose ``body`` holds ``stmt``, else None."""
        parent = self.parent(stmt)
        if isinstance(parent, (cst.IndentedBlock, cst.Module)) and stmt in parent.body:
            return parent
        return None

    def statement_in(self, node, block):
        """The statement of ``block.body`` that contains ``node``, else None."""
        for anc in [node, *self.ancestors(node)]:
            if self.parent(anc) is block and anc in block.body:
                return anc
        return None

    def enclosing_statement(self, node):
        """The R4 "enclosing statement" of ``node``: ``(SimpleStatementLine, None)``
        or ``(None, reason)`` when the site cannot be wrapped."""
        for anc in self.ancestors(node):
            if isinstance(anc, _NOT_R4):
                return None, "the call is inside a %s" % type(anc).__name__.lower()
            if isinstance(anc, cst.SimpleStatementLine):
                if len(anc.body) != 1 or not isinstance(anc.body[0], _SIMPLE):
                    return None, "the statement line holds several statements"
                if self.block_of(anc) is None:
                    return None, "the statement is not directly in a block"
                return anc, None
            if isinstance(anc, (cst.BaseCompoundStatement, cst.SimpleStatementSuite)):
                return None, "the call is in the header of a compound statement"
        return None, "no enclosing statement"

    def enclosing(self, node, kind):
        for anc in self.ancestors(node):
            if isinstance(anc, kind):
                return anc
        return None

    def suspends(self, node):
        """True when ``node`` holds ``yield``, ``yield from`` or ``await`` outside nested
        functions, lambdas and classes: a ``with`` around it would stay in force in
        the caller while the generator or coroutine is suspended (catalogue R4)."""
        found = []

        class _Find(cst.CSTVisitor):
            def visit_FunctionDef(self, _):
                return False

            def visit_Lambda(self, _):
                return False

            def visit_ClassDef(self, _):
                return False

            def visit_Yield(self, n):
                found.append(n)

            def visit_Await(self, n):
                found.append(n)
        node.visit(_Find())
        return bool(found)

    def calls_in(self, node):
        """The calls in ``node`` (itself included), in source order: a walk of that
        subtree, not a scan of every call of the file."""
        if node not in self._calls_in:
            collect = _Collect()
            node.visit(collect)
            self._calls_in[node] = collect.calls
        return self._calls_in[node]

    def module_functions(self):
        """``{name: [FunctionDef]}`` of every function and method defined in the module."""
        if self._functions is None:
            self._functions = {}
            for node in self._function_defs:
                self._functions.setdefault(node.name.value, []).append(node)
        return self._functions

    def _inside(self, node, container):
        return any(anc is container for anc in self.ancestors(node))

    # -- local type inference (catalogue R5) ----------------------------
    def is_link_class(self, cls, bases=names.CHAIN | names.CHAIN_LIST | names.LINK, _seen=()):
        """True when ``cls`` derives (directly or through classes of this file) from ``bases``."""
        for base in cls.bases:
            found = self.qnames(base.value)
            if found & bases:
                return True
            for other in self.classes:
                if other is not cls and other not in _seen and other.name.value in found \
                        and self.is_link_class(other, bases, _seen + (cls,)):
                    return True
        return False

    def method(self, cls, name):
        for stmt in cls.body.body:
            if isinstance(stmt, cst.FunctionDef) and stmt.name.value == name:
                return stmt
        return None

    def class_links(self, cls):
        """``{NAME: qualified names of the constructor}`` for links that ``__init__``
        of ``cls`` binds to ``self.NAME`` (R5)."""
        if cls in self._class_links:
            return self._class_links[cls]
        links = {}
        init = self.method(cls, "__init__")
        if init is not None:
            for call in self.calls_in(init):
                func = call.func
                if isinstance(func, cst.Attribute) and func.attr.value == "__init__":
                    for arg in call.args:
                        if arg.keyword is not None and isinstance(arg.value, cst.Call):
                            links[arg.keyword.value] = self.qnames(arg.value.func)
                elif isinstance(func, cst.Attribute) and func.attr.value == "add_link" \
                        and len(call.args) == 2:
                    self._bind_literal(links, call.args[0].value, call.args[1].value)
                elif isinstance(func, cst.Name) and func.value == "setattr" \
                        and len(call.args) == 3 and is_self(call.args[0].value):
                    self._bind_literal(links, call.args[1].value, call.args[2].value)
            for assign in self.assigns:
                if self._inside(assign, init) and len(assign.targets) == 1 \
                        and isinstance(assign.value, cst.Call):
                    target = assign.targets[0].target
                    if isinstance(target, cst.Attribute) and is_self(target.value):
                        links[target.attr.value] = self.qnames(assign.value.func)
        self._class_links[cls] = links
        return links

    def _bind_literal(self, links, name_node, value):
        if isinstance(name_node, cst.SimpleString) and isinstance(value, cst.Call):
            links[name_node.evaluated_value] = self.qnames(value.func)

    def link_type(self, expr):
        """Qualified names of the constructor that built the object ``expr`` (R5):
        ``self.NAME`` bound in ``__init__``, or a name assigned once from a call."""
        if isinstance(expr, cst.Attribute) and is_self(expr.value):
            cls = self.enclosing(expr, cst.ClassDef)
            if cls is not None:
                return self.class_links(cls).get(expr.attr.value, set())
            return set()
        if isinstance(expr, cst.Name):
            assignment = self.single_assignment(expr)
            if assignment is not None:
                stmt = self.parent(self.parent(assignment.node))
                if isinstance(stmt, cst.Assign) and len(stmt.targets) == 1 \
                        and isinstance(stmt.value, cst.Call):
                    return self.qnames(stmt.value.func)
        return set()

    def single_assignment(self, name):
        scope = self.scope(name)
        if scope is None or name.value not in scope:
            return None
        assignments = list(scope.assignments[name.value])
        if len(assignments) != 1 or not hasattr(assignments[0], "node"):
            return None
        return assignments[0]

    def is_user_callable(self, func):
        """True when ``func`` names a function, class or import of this file that is
        not Chainer (a user function that happens to take ``train=``)."""
        found = self.qnames(func)
        if any(q.startswith("chainer.") or q == "chainer" for q in found):
            return False
        if isinstance(func, cst.Name):
            scope = self.scope(func)
            if scope is not None and func.value in scope:
                for a in scope.assignments[func.value]:
                    node = getattr(a, "node", None)
                    if isinstance(node, (cst.FunctionDef, cst.ClassDef, cst.Import, cst.ImportFrom,
                                         cst.Lambda)):
                        return True
            if any(q.startswith("builtins.") for q in found):
                return True
        if isinstance(func, cst.Attribute):
            root = func
            while isinstance(root, cst.Attribute):
                root = root.value
            if isinstance(root, cst.Name):
                scope = self.scope(root)
                if scope is not None and root.value in scope:
                    return any(isinstance(getattr(a, "node", None), (cst.Import, cst.ImportFrom))
                               for a in scope.assignments[root.value])
        return False


def is_self(node):
    return isinstance(node, cst.Name) and node.value == "self"


def find_arg(call, keyword, index):
    """The ``Arg`` of ``call`` that binds parameter ``keyword`` (v1 positional
    ``index``, or ``None`` for keyword only), else None."""
    positional = 0
    for arg in call.args:
        if arg.star:
            continue
        if arg.keyword is None:
            if index is not None and positional == index:
                return arg
            positional += 1
        elif arg.keyword.value == keyword:
            return arg
    return None


def has_splat(call):
    return any(arg.star for arg in call.args)


def positional_after(call, index):
    """True when ``call`` has positional arguments past v1 index ``index``."""
    count = sum(1 for arg in call.args if arg.keyword is None and not arg.star)
    return count > index + 1
