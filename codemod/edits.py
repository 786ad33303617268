"""Edits planned by the rules, applied to the module in one transform.

Rules never build the new tree themselves: they name original nodes (an
argument to drop, a parameter to drop, a statement to remove or replace, a run
of statements of one block to put under ``with ITEM:``) and ``ApplyEdits``
applies all of them at once, so several rules can change one file (and one
statement) without re-parsing in between.
"""
import dataclasses

import libcst as cst


@dataclasses.dataclass
class Wrap:
    """Put ``block.body[start:end + 1]`` under ``with <item>:``.

    ``anchor`` is a statement (at ``start - 1``) that the ``with`` replaces: the
    ``with`` takes its leading lines and trailing comment (a model's train
    toggle, CH103). ``merge``: adjacent or overlapping wraps with the same item
    and ``merge`` become one.
    """
    block: object
    start: int
    end: int
    item: str
    merge: bool = True
    anchor: object = None
    order: int = 0

    @property
    def span(self):
        return (self.start - 1 if self.anchor is not None else self.start), self.end


def _crosses(a, b):
    (a0, a1), (b0, b1) = a.span, b.span
    return (a0 < b0 <= a1 < b1) or (b0 < a0 <= b1 < a1)


class Edits:
    """What to change, keyed by nodes of the original module."""

    def __init__(self):
        self.removed_args = {}     # Call -> set of arg indices
        self.removed_params = {}   # Parameters -> set of param indices
        self.removed_stmts = set()
        self.replaced_stmts = {}   # statement -> function(updated statement) -> [statements]
        self.wraps = {}            # block -> [Wrap]
        self.replaced_nodes = {}   # any node -> function(updated node) -> new node
        self._order = 0

    def __bool__(self):
        return bool(self.removed_args or self.removed_params or self.removed_stmts
                     or self.replaced_stmts or self.wraps or self.replaced_nodes)

    def remove_arg(self, call, arg):
        self.removed_args.setdefault(call, set()).add(list(call.args).index(arg))

    def remove_param(self, parameters, param):
        self.removed_params.setdefault(parameters, set()).add(list(parameters.params).index(param))

    def remove_stmt(self, stmt):
        self.removed_stmts.add(stmt)

    def replace_stmt(self, stmt, build):
        self.replaced_stmts[stmt] = build

    def extend_stmt(self, stmt, build):
        """Replace ``stmt`` by ``build(statements)``: ``statements`` is what an earlier
        replacement of ``stmt`` produced, or ``[stmt]`` (after the other edits)."""
        previous = self.replaced_stmts.get(stmt)

        def chained(updated):
            return build(previous(updated) if previous is not None else [updated])
        self.replaced_stmts[stmt] = chained

    def replace_node(self, node, build):
        """Replace the expression ``node`` (any node that is not a statement) by
        ``build(updated)``, where ``updated`` is ``node`` after the other edits
        inside it; ``build`` returns the new node. Returns False (and changes
        nothing) when ``node`` already has a replacement."""
        if node in self.replaced_nodes:
            return False
        self.replaced_nodes[node] = build
        return True

    def wrap(self, block, first, last, item, merge=True, anchor=None):
        """Wrap statements ``first`` .. ``last`` of ``block`` in ``with item:``.

        Returns False (and changes nothing) when the run would cross a run that
        is already wrapped in the same block.
        """
        body = list(block.body)
        new = Wrap(block, body.index(first), body.index(last), item, merge, anchor, self._order)
        self._order += 1
        wraps = self.wraps.setdefault(block, [])
        if merge:
            for old in wraps:
                if old.merge and old.item == item and old.anchor is None and anchor is None \
                        and new.start <= old.end + 1 and old.start <= new.end + 1:
                    merged = Wrap(block, min(old.start, new.start), max(old.end, new.end), item,
                                  True, None, old.order)
                    if not any(_crosses(merged, w) for w in wraps if w is not old):
                        old.start, old.end = merged.start, merged.end
                        return True
        if any(_crosses(new, w) for w in wraps):
            return False
        wraps.append(new)
        return True


