"""Rule behaviour beyond the registry examples: name resolution, R4 review
cases, the model flag's fallbacks, volatile regions, registration, order."""
import textwrap

import pytest

from codemod import migrate_source


def migrate(source, **kwargs):
    return migrate_source(textwrap.dedent(source), **kwargs)


def review_codes(findings):
    return [f.code for f in findings if f.kind == "review"]


WRAPPED = "with chainer.using_config('train', False):\n    y = {call}(x)\n"


@pytest.mark.parametrize("imports, call", [
    ("import chainer\nimport chainer.functions as F\n", "F.dropout"),
    ("import chainer\nfrom chainer import functions\n", "functions.dropout"),
    ("import chainer\nfrom chainer import functions as fn\n", "fn.dropout"),
    ("import chainer\nfrom chainer.functions import dropout\n", "dropout"),
    ("import chainer\n", "chainer.functions.dropout"),
    ("import chainer\nfrom chainer.functions.noise.dropout import dropout as drop\n", "drop"),
])
def test_alias_forms(imports, call):
    new, findings = migrate_source(imports + "y = %s(x, train=False)\n" % call)
    assert new == imports + WRAPPED.format(call=call)
    assert [f.code for f in findings] == ["CH101"]


@pytest.mark.parametrize("source", [
    "import chainer\ndef dropout(x, train=True):\n    return x\ny = dropout(x, train=False)\n",
    "import chainer\nfrom mylib import dropout\ny = dropout(x, train=False)\n",
    "import chainer\nimport mylib as F\ny = F.dropout(x, train=False)\n",
    "import chainer\nclass F:\n    dropout = staticmethod(lambda x, train: x)\n"
    "y = F.dropout(x, train=False)\n",
])
def test_user_function_with_train_is_untouched(source):
    new, findings = migrate_source(source)
    assert new == source
    assert findings == []


def test_import_chainer_is_added_when_missing():
    new, _ = migrate_source("import chainer.functions as F\ny = F.dropout(x, train=False)\n")
    assert "import chainer\n" in new
    assert "with chainer.using_config('train', False):\n    y = F.dropout(x)\n" in new


def test_comments_and_formatting_elsewhere_are_kept():
    source = textwrap.dedent("""\
        import chainer
        import chainer.functions as F  # F


        # leading comment
        h  =  F.relu( x )   # odd spacing kept
        y = F.dropout(h, train=False)  # trailing comment
        z = [1,
             2]  # more
        """)
    new, _ = migrate_source(source)
    assert new == source.replace(
        "y = F.dropout(h, train=False)  # trailing comment\n",
        "with chainer.using_config('train', False):\n    y = F.dropout(h)  # trailing comment\n")


def test_adjacent_statements_with_the_same_scope_are_merged():
    new, _ = migrate("""\
        import chainer
        import chainer.functions as F
        # first
        h = F.dropout(x, train=flag)
        y = F.dropout(h, ratio=0.1, train=flag)
        z = F.dropout(y, train=not flag)
        """)
    assert new == textwrap.dedent("""\
        import chainer
        import chainer.functions as F
        # first
        with chainer.using_config('train', flag):
            h = F.dropout(x)
            y = F.dropout(h, ratio=0.1)
        with chainer.using_config('train', not flag):
            z = F.dropout(y)
        """)


def test_same_value_twice_in_one_statement():
    new, _ = migrate("""\
        import chainer
        import chainer.functions as F
        y = F.dropout(F.dropout(x, train=False), train=False)
        """)
    assert new.endswith("with chainer.using_config('train', False):\n"
                        "    y = F.dropout(F.dropout(x))\n")


