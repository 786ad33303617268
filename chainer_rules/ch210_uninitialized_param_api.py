"""CH210 uninitialized-param-api: ``add_uninitialized_param`` / ``has_uninitialized_params`` removed in v2."""
from chainer_rules.registry import Example, Rule, REVIEW

_SETUP = (
    "import chainer\n"
    "import chainer.functions as F\n"
)

RULE = Rule(
    code="CH210",
    name="uninitialized-param-api",
    title="Link.add_uninitialized_param(name) and the Link.has_uninitialized_params property "
          "(parameters sized at the first call) were removed in v2",
    safety=REVIEW,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Uninitialized parameters' (chainer.Parameter without a shape)",
    fix="declare `self.W = chainer.Parameter(initializer)` inside `with self.init_scope():`, "
        "call `self.W.initialize(shape)` at the first call and test `self.W.array is None`",
    examples=(
        Example(before=("class Proj(chainer.Link):\n"
                        "    def __init__(self, n_out):\n"
                        "        super(Proj, self).__init__()\n"
                        "        self.n_out = n_out\n"
                        "        self.add_uninitialized_param('W')\n"
                        "\n"
                        "    def __call__(self, x):\n"
                        "        if self.has_uninitialized_params:\n"
                        "            self.add_param('W', (self.n_out, x.shape[1]))\n"
                        "        return F.linear(x, self.W)\n"),
                setup=_SETUP, findings=("CH210",)),
    ),
)
