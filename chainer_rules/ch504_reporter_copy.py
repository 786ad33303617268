"""CH504 reporter-copy: ``chainer.report`` stores a copy of the variable without its graph."""
from chainer_rules.registry import Example, Rule, SHIM_ONLY

RULE = Rule(
    code="CH504",
    name="reporter-copy",
    title="chainer.report stores a copy detached from the graph "
          "(chainer.config.keep_graph_on_report is False)",
    safety=SHIM_ONLY,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Reporter stores a copy of the variable' "
            "(keep_graph_on_report)",
    fix="run code whose observers need the graph under "
        "`with chainer.using_config('keep_graph_on_report', True):`",
    examples=(
        Example(before="chainer.report({'loss': loss}, model)\n",
                setup="import chainer\n"),
        # an observer that walks the graph of the stored value: reported
        Example(before="obs = {}\nwith reporter.scope(obs):\n    chainer.report({'y': y})\n"
                       "obs['y'].backward()\n",
                setup="import chainer\nreporter = chainer.Reporter()\n", findings=("CH504",)),
    ),
)
