"""CH205 (forget_bias_init=0), CH206 (L.GRU -> L.StatelessGRU) and CH207 (nobias=True) in the codemod,
with parity: the v1 source under the shim equals the migrated source on stock Chainer, bitwise."""
import pytest

from codemod import migrate_source

from parity_cases import check, kinds, migrate_body as migrate, reviews


def test_ch205_calls_and_subclasses():
    new, findings = migrate("r = L.LSTM(3, 4)\n"
                            "s = L.StatelessLSTM(3, 4, bias_init=0.5)\n"
                            "class C(L.LSTM):\n"
                            "    def __init__(self):\n"
                            "        super(C, self).__init__(3, 4)\n")
    assert new == ("r = L.LSTM(3, 4, forget_bias_init=0)\n"
                   "s = L.StatelessLSTM(3, 4, bias_init=0.5, forget_bias_init=0)\n"
                   "class C(L.LSTM):\n"
                   "    def __init__(self):\n"
                   "        super(C, self).__init__(3, 4, forget_bias_init=0)\n")
    assert kinds(findings) == [("CH205", "fix")] * 3
    assert all(f.silent for f in findings)


@pytest.mark.parametrize("body", [
    "r = L.LSTM(3, 4, forget_bias_init=1)\n",
    "s = L.StatelessLSTM(3, 4, None, None, 0, 1)\n",
    "r = L.Linear(3, 4)\n",
])
def test_ch205_given_or_other_calls_untouched(body):
    assert migrate(body, select=["CH205"]) == (body, [])


def test_ch205_splat_is_reviewed():
    body = "r = L.LSTM(*sizes)\n"
    new, findings = migrate(body)
    assert new == body and [f.code for f in reviews(findings)] == ["CH205"]


def test_ch205_parity():
    check("x = np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3)\n"
          "r = L.LSTM(3, 4)\nh1 = r(x)\nh2 = r(x)\nb = r.upward.b\n", ["h1", "h2", "b"])


@pytest.mark.parametrize("before, after", [
    ("g = L.GRU(4, 3)\n", "g = L.StatelessGRU(3, 4)\n"),
    ("g = L.GRU(n)\n", "g = L.StatelessGRU(n, n)\n"),
    ("g = L.GRU(self.n)\n", "g = L.StatelessGRU(self.n, self.n)\n"),
    ("g = L.GRU(4, None)\n", "g = L.StatelessGRU(4, 4)\n"),
    ("g = L.GRU(n_inputs=3, n_units=4, bias_init=0.5)\n",
     "g = L.StatelessGRU(3, 4, bias_init=0.5)\n"),
    ("g = chainer.links.GRU(4, 3, None, None, 0)\n",
     "g = chainer.links.StatelessGRU(3, 4, None, None, 0)\n"),
])
def test_ch206_constructors(before, after):
    new, findings = migrate(before)
    assert new == after
    assert kinds(findings) == [("CH206", "fix")]


@pytest.mark.parametrize("body", [
    "g = L.GRU(*sizes)\n",
    "g = L.GRU(f(n))\n",
    "from chainer.links import GRU\ng = GRU(4, 3)\n",
    "class G(L.GRU):\n    pass\n",
    "ok = isinstance(g, L.GRU)\n",
])
def test_ch206_review_items(body):
    new, findings = migrate(body)
    assert new == body
    assert [f.code for f in reviews(findings)] == ["CH206"]


def test_ch206_parity():
    check("h0 = np.linspace(-1, 1, 8, dtype=np.float32).reshape(2, 4)\n"
          "x = np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3)\n"
          "g = L.GRU(4, 3)\ny = g(h0, x)\nW = g.W.W\n"
          "sq = L.GRU(4)\nz = sq(h0, h0)\n", ["y", "W", "z"])


