"""CH105 use-cudnn-argument in the codemod: name resolution, R4 (a, b, d) cases,
positional slots, link constructors, and composition with CH101."""
import pytest

from codemod import migrate_source
from codemod.rules import ch105_use_cudnn_argument as ch105

from parity_cases import IMPORTS as HEAD, kinds, migrate_body as migrate  # shared harness

NEVER = "with chainer.using_config('use_cudnn', 'never'):\n"


@pytest.mark.parametrize("imports, call", [
    ("import chainer\nimport chainer.functions as F\n", "F.relu"),
    ("import chainer\nfrom chainer import functions\n", "functions.relu"),
    ("import chainer\nfrom chainer.functions import relu\n", "relu"),
    ("import chainer\n", "chainer.functions.relu"),
    ("import chainer\nfrom chainer.functions.activation.relu import relu as r\n", "r"),
])
def test_alias_forms(imports, call):
    new, findings = migrate_source(imports + "y = %s(x, use_cudnn=False)\n" % call)
    assert new == imports + NEVER + "    y = %s(x)\n" % call
    assert kinds(findings) == [("CH105", "fix")]


@pytest.mark.parametrize("source", [
    "import chainer\ndef relu(x, use_cudnn=True):\n    return x\ny = relu(x, use_cudnn=False)\n",
    "import chainer\nfrom mylib import relu\ny = relu(x, use_cudnn=False)\n",
    "import chainer\nimport mylib as F\ny = F.relu(x, use_cudnn=False)\n",
    "import chainer\nimport chainer.functions as F\ny = F.dropout(x, use_cudnn=False)\n",
])
def test_other_callables_are_untouched(source):
    assert migrate_source(source) == (source, [])


def test_import_chainer_is_added_when_missing():
    new, _ = migrate_source("import chainer.functions as F\ny = F.tanh(x, use_cudnn=False)\n")
    assert new == "import chainer.functions as F\nimport chainer\n\n" + NEVER + "    y = F.tanh(x)\n"


def test_true_is_removed_with_the_comma_style_kept():
    new, findings = migrate("y = F.max_pooling_2d(\n    x, 3,\n    use_cudnn=True,\n)\n")
    assert new == "y = F.max_pooling_2d(\n    x, 3,\n)\n"
    assert kinds(findings) == [("CH105", "fix")]
    assert "removed `use_cudnn=True`" in findings[0].message


@pytest.mark.parametrize("value, config", [
    ("False", "'never'"),
    ("flag", "'auto' if flag else 'never'"),
    ("not flag", "'auto' if not flag else 'never'"),
    ("self.use_cudnn", "'auto' if self.use_cudnn else 'never'"),
    ("gpu >= 0", "'auto' if gpu >= 0 else 'never'"),
])
def test_values(value, config):
    new, _ = migrate("h = F.convolution_2d(x, W, b, use_cudnn=%s)  # note\n" % value)
    assert new == "with chainer.using_config('use_cudnn', %s):\n" \
                  "    h = F.convolution_2d(x, W, b)  # note\n" % config


def test_positional_slot_that_v7_lacks():
    new, findings = migrate("y = F.relu(x, False)\nz = F.sigmoid(x, True)\n")
    assert new == NEVER + "    y = F.relu(x)\nz = F.sigmoid(x)\n"
    assert kinds(findings) == [("CH105", "fix")] * 2


def test_positional_slot_where_v7_has_another_parameter_is_exact_when_last():
    # v7 F.softmax(x, axis=1): the v1 slot 1 is dropped, nothing is re-bound
    new, _ = migrate("y = F.softmax(x, False)\n")
    assert new == NEVER + "    y = F.softmax(x)\n"


@pytest.mark.parametrize("body, reason, others", [
    # no R2 row (v7 lacks the slots: TypeError); deterministic is CH106's
    ("y = F.deconvolution_2d(x, W, b, 1, 0, None, False, True)\n",
     "positional arguments follow it", [("CH106", "review")]),
    # more positional arguments than the v1 signature has: R2 cannot bind them
    ("y = F.softmax(x, False, 0, 1)\n", "positional arguments follow it", [("CH302", "review")]),
    ("hy, cy, ys = F.n_step_lstm(1, 0.5, hx, cx, ws, bs, xs, True, False)\n",
     "bind differently in v7", [("CH101", "review")]),
    ("y = F.relu(*args, use_cudnn=False)\n", "*/** arguments", []),
])
def test_positional_and_splat_forms_are_reviewed(body, reason, others):
    new, findings = migrate(body)
    assert new == body
    assert sorted(kinds(findings)) == sorted([("CH105", "review")] + others)
    (mine,) = [f for f in findings if f.code == "CH105"]
    assert reason in mine.message


