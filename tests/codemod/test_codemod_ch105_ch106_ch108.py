"""Codemod CH105/CH106: link constructor settings moved to the calls of a local link;
CH106 call sites (``deterministic=`` -> ``using_config('cudnn_deterministic', ...)``);
CH108 ``chainer.Function.type_check_enable`` -> ``chainer.config.type_check``."""
import pytest

from parity_cases import check, fixes, migrate_body as migrate, reviews

NEVER = "with chainer.using_config('use_cudnn', 'never'):\n"
DET = "with chainer.using_config('cudnn_deterministic', True):\n"


def test_every_call_of_a_local_link_is_wrapped():
    new, findings = migrate("def f(x):\n"
                            "    conv = L.Convolution2D(3, 4, 3, use_cudnn=False)\n"
                            "    h = conv(x)\n"
                            "    h = conv.forward(h)\n"
                            "    conv.cleargrads()\n"
                            "    return F.sum(h) + F.sum(conv.W)\n")
    assert new == ("def f(x):\n"
                   "    conv = L.Convolution2D(3, 4, 3)\n"
                   "    " + NEVER +
                   "        h = conv(x)\n"
                   "        h = conv.forward(h)\n"
                   "    conv.cleargrads()\n"
                   "    return F.sum(h) + F.sum(conv.W)\n")
    assert fixes(findings, "CH105") and not reviews(findings)


@pytest.mark.parametrize("body", [
    # the link escapes: its other calls are not visible
    "def f(x, model):\n    conv = L.Convolution2D(3, 4, 3, use_cudnn=False)\n"
    "    model.add_link('c', conv)\n    return conv(x)\n",
    "def f(x):\n    conv = L.Convolution2D(3, 4, 3, use_cudnn=False)\n    return conv\n",
    # a call the codemod cannot wrap (R4 a)
    "def f(xs):\n    conv = L.Convolution2D(3, 4, 3, use_cudnn=False)\n"
    "    return [conv(x) for x in xs]\n",
    # a nested function calls it
    "def f(x):\n    conv = L.Convolution2D(3, 4, 3, use_cudnn=False)\n"
    "    def g():\n        return conv(x)\n    return g()\n",
    # not a local variable
    "conv = L.Convolution2D(3, 4, 3, use_cudnn=False)\ny = conv(x)\n",
    "class C(chainer.Chain):\n    def __init__(self):\n        super(C, self).__init__()\n"
    "        with self.init_scope():\n            self.c = L.Convolution2D(3, 4, 3, use_cudnn=False)\n",
])
def test_link_whose_calls_are_not_all_visible_is_reviewed(body):
    new, findings = migrate(body, select=["CH105"])
    assert new == body
    assert reviews(findings, "CH105") and not fixes(findings, "CH105")


def test_ch106_call_sites():
    new, findings = migrate("y = F.convolution_2d(x, W, deterministic=True)\n"
                            "z = F.deconvolution_2d(y, W, deterministic=False)\n")
    assert new == DET + "    y = F.convolution_2d(x, W)\nz = F.deconvolution_2d(y, W)\n"
    assert len(fixes(findings, "CH106")) == 2


def test_ch106_positional_slot_goes_through_r2():
    # v1 (x, W, b, stride, pad, use_cudnn, cover_all, deterministic)
    new, _ = migrate("y = F.convolution_2d(x, W, None, 1, 0, True, False, True)\n")
    assert new == DET + "    y = F.convolution_2d(x, W, None, 1, 0, cover_all=False)\n"


@pytest.mark.parametrize("body", [
    "y = F.convolution_2d(x, W, deterministic=flag) + F.convolution_2d(x, W, deterministic=True)\n",
    "ys = [F.convolution_2d(x, W, deterministic=True) for x in xs]\n",
    "y = F.convolution_2d(x, W, deterministic=f())\n",
])
def test_ch106_review_items(body):
    new, findings = migrate(body, select=["CH106"])
    assert new == body
    assert reviews(findings, "CH106")


def test_ch106_link_parity():
    check("W = np.linspace(-1, 1, 72, dtype=np.float32).reshape(4, 2, 3, 3)\n"
          "x = np.linspace(-1, 1, 50, dtype=np.float32).reshape(1, 2, 5, 5)\n"
          "def f(x):\n"
          "    conv = L.Convolution2D(2, 4, 3, initialW=W, deterministic=True, use_cudnn=False)\n"
          "    y = conv(x)\n"
          "    F.sum(y).backward()\n"
          "    return y.array, conv.W.grad\n"
          "y, gW = f(x)\n", ["y", "gW"])


@pytest.mark.parametrize("body, expected", [
    ("chainer.Function.type_check_enable = False\n", "chainer.global_config.type_check = False\n"),
    ("on = chainer.Function.type_check_enable\n", "on = chainer.config.type_check\n"),
    ("if not chainer.function.Function.type_check_enable:\n    pass\n",
     "if not chainer.config.type_check:\n    pass\n"),
])
def test_ch108_rewrites(body, expected):
    new, findings = migrate(body)
    assert new == expected
    assert fixes(findings, "CH108") and not reviews(findings)
