"""CH308 graph-nodes: the computational graph is made of VariableNode objects since v2."""
from chainer_rules.registry import Example, Rule, REVIEW

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "x = chainer.Variable(np.arange(3, dtype=np.float32))\n"
)

RULE = Rule(
    code="CH308",
    name="graph-nodes",
    title="creator.inputs are VariableNode objects since v2 (their .data may be None); "
          "Variable is unhashable in 7.8.1 (the shim restores the identity hash)",
    safety=REVIEW,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'VariableNode' (the graph holds nodes, not variables)",
    fix="reach variables through `node.get_variable_or_none()`; keep the Variables you need",
    examples=(
        Example(before="y = F.relu(x)\nz = y.creator.inputs[0].data\n",
                setup=_SETUP, findings=("CH308",)),
        Example(before="y = F.relu(x)\nnames = {x: 'x', y: 'y'}\n", setup=_SETUP,
                findings=("CH308",)),
    ),
)
