"""Codemod rule CH203 (wscale): the exact ``initialW=`` forms, ``import math``, review items."""
import pytest

from codemod import migrate_source

from parity_cases import check, fixes, migrate_body as migrate, reviews

HE = "chainer.initializers.HeNormal(math.sqrt(%s) / math.sqrt(2))"


@pytest.mark.parametrize("before, after", [
    ("fc = L.Linear(4, 3, wscale=4)\n", "fc = L.Linear(4, 3, initialW=%s)\n" % (HE % "4")),
    ("fc = L.Linear(4, 3, wscale=4, initialW=None)\n",
     "fc = L.Linear(4, 3, initialW=%s)\n" % (HE % "4")),
    ("fc = L.Linear(4, 3, wscale=3, initialW=-0.5)\n",
     "fc = L.Linear(4, 3, initialW=-0.5 * math.sqrt(3))\n"),
    ("w = np.ones((3, 4), dtype=np.float32) / 7\nfc = L.Linear(4, 3, wscale=2, initialW=w)\n",
     "w = np.ones((3, 4), dtype=np.float32) / 7\nfc = L.Linear(4, 3, initialW=w * math.sqrt(2))\n"),
    ("fc = L.Linear(4, 3, wscale=2, initialW=np.ones((3, 4)) + 1)\n",
     "fc = L.Linear(4, 3, initialW=(np.ones((3, 4)) + 1) * math.sqrt(2))\n"),
    # catalogue R2: slot 2 of L.Linear is wscale in v1, nobias in v7
    ("fc = L.Linear(4, 3, 3.0)\n", "fc = L.Linear(4, 3, initialW=%s)\n" % (HE % "3.0")),
    ("m = L.Maxout(4, 3, 2, 0.5)\n", "m = L.Maxout(4, 3, 2, initialW=%s)\n" % (HE % "0.5")),
    ("m = L.MLPConvolution2D(2, (3, 4), 3, wscale=2)\n",
     "m = L.MLPConvolution2D(2, (3, 4), 3, conv_init=%s)\n" % (HE % "2")),
])
def test_rewrites(before, after):
    new, findings = migrate("import math\nimport numpy as np\n" + before)
    assert new == "import math\nimport numpy as np\n" + after
    assert fixes(findings, "CH203") and not reviews(findings, "CH203")


def test_import_math_is_added_when_missing():
    new, findings = migrate_source("import chainer.links as L\nfc = L.Linear(4, 3, wscale=2)\n")
    assert new == ("import chainer.links as L\nimport math\nimport chainer\n\n"
                   "fc = L.Linear(4, 3, initialW=%s)\n" % (HE % "2"))
    assert fixes(findings, "CH203")


@pytest.mark.parametrize("body", [
    "fc = L.Linear(4, 3, wscale=2, initialW=chainer.initializers.Normal(0.1))\n",
    "fc = L.Linear(4, 3, wscale=2, initialW=init)\n",
    "math = 3\nfc = L.Linear(4, 3, wscale=2)\n",
])
def test_review_items(body):
    new, findings = migrate(body)
    assert new == body
    assert reviews(findings, "CH203") and not fixes(findings, "CH203")


@pytest.mark.parametrize("wscale, review", [("3", True), ("4", False), ("0.25", False)])
def test_scaled_after_drawing_is_also_reviewed(wscale, review):
    new, findings = migrate("import math\nd = L.Deconvolution2D(2, 3, 3, wscale=%s)\n" % wscale)
    assert new == "import math\nd = L.Deconvolution2D(2, 3, 3, initialW=%s)\n" % (HE % wscale)
    assert fixes(findings, "CH203")
    assert bool(reviews(findings, "CH203")) is review


def test_parity():
    check("import math\n"
          "w0 = np.arange(12, dtype=np.float32).reshape(3, 4) / 7\n"
          "a = L.Linear(4, 3, wscale=0.02 * math.sqrt(48)).W.data\n"
          "b = L.Linear(4, 3, wscale=2, initialW=w0).W.data\n"
          "c = L.Convolution2D(2, 3, 3, wscale=2).W.data\n"
          "d = L.Maxout(4, 3, 2, 0.5).linear.W.data\n"
          "e = L.Deconvolution2D(2, 3, 3, wscale=4).W.data\n", ["a", "b", "c", "d", "e"])
