"""CH201 chain-kwargs-registration: child links given to Chain.__init__ -> init_scope."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.links as L\n"
)

RULE = Rule(
    code="CH201",
    name="chain-kwargs-registration",
    title="links registered as keyword arguments of Chain.__init__ (or add_link) instead of in init_scope",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Use init_scope to register parameters and links'",
    fix="call `super().__init__()` and assign the links inside `with self.init_scope():`",
    examples=(
        Example(
            before=(
                "class Encoder(chainer.Chain):\n"
                "    def __init__(self, n_vocab, n_units):\n"
                "        super(Encoder, self).__init__(\n"
                "            embed=L.EmbedID(n_vocab, n_units),\n"
                "            proj=L.Linear(n_units, n_units),\n"
                "        )\n"
                "\n"
                "\n"
                "np.random.seed(0)\n"
                "w = Encoder(5, 3).proj.W.array\n"
            ),
            after=(
                "class Encoder(chainer.Chain):\n"
                "    def __init__(self, n_vocab, n_units):\n"
                "        super(Encoder, self).__init__()\n"
                "        with self.init_scope():\n"
                "            self.embed = L.EmbedID(n_vocab, n_units)\n"
                "            self.proj = L.Linear(n_units, n_units)\n"
                "\n"
                "\n"
                "np.random.seed(0)\n"
                "w = Encoder(5, 3).proj.W.array\n"
            ),
            setup=_SETUP, compare=("w",)),
        # ChainList appends by index: never rewritten
        Example(before=("class Stack(chainer.ChainList):\n"
                        "    def __init__(self):\n"
                        "        super(Stack, self).__init__(L.Linear(2, 2), L.Linear(2, 2))\n"),
                setup=_SETUP),
    ),
)