def _strip_blank(lines):
    lines = list(lines)
    while lines and lines[0].comment is None:
        lines.pop(0)
    return lines


def comments_in(node):
    """``libcst.Comment`` nodes inside ``node`` (None allowed), in source order."""
    found = []
    if isinstance(node, cst.CSTNode):
        class Collect(cst.CSTVisitor):
            def visit_Comment(self, comment):
                found.append(comment)
        node.visit(Collect())
    return found


def comment_line(comment, whitespace=""):
    """An own-line comment (``EmptyLine``) at the current indentation plus ``whitespace``."""
    return cst.EmptyLine(indent=True, whitespace=cst.SimpleWhitespace(whitespace),
                         comment=comment)


def _split_tail(item, after):
    """``(comments inside item, whitespace after it)`` for an ``Arg`` or ``Param``;
    ``after`` names its whitespace-before-comma field."""
    comma = item.comma if isinstance(item.comma, cst.Comma) else None
    if comma is not None:
        body = item.with_changes(comma=cst.MaybeSentinel.DEFAULT)
        return comments_in(body) + comments_in(comma.whitespace_before), comma.whitespace_after
    body = item.with_changes(**{after: cst.SimpleWhitespace("")})
    return comments_in(body), getattr(item, after)


def _carry(sep, item, after):
    """The whitespace that replaces ``sep`` (before ``item``) when ``item`` is
    removed: ``sep`` itself unless ``item`` holds comments; then they become
    own-line comments there (never lost silently). Comments on lines after
    ``item`` belong to the next item and stay in front of it."""
    inner, tail = _split_tail(item, after)
    tail_pw = tail if isinstance(tail, cst.ParenthesizedWhitespace) else None
    first = [tail_pw.first_line.comment] if tail_pw and tail_pw.first_line.comment else []
    own = list(tail_pw.empty_lines) if tail_pw else []
    comments = inner + first
    if not comments and not any(line.comment for line in own):
        return sep
    if isinstance(sep, cst.ParenthesizedWhitespace):
        column = sep.last_line.value
        end = tail_pw or sep
        return sep.with_changes(
            empty_lines=list(sep.empty_lines) + [comment_line(c, column) for c in comments] + own,
            indent=end.indent, last_line=end.last_line)
    column = tail_pw.last_line.value if tail_pw else ""
    if comments:
        space = tail_pw.first_line.whitespace if first and comments[0] is first[0] \
            else cst.SimpleWhitespace("  ")
        first_line = cst.TrailingWhitespace(whitespace=space, comment=comments[0])
    else:
        first_line = cst.TrailingWhitespace()
    return cst.ParenthesizedWhitespace(
        first_line=first_line,
        empty_lines=[comment_line(c, column) for c in comments[1:]] + own,
        indent=tail_pw.indent if tail_pw else True,
        last_line=cst.SimpleWhitespace(column))


def drop_items(items, drop, before, after):
    """Remove ``items[i]`` for ``i`` in ``drop`` (``Arg`` or ``Param`` nodes).

    ``before``: the whitespace before the first item (after ``(``); ``after``:
    the item's whitespace-before-comma field name. Returns ``(kept, before)``.
    Layout is kept (the trailing-comma style of the last item too), and comments
    of removed items or of the separators they take away move to the nearest
    kept separator as own-line comments.
    """
    kept, sep = [], before
    for i, item in enumerate(items):
        if i in drop:
            sep = _carry(sep, item, after)
            continue
        if kept:
            comma = kept[-1].comma.with_changes(whitespace_after=sep)
            kept[-1] = kept[-1].with_changes(comma=comma)
        else:
            before = sep
        kept.append(item)
        sep = item.comma.whitespace_after if isinstance(item.comma, cst.Comma) else None
    last = items[-1] if items else None
    if last is None or len(items) - 1 not in drop:
        return kept, before
    if not comments_in(sep):            # nothing to carry: the last item's comma style
        if kept:
            kept[-1] = kept[-1].with_changes(comma=last.comma)
        return kept, before
    if not kept:
        return kept, sep
    if isinstance(last.comma, cst.Comma):
        kept[-1] = kept[-1].with_changes(comma=last.comma.with_changes(whitespace_after=sep))
    else:
        kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT, **{after: sep})
    return kept, before


