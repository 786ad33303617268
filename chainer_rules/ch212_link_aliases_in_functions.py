"""CH212 link-aliases-in-functions: F.Linear & co. (the link classes) left chainer.functions in v2."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "import chainer.links as L\n"
    "x = np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3)\n"
)

RULE = Rule(
    code="CH212",
    name="link-aliases-in-functions",
    title="F.BatchNormalization, F.Bilinear, F.BinaryHierarchicalSoftmax, F.Convolution2D, "
          "F.DilatedConvolution2D, F.EmbedID, F.Inception, F.InceptionBN, F.Linear, "
          "F.NegativeSampling, F.PReLU, F.Parameter: AttributeError since v2",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Link classes are removed from chainer.functions'",
    fix="use `chainer.links.X` (`L.Linear`) instead of `chainer.functions.X` (valid on 1.24 too)",
    examples=(
        Example(before="fc = F.Linear(3, 2)\ny = fc(x)\n", after="fc = L.Linear(3, 2)\ny = fc(x)\n",
                setup=_SETUP, compare=("y",)),
        Example(before="from chainer.functions import EmbedID\nemb = EmbedID(5, 3)\n"
                       "y = emb(np.array([0, 4], dtype=np.int32))\n",
                after="from chainer.links import EmbedID\nemb = EmbedID(5, 3)\n"
                      "y = emb(np.array([0, 4], dtype=np.int32))\n",
                setup=_SETUP, compare=("y",)),
    ),
)
