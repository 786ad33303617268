"""CH103 model-train-flag: a model's own train flag threaded into Chainer calls."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "import chainer.links as L\n"
    "x = np.arange(12, dtype=np.float32).reshape(3, 4)\n"
)

_ATTR_V1 = '''\
class MLP(chainer.Chain):
    def __init__(self, train=True):
        super(MLP, self).__init__()
        with self.init_scope():
            self.fc = L.Linear(4, 4)
        self.train = train

    def __call__(self, x):
        return F.dropout(self.fc(x), train=self.train)


np.random.seed(1)
model = MLP()
y1 = model(x)
model.train = False
y2 = model(x)
'''

_ATTR_V2 = '''\
class MLP(chainer.Chain):
    def __init__(self):
        super(MLP, self).__init__()
        with self.init_scope():
            self.fc = L.Linear(4, 4)

    def __call__(self, x):
        return F.dropout(self.fc(x))


np.random.seed(1)
model = MLP()
y1 = model(x)
with chainer.using_config('train', False):
    y2 = model(x)
'''

_ARG_V1 = '''\
class MLP(chainer.Chain):
    def __init__(self):
        super(MLP, self).__init__()
        with self.init_scope():
            self.fc = L.Linear(4, 4)

    def __call__(self, x, train=True):
        return F.dropout(self.fc(x), train=train)


np.random.seed(1)
model = MLP()
y1 = model(x)
y2 = model(x, train=False)
y3 = model(x, False)
'''

_ARG_V2 = '''\
class MLP(chainer.Chain):
    def __init__(self):
        super(MLP, self).__init__()
        with self.init_scope():
            self.fc = L.Linear(4, 4)

    def __call__(self, x):
        return F.dropout(self.fc(x))


np.random.seed(1)
model = MLP()
y1 = model(x)
with chainer.using_config('train', False):
    y2 = model(x)
with chainer.using_config('train', False):
    y3 = model(x)
'''

RULE = Rule(
    code="CH103",
    name="model-train-flag",
    title="a model's own `train` flag (constructor/attribute or `__call__` parameter) feeding `train=`",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Global configurations' (train flag of user models)",
    fix="remove the flag; wrap the calls it governed in `with chainer.using_config('train', VALUE):`",
    examples=(
        Example(before=_ATTR_V1, after=_ATTR_V2, setup=_SETUP, compare=("y1", "y2")),
        Example(before=_ARG_V1, after=_ARG_V2, setup=_SETUP, compare=("y1", "y2", "y3")),
    ),
)
