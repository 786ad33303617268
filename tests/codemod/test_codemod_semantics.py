"""Rewrites that used to run but compute something else: CH103 parameter order, BN
without ``test=``, sticky toggles; CH104 training helpers; R4 ``yield``; CH102
untyped receivers.

Each case checks the codemod's output or findings and, where the program runs,
that the v1 source under the shim and the migrated source on stock Chainer 7.8.1
give bitwise equal numbers (catalogue CH101-CH104, R4, R5).
"""
import textwrap

import pytest

from parity_cases import (  # the shared harness: tests/codemod/parity_cases.py
    HEAD, check, migrate, reviews)


# -- 1. CH103: a `train` parameter that is not the last one is kept ------------

MLP = """\
class MLP(chainer.Chain):
    def __init__(self, n, train=True, scale=1.0):
        super(MLP, self).__init__()
        with self.init_scope():
            self.fc = L.Linear(n, n)
        self.train = train
        self.scale = scale
    def __call__(self, x):
        return F.dropout(self.fc(x) * self.scale, train=self.train)
x = np.arange(8, dtype=np.float32).reshape(2, 4)
m = MLP(4, False)
y = m(x)
"""


def test_constructor_flag_not_last_is_kept_and_reviewed():
    new, findings = check(MLP, ["y"])
    assert "def __init__(self, n, train=True, scale=1.0):" in new
    assert "self.train = train" in new
    problem = reviews(findings, "CH103")
    assert len(problem) == 1 and "not the last parameter" in problem[0].message


def test_call_flag_with_star_args_is_kept():
    source = """\
    class Net(chainer.Chain):
        def __init__(self):
            super(Net, self).__init__()
            with self.init_scope():
                self.fc = L.Linear(4, 4)
        def __call__(self, x, train=True, *rest):
            return F.dropout(self.fc(x), train=train)
    x = np.ones((2, 4), dtype=np.float32)
    y = Net()(x, train=False)
    """
    new, findings = check(source, ["y"])
    assert "def __call__(self, x, train=True, *rest):" in new
    assert "not the last parameter" in reviews(findings, "CH103")[0].message


def test_removed_last_parameter_gets_an_informational_finding():
    new, findings = check(MLP.replace(", scale=1.0", "").replace(
        "        self.scale = scale\n", "").replace(" * self.scale", "").replace(
        "MLP(4, False)", "MLP(4, train=False)"), ["y"])
    assert "def __init__(self, n):" in new
    info = [f for f in findings if f.kind == "info"]
    assert [f.code for f in info] == ["CH103"]
    assert "callers in other files that pass it are not rewritten" in info[0].message
    assert reviews(findings) == []


# -- 2. CH103: every mode-dependent call must follow the flag -------------------

BN_NET = """\
class Net(chainer.Chain):
    def __init__(self):
        super(Net, self).__init__(l1=L.Linear(4, 6), bn1=L.BatchNormalization(6),
                                  l2=L.Linear(6, 2))
    def __call__(self, x, train=True):
        h = F.relu(self.bn1(self.l1(x)))
        h = F.dropout(h, train=train)
        return self.l2(h)
np.random.seed(0); net = Net(); x = np.random.rand(5, 4).astype(np.float32)
out = net(x, train=False)
"""


def test_batch_normalization_without_test_keeps_the_flag():
    new, findings = check(BN_NET, ["out"])
    assert "def __call__(self, x, train=True):" in new
    assert "out = net(x, train=False)" in new
    problem = reviews(findings, "CH103")
    assert len(problem) == 1 and "self.bn1" in problem[0].message


def test_batch_normalization_in_a_sub_chain_keeps_the_flag():
    source = BN_NET.replace("class Net(", """\
class Block(chainer.Chain):
    def __init__(self):
        super(Block, self).__init__(bn=L.BatchNormalization(6))
    def __call__(self, h):
        return self.bn(h)
class Net(""").replace("bn1=L.BatchNormalization(6)", "bn1=Block()")
    new, findings = check(source, ["out"])
    assert "def __call__(self, x, train=True):" in new
    assert "may depend on chainer.config.train" in reviews(findings, "CH103")[0].message


