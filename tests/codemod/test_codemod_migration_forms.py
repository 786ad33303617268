"""Codemod forms added so that every per-rule program migrates (tests/test_rule_migrations.py):
rewrites (CH213 later links, CH306 running arrays) and review items (CH211, CH307, CH308,
CH401, CH407, CH410, CH503, CH504, CH601)."""
import pytest

from codemod import migrate_source

from parity_cases import check, fixes, migrate_body as migrate, reviews


# -- rewrites ------------------------------------------------------------------

def test_ch213_link_assigned_later_runs_in_init_scope():
    new, findings = migrate("def f():\n"
                            "    m = chainer.FunctionSet(a=L.Linear(2, 2))\n"
                            "    m.b = L.Linear(2, 2)\n"
                            "    m.c = L.Linear(2, 2)\n"
                            "    return m\n")
    assert new == ("def f():\n"
                   "    m = chainer.Chain(a=L.Linear(2, 2))\n"
                   "    with m.init_scope():\n"
                   "        m.b = L.Linear(2, 2)\n"
                   "        m.c = L.Linear(2, 2)\n"
                   "    return m\n")
    assert len(fixes(findings, "CH213")) == 3 and not reviews(findings)


@pytest.mark.parametrize("body", [
    "m = chainer.FunctionSet(a=L.Linear(2, 2))\nm.a = L.Linear(2, 2)\n",
    "m = chainer.FunctionSet()\nif m:\n    m = chainer.FunctionSet()\nm.b = L.Linear(2, 2)\n",
])
def test_ch213_replacing_or_unknown_model_is_reviewed(body):
    new, findings = migrate(body, select=["CH213"])
    assert "init_scope" not in new
    assert reviews(findings, "CH213")


def test_ch213_second_assignment_of_a_name_replaces_the_child():
    new, findings = migrate("m = chainer.FunctionSet()\nm.b = L.Linear(2, 2)\nm.b = L.Linear(2, 2)\n")
    assert new == ("m = chainer.Chain()\nwith m.init_scope():\n    m.b = L.Linear(2, 2)\n"
                   "m.b = L.Linear(2, 2)\n")
    assert len(reviews(findings, "CH213")) == 1


def test_ch213_parity():
    check("m = chainer.FunctionSet(a=L.Linear(3, 2))\nm.b = L.Linear(2, 2)\n"
          "opt = optimizers.SGD(lr=0.1)\nopt.setup(m.collect_parameters())\n"
          "x = np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3)\n"
          "F.sum(m.b(m.a(x))).backward()\nopt.update()\nW = m.b.W.array\n", ["W"])


def test_ch306_running_arrays_are_dropped():
    new, findings = migrate("y = F.batch_normalization(x, g, b, running_mean=m, running_var=v, "
                            "decay=0.8)\nz = F.batch_normalization(x, g, b, 1e-3, m, v, 0.8)\n")
    assert new == ("y = F.batch_normalization(x, g, b)\n"
                   "z = F.batch_normalization(x, g, b, eps=1e-3)\n")
    assert len(fixes(findings, "CH306")) == 3


def test_ch306_running_array_with_side_effects_is_reviewed():
    body = "y = F.batch_normalization(x, g, b, running_mean=stats(), running_var=v)\n"
    new, findings = migrate(body, select=["CH306"])
    assert new == body and reviews(findings, "CH306")


def test_ch306_parity():
    check("x = np.linspace(-1, 1, 12, dtype=np.float32).reshape(4, 3)\n"
          "g, b = np.ones(3, dtype=np.float32), np.zeros(3, dtype=np.float32)\n"
          "m, v = np.zeros(3, dtype=np.float32), np.ones(3, dtype=np.float32)\n"
          "y = F.batch_normalization(x, g, b, 1e-3, m, v, 0.8)\n", ["y", "m", "v"])


# -- review items --------------------------------------------------------------

@pytest.mark.parametrize("code, body", [
    ("CH211", "names = [n for n, _ in model.namedparams()]\n"),
    ("CH307", "v = chainer.Variable(x)\ntext = repr(v)\n"),
    ("CH307", "v = F.relu(x)\nkey = 'y=%s' % (v,)\n"),
    ("CH307", "v = chainer.Variable(x)\nkey = f'{v}'\n"),
    ("CH308", "v = chainer.Variable(x)\nseen = {v: 1}\n"),
    ("CH308", "v = chainer.Variable(x)\ny = F.sum(v)\nnodes = {v, y}\n"),
    ("CH401", "opt.zero_grads()\ng = model.l.W.grad.copy()\n"),
    ("CH407", "opt = chainer.optimizers.Adam()\nchainer.serializers.load_npz('o.npz', opt)\n"),
    ("CH410", "w = np.zeros(3, dtype=np.float16)\nopt = chainer.optimizers.RMSprop(lr=0.1)\n"),
    ("CH503", "flag = ext.invoke_before_training\n"),
    ("CH504", "obs = {}\nwith r.scope(obs):\n    chainer.report({'y': y})\n"
              "c = obs['y'].creator\n"),
    ("CH504", "s = trainer.observation['main/loss']\ns.backward()\n"),
    ("CH601", "try:\n    b = chainer.cuda.ones(3)\nexcept RuntimeError:\n    pass\n"),
])
def test_review_items(code, body):
    _, findings = migrate_source("import numpy as np\n" + "import chainer\n"
                                 "import chainer.functions as F\n" + body)
    assert reviews(findings, code)


@pytest.mark.parametrize("code, body", [
    ("CH211", "names = sorted([n for n, _ in model.namedparams()])\n"),
    ("CH307", "text = repr(obj)\n"),
    ("CH308", "seen = {obj: 1}\n"),
    ("CH401", "opt.zero_grads()\nloss.backward()\ng = model.l.W.grad.copy()\n"),
    ("CH407", "chainer.serializers.load_npz('m.npz', model)\n"),
    ("CH410", "opt = chainer.optimizers.RMSprop(lr=0.1)\n"),
    ("CH410", "w = np.zeros(3, dtype=np.float16)\nopt = chainer.optimizers.RMSprop(eps=1e-3)\n"),
    ("CH504", "obs = {}\nc = obs['y'].creator\n"),
    ("CH601", "b = chainer.cuda.ones(3)\n"),
])
def test_no_review_item_without_the_v1_form(code, body):
    _, findings = migrate_source("import numpy as np\n" + "import chainer\n"
                                 "import chainer.functions as F\n" + body)
    assert not reviews(findings, code)
