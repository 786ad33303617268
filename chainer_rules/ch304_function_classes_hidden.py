"""CH304 function-classes-hidden: ``F.<Class>`` Function classes are no longer exported (v5)."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "x = np.linspace(-1, 1, 12, dtype=np.float32).reshape(3, 4)\n"
    "t = np.array([0, 3, 1], dtype=np.int32)\n"
    "img = np.linspace(-1, 1, 32, dtype=np.float32).reshape(1, 2, 4, 4)\n"
)

RULE = Rule(
    code="CH304",
    name="function-classes-hidden",
    title="the 120 Function classes of chainer.functions (F.Exp, F.Sum, F.MaxPooling2D, "
          "F.SoftmaxCrossEntropy, ...) are no longer exported; most are FunctionNodes that "
          "cannot be called old-style, 16 are gone",
    safety=SAFE,  # one-expression uses are rewritten exactly; stored or reused instances -> review
    since="5.0.0 (hidden; FunctionNode since 3.0.0)",
    upgrade="Chainer v3 upgrade guide: 'FunctionNode'; catalogue CH304, appendix A4",
    fix="call the function form: `F.Exp()(x)` -> `F.exp(x)`, `F.Sum(axis=1)(x)` -> "
        "`F.sum(x, axis=1)`, `F.Concat(axis=1)(a, b)` -> `F.concat((a, b), axis=1)`",
    examples=(
        Example(before="y = F.Exp()(x)\n", after="y = F.exp(x)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="y = F.Sum(axis=1)(x)\n", after="y = F.sum(x, axis=1)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="y = F.Concat(axis=1)(x, x)\n", after="y = F.concat((x, x), axis=1)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="h = F.MaxPooling2D(3, stride=2)(F.ReLU()(img))\n",
                after="h = F.max_pooling_2d(F.relu(img), 3, stride=2)\n",
                setup=_SETUP, compare=("h",)),
        Example(before="loss = F.SoftmaxCrossEntropy()(x, t)\n",
                after="loss = F.softmax_cross_entropy(x, t)\n",
                setup=_SETUP, compare=("loss",)),
        Example(before="y = F.GetItem((slice(None), 1))(x)\n",
                after="y = F.get_item(x, (slice(None), 1))\n",
                setup=_SETUP, compare=("y",)),
        # a stored instance (state, .indexes) cannot be inlined: review
        Example(before="pool = F.MaxPooling2D(2)\nh = pool(img)\n",
                setup=_SETUP, findings=("CH304",)),
    ),
)