def test_known_links_and_a_mode_free_sub_chain_allow_the_removal():
    source = BN_NET.replace("class Net(", """\
class Block(chainer.Chain):
    def __init__(self):
        super(Block, self).__init__(fc=L.Linear(6, 6))
    def __call__(self, h):
        return F.relu(self.fc(h))
class Net(""").replace("bn1=L.BatchNormalization(6)", "bn1=Block()")
    new, findings = check(source, ["out"])
    assert "def __call__(self, x):" in new
    assert "with chainer.using_config('train', False):\n    out = net(x)\n" in new
    assert reviews(findings) == []


# -- 3. CH103: toggles whose state outlives their block ------------------------

LOOP = """\
class MLP(chainer.Chain):
    def __init__(self):
        super(MLP, self).__init__(fc=L.Linear(4, 4))
        self.train = True
    def __call__(self, x):
        return F.dropout(self.fc(x), train=self.train)
x = np.ones((3, 4), dtype=np.float32)
model = MLP()
outs = []
for epoch in range(3):
    outs.append(model(x).data)
    model.train = False
    outs.append(model(x).data)
"""


def test_toggle_left_set_in_a_loop_is_reviewed():
    new, findings = check(LOOP, ["outs"])
    assert "model.train = False" in new
    assert "stays set" in reviews(findings, "CH103")[0].message


def test_toggle_restored_in_a_loop_is_rewritten():
    source = LOOP + "    model.train = True\n"
    new, findings = check(source, ["outs"])
    assert "self.train" not in new and "model.train" not in new
    assert "    with chainer.using_config('train', False):\n" \
           "        outs.append(model(x).data)\n" in new
    assert reviews(findings) == []


@pytest.mark.parametrize("function", [
    "def evaluate(model, x):\n    model.train = False\n    return model(x)\n",
    "def evaluate(x):\n    model = MLP()\n    model.train = False\n    y = model(x)\n"
    "    return model\n",
    "def evaluate(x):\n    model = MLP()\n    model.train = False\n    y = model(x)\n"
    "    keep.append(model)\n",
])
def test_toggle_reaching_the_end_of_a_function_needs_a_local_model(function):
    source = LOOP.split("x = np.ones")[0] + "keep = []\n" + function
    new, findings = migrate(source)
    assert "self.train = True" in new and "model.train = False" in new
    assert "stays set" in reviews(findings, "CH103")[0].message


def test_toggle_on_a_local_model_reaching_the_end_of_a_function_is_rewritten():
    source = LOOP.split("x = np.ones")[0] + textwrap.dedent("""\
        def evaluate(x):
            model = MLP()
            model.train = False
            model.fc.cleargrads()
            return model(x)
        x = np.ones((3, 4), dtype=np.float32)
        y = evaluate(x)
        """)
    new, findings = check(source, ["y"])
    assert "    with chainer.using_config('train', False):\n        model.fc.cleargrads()\n" in new
    assert reviews(findings) == []


# -- 4. CH104: training code reached through a helper --------------------------

HELPER = """\
extractor = L.Linear(4, 3)
head = L.Linear(3, 2)
opt = optimizers.SGD(lr=0.1)
opt.setup(head)
X = np.arange(8, dtype=np.float32).reshape(2, 4)
def train_head(feat):
    h = chainer.Variable(feat.data); loss = F.sum(head(h) ** 2)
    head.cleargrads(); loss.backward(); opt.update(); return float(loss.data)
def step(feat):
    return train_head(feat)
losses = []
for i in range(3):
    x = chainer.Variable(X, volatile='on')
    feat = extractor(x)
    losses.append(step(feat))
    print(i, x.shape)
"""


def test_volatile_region_calling_training_helper_is_reviewed():
    new, findings = migrate(HELPER)
    assert "volatile='on'" in new and "no_backprop_mode" not in new
    message = reviews(findings, "CH104")[0].message
    assert "`step()`" in message and "train_head" in message


