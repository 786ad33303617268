"""CH205 lstm-forget-bias: L.LSTM / L.StatelessLSTM start the forget-gate bias at 1 since v2 (v1: 0)."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.links as L\n"
    "x = np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3)\n"
)

RULE = Rule(
    code="CH205",
    name="lstm-forget-bias",
    title="L.LSTM and L.StatelessLSTM initialise the forget-gate bias to 1 (v1: 0); "
          "training differs silently from the first step",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Initial value of the forget gate bias of LSTM changed'",
    fix="pass `forget_bias_init=0` to `L.LSTM(...)` / `L.StatelessLSTM(...)` (valid on 1.24 too)",
    examples=(
        Example(before="rnn = L.LSTM(3, 4)\nh = rnn(x)\nb = rnn.upward.b\n",
                after="rnn = L.LSTM(3, 4, forget_bias_init=0)\nh = rnn(x)\nb = rnn.upward.b\n",
                setup=_SETUP, compare=("h", "b")),
        Example(before="cell = L.StatelessLSTM(3, 4, bias_init=0.1)\nb = cell.upward.b\n",
                after="cell = L.StatelessLSTM(3, 4, bias_init=0.1, forget_bias_init=0)\n"
                      "b = cell.upward.b\n",
                setup=_SETUP, compare=("b",)),
        Example(before="class Cell(L.LSTM):\n"
                       "    def __init__(self, n):\n"
                       "        super(Cell, self).__init__(n, n)\n"
                       "b = Cell(4).upward.b\n",
                after="class Cell(L.LSTM):\n"
                      "    def __init__(self, n):\n"
                      "        super(Cell, self).__init__(n, n, forget_bias_init=0)\n"
                      "b = Cell(4).upward.b\n",
                setup=_SETUP, compare=("b",)),
        # already given: nothing to add
        Example(before="rnn = L.LSTM(3, 4, forget_bias_init=1)\n", setup=_SETUP),
    ),
)
