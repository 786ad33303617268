"""CH206 gru-stateless: v1 L.GRU(n_units, n_inputs) was stateless; since v2 L.GRU is StatefulGRU."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.links as L\n"
    "h0 = np.linspace(-1, 1, 8, dtype=np.float32).reshape(2, 4)\n"
    "x = np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3)\n"
    "n_hidden, n_in = 4, 3\n"
)

RULE = Rule(
    code="CH206",
    name="gru-stateless",
    title="L.GRU is the stateful GRU with (in_size, out_size) since v2; v1's stateless "
          "L.GRU(n_units, n_inputs) is L.StatelessGRU(n_inputs, n_units)",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'GRU changed from stateless to stateful'",
    fix="`L.GRU(n_units, n_inputs)` -> `L.StatelessGRU(n_inputs, n_units)` "
        "(`L.GRU(n)` -> `L.StatelessGRU(n, n)`); call it as before, `gru(h, x)`",
    examples=(
        Example(before="cell = L.GRU(n_hidden, n_in)\nh = cell(h0, x)\n",
                after="cell = L.StatelessGRU(n_in, n_hidden)\nh = cell(h0, x)\n",
                setup=_SETUP, compare=("h",)),
        Example(before="cell = L.GRU(4)\nh = cell(h0, h0)\nW = cell.W.W\n",
                after="cell = L.StatelessGRU(4, 4)\nh = cell(h0, h0)\nW = cell.W.W\n",
                setup=_SETUP, compare=("h", "W")),
        Example(before="cell = L.GRU(n_units=n_hidden, n_inputs=n_in, bias_init=0.5)\n"
                       "h = cell(h0, x)\n",
                after="cell = L.StatelessGRU(n_in, n_hidden, bias_init=0.5)\nh = cell(h0, x)\n",
                setup=_SETUP, compare=("h",)),
        # subclasses and type tests: the meaning of the class changed; review
        Example(before="class MyGRU(L.GRU):\n    pass\n", setup=_SETUP, findings=("CH206",)),
    ),
)
