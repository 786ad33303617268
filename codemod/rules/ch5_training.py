"""Helpers of the CH5xx rules (training loop): qualified names and call sites.

Qualified names cover the public name and the defining module of Chainer
1.24 and 7.8.1 (catalogue R1), e.g. ``chainer.training.StandardUpdater`` and
``chainer.training.updaters.standard_updater.StandardUpdater``.
"""
import libcst as cst

_T = "chainer.training."
_E = _T + "extensions."

SNAPSHOT = {_E + "snapshot", _E + "_snapshot.snapshot"}
SNAPSHOT_OBJECT = {_E + "snapshot_object", _E + "_snapshot.snapshot_object"}
MAKE_EXTENSION = {_T + "make_extension", _T + "extension.make_extension"}
EXTENSION = {_T + "Extension", _T + "extension.Extension"}
EVALUATOR = {_E + "Evaluator", _E + "evaluator.Evaluator"}
DUMP_GRAPH = {_E + "dump_graph", _E + "computational_graph.dump_graph",
              _E + "DumpGraph", _E + "computational_graph.DumpGraph"}
UPDATERS = {_T + q for name, module in (("StandardUpdater", "standard_updater"),
                                         ("ParallelUpdater", "parallel_updater"),
                                         ("MultiprocessParallelUpdater",
                                          "multiprocess_parallel_updater"))
            for q in (name, "updater." + name, "updaters." + name,
                      "updaters.%s.%s" % (module, name))}
ITERATORS = {"chainer.iterators." + q for q in (
    "SerialIterator", "serial_iterator.SerialIterator",
    "MultiprocessIterator", "multiprocess_iterator.MultiprocessIterator")}
SAVE_LOAD_NPZ = {"chainer.serializers." + q for q in (
    "save_npz", "load_npz", "npz.save_npz", "npz.load_npz")}


def calls_of(ctx, qualified):
    """The calls of ``ctx`` whose callee resolves to one of ``qualified``."""
    return [call for call in ctx.calls if ctx.qnames(call.func) & qualified]


def extend_call(ctx, call):
    """The ``X.extend(call, ...)`` call that takes ``call`` as its first argument, else None."""
    arg = ctx.parent(call)
    outer = ctx.parent(arg) if isinstance(arg, cst.Arg) else None
    if (isinstance(outer, cst.Call) and isinstance(outer.func, cst.Attribute)
            and outer.func.attr.value == "extend" and outer.args and outer.args[0] is arg
            and arg.keyword is None and not arg.star):
        return outer
    return None


def assigned_name(ctx, call):
    """``(statement line, NAME)`` when ``call`` is the whole value of ``NAME = call``, else None."""
    assign = ctx.parent(call)
    line = ctx.parent(assign)
    if (isinstance(assign, cst.Assign) and assign.value is call and len(assign.targets) == 1
            and isinstance(assign.targets[0].target, cst.Name)
            and isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1
            and ctx.block_of(line) is not None):
        return line, assign.targets[0].target.value
    return None


def append_after(ctx, stmt, source):
    """Replace block statement ``stmt`` by itself followed by the statement ``source``."""
    extra = cst.parse_statement(source)
    ctx.edits.extend_stmt(stmt, lambda stmts: list(stmts) + [extra])


def rename_keyword(call, old, new):
    """``call`` with its keyword argument ``old=`` renamed ``new=``."""
    return call.with_changes(args=[
        a.with_changes(keyword=cst.Name(new)) if a.keyword is not None and a.keyword.value == old
        else a for a in call.args])
