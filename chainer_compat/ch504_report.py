"""CH504 reporter-copy: ``chainer.report`` keeps the reported variable with its graph.

Chainer 1.24 stored the reported ``Variable`` itself, so observers (a graph
dump with a custom trigger, CH505) could walk or backprop through its graph.
Chainer 7.8.1 stores a copy detached from the graph unless
``chainer.config.keep_graph_on_report`` is true (catalogue CH504, silent).

The shim wraps ``chainer.Reporter.report``: when the code that called into
Chainer is v1 code (R6: the first frame outside the ``chainer`` package, so a
v1 training script whose ``Classifier`` reports through a ``Trainer`` counts
as the caller), the values are reported under
``using_config('keep_graph_on_report', True)``. Graphs then stay alive while
the observations are held, as in 1.24. v7 callers get 7.8.1's copies. A
thread-local ``chainer.using_config('keep_graph_on_report', ...)`` set by the
caller wins. No warning is emitted: nothing in a call site says whether it
relies on the graph.
"""
import functools
import sys

import chainer
from chainer import reporter

from chainer_compat import _caller

#: Codes this module restores.
CODES = ("CH504",)

KEY = "keep_graph_on_report"


def _outside_caller_is_v1():
    """True when the first frame outside ``chainer`` and ``chainer_compat`` is v1 code."""
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_globals.get("__name__") or ""
        if not (name == "chainer" or name.startswith(("chainer.", "chainer_compat"))):
            break
        frame = frame.f_back
    return _caller.is_v1_frame(frame)


def wrap_report(original):
    """Wrap ``Reporter.report(values, observer=None)``: keep graphs for v1 callers."""

    @functools.wraps(original)
    def report(self, values, observer=None):
        if KEY in chainer.config._local.__dict__ or not _outside_caller_is_v1():
            return original(self, values, observer)
        with chainer.using_config(KEY, True):
            return original(self, values, observer)

    return report


def install(patcher):
    """Wrap ``chainer.Reporter.report`` (restored by ``uninstall``)."""
    patcher.set(reporter.Reporter, "report", wrap_report(reporter.Reporter.__dict__["report"]))