@pytest.mark.parametrize("statement, reason", [
    ("f = lambda x: F.dropout(x, train=False)", "lambda"),
    ("ys = [F.dropout(x, train=False) for x in xs]", "listcomp"),
    ("if F.dropout(x, train=flag) is None:\n    pass", "header"),
    ("y = g(F.dropout(x, train=False))", "may depend on the mode"),
    ("y = F.dropout(x, train=make_flag())", "side effects"),
    ("y = F.dropout(F.dropout(x, train=a), train=b)", "different modes"),
    ("y = F.dropout(x, train=False); z = 1", "several statements"),
    ("y = F.dropout(*args, train=False)", "*/**"),
])
def test_unsafe_sites_are_left_and_reported(statement, reason):
    source = "import chainer\nimport chainer.functions as F\n" + statement + "\n"
    new, findings = migrate_source(source)
    assert new == source
    assert review_codes(findings) and set(review_codes(findings)) == {"CH101"}
    assert any(reason in f.message for f in findings)


def test_other_chainer_calls_and_known_links_allow_the_wrap():
    new, _ = migrate("""\
        import chainer
        import chainer.functions as F
        import chainer.links as L
        class M(chainer.Chain):
            def __init__(self):
                super(M, self).__init__(fc=L.Linear(3, 3))
            def __call__(self, x, flag):
                h = F.relu(F.dropout(self.fc(x), train=flag))
                return float(h.data.sum())
        """)
    assert "        with chainer.using_config('train', flag):\n" \
           "            h = F.relu(F.dropout(self.fc(x)))\n" in new


def test_positional_train_before_other_positionals_is_reviewed():
    source = "import chainer\nimport chainer.functions as F\n" \
             "y = F.n_step_lstm(1, 0.5, hx, cx, ws, bs, xs, False, True)\n"
    new, findings = migrate_source(source)
    assert new == source
    # train (CH101) is not the last positional argument, and the v1 use_cudnn slot after it (CH105) neither
    # can be moved to a keyword nor dropped without R2's normalisation: both are left for review.
    assert review_codes(findings) == ["CH101", "CH105"]


def test_n_step_birnn_review_is_marked_silent():
    source = "import chainer.functions as F\n" \
             "ys = F.n_step_birnn(1, 0.5, hx, ws, bs, xs, train=f())\n"
    _, findings = migrate_source(source)
    assert [(f.code, f.silent) for f in findings] == [("CH101", True)]
    assert ": CH101 train-argument: silent: " in findings[0].format()


# -- CH102 ------------------------------------------------------------------

BN = """\
import chainer
import chainer.links as L
class M(chainer.Chain):
    def __init__(self):
        super(M, self).__init__()
        with self.init_scope():
            self.bn = L.BatchNormalization(3)
    def __call__(self, x, test):
        return self.bn(x, test={value})
"""


@pytest.mark.parametrize("value, mode", [
    ("test", "not test"), ("not test", "test"), ("not not test", "not test"),
    ("True", "False"), ("not False", "False"), ("self.test", "not self.test"),
])
def test_test_argument_polarity(value, mode):
    new, _ = migrate_source(BN.format(value=value))
    assert "        with chainer.using_config('train', %s):\n" \
           "            return self.bn(x)\n" % mode in new


@pytest.mark.parametrize("value", ["False", "not True"])
def test_test_false_is_dropped(value):
    new, _ = migrate_source(BN.format(value=value))
    assert "        return self.bn(x)\n" in new and "using_config" not in new


@pytest.mark.parametrize("binding", [
    "self.add_link('bn', L.BatchNormalization(3))",
    "setattr(self, 'bn', L.BatchNormalization(3))",
    "super(M, self).__init__(bn=L.BatchNormalization(3))",
])
def test_batch_normalization_bindings(binding):
    source = textwrap.dedent("""\
        import chainer
        import chainer.links as L
        class M(chainer.Chain):
            def __init__(self):
                %s
            def __call__(self, x):
                return self.bn(x, test=True)
        """) % binding
    new, findings = migrate_source(source, select=["CH102"])
    assert "with chainer.using_config('train', False):\n            return self.bn(x)\n" in new
    assert [f.code for f in findings] == ["CH102"]


