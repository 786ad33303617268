"""CH505 dump-graph: ``extensions.dump_graph`` writes the full graph only at its first call.

Chainer 7.8.1's ``DumpGraph`` keeps the graph of reported values only until
its first invocation; with a trigger given to ``trainer.extend`` later dumps
silently write a detached copy (one node). Such sites are reported
(``silent:``); the shim keeps the graph on report (CH504). ``out_name=`` is
still accepted by 7.8.1 and left alone.
"""
from codemod.context import find_arg
from codemod.rules.ch5_training import DUMP_GRAPH, calls_of, extend_call

CODE = "CH505"


def plan(ctx):
    for call in calls_of(ctx, DUMP_GRAPH):
        outer = extend_call(ctx, call)
        if outer is not None and find_arg(outer, "trigger", 2) is not None:
            ctx.review(call, CODE, "dump_graph with a trigger: Chainer 7.8.1 dumps the full graph "
                       "only at the first invocation (later ones see a detached copy)",
                       silent=True)