@pytest.mark.parametrize("body, expected, found", [
    # catalogue R2 then CH105: slot 1 is use_cudnn, slot 2 axis
    ("y = F.softmax(x, False, 0)\n", NEVER + "    y = F.softmax(x, axis=0)\n",
     [("CH105", "fix"), ("CH302", "fix")]),
    # CH306 also drops the running arrays (1.24 never updated the caller's arrays)
    ("y = F.batch_normalization(x, g, b, 1e-5, m, v, 0.9, False)\n",
     NEVER + "    y = F.batch_normalization(x, g, b, eps=1e-5)\n",
     [("CH105", "fix"), ("CH306", "fix"), ("CH306", "fix")]),
    ("y = F.spatial_pyramid_pooling_2d(x, 3, F.MaxPooling2D, True)\n",
     "y = F.spatial_pyramid_pooling_2d(x, 3, pooling='max')\n",
     [("CH105", "fix"), ("CH309", "fix")]),
    # v1 (in, out, ksize, stride, pad, wscale, bias, nobias, use_cudnn): CH203, CH204 and
    # CH105 drop wscale=1, bias=0 and use_cudnn=True; nobias stays, by keyword
    ("link = L.Convolution2D(3, 8, 3, 1, 0, 1, 0, False, True)\n",
     "link = L.Convolution2D(3, 8, 3, 1, 0, nobias=False)\n",
     [("CH105", "fix"), ("CH203", "fix"), ("CH204", "fix"), ("CH302", "fix")]),
    ("link = L.Convolution2D(3, 8, 3, 1, 0, 1, 0, False, False)\n",
     "link = L.Convolution2D(3, 8, 3, 1, 0, nobias=False, use_cudnn=False)\n",
     [("CH105", "review"), ("CH203", "fix"), ("CH204", "fix"), ("CH302", "fix")]),
    # the slot dropped last: nothing else moves, CH302 has nothing to report
    ("link = L.BatchNormalization(8, 0.9, 2e-5, None, True, True, None, None, True)\n",
     "link = L.BatchNormalization(8, 0.9, 2e-5, None, True, True, None, None, "
     "initial_avg_var=0)\n",
     [("CH105", "fix"), ("CH208", "review")]),
])
def test_positional_forms_compose_with_r2_in_one_run(body, expected, found):
    new, findings = migrate(body)
    assert new == expected
    assert sorted(kinds(findings)) == found
    again, more = migrate(new)
    assert again == new
    assert "fix" not in {f.kind for f in more}


def test_positional_use_cudnn_with_r2_when_ch105_runs_alone():
    # R2 applies to every code: CH105 passes the slots after use_cudnn by keyword itself
    new, findings = migrate("y = F.softmax(x, False, 0)\n", select=["CH105"])
    assert new == NEVER + "    y = F.softmax(x, axis=0)\n"
    assert kinds(findings) == [("CH105", "fix")]


@pytest.mark.parametrize("body, reason", [
    ("f = lambda x: F.relu(x, use_cudnn=False)\n", "lambda"),
    ("ys = [F.relu(x, use_cudnn=False) for x in xs]\n", "listcomp"),
    ("if F.relu(x, use_cudnn=False).data.any():\n    pass\n", "header"),
    ("y = F.relu(x, use_cudnn=pick())\n", "side effects"),
    ("y = F.relu(x, use_cudnn=a) + F.tanh(x, use_cudnn=b)\n", "different use_cudnn values"),
    ("y = F.relu(x, use_cudnn=False); z = 1\n", "several statements"),
])
def test_r4_cases_are_reviewed(body, reason):
    new, findings = migrate(body)
    assert new == body
    assert "review" in {f.kind for f in findings}
    assert any(reason in f.message for f in findings if f.kind == "review")


def test_calls_with_the_same_value_share_one_scope():
    new, findings = migrate("y = F.relu(F.max_pooling_2d(x, 2, use_cudnn=False), use_cudnn=False)\n")
    assert new == NEVER + "    y = F.relu(F.max_pooling_2d(x, 2))\n"
    assert kinds(findings) == [("CH105", "fix")] * 2


def test_true_next_to_false_in_one_statement():
    new, _ = migrate("y = F.relu(F.max_pooling_2d(x, 2, use_cudnn=False), use_cudnn=True)\n")
    assert new == NEVER + "    y = F.relu(F.max_pooling_2d(x, 2))\n"


def test_other_cudnn_calls_in_the_statement_do_not_block_the_wrap():
    # R4 (c) does not apply: F.tanh losing cuDNN changes speed, not meaning
    new, _ = migrate("y = F.tanh(F.relu(x, use_cudnn=False))\n")
    assert new == NEVER + "    y = F.tanh(F.relu(x))\n"


def test_adjacent_statements_are_merged():
    new, _ = migrate("# conv\nh = F.relu(x, use_cudnn=False)\ny = F.softmax(h, use_cudnn=False)\n"
                     "z = F.tanh(y, use_cudnn=flag)\n")
    assert new == ("# conv\n" + NEVER + "    h = F.relu(x)\n    y = F.softmax(h)\n"
                   "with chainer.using_config('use_cudnn', 'auto' if flag else 'never'):\n"
                   "    z = F.tanh(y)\n")