def test_unknown_object_with_test_is_untouched():
    source = "import chainer\ny = model(x, test=True)\n"
    assert migrate_source(source) == (source, [])


# -- CH103 ------------------------------------------------------------------

MODEL = """\
import chainer
import chainer.functions as F
import chainer.links as L
class MLP(chainer.Chain):
    def __init__(self, n, train=True):
        super(MLP, self).__init__()
        with self.init_scope():
            self.fc = L.Linear(n, n)
        self.train = train
    def __call__(self, x):
        return F.dropout(self.fc(x), train=self.train)
"""


def test_constructor_flag_governs_the_rest_of_the_block():
    new, findings = migrate_source(MODEL + "def run(x):\n    m = MLP(3, False)\n    y = m(x)\n"
                                   "    return y\n")
    assert "    def __init__(self, n):\n" in new and "self.train" not in new
    assert new.endswith("def run(x):\n    with chainer.using_config('train', False):\n"
                        "        m = MLP(3)\n        y = m(x)\n        return y\n")
    assert review_codes(findings) == []


def test_toggles_govern_up_to_the_next_toggle():
    new, _ = migrate_source(MODEL + textwrap.dedent("""\
        m = MLP(3)
        m.train = False  # eval
        y1 = m(x)
        m.train = True
        y2 = m(x)
        """))
    assert new.endswith(textwrap.dedent("""\
        m = MLP(3)
        with chainer.using_config('train', False):  # eval
            y1 = m(x)
        y2 = m(x)
        """))


def test_nested_true_toggle_keeps_its_scope():
    new, _ = migrate_source(MODEL + textwrap.dedent("""\
        def run(xs):
            m = MLP(3)
            m.train = False
            for x in xs:
                m.train = True
                y = m(x)
                m.train = False
            return y
        """))
    assert new.endswith(textwrap.dedent("""\
        def run(xs):
            m = MLP(3)
            with chainer.using_config('train', False):
                for x in xs:
                    with chainer.using_config('train', True):
                        y = m(x)
                return y
        """))


@pytest.mark.parametrize("extra, reason", [
    ("def set_eval(m):\n    m.train = False\n", "ends its block"),
    ("m = MLP(3)\nif m.train:\n    print(1)\nm.train = False\ny = m(x)\n", None),
    ("models = [MLP(3, train=False)]\n", "not assigned to a local name"),
    ("m = MLP(3)\nm.train = flag()\ny = m(x)\n", "side effects"),
])
def test_model_flag_is_kept_when_a_scope_cannot_be_found(extra, reason):
    new, findings = migrate_source(MODEL + extra)
    assert "self.train = train\n" in new and "def __init__(self, n, train=True):" in new
    assert "with chainer.using_config('train', self.train):\n" \
           "            return F.dropout(self.fc(x))\n" in new
    assert (new.endswith(extra))
    reviews = [f for f in findings if f.kind == "review"]
    assert [f.code for f in reviews] == ["CH103"]
    if reason:
        assert reason in reviews[0].message


def test_flag_used_other_than_as_argument_is_kept():
    source = MODEL.replace("        return F.dropout", "        if self.train:\n"
                           "            print('training')\n        return F.dropout")
    new, findings = migrate_source(source)
    assert "self.train = train\n" in new and "if self.train:" in new
    assert review_codes(findings) == ["CH103"]
    assert [f.code for f in findings if f.kind == "fix"] == ["CH101"]


ARG_MODEL = """\
import chainer
import chainer.functions as F
import chainer.links as L
class Enc(chainer.Chain):
    def __init__(self):
        super(Enc, self).__init__()
        with self.init_scope():
            self.bn = L.BatchNormalization(3)
    def __call__(self, x, train=True):
        return self.bn(x, test=not train)
class Tagger(chainer.Chain):
    def __init__(self):
        super(Tagger, self).__init__()
        with self.init_scope():
            self.enc = Enc()
    def __call__(self, x, train=True):
        h = F.dropout(self.enc(x, train=train), train=train)
        return h
"""


