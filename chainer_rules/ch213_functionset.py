"""CH213 functionset: ``chainer.FunctionSet`` and ``collect_parameters`` were removed in v2."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.links as L\n"
    "x = np.linspace(-1, 1, 8, dtype=np.float32).reshape(2, 4)\n"
    "optimizer = chainer.optimizers.SGD()\n"
)

RULE = Rule(
    code="CH213",
    name="functionset",
    title="chainer.FunctionSet (chainer.function_set), its collect_parameters(), parameters, "
          "gradients and copy_parameters_from were removed in v2",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'FunctionSet removed; use Chain'",
    fix="use `chainer.Chain(...)` and `optimizer.setup(model)`; register later links inside "
        "`with model.init_scope():`; key arrays by name (`dict(model.namedparams())`)",
    examples=(
        Example(before=("model = chainer.FunctionSet(l1=L.Linear(4, 3), l2=L.Linear(3, 2))\n"
                        "optimizer.setup(model.collect_parameters())\n"
                        "y = model.l2(model.l1(x))\n"),
                after=("model = chainer.Chain(l1=L.Linear(4, 3), l2=L.Linear(3, 2))\n"
                       "optimizer.setup(model)\n"
                       "y = model.l2(model.l1(x))\n"),
                setup=_SETUP, compare=("y",)),
        # a link assigned later is registered inside init_scope
        Example(before=("model = chainer.FunctionSet(l1=L.Linear(4, 3))\n"
                        "model.l2 = L.Linear(3, 2)\n"
                        "y = model.l2(model.l1(x))\nn = len(list(model.params()))\n"),
                after=("model = chainer.Chain(l1=L.Linear(4, 3))\n"
                       "with model.init_scope():\n    model.l2 = L.Linear(3, 2)\n"
                       "y = model.l2(model.l1(x))\nn = len(list(model.params()))\n"),
                setup=_SETUP, compare=("y", "n")),
        # re-assigning an existing child: review
        Example(before=("model = chainer.FunctionSet(l1=L.Linear(4, 3))\n"
                        "model.l1 = L.Linear(4, 3)\n"),
                after="model = chainer.Chain(l1=L.Linear(4, 3))\nmodel.l1 = L.Linear(4, 3)\n",
                setup=_SETUP, findings=("CH213",)),
        # arrays paired by position (v1 registration order, CH211): review
        Example(before=("def load(model, arrays):\n"
                        "    model.copy_parameters_from(arrays)\n"),
                setup=_SETUP, findings=("CH213",)),
    ),
)
