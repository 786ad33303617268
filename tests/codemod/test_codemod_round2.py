"""Second user test of ``chainer-migrate``: sites that were reported as fixes but
changed the numbers or broke the file (catalogue CH103, CH104, CH201, CH208).

Each case checks the codemod's output and findings and, where the program runs,
that the v1 source under the shim and the migrated source on stock Chainer 7.8.1
(``chainer_compat.uninstall()``) give bitwise equal numbers.
"""
import ast
import textwrap

import numpy
import pytest
from numpy.testing import assert_array_equal

import chainer_compat
from codemod import cli, migrate_source

from parity_cases import (  # the shared harness: tests/codemod/parity_cases.py
    HEAD, check, execute, fixes, migrate, reviews)


# -- 1. CH104: a volatile variable's name bound again in the same scope ----------

REBIND = """\
np.random.seed(31)
model = L.Linear(3, 2)
opt = optimizers.SGD(lr=0.1)
opt.setup(model)
xs = np.random.rand(4, 3).astype(np.float32)
preds, losses = [], []
for step in range(3):
    x = chainer.Variable(xs, volatile='on')
    y = model(x)
    preds.append(y.data.copy())
    x = chainer.Variable(xs)
    y = model(x)
    loss = F.sum(y * y)
    model.cleargrads()
    loss.backward()
    opt.update()
    losses.append(loss.data.copy())
W = model.W.data
"""


def test_rebound_volatile_name_is_reviewed_not_wrapped():
    new, findings = migrate(REBIND)
    assert "no_backprop_mode" not in new
    assert "x = chainer.Variable(xs, volatile='on')" in new
    (item,) = reviews(findings, "CH104")
    assert "bound more than once" in item.message and "`x`" in item.message
    assert not fixes(findings, "CH104")


@pytest.mark.parametrize("binding", [
    "for x in range(2):\n            pass",
    "with open(__file__) as x:\n            pass",
    "x += 1",
    "del x",
])
def test_any_other_binding_blocks_the_region(binding):
    source = """\
    def f(xs, model):
        x = chainer.Variable(xs, volatile='on')
        y = model(x)
        %s
        return y
    """ % binding
    new, findings = migrate(source)
    assert "volatile='on'" in new and "no_backprop_mode" not in new
    assert "bound more than once" in reviews(findings, "CH104")[0].message


def test_single_binding_still_wraps_with_parity():
    source = REBIND.replace("    x = chainer.Variable(xs)\n    y = model(x)\n",
                            "    x2 = chainer.Variable(xs)\n    y = model(x2)\n")
    new, findings = check(source, ["preds", "losses", "W"])
    assert "with chainer.no_backprop_mode():" in new
    assert [f.kind for f in findings if f.code == "CH104"] == ["fix"]


# -- 2. CH201: keywords to a user base class are its own parameters --------------

BASE_KWARGS = """\
class Base(chainer.Chain):
    def __init__(self, dropout=0.5, **links):
        super(Base, self).__init__(**links)
        self.ratio = dropout
class MLP(Base):
    def __init__(self):
        super(MLP, self).__init__(dropout=0.1, l1=L.Linear(4, 4), l2=L.Linear(4, 2))
    def __call__(self, x):
        return self.l2(F.dropout(self.l1(x), self.ratio))
np.random.seed(2)
x = np.random.rand(3, 4).astype(np.float32)
m = MLP()
ratio = m.ratio
y = m(x)
"""


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_user_base_class_keywords_are_left_alone_with_parity():
    new, findings = check(BASE_KWARGS, ["ratio", "y"])
    assert new == HEAD + BASE_KWARGS
    messages = [f.message for f in reviews(findings, "CH201")]
    assert len(messages) == 2
    assert "`__init__(**...)`" in messages[0]
    assert "reaches `Base`, not `chainer.Chain`" in messages[1]
    assert not fixes(findings, "CH201")


def test_direct_chain_base_is_still_rewritten():
    new, findings = migrate("""\
    class Net(chainer.Chain):
        def __init__(self):
            super(Net, self).__init__(l1=L.Linear(4, 4))
    """)
    assert "with self.init_scope():\n            self.l1 = L.Linear(4, 4)\n" in new
    assert len(fixes(findings, "CH201")) == 1


