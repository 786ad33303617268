"""CH202 link-param-registration: parameters given to Link.__init__ or add_param -> init_scope."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "from chainer import initializers\n"
)

RULE = Rule(
    code="CH202",
    name="link-param-registration",
    title="parameters registered as keyword shapes of Link.__init__ (or add_param) instead of "
          "as chainer.Parameter in init_scope",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Use init_scope to register parameters and links'",
    fix="call `super().__init__()` and assign `self.W = chainer.Parameter(initializer, shape)` "
        "inside `with self.init_scope():` (`chainer.initializers.NaN(dtype)` for no initializer)",
    examples=(
        Example(
            before=(
                "class Affine(chainer.Link):\n"
                "    def __init__(self):\n"
                "        super(Affine, self).__init__(W=(3, 2))\n"
                "        self.add_param('b', (3,), initializer=initializers.Constant(0.25))\n"
                "        self.W.data[...] = np.arange(6, dtype=np.float32).reshape(3, 2) / 7\n"
                "\n"
                "    def __call__(self, x):\n"
                "        return chainer.functions.linear(x, self.W, self.b)\n"
                "\n"
                "\n"
                "link = Affine()\n"
                "y = link(np.linspace(-1, 1, 4, dtype=np.float32).reshape(2, 2))\n"
                "b = link.b\n"
            ),
            after=(
                "class Affine(chainer.Link):\n"
                "    def __init__(self):\n"
                "        super(Affine, self).__init__()\n"
                "        with self.init_scope():\n"
                "            self.W = chainer.Parameter(chainer.initializers.NaN(), (3, 2))\n"
                "            self.b = chainer.Parameter(initializers.Constant(0.25), (3,))\n"
                "        self.W.data[...] = np.arange(6, dtype=np.float32).reshape(3, 2) / 7\n"
                "\n"
                "    def __call__(self, x):\n"
                "        return chainer.functions.linear(x, self.W, self.b)\n"
                "\n"
                "\n"
                "link = Affine()\n"
                "y = link(np.linspace(-1, 1, 4, dtype=np.float32).reshape(2, 2))\n"
                "b = link.b\n"
            ),
            setup=_SETUP, compare=("y", "b")),
        # an initializer that draws, a float64 parameter: same draws, same dtype
        Example(
            before=(
                "class Noisy(chainer.Link):\n"
                "    def __init__(self, n):\n"
                "        super(Noisy, self).__init__()\n"
                "        self.add_param('w', (n, 2), initializer=initializers.Normal(0.5))\n"
                "        self.add_param('s', n, dtype=np.float64)\n"
                "        self.s.data[...] = 2\n"
                "\n"
                "\n"
                "link = Noisy(3)\n"
                "w, s = link.w, link.s\n"
            ),
            after=(
                "class Noisy(chainer.Link):\n"
                "    def __init__(self, n):\n"
                "        super(Noisy, self).__init__()\n"
                "        with self.init_scope():\n"
                "            self.w = chainer.Parameter(initializers.Normal(0.5), (n, 2))\n"
                "            self.s = chainer.Parameter(chainer.initializers.NaN(np.float64), n)\n"
                "        self.s.data[...] = 2\n"
                "\n"
                "\n"
                "link = Noisy(3)\n"
                "w, s = link.w, link.s\n"
            ),
            setup=_SETUP, compare=("w", "s")),
        # a dtype that an initializer makes unused: left for review
        Example(
            before=(
                "class Half(chainer.Link):\n"
                "    def __init__(self):\n"
                "        super(Half, self).__init__()\n"
                "        self.add_param('w', (2,), dtype=np.float16,\n"
                "                       initializer=initializers.Constant(1))\n"
            ),
            setup=_SETUP, findings=("CH202",)),
    ),
)