def test_argument_flag_passed_on_to_a_sub_model():
    new, findings = migrate_source(ARG_MODEL + "def evaluate(model, x):\n"
                                   "    y = model(x, train=False)\n    return y\n")
    assert "train" not in new.replace("'train'", "")
    assert "        return self.bn(x)\n" in new
    assert "        h = F.dropout(self.enc(x))\n" in new
    assert new.endswith("def evaluate(model, x):\n    with chainer.using_config('train', False):\n"
                        "        y = model(x)\n    return y\n")
    assert review_codes(findings) == ["CH208"]   # the BatchNormalization eps note only


def test_argument_flag_kept_when_a_caller_cannot_be_wrapped():
    source = ARG_MODEL + "ys = [Tagger()(x, train=False) for x in xs]\n"
    new, findings = migrate_source(source)
    assert "    def __call__(self, x, train=True):\n        h = F.dropout" in new
    assert new.endswith("ys = [Tagger()(x, train=False) for x in xs]\n")
    assert "CH103" in review_codes(findings)


def test_stateful_zoneout_train_attribute_is_not_a_model_flag():
    source = MODEL + "z = L.StatefulZoneoutLSTM(3, 3)\nz.train = False\ny = z(x)\n"
    new, findings = migrate_source(source)
    assert new.endswith("z = L.StatefulZoneoutLSTM(3, 3)\nz.train = False\ny = z(x)\n")
    assert "self.train" not in new   # the model's own flag is still removed
    assert [(f.code, f.silent) for f in findings if f.kind == "review"] == [("CH101", True)]


@pytest.mark.parametrize("source, code", [
    ("z = L.StatefulZoneoutLSTM(3, 3, 0.5, 0.5, False)\n", "CH101"),
    ("z = L.StatefulZoneoutLSTM(3, 3, train=flag)\n", "CH101"),
    ("ib = L.InceptionBN(3, 1, 1, 1, 1, 1, 'max', 1)\nib.train = False\n", "CH102"),
])
def test_link_train_attributes_are_reported(source, code):
    source = "import chainer\nimport chainer.links as L\n" + source
    new, findings = migrate_source(source)
    assert new == source
    assert review_codes(findings) == [code]


# -- CH104 ------------------------------------------------------------------

@pytest.mark.parametrize("value", ["False", "'off'", "'OFF'", "None", "'auto'", "'AUTO'",
                                   "chainer.OFF", "chainer.flag.AUTO"])
def test_volatile_off_and_auto_are_dropped(value):
    new, _ = migrate_source("import chainer\nv = chainer.Variable(a, volatile=%s)\n" % value)
    assert new == "import chainer\nv = chainer.Variable(a)\n"


@pytest.mark.parametrize("value", ["True", "'on'", "'ON'", "chainer.ON", "chainer.flag.ON"])
def test_volatile_on_values(value):
    new, _ = migrate_source("import chainer\nv = chainer.Variable(a, volatile=%s)\nw = v * 2\n"
                            % value)
    assert new == "import chainer\nwith chainer.no_backprop_mode():\n" \
                  "    v = chainer.Variable(a)\n    w = v * 2\n"


@pytest.mark.parametrize("body, reason", [
    ("v = chainer.Variable(a, volatile='on')\nloss = f(v)\nloss.backward()\nz = v\n", "backward"),
    ("v = chainer.Variable(a, volatile='on')\nif c:\n    z = v\n", None),
    ("def f():\n    v = chainer.Variable(a, volatile='on')\n    def g():\n        return v\n"
     "    return g\n", None),
    ("vs = [chainer.Variable(a, volatile='on')]\n", "not assigned to a local name"),
    ("v = chainer.Variable(a, volatile=flag)\n", "unknown"),
])
def test_volatile_review_sites(body, reason):
    source = "import chainer\n" + body
    new, findings = migrate_source(source)
    if "if c:" in body:   # a use in a nested block still belongs to the same block
        assert new.startswith("import chainer\nwith chainer.no_backprop_mode():\n")
        return
    if "def g" in body:   # a use from a nested function is outside the block
        assert new == source and review_codes(findings) == ["CH104"]
        return
    assert new == source
    assert review_codes(findings) == ["CH104"]
    if reason:
        assert reason in findings[0].message


