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
        self._order = 0

    def __bool__(self):
        return bool(self.removed_args or self.removed_params or self.removed_stmts
                     or self.replaced_stmts or self.wraps)

    def remove_arg(self, call, arg):
        self.removed_args.setdefault(call, set()).add(list(call.args).index(arg))

    def remove_param(self, parameters, param):
        self.removed_params.setdefault(parameters, set()).add(list(parameters.params).index(param))

    def remove_stmt(self, stmt):
        self.removed_stmts.add(stmt)

    def replace_stmt(self, stmt, build):
        self.replaced_stmts[stmt] = build

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


def _drop_last_comma(old_items, kept):
    """Keep the trailing-comma style when the last item was removed."""
    if kept and kept[-1] is not old_items[-1]:
        kept[-1] = kept[-1].with_changes(comma=old_items[-1].comma)
    return kept


class ApplyEdits(cst.CSTTransformer):
    """Apply an ``Edits`` to the module it was planned on."""

    def __init__(self, edits):
        super().__init__()
        self.edits = edits

    def leave_Call(self, original_node, updated_node):
        drop = self.edits.removed_args.get(original_node)
        if not drop:
            return updated_node
        old = list(updated_node.args)
        kept = _drop_last_comma(old, [a for i, a in enumerate(old) if i not in drop])
        return updated_node.with_changes(args=kept)

    def leave_Parameters(self, original_node, updated_node):
        drop = self.edits.removed_params.get(original_node)
        if not drop:
            return updated_node
        old = list(updated_node.params)
        kept = [p for i, p in enumerate(old) if i not in drop]
        kept = _drop_last_comma(old, kept)
        return updated_node.with_changes(params=kept)

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