def test_volatile_region_calling_a_pure_helper_is_rewritten():
    source = HELPER.replace("losses.append(step(feat))", "losses.append(describe(feat))") \
        .replace("def step(feat):\n    return train_head(feat)",
                 "def describe(feat):\n    return float(F.sum(feat).data)")
    new, findings = check(source, ["losses"])
    assert "with chainer.no_backprop_mode():" in new and reviews(findings) == []


def test_several_statements_on_one_line_message():
    _, findings = migrate("v = chainer.Variable(np.ones(2), volatile='on'); y = v * 2\n")
    message = reviews(findings, "CH104")[0].message
    assert "shares its line" in message and "not assigned" not in message


# -- 5. R4: never wrap a statement that suspends -------------------------------

def test_yield_is_never_wrapped():
    source = """\
    def noisy_batches(xs, train):
        for x in xs:
            yield F.dropout(x, train=train)
    """
    new, findings = migrate(source)
    assert new == HEAD + textwrap.dedent(source)
    assert "yield" in reviews(findings, "CH101")[0].message


def test_toggle_range_with_yield_keeps_the_flag():
    source = LOOP.split("x = np.ones")[0] + textwrap.dedent("""\
        def outputs(xs):
            model = MLP()
            model.train = False
            for x in xs:
                yield model(x)
        """)
    new, findings = migrate(source)
    assert "model.train = False" in new
    assert "yield" in reviews(findings, "CH103")[0].message


def test_volatile_region_with_yield_is_reviewed():
    new, findings = migrate("def gen(a):\n    v = chainer.Variable(a, volatile='on')\n"
                            "    yield v * 2\n")
    assert "volatile='on'" in new
    assert "yield" in reviews(findings, "CH104")[0].message


# -- 6. CH102: `test=` on receivers of unknown type ----------------------------

BNS = """\
class Deep(chainer.Chain):
    def __init__(self):
        super(Deep, self).__init__()
        with self.init_scope():
            self.bns = chainer.ChainList(*[L.BatchNormalization(3) for _ in range(2)])
    def __call__(self, x, test=False):
        for bn in self.bns:
            x = bn(x, test=test)
        return self.bns[0](x, test)
    def helper(self, x, test=False):
        return x
    def other(self, x):
        return self.helper(x, test=True)
def local(x, test=False):
    return x
z = local(1, test=True)
"""


def test_untyped_receivers_with_test_are_reported():
    new, findings = migrate(BNS)
    assert "x = bn(x, test=test)\n" in new and "return self.bns[0](x, test)\n" in new
    found = [(f.line - HEAD.count("\n"), f.code) for f in reviews(findings)]
    assert found == [(5, "CH208"), (8, "CH102"), (9, "CH102")]   # CH208: the eps note
    assert "receiver of unknown type" in reviews(findings, "CH102")[0].message


def test_positional_test_on_other_lists_is_not_reported():
    source = BNS.replace("L.BatchNormalization(3)", "L.Linear(3, 3)")
    _, findings = migrate(source)
    assert [f.line - HEAD.count("\n") for f in reviews(findings)] == [8]


# -- constructor flag: the scope may govern only that model ---------------------

TWO_MODELS = """\
class Net(chainer.Chain):
    def __init__(self, n_in, n_out, train=True):
        super(Net, self).__init__(l1=L.Linear(n_in, 4), l2=L.Linear(4, n_out))
        self.train = train

    def __call__(self, x):
        return self.l2(F.dropout(self.l1(x), train=self.train))


np.random.seed(0)
m = Net(3, 2, False)
m3 = Net(3, 2)
x = np.random.rand(4, 3).astype(np.float32)
y = F.sum(m(x)).array
y3 = F.sum(m3(x)).array
"""


def test_constructor_flag_scope_must_not_govern_other_models():
    """``m = Net(..., False)`` may not become a using_config scope around ``m3 = Net(...)`` and its calls."""
    new, findings = check(TWO_MODELS, ["y", "y3"])
    assert "self.train = train" in new  # the flag is kept
    assert any(f.code == "CH103" and "only that model's calls may" in f.message for f in findings)
