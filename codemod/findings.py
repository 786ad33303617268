"""Findings: one line per change the codemod made or per site it left for review.

Plain data; imports neither libcst nor Chainer.
"""
import dataclasses

FIX = "fix"        # the codemod rewrote the site
REVIEW = "review"  # left unchanged; a human has to decide (catalogue "D" sites)


@dataclasses.dataclass(frozen=True)
class Finding:
    """One change or review item at ``path:line:col`` (line and column 1-based).

    Attributes:
        path: file name as given (``'<string>'`` for ``migrate_source``).
        line, col: where the site starts in the *input* source.
        code: rule code, ``'CH101'``.
        name: the rule's kebab-case name, ``'train-argument'``.
        message: what was done or what to check.
        kind: ``FIX`` or ``REVIEW``.
        silent: True when v1 code at this site runs on Chainer 7.8.1 without an
            error but computes something else (catalogue R7); printed as the
            prefix ``silent:``.
    """
    path: str
    line: int
    col: int
    code: str
    name: str
    message: str
    kind: str = FIX
    silent: bool = False

    def format(self):
        """``'path:line:col: CH101 train-argument: message'``; review items end in ``[review]``."""
        text = "%s:%d:%d: %s %s: %s%s" % (
            self.path, self.line, self.col, self.code, self.name,
            "silent: " if self.silent else "", self.message)
        if self.kind == REVIEW:
            text += " [review]"
        return text

    __str__ = format