def test_volatile_attribute_and_flag_names_are_reported():
    source = "import chainer\nfrom chainer import flag\n" \
             "print(x.volatile, chainer.ON, chainer.Flag)\n"
    new, findings = migrate_source(source)
    # the unused `chainer.flag` import goes (Chainer 7.8.1 has no such module)
    assert new == source.replace("from chainer import flag\n", "")
    assert review_codes(findings) == ["CH104", "CH104", "CH104"]


# -- CH201 ------------------------------------------------------------------

def test_kwargs_registration_keeps_order_and_comments():
    new, _ = migrate("""\
        import chainer
        import chainer.links as L
        class Net(chainer.Chain):
            def __init__(self):
                # build
                super().__init__(zeta=L.Linear(2, 2), alpha=L.Linear(2, 3))  # two
                self.n = 1
        """)
    assert new.endswith(
        "    def __init__(self):\n"
        "        # build\n"
        "        super().__init__()  # two\n"
        "        with self.init_scope():\n"
        "            self.zeta = L.Linear(2, 2)\n"
        "            self.alpha = L.Linear(2, 3)\n"
        "        self.n = 1\n")


@pytest.mark.parametrize("source", [
    "import chainer\nimport chainer.links as L\nclass S(chainer.ChainList):\n"
    "    def __init__(self):\n        super(S, self).__init__(L.Linear(2, 2))\n"
    "        self.add_link(L.Linear(2, 2))\n",
    "import chainer\nclass C(chainer.Chain):\n    def __init__(self, **kw):\n"
    "        super(C, self).__init__(**kw)\n",
    "import chainer\nclass C(object):\n    def __init__(self):\n"
    "        super(C, self).__init__(a=1)\n",
    "import chainer\nimport chainer.links as L\nnet = chainer.Chain(a=L.Linear(2, 2))\n",
])
def test_registration_left_alone(source):
    new, _ = migrate_source(source)
    assert new == source


def test_add_link_with_literal_names_merges_adjacent():
    new, findings = migrate("""\
        import chainer
        import chainer.links as L
        class Base(chainer.Chain):
            pass
        class Net(Base):
            def __init__(self):
                super(Net, self).__init__()
                self.add_link('a', L.Linear(2, 2))
                self.add_link('b', L.Linear(2, 2))  # b
                self.add_link(name, L.Linear(2, 2))
        """)
    assert new.endswith(
        "        super(Net, self).__init__()\n"
        "        with self.init_scope():\n"
        "            self.a = L.Linear(2, 2)\n"
        "            self.b = L.Linear(2, 2)  # b\n"
        "        self.add_link(name, L.Linear(2, 2))\n")
    assert review_codes(findings) == ["CH201"]


def test_kwargs_registration_carries_argument_comments():
    new, _ = migrate("""\
        import chainer
        import chainer.links as L
        class MLP(chainer.Chain):
            def __init__(self, n_in, n_units, n_out):
                super(MLP, self).__init__(l1=L.Linear(n_in, n_units),   # first layer
                                          # comment between kwargs
                                          l2=L.Linear(n_units, n_out),  # second
                                          )
                self.n = 1
        """)
    assert new.endswith(
        "        super(MLP, self).__init__()\n"
        "        with self.init_scope():\n"
        "            self.l1 = L.Linear(n_in, n_units)   # first layer\n"
        "            # comment between kwargs\n"
        "            self.l2 = L.Linear(n_units, n_out)  # second\n"
        "        self.n = 1\n")