def test_n_step_with_train_and_use_cudnn():
    body = "hy, cy, ys = F.n_step_lstm(1, 0.5, hx, cx, ws, bs, xs, train=False, use_cudnn=False)\n"
    new, findings = migrate(body)
    assert new == ("with chainer.using_config('train', False):\n"
                   "    with chainer.using_config('use_cudnn', 'never'):\n"
                   "        hy, cy, ys = F.n_step_lstm(1, 0.5, hx, cx, ws, bs, xs)\n")
    assert sorted(kinds(findings)) == [("CH101", "fix"), ("CH105", "fix")]


def test_n_step_positional_use_cudnn_is_reviewed():
    body = "hy, cy, ys = F.n_step_lstm(1, 0.5, hx, cx, ws, bs, xs, True, False)\n"
    new, findings = migrate(body, select=["CH105"])
    assert new == body
    assert kinds(findings) == [("CH105", "review")]


def test_n_step_birnn_review_is_marked_silent():
    body = "hy, ys = F.n_step_birnn(1, 0.5, hx, ws, bs, xs, use_cudnn=pick())\n"
    new, findings = migrate(body)
    assert new == body
    (finding,) = findings
    assert finding.silent and "CH105 use-cudnn-argument: silent: cannot move" in finding.format()


@pytest.mark.parametrize("call", [
    "L.Convolution2D(3, 8, 3, use_cudnn=True)",
    "L.BatchNormalization(8, use_cudnn=True)",
    "L.NStepLSTM(1, 3, 4, 0.0, use_cudnn=True)",
    "L.NStepGRU(1, 3, 4, 0.0, True)",
    "L.BatchNormalization(8, 0.9, 2e-5, None, True, True, None, None, True)",
    "F.BatchNormalization(8, use_cudnn=True)",
])
def test_link_constructor_true_is_removed(call):
    new, findings = migrate("link = %s\n" % call, ignore=["CH208"])  # CH208: test_codemod_ch208
    expected = call.replace(", use_cudnn=True", "").replace(", True)", ")")
    if call.startswith("F."):   # CH212 turns the alias into the link class
        expected = expected.replace("F.", "L.")
    assert new == "link = %s\n" % expected
    alias = [("CH212", "fix")] if call.startswith("F.") else []  # F.X left chainer.functions
    assert sorted(kinds(findings)) == sorted(alias + [("CH105", "fix")])


@pytest.mark.parametrize("call", [
    "L.Convolution2D(3, 8, 3, use_cudnn=False)",
    "L.MLPConvolution2D(3, (8, 8), 3, use_cudnn=flag)",
    "L.NStepBiLSTM(1, 3, 4, 0.0, False)",
    "F.DilatedConvolution2D(3, 8, 3, use_cudnn=False)",
])
def test_link_constructor_other_values_are_reviewed(call):
    body = "link = %s\n" % call
    new, findings = migrate(body)
    assert new == body.replace("F.", "L.")   # CH212 turns the alias into the link class
    alias = [("CH212", "fix")] if call.startswith("F.") else []  # F.X left chainer.functions
    assert sorted(kinds(findings)) == sorted(alias + [("CH105", "review")])
    assert not findings[-1].silent


def test_link_registered_in_a_chain():
    body = ("class Net(chainer.Chain):\n"
            "    def __init__(self):\n"
            "        super(Net, self).__init__()\n"
            "        with self.init_scope():\n"
            "            self.conv = L.Convolution2D(3, 8, 3, use_cudnn=True)\n"
            "            self.bn = L.BatchNormalization(8, use_cudnn=False)\n")
    new, findings = migrate(body, ignore=["CH208"])
    assert new == body.replace(", use_cudnn=True", "")
    assert kinds(findings) == [("CH105", "fix"), ("CH105", "review")]
    assert "run every call of this link under " \
           "`with chainer.using_config('use_cudnn', 'never'):`" in findings[1].message


def test_tables_match_the_catalogue():
    functions = {q.rsplit(".", 1)[1] for q in ch105.FUNCTIONS}
    links = {q.rsplit(".", 1)[1] for q in ch105.LINKS}
    assert len(functions) == 27
    assert links == {"Convolution2D", "Deconvolution2D", "DilatedConvolution2D", "ConvolutionND",
                     "DeconvolutionND", "MLPConvolution2D", "BatchNormalization", "NStepLSTM",
                     "NStepBiLSTM", "NStepGRU", "NStepBiGRU", "NStepRNNTanh", "NStepRNNReLU",
                     "NStepBiRNNTanh", "NStepBiRNNReLU"}
    for table in (ch105.FUNCTIONS, ch105.LINKS):
        for q, entry in table.items():
            public = "chainer.%s.%s" % (q.split(".")[1], q.rsplit(".", 1)[1])
            assert table.get(public, entry) == entry, q


def test_second_run_changes_nothing():
    body = ("h = F.relu(x, use_cudnn=False)\ny = F.relu(h, use_cudnn=True)\n"
            "conv = L.Convolution2D(3, 8, 3, use_cudnn=False)\n")
    once, _ = migrate(body)
    twice, findings = migrate_source(HEAD + once)
    assert twice == HEAD + once
    assert kinds(findings) == [("CH105", "review")]


def test_ignore_leaves_the_sites():
    body = "y = F.relu(x, use_cudnn=False)\n"
    assert migrate(body, ignore=["CH105"]) == (body, [])
