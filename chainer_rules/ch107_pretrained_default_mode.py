"""CH107 pretrained-default-mode: v1 pretrained-model links ran in test mode by default."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.links as L\n"
    "x = np.random.RandomState(0).uniform(0, 1, (1, 3, 224, 224)).astype(np.float32)\n"
)

RULE = Rule(
    code="CH107",
    name="pretrained-default-mode",
    title="L.VGG16Layers, L.ResNet*Layers and L.GoogLeNet follow chainer.config.train since v2; "
          "v1 ran __call__/extract in test mode by default (dropout off, BN running statistics)",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Global configurations' (test/train arguments of the "
            "pretrained models removed)",
    fix="run calls of the model under `with chainer.using_config('train', False):`",
    examples=(
        Example(before="class Net(chainer.Chain):\n"
                       "    def __init__(self):\n"
                       "        super(Net, self).__init__()\n"
                       "        with self.init_scope():\n"
                       "            self.cnn = L.GoogLeNet(pretrained_model=None)\n"
                       "    def __call__(self, x):\n"
                       "        h = self.cnn(x, layers=['loss3_fc'])['loss3_fc']\n"
                       "        return h\n"
                       "y = Net()(x)\n",
                after="class Net(chainer.Chain):\n"
                      "    def __init__(self):\n"
                      "        super(Net, self).__init__()\n"
                      "        with self.init_scope():\n"
                      "            self.cnn = L.GoogLeNet(pretrained_model=None)\n"
                      "    def __call__(self, x):\n"
                      "        with chainer.using_config('train', False):\n"
                      "            h = self.cnn(x, layers=['loss3_fc'])['loss3_fc']\n"
                      "        return h\n"
                      "y = Net()(x)\n",
                setup=_SETUP, compare=("y",)),
        # a receiver of unknown type with layers=: review
        Example(before="def features(model, x):\n    return model(x, layers=['fc7'])['fc7']\n",
                setup=_SETUP, findings=("CH107",)),
    ),
)