@pytest.mark.parametrize("before, after", [
    ("c = L.ConvolutionND(3, 1, 16, 3, pad=1)\n",
     "c = L.ConvolutionND(3, 1, 16, 3, pad=1, nobias=True)\n"),
    ("c = L.ConvolutionND(3, 1, 16, 3, initial_bias=None)\n",
     "c = L.ConvolutionND(3, 1, 16, 3, initial_bias=None, nobias=True)\n"),
    ("c = L.ConvolutionND(3, 1, 16, 3, use_cudnn=True)\n",
     "c = L.ConvolutionND(3, 1, 16, 3, nobias=True)\n"),
])
def test_ch207_adds_nobias(before, after):
    new, findings = migrate(before)
    assert new == after
    assert ("CH207", "fix") in kinds(findings)
    assert [f for f in findings if f.code == "CH207"][0].silent


@pytest.mark.parametrize("body", [
    "c = L.ConvolutionND(3, 1, 16, 3, initial_bias=0)\n",
    "c = L.ConvolutionND(3, 1, 16, 3, nobias=True)\n",
    "c = L.Convolution2D(1, 16, 3)\n",
])
def test_ch207_untouched(body):
    assert migrate(body, select=["CH207"]) == (body, [])


@pytest.mark.parametrize("body", [
    "c = L.ConvolutionND(*args)\n",
    "c = L.ConvolutionND(3, 1, 16, 3, initial_bias=b)\n",
])
def test_ch207_review_items(body):
    new, findings = migrate(body, select=["CH207"])
    assert new == body
    assert [f.code for f in reviews(findings)] == ["CH207"]


@pytest.mark.parametrize("select, found", [(["CH207"], [("CH207", "fix")]),
                                           (None, [("CH207", "fix"), ("CH302", "fix")])])
def test_ch207_after_r2(select, found):
    # v1 slot 6 is initialW (v7 slot 6 is nobias): catalogue R2 passes it by keyword in
    # the same edit, so the v1 "no initial_bias" still gets nobias=True
    new, findings = migrate("c = L.ConvolutionND(3, 1, 16, 3, 1, 0, None)\n", select=select)
    assert new == "c = L.ConvolutionND(3, 1, 16, 3, 1, 0, initialW=None, nobias=True)\n"
    assert kinds(findings) == found


def test_ch207_after_r2_parity():
    check("x = np.linspace(-1, 1, 32, dtype=np.float32).reshape(1, 2, 4, 4)\n"
          "W = np.linspace(-1, 1, 36, dtype=np.float32).reshape(2, 2, 3, 3)\n"
          "c = L.ConvolutionND(2, 2, 2, 3, 1, 1, W)\ny = c(x)\nn = len(list(c.params()))\n",
          ["y", "n"])


def test_ch207_parity():
    check("x = np.linspace(-1, 1, 32, dtype=np.float32).reshape(1, 2, 4, 4)\n"
          "c = L.ConvolutionND(2, 2, 3, 3, pad=1)\ny = c(x)\nn = len(list(c.params()))\n",
          ["y", "n"])


def test_idempotent():
    source = ("import chainer.links as L\nr = L.LSTM(3, 4)\ng = L.GRU(4, 3)\n"
              "c = L.ConvolutionND(2, 1, 3, 3)\n")
    once, _ = migrate_source(source)
    again, findings = migrate_source(once)
    assert again == once
    assert not [f for f in findings if f.kind == "fix"]


@pytest.mark.parametrize("body, expected, code", [
    ("y = L.LSTM(3, 4)(x)\n", "y = L.LSTM(3, 4, forget_bias_init=0)(x)\n", "CH205"),
    ("y = L.GRU(3, 4)(h, x)\n", "y = L.StatelessGRU(4, 3)(h, x)\n", "CH206"),
    ("y = L.ConvolutionND(1, 2, 3, 2)(x)\n", "y = L.ConvolutionND(1, 2, 3, 2, nobias=True)(x)\n",
     "CH207"),
])
def test_a_call_of_the_new_link_is_not_a_construction(body, expected, code):
    # libcst gives the call ``L.LSTM(3, 4)(x)`` the qualified name of the class too:
    # only the construction is rewritten and reported, once, and a second run is a no-op
    new, findings = migrate(body)
    assert new == expected
    assert kinds(findings) == [(code, "fix")]
    assert migrate(new) == (new, [])