@pytest.mark.parametrize("call", [
    "chainer.Chain.__init__(self, l1=L.Linear(4, 4))",
    "super().__init__(**layers)",
])
def test_deprecated_registration_forms_are_reviewed(call):
    source = """\
    class Net(chainer.Chain):
        def __init__(self, **layers):
            %s
    """ % call
    new, findings = migrate(source)
    assert new == HEAD + textwrap.dedent(source)
    (item,) = reviews(findings, "CH201")
    assert "deprecated" in item.message


# -- 3. CH103: a helper function of the module with its own dropout -------------

MC_DROPOUT = """\
def mc_dropout(h):
    return F.dropout(h, ratio=0.5, train=True)
def deeper(h):
    return mc_dropout(h) * 2
class Net(chainer.Chain):
    def __init__(self):
        super(Net, self).__init__(l1=L.Linear(4, 16), l2=L.Linear(16, 1))
        self.train = True
    def __call__(self, x):
        h = F.dropout(F.relu(self.l1(x)), ratio=0.1, train=self.train)
        return self.l2(HELPER(h))
np.random.seed(22)
X = np.random.rand(4, 4).astype(np.float32)
model = Net()
first = model(X).data
model.train = False
samples = [model(X).data for _ in range(10)]
model.train = True
"""


@pytest.mark.parametrize("helper", ["mc_dropout", "deeper"])
def test_helper_with_mode_dependent_call_keeps_the_flag_with_parity(helper):
    new, findings = check(MC_DROPOUT.replace("HELPER", helper), ["first", "samples"])
    assert "self.train = True" in new and "model.train = False" in new
    assert "using_config('train', False)" not in new
    (item,) = reviews(findings, "CH103")
    assert "`%s(...)` calls" % helper in item.message
    assert not fixes(findings, "CH103")


def test_helper_without_mode_dependent_call_does_not_block():
    source = MC_DROPOUT.replace("return F.dropout(h, ratio=0.5, train=True)",
                                "return F.relu(h)").replace("HELPER", "mc_dropout")
    new, findings = check(source, ["first", "samples"])
    assert "self.train" not in new
    assert "with chainer.using_config('train', False):" in new
    assert not reviews(findings, "CH103")


# -- 4. Python 2 input that libcst accepts -------------------------------------

PY2 = """\
import chainer
import chainer.functions as F


def f(x, train=True):
    try:
        return F.dropout(x, train=train)
    except Exception, e:
        raise
"""


def test_python2_except_is_an_error_and_not_written(tmp_path, capsys):
    path = tmp_path / "py2.py"
    path.write_text(PY2)
    code = cli.main([str(path)])
    _, err = capsys.readouterr()
    assert code == 2
    assert "py2.py:8:12: error: cannot parse as Python 3 (" in err and "file skipped" in err
    assert path.read_text() == PY2


def test_migrate_source_refuses_python2():
    with pytest.raises(SyntaxError, match="cannot parse as Python 3"):
        migrate_source(PY2)


def test_output_python_cannot_compile_is_never_written(tmp_path, capsys, monkeypatch):
    from codemod import engine
    path = tmp_path / "a.py"
    source = HEAD + "y = F.dropout(x, train=False)\n"
    path.write_text(source)
    real_parse = ast.parse
    calls = []

    def parse_twice(data, *args, **kwargs):
        calls.append(data)
        if len(calls) == 2:   # the check of the migrated text
            raise SyntaxError("simulated", ("<x>", 1, 1, None))
        return real_parse(data, *args, **kwargs)
    monkeypatch.setattr(engine.ast, "parse", parse_twice)
    code = cli.main([str(path)])
    _, err = capsys.readouterr()
    assert code == 2 and "internal error: the migrated text does not parse (simulated)" in err
    assert len(calls) == 2
    assert path.read_text() == source


# -- 5. CH104: imports of chainer.flag ---------------------------------------

FLAGS = """\
from chainer import flag
from chainer.flag import ON
import chainer.flag as fl
xs = np.arange(12, dtype=np.float32).reshape(3, 4)
model = L.Linear(4, 3)
v = chainer.Variable(xs, volatile=flag.ON)
on_root = model(v).creator is None
w = chainer.Variable(xs, volatile=ON)
on_root2 = model(w).creator is None
a = chainer.Variable(xs, volatile=fl.AUTO)
auto_root = model(a).creator is None
out = model(a).data
"""


