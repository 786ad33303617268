"""CH310 old-style-function: ``chainer.Function`` subclasses work unchanged (no difference)."""
from chainer_rules.registry import Example, Rule, SHIM_ONLY

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "x = np.linspace(-1, 1, 12, dtype=np.float32).reshape(3, 4)\n"
    "class Twice(chainer.Function):\n"
    "    def forward(self, inputs):\n"
    "        self.seen = inputs[0].shape\n"
    "        return inputs[0] * 2,\n"
    "    def backward(self, inputs, grad_outputs):\n"
    "        return grad_outputs[0] * 2,\n"
)

RULE = Rule(
    code="CH310",
    name="old-style-function",
    title="user subclasses of chainer.Function (forward/backward, state on self, one instance "
          "called several times) give identical outputs and gradients on 7.8.1",
    safety=SHIM_ONLY,
    since="- (no difference)",
    upgrade="Chainer v3 upgrade guide: 'FunctionNode' (old-style Function is still supported); "
            "catalogue CH310",
    fix="nothing needed; new code may subclass chainer.FunctionNode",
    examples=(
        # one instance called again for a new graph, as v1 code does
        Example(before="f = Twice()\nv = chainer.Variable(x)\ny = f(v)\n"
                       "y.grad = np.ones_like(y.array)\ny.backward()\ngx = v.grad\n"
                       "z = f(chainer.Variable(x * 3))\n",
                setup=_SETUP, compare=("y", "gx", "z")),
    ),
)
