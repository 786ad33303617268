"""Warnings for v1 uses (catalogue R7): one per call site, pointing at the user's line.

Message: ``"CH101 train-argument: F.dropout(train=...) is Chainer v1 API; fix: <fix>"``,
with the code, name and fix read from ``chainer_rules``. The mode comes from
the environment variable ``CHAINER_COMPAT_WARNINGS`` (read at install) or
``set_warnings``:

- ``once`` (default): the first use at each call site (file:line) warns;
- ``always``: every use warns;
- ``error``: every use raises ``ChainerV1Warning`` as an exception;
- ``ignore``: nothing.
"""
import os
import sys
import threading
import warnings

import chainer_rules
from chainer_compat import _caller

ENV = "CHAINER_COMPAT_WARNINGS"
MODES = ("once", "always", "error", "ignore")

_mode = "once"
_seen = set()
_lock = threading.Lock()
_FILTER = None  # the warnings filter entry added by enable_filter()


class ChainerV1Warning(DeprecationWarning):
    """A Chainer v1 API was used and translated by ``chainer_compat``."""


class ImportOrderWarning(UserWarning):
    """A name was bound from ``chainer`` before ``import chainer_compat`` and keeps the stock object."""


def set_warnings(mode):
    """Set the warning mode: one of ``'once'``, ``'always'``, ``'error'``, ``'ignore'``.

    Raises ``ValueError`` for any other value. Returns the previous mode.
    """
    global _mode
    if mode not in MODES:
        raise ValueError("warning mode must be one of %s, not %r" % (", ".join(MODES), mode))
    previous, _mode = _mode, mode
    _seen.clear()
    return previous


def get_warnings():
    """The current warning mode."""
    return _mode


def read_environment():
    """Apply ``CHAINER_COMPAT_WARNINGS`` if set (raises ``ValueError`` for a bad value)."""
    value = os.environ.get(ENV, "").strip().lower()
    if value:
        set_warnings(value)


def message(code, what):
    """The warning text for ``code`` (``'CH101'``) and the use ``what`` (``'F.dropout(train=...)'``).

    Raises ``KeyError`` when ``code`` is not in the registry.
    """
    rule = chainer_rules.get(code)
    return "%s: %s is Chainer v1 API; fix: %s" % (rule.label, what, rule.fix)


_PASS_THROUGH = ("contextlib", "functools")


def _call_site():
    """``(frame, by_chainer)``: the innermost frame outside ``chainer_compat`` (and the
    ``contextlib``/``functools`` helpers and ``Link.__call__``, which only pass the
    user's arguments on), i.e. the v1 call site; ``by_chainer`` is True when that
    frame belongs to the ``chainer`` package.

    Chainer 7.8.1 itself may touch a re-added v1 name (``chainer.testing``'s
    unary-math test builds ``F.Sqrt()`` when that name exists): that is not a
    v1 use in the user's code, so it is not reported.
    """
    link_call = _caller.link_call_code()
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_globals.get("__name__", "") or ""
        if not (name == "chainer_compat" or name.startswith("chainer_compat.")
                or name in _PASS_THROUGH or frame.f_code is link_call):
            return frame, name == "chainer" or name.startswith("chainer.")
        frame = frame.f_back
    return None, False


def warn(code, what):
    """Report one v1 use of rule ``code``; see the module docstring for the modes.

    Uses made by Chainer's own code (``_call_site``) are not reported. In ``once``
    mode a call site already reported costs one stack walk and a set lookup.
    """
    mode = _mode
    if mode == "ignore":
        return
    frame, by_chainer = _call_site()
    if by_chainer:
        return
    if frame is None:
        filename, lineno, module = "<unknown>", 0, "<unknown>"
    else:
        filename, lineno = frame.f_code.co_filename, frame.f_lineno
        module = frame.f_globals.get("__name__", "<unknown>")
    if mode == "once":
        key = (code, what, filename, lineno)
        with _lock:
            if key in _seen:
                return
            _seen.add(key)
    try:
        text = message(code, what)
    except KeyError:  # a code the registry lacks: still tell the user (tests flag the gap)
        text = "%s: %s is Chainer v1 API" % (code, what)
    if mode == "error":
        raise ChainerV1Warning(text)
    warnings.warn_explicit(text, ChainerV1Warning, filename, lineno, module=module)


_MAIN_DEFAULT = ("default", None, DeprecationWarning, "__main__", 0)
_IGNORE_DEFAULT = ("ignore", None, DeprecationWarning, None, 0)


def enable_filter():
    """Make ``ChainerV1Warning`` visible in every module, not only ``__main__``.

    Python's default filters show ``DeprecationWarning`` only in ``__main__``.
    When those defaults are in place, an ``always`` filter for
    ``ChainerV1Warning`` goes right between them, so filters set with ``-W``,
    ``PYTHONWARNINGS`` or ``warnings.filterwarnings`` (which come first) still
    win; our own mode decides what reaches the filters. When the defaults were
    replaced (pytest, ``warnings.resetwarnings()``) nothing is added.
    """
    global _FILTER
    filters = warnings.filters
    for i in range(len(filters) - 1):
        if filters[i] == _MAIN_DEFAULT and filters[i + 1] == _IGNORE_DEFAULT:
            entry = ("always", None, ChainerV1Warning, None, 0)
            if entry not in filters:
                filters.insert(i + 1, entry)
                _filters_mutated()
                _FILTER = entry
            return


def disable_filter():
    """Remove the filter added by ``enable_filter`` (if still present)."""
    global _FILTER
    if _FILTER is not None and _FILTER in warnings.filters:
        warnings.filters.remove(_FILTER)
        _filters_mutated()
    _FILTER = None


def _filters_mutated():
    mutated = getattr(warnings, "_filters_mutated", None)
    if mutated is not None:
        mutated()
