"""CH505 dump-graph: ``extensions.dump_graph`` dumps the full graph only at its first call."""
from chainer_rules.registry import Example, Rule, REVIEW

RULE = Rule(
    code="CH505",
    name="dump-graph",
    title="extensions.dump_graph keeps the graph only until its first invocation; "
          "with a custom trigger later dumps show a detached copy",
    safety=REVIEW,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Reporter stores a copy of the variable'; "
            "DumpGraph class (v3-v7)",
    fix="dump the graph once (the default trigger), or run the training under "
        "`with chainer.using_config('keep_graph_on_report', True):`",
    examples=(
        Example(before="trainer.extend(extensions.dump_graph('main/loss'), "
                       "trigger=(1, 'epoch'))\n",
                setup="from chainer.training import extensions\n", findings=("CH505",)),
        Example(before="trainer.extend(extensions.dump_graph('main/loss'))\n",
                setup="from chainer.training import extensions\n"),
    ),
)
