"""CH304 function-classes-hidden in the codemod: one-expression class calls become
function calls (parity with the shim), every other use is reported for review."""
import pytest

from codemod import migrate_source

from parity_cases import IMPORTS, check, fixes, kinds, migrate_body, reviews


@pytest.mark.parametrize("before, after", [
    ("y = F.Exp()(x)\n", "y = F.exp(x)\n"),
    ("y = F.Sum(axis=1)(x)\n", "y = F.sum(x, axis=1)\n"),
    ("y = F.Sum(1, True)(x)\n", "y = F.sum(x, 1, True)\n"),
    ("y = F.Concat(axis=1)(a, b)\n", "y = F.concat((a, b), axis=1)\n"),
    ("y = F.Concat()(a)\n", "y = F.concat((a,))\n"),
    ("h = F.MaxPooling2D(3, stride=2)(F.ReLU()(x))\n", "h = F.max_pooling_2d(F.relu(x), 3, stride=2)\n"),
    ("y = F.ReLU(use_cudnn=True)(x)\n", "y = F.relu(x)\n"),
    # use_cudnn comes first in v1's signature: the rest become keywords
    ("l = F.SoftmaxCrossEntropy(True, False)(x, t)\n",
     "l = F.softmax_cross_entropy(x, t, normalize=False)\n"),
    ("y = F.Copy(0)(x)\n", "y = F.copy(x, dst=0)\n"),
    ("y = F.Pad(1, 'constant', constant_values=2)(x)\n",
     "y = F.pad(x, 1, 'constant', constant_values=2)\n"),
    ("y = F.MaxPoolingND(2, 3)(x)\n", "y = F.max_pooling_nd(x, ksize=3)\n"),
    ("y = (F.Tanh())(x)\n", "y = F.tanh(x)\n"),
])
def test_rewrites(before, after):
    new, findings = migrate_body(before)
    assert new == after
    assert ("CH304", "fix") in kinds(findings)
    assert not reviews(findings, "CH304")


@pytest.mark.parametrize("body, why", [
    ("pool = F.MaxPooling2D(2)\nh = pool(x)\n", "keeps v1 state"),
    ("class Mine(F.Sum):\n    pass\n", "keeps v1 state"),
    ("ok = isinstance(f, F.Exp)\n", "keeps v1 state"),
    ("y = F.Dropout(0.5)(x)\n", "always drops"),
    ("y = F.SplitAxis(2, 1)(x)\n", "force_tuple=False"),
    ("y = F.ReLU(use_cudnn=False)(x)\n", "using_config"),
    ("y = F.AveragePooling2D(2, cover_all=False)(x)\n", "cover_all"),
    ("y = F.Concat(axis=1)(*xs)\n", "*/**"),
    ("y = F.Sum(2, False, 3)(x)\n", "too many positional"),
    ("y = F.Exp()(x, x)\n", "reject 2 inputs"),
    ("y = F.NStepLSTM(1, 0.0)(*inputs)\n", "cuDNN"),
])
def test_reviews(body, why):
    new, findings = migrate_body(body)
    assert new == body
    found = reviews(findings, "CH304")
    assert found and why in found[0].message
    assert not fixes(findings, "CH304")


@pytest.mark.parametrize("imports, call", [
    ("from chainer.functions import Sum\n", "Sum"),
    ("from chainer.functions.math import sum as m\n", "m.Sum"),
])
def test_imported_names_are_reviewed(imports, call):
    source = "import chainer\n" + imports + "y = %s(axis=1)(x)\n" % call
    new, findings = migrate_source(source)
    assert new == source
    assert reviews(findings, "CH304")


def test_other_names_are_left_alone():
    source = "import mylib as F\ny = F.Exp()(x)\n"
    assert migrate_source(source) == (source, [])
    source = IMPORTS + "y = F.exp(x)\nz = F.Linear\n"
    new, findings = migrate_source(source, ignore=["CH212"])   # CH212: F.Linear -> L.Linear
    assert new == source and not [f for f in findings if f.code == "CH304"]


def test_spatial_pyramid_pooling_class_is_left_to_ch309():
    new, findings = migrate_body("y = F.spatial_pyramid_pooling_2d(x, 3, F.MaxPooling2D)\n")
    assert "pooling='max'" in new
    assert not reviews(findings, "CH304")


@pytest.mark.parametrize("source, names", [
    ("x = np.linspace(-1, 1, 32, dtype=np.float32).reshape(1, 2, 4, 4)\n"
     "h = F.MaxPooling2D(2, stride=2)(F.ReLU()(x))\n"
     "s = F.Sum(axis=(2, 3), keepdims=True)(F.Exp()(h))\n", ("h", "s")),
    ("x = np.linspace(-1, 1, 12, dtype=np.float32).reshape(3, 4)\n"
     "t = np.array([0, 3, 1], dtype=np.int32)\n"
     "l = F.SoftmaxCrossEntropy(True, False)(F.Concat(axis=1)(x, x)[:, :4], t)\n"
     "g = F.GetItem((slice(None), 1))(x)\n", ("l", "g")),
])
def test_parity_with_the_shim(source, names):
    new, findings = check(source, names)
    assert "F.sum(" in new or "F.softmax_cross_entropy(" in new
    assert not reviews(findings, "CH304")