def test_kwargs_registration_carries_opening_and_closing_comments():
    new, _ = migrate("""\
        import chainer
        import chainer.links as L
        class B(chainer.Chain):
            def __init__(self):
                super(B, self).__init__(  # layers
                    # the first
                    a=L.Linear(2, 2),
                    b=L.Linear(2, 2)  # bee
                    # closing
                )
                self.x = 1
        """)
    assert new.endswith(
        "        super(B, self).__init__()  # layers\n"
        "        with self.init_scope():\n"
        "            # the first\n"
        "            self.a = L.Linear(2, 2)\n"
        "            self.b = L.Linear(2, 2)  # bee\n"
        "            # closing\n"
        "        self.x = 1\n")


def test_kwargs_registration_opening_comment_when_the_line_has_one():
    new, _ = migrate("""\
        import chainer
        import chainer.links as L
        class B(chainer.Chain):
            def __init__(self):
                super(B, self).__init__(  # layers
                    a=L.Linear(2, 2))  # end
        """)
    assert new.endswith(
        "        super(B, self).__init__()  # end\n"
        "        with self.init_scope():\n"
        "            # layers\n"
        "            self.a = L.Linear(2, 2)\n")


# -- CH211 ------------------------------------------------------------------

@pytest.mark.parametrize("statement, others", [
    ("for a, b in zip(m1.params(), m2.params()):\n    b.data[...] = a.data\n", set()),
    ("for i, p in enumerate(model.namedparams()):\n    pass\n", set()),
    ("first = list(model.links())[0]\n", set()),
    # the removed method itself is CH404's review item (loud on 7.8.1: not silent)
    ("opt.accumulate_grads(model.params())\n", {("CH404", "review", False)}),
    ("for p in model.params():\n    p.data[...] = numpy.random.uniform(-1, 1, p.shape)\n", set()),
])
def test_positional_uses_are_reported(statement, others):
    source = "import chainer\nimport numpy\n" + statement
    new, findings = migrate_source(source)
    assert new == source
    assert findings
    assert {(f.code, f.kind, f.silent) for f in findings} == {("CH211", "review", True)} | others


@pytest.mark.parametrize("statement", [
    "for p in model.params():\n    p.grad = None\n",
    "names = dict(model.namedparams())\n",
    "total = sum(p.size for p in model.params())\n",
])
def test_order_independent_uses_are_not_reported(statement):
    assert migrate_source("import chainer\n" + statement)[1] == []


# -- selection --------------------------------------------------------------

def test_select_and_ignore():
    source = "import chainer\nv = chainer.Variable(a, volatile='off')\n" \
             "for a, b in zip(m1.params(), m2.params()):\n    pass\n"
    new, findings = migrate_source(source, select=["CH211"])
    assert new == source and {f.code for f in findings} == {"CH211"}
    new, findings = migrate_source(source, ignore=["CH2"])
    assert "volatile" not in new and {f.code for f in findings} == {"CH104"}
    with pytest.raises(ValueError):
        migrate_source(source, select=["CH999"])


@pytest.mark.parametrize("link, code_", [
    ("StatefulZoneoutLSTM(3, 3)", "CH101"),
    ("InceptionBN(3, 2, 2, 2, 2, 2, 'avg', 2)", "CH102"),
])
def test_train_attribute_writes_on_links_that_ignore_it_are_reviewed(link, code_):
    source = ("import chainer.links as L\n"
              "class Net(chainer.Chain):\n"
              "    def __init__(self):\n"
              "        super(Net, self).__init__()\n"
              "        with self.init_scope():\n"
              "            self.cell = L.%s\n"
              "    def eval_mode(self):\n"
              "        self.cell.train = False\n" % link)
    new, findings = migrate_source("import chainer\n" + source)
    assert new == "import chainer\n" + source
    found = [f for f in findings if f.code == code_]
    assert len(found) == 1 and found[0].kind == "review" and found[0].silent
    assert "`self.cell.train = ...` is ignored by v7's" in found[0].message