def test_unused_flag_imports_are_removed_with_parity():
    new, findings = check(FLAGS, ["on_root", "on_root2", "auto_root", "out"])
    assert "flag" not in new
    removed = [f for f in fixes(findings, "CH104") if "import" in f.message]
    assert len(removed) == 3
    compile(new, "<new>", "exec", dont_inherit=True)


def test_flag_import_with_remaining_use_is_kept_and_reviewed():
    source = "import chainer\nfrom chainer import flag, Variable\n" \
             "x = Variable(None, volatile=flag.OFF)\nf = flag.Flag('on')\n"
    new, findings = migrate_source(source)
    assert new == source.replace(", volatile=flag.OFF", "")
    messages = [f.message for f in reviews(findings, "CH104")]
    assert any("kept the import of `flag`" in m and "will not import" in m for m in messages)
    assert any(m.startswith("`chainer.flag.Flag`") for m in messages)


def test_only_the_flag_alias_is_removed_from_a_shared_import():
    source = "import chainer\nfrom chainer import flag, Variable  # both\n" \
             "x = Variable(None, volatile=flag.OFF)\n"
    new, _ = migrate_source(source)
    assert new == "import chainer\nfrom chainer import Variable  # both\nx = Variable(None)\n"


# -- 6. CH208: the eps term makes the edit a review item ---------------------

BN = """\
np.random.seed(3)
bn = L.BatchNormalization(3)
x = np.random.rand(6, 3).astype(np.float32)
before = bn(x, test=True).data
bn(x)
after = bn(x, test=True).data
"""


def test_batch_normalization_edit_is_a_silent_review_item():
    new, findings = migrate(BN)
    assert "bn = L.BatchNormalization(3, initial_avg_var=0)" in new
    (item,) = [f for f in findings if f.code == "CH208"]
    assert item.kind == "review" and item.silent
    text = item.format()
    assert text.endswith("[review]") and "silent: " in text
    assert not fixes(findings, "CH208")


def test_batch_normalization_initial_state_is_exact_but_not_after_training():
    new, _ = migrate(BN)
    old = execute(HEAD + BN)
    chainer_compat.uninstall()
    try:
        migrated = execute(new)
    finally:
        chainer_compat.install()
    assert_array_equal(old["before"], migrated["before"])
    # the reason for the review item: v1 added eps to the running variance
    assert not numpy.array_equal(old["after"], migrated["after"])


# -- 7. cosmetic: messages quote the source; idle restore toggles go ----------

def test_positional_mode_argument_is_quoted_as_written():
    _, findings = migrate("""\
    def f(x, train):
        return [F.dropout(x, 0.5, train) for _ in range(2)]
    """)
    (item,) = reviews(findings, "CH101")
    assert "`train` (positional `train`)" in item.message
    assert "train=train" not in item.message


TOGGLE = """\
class Net(chainer.Chain):
    def __init__(self):
        super(Net, self).__init__(l1=L.Linear(4, 16))
        self.train = True
    def __call__(self, x):
        return F.dropout(self.l1(x), ratio=0.5, train=self.train)
def main():
    np.random.seed(22)
    X = np.random.rand(4, 4).astype(np.float32)
    model = Net()
    first = model(X).data
    model.train = False
    samples = [model(X).data for _ in range(3)]
    model.train = True
    print('mean', repr(float(np.mean(samples))))
    AFTER
    return first, samples, last
first, samples, last = main()
"""


def test_restore_toggle_governing_nothing_mode_dependent_is_removed_with_parity():
    new, findings = check(TOGGLE.replace("AFTER", "last = np.std(samples)"),
                          ["first", "samples", "last"])
    assert "using_config('train', True)" not in new
    assert "    print('mean', repr(float(np.mean(samples))))\n    last = np.std(samples)\n" in new
    assert any("nothing it governs depends on the mode" in f.message
               for f in fixes(findings, "CH103"))


def test_restore_toggle_governing_the_model_is_still_wrapped_with_parity():
    new, _ = check(TOGGLE.replace("AFTER", "last = model(X).data"), ["first", "samples", "last"])
    assert "with chainer.using_config('train', True):" in new