class ApplyEdits(cst.CSTTransformer):
    """Apply an ``Edits`` to the module it was planned on."""

    def __init__(self, edits):
        super().__init__()
        self.edits = edits
        self._def_params = set()

    def leave_Call(self, original_node, updated_node):
        drop = self.edits.removed_args.get(original_node)
        if not drop:
            return updated_node
        kept, before = drop_items(list(updated_node.args), drop,
                                  updated_node.whitespace_before_args, "whitespace_after_arg")
        return updated_node.with_changes(args=kept, whitespace_before_args=before)

    def visit_FunctionDef(self, node):
        self._def_params.add(node.params)

    def on_leave(self, original_node, updated_node):
        result = super().on_leave(original_node, updated_node)
        build = self.edits.replaced_nodes.get(original_node)
        if build is None or not isinstance(result, cst.CSTNode):
            return result
        return build(result)

    def leave_Parameters(self, original_node, updated_node):
        drop = self.edits.removed_params.get(original_node)
        if not drop or original_node in self._def_params:
            return updated_node   # a def's parameters: leave_FunctionDef (it owns the '(')
        kept, _ = drop_items(list(updated_node.params), drop, None, "whitespace_after_param")
        return updated_node.with_changes(params=kept)

    def leave_FunctionDef(self, original_node, updated_node):
        drop = self.edits.removed_params.get(original_node.params)
        if not drop:
            return updated_node
        params = updated_node.params
        kept, before = drop_items(list(params.params), drop,
                                  updated_node.whitespace_before_params, "whitespace_after_param")
        return updated_node.with_changes(params=params.with_changes(params=kept),
                                         whitespace_before_params=before)

    def leave_IndentedBlock(self, original_node, updated_node):
        return updated_node.with_changes(body=self._body(original_node, updated_node))

    def leave_Module(self, original_node, updated_node):
        return updated_node.with_changes(body=self._body(original_node, updated_node))

    def _body(self, original, updated):
        old, new = list(original.body), list(updated.body)
        pieces = []
        changed = False
        for stmt, done in zip(old, new):
            if stmt in self.edits.removed_stmts:
                pieces.append([])
                changed = True
            elif stmt in self.edits.replaced_stmts:
                pieces.append(list(self.edits.replaced_stmts[stmt](done)))
                changed = True
            else:
                pieces.append([done])
        wraps = self.edits.wraps.get(original, [])
        if not changed and not wraps:
            return new
        body = self._build(pieces, 0, len(pieces) - 1, wraps)
        if not body and isinstance(original, cst.IndentedBlock):
            body = [cst.SimpleStatementLine([cst.Pass()])]
        return body

    def _build(self, pieces, lo, hi, wraps):
        out = []
        i = lo
        while i <= hi:
            starting = [w for w in wraps if w.start == i]
            if not starting:
                out.extend(pieces[i])
                i += 1
                continue
            outer = min(starting, key=lambda w: (-w.end, w.order))
            inner = [w for w in wraps
                     if w is not outer and outer.start <= w.start and w.end <= outer.end]
            out.append(self._with(outer, self._build(pieces, outer.start, outer.end, inner)))
            i = outer.end + 1
        return out

    def _with(self, wrap, body):
        if not body:
            body = [cst.SimpleStatementLine([cst.Pass()])]
        first = body[0]
        if wrap.anchor is not None:
            leading = wrap.anchor.leading_lines
            header = wrap.anchor.trailing_whitespace
            body[0] = first.with_changes(leading_lines=_strip_blank(first.leading_lines))
        else:
            leading = first.leading_lines
            header = cst.TrailingWhitespace()
            body[0] = first.with_changes(leading_lines=())
        return cst.With(items=[cst.WithItem(item=cst.parse_expression(wrap.item))],
                        body=cst.IndentedBlock(body=body, header=header),
                        leading_lines=leading)
