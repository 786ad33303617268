"""Codemod rules CH209 (init_weight), CH210 (review), CH213 (FunctionSet), CH215 (copyparams)."""
import pytest

from codemod import migrate_source

from parity_cases import check, fixes, migrate_body as migrate, reviews


@pytest.mark.parametrize("before, after", [
    ("chainer.initializers.init_weight(w, chainer.initializers.Normal(0.05), scale=2.0)\n",
     "chainer.initializers.Normal(0.05)(w)\nw *= 2.0\n"),
    ("chainer.initializers.init_weight(self_w.data, -1)  # fill\n",
     "chainer.initializers.Constant(-1)(self_w.data)  # fill\n"),
    ("chainer.init_weight(w, chainer.initializers.One(), 1)\n",
     "chainer.initializers.One()(w)\n"),
])
def test_ch209_rewrites(before, after):
    new, findings = migrate(before)
    assert new == after
    assert fixes(findings, "CH209")


def test_ch209_none_adds_import_math():
    new, findings = migrate_source("import chainer\nchainer.initializers.init_weight(w, None)\n")
    assert new == ("import chainer\nimport math\n\n"
                   "chainer.initializers.HeNormal(1 / math.sqrt(2))(w)\n")
    assert fixes(findings, "CH209")


def test_ch209_none_when_the_name_math_is_taken():
    body = "math = 1\nchainer.initializers.init_weight(w, None)\n"
    new, findings = migrate(body)
    assert new == body
    assert reviews(findings, "CH209")


@pytest.mark.parametrize("body", [
    "chainer.initializers.init_weight(w, np.ones((3, 4)))\n",
    "chainer.initializers.init_weight(w, init)\n",
    "y = chainer.initializers.init_weight(w, 0.5)\n",
    "chainer.initializers.init_weight(*args)\n",
    "chainer.initializers.init_weight(a[0], 0.5, scale=2)\n",
])
def test_ch209_review_items(body):
    new, findings = migrate(body)
    assert new == body
    assert reviews(findings, "CH209")


def test_ch209_parity():
    check("w = np.zeros((3, 4), dtype=np.float32)\n"
          "chainer.initializers.init_weight(w, chainer.initializers.Normal(0.05), scale=2.0)\n"
          "v = np.zeros(3, dtype=np.float32)\n"
          "chainer.initializers.init_weight(v, 0.25)\n", ["w", "v"])


def test_ch210_is_reported_not_rewritten():
    body = ("class Proj(chainer.Link):\n"
            "    def __init__(self):\n"
            "        super(Proj, self).__init__()\n"
            "        self.add_uninitialized_param('W')\n"
            "\n"
            "    def __call__(self, x):\n"
            "        if self.has_uninitialized_params:\n"
            "            self.add_param('W', (2, x.shape[1]))\n"
            "        return F.linear(x, self.W)\n")
    new, findings = migrate(body)
    assert new == body
    found = reviews(findings, "CH210")
    assert len(found) == 2
    assert "methods: __init__, __call__" in found[0].message


def test_ch213_rewrites_and_parity():
    new, findings = check("model = chainer.FunctionSet(l1=L.Linear(4, 3), l2=L.Linear(3, 2))\n"
                          "opt = optimizers.SGD()\n"
                          "opt.setup(model.collect_parameters())\n"
                          "x = np.ones((2, 4), dtype=np.float32)\n"
                          "y = model.l2(model.l1(x))\n", ["y"])
    assert "chainer.Chain(l1=" in new and "opt.setup(model)\n" in new
    assert len(fixes(findings, "CH213")) == 2


@pytest.mark.parametrize("body", [
    "from chainer import FunctionSet\nm = FunctionSet()\n",
    "p = m.collect_parameters()\n",
    "m.copy_parameters_from(arrays)\n",
    "m = chainer.FunctionSet()\nm.fc = L.Linear(2, 2)\nps = m.parameters\n",
])
def test_ch213_review_items(body):
    _, findings = migrate(body)
    assert reviews(findings, "CH213")


def test_ch215_rewrite_and_parity():
    new, findings = check("a = chainer.Chain(bn=L.BatchNormalization(3))\n"
                          "b = chainer.Chain(bn=L.BatchNormalization(3))\n"
                          "a.bn.avg_mean[...] = 2\n"
                          "b.copyparams(a)\n"
                          "m = b.bn.avg_mean\n", ["m"])
    assert "b.copyparams(a, copy_persistent=False)\n" in new
    assert [f.silent for f in fixes(findings, "CH215")] == [True]


@pytest.mark.parametrize("body", [
    "b.copyparams(a, copy_persistent=True)\n",
    "def copyparams(x):\n    pass\nb.copyparams(a)\n",
])
def test_ch215_untouched(body):
    new, findings = migrate(body)
    assert new == body
    assert not fixes(findings, "CH215")


def test_ch215_splat_is_reviewed():
    _, findings = migrate("b.copyparams(*links)\n")
    assert reviews(findings, "CH215")


def test_idempotent():
    source = ("import chainer\nimport chainer.links as L\n"
              "m = chainer.FunctionSet(a=L.Linear(2, 2))\nm.copyparams(m)\n"
              "chainer.initializers.init_weight(w, 0.5, scale=3)\n")
    once, _ = migrate_source(source)
    twice, findings = migrate_source(once)
    assert twice == once and not fixes(findings)
