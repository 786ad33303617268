"""Codemod tests of CH106, CH108, CH109, CH212, CH301, CH302, CH303, CH305, CH306, CH308, CH309."""
import pytest

from codemod import FIX, migrate_source

HEAD = "import chainer\nimport chainer.functions as F\nimport chainer.links as L\n"


def migrate(body, select=None):
    new, findings = migrate_source(HEAD + body, select=select)
    return new[len(HEAD):], findings


def codes(findings, kind=None):
    return {f.code for f in findings if kind is None or f.kind == kind}


def test_ch301_adds_force_tuple_false_once():
    new, findings = migrate("h = F.split_axis(x, 1, 1)\nk = F.split_axis(x, 2, 1, True)\n",
                            select=["CH301"])
    assert new == "h = F.split_axis(x, 1, 1, force_tuple=False)\nk = F.split_axis(x, 2, 1, True)\n"
    assert codes(findings, FIX) == {"CH301"}
    assert all(f.silent for f in findings)


def test_ch301_splat_is_reviewed():
    new, findings = migrate("h = F.split_axis(*args)\n", select=["CH301"])
    assert new == "h = F.split_axis(*args)\n"
    assert codes(findings, "review") == {"CH301"}


def test_ch302_keywords_from_the_first_differing_position():
    new, _ = migrate("h = F.max_pooling_2d(x, 3, 2, 1, True, True)\n", select=["CH302"])
    assert new == "h = F.max_pooling_2d(x, 3, 2, 1, True, use_cudnn=True)\n"
    new, _ = migrate("l = L.Linear(784, 100, 1.0)\n", select=["CH302"])
    assert new == "l = L.Linear(784, 100, wscale=1.0)\n"


def test_ch302_leaves_short_calls_and_reviews_splats():
    source = "h = F.max_pooling_2d(x, 3, 2, 1, True)\ng = F.softmax(x, *rest)\n"
    new, findings = migrate(source, select=["CH302"])
    assert new == source
    assert not codes(findings, FIX)


def test_ch302_too_many_arguments_reviewed():
    new, findings = migrate("y = F.log_softmax(x, True, 1)\n", select=["CH302"])
    assert new == "y = F.log_softmax(x, True, 1)\n"
    assert codes(findings, "review") == {"CH302"}


def test_ch306_batch_normalization_keywords():
    new, findings = migrate("y = F.batch_normalization(x, g, b, 1e-5, None, None, 0.99)\n",
                            select=["CH306"])
    assert new == ("y = F.batch_normalization(x, g, b, eps=1e-5, running_mean=None, "
                   "running_var=None, decay=0.99)\n")
    assert codes(findings, FIX) == {"CH306"}


def test_ch309_pooling_class_positional_and_keyword():
    new, _ = migrate("h = F.spatial_pyramid_pooling_2d(x, 3, F.MaxPooling2D)\n",
                     select=["CH309"])
    assert new == "h = F.spatial_pyramid_pooling_2d(x, 3, pooling='max')\n"
    new, findings = migrate("h = F.spatial_pyramid_pooling_2d(x, 3, pooling_class=Other)\n",
                            select=["CH309"])
    assert new == "h = F.spatial_pyramid_pooling_2d(x, 3, pooling_class=Other)\n"
    assert codes(findings, "review") == {"CH309"}


def test_ch303_len_of_a_known_variable_only():
    source = ("def f(x, xs):\n    h = F.relu(x)\n    a = len(h)\n    b = len(xs)\n"
              "    return a, b\n")
    new, findings = migrate(source, select=["CH303"])
    assert new == source.replace("len(h)", "h.size")
    assert codes(findings, FIX) == {"CH303"}


def test_ch303_len_of_a_link_call_argument_is_reviewed():
    source = ("class M(chainer.Chain):\n    def __call__(self, x):\n        return len(x)\n")
    new, findings = migrate(source, select=["CH303"])
    assert new == source
    assert codes(findings, "review") == {"CH303"}


@pytest.mark.parametrize("code,source", [
    ("CH305", "y = F.matmul(a, b)\n"),
    ("CH308", "d = y.creator.inputs[0].data\n"),
    ("CH106", "ys = [F.convolution_2d(x, W, deterministic=True) for x in xs]\n"),
    ("CH106", "c = L.Convolution2D(1, 2, 3, deterministic=flag)\n"),
    ("CH108", "class Mine(chainer.Function):\n    pass\nMine.type_check_enable = False\n"),
    ("CH108", "on = Mine.type_check_enable\n"),
    ("CH109", "with chainer.no_backprop_mode():\n    y = F.sum(x)\ny.backward()\n"),
])
def test_review_only_sites(code, source):
    new, findings = migrate(source, select=[code])
    assert new == source
    assert codes(findings, "review") == {code}


@pytest.mark.parametrize("code,source", [
    ("CH305", "y = numpy.matmul(a, b)\n"),
    ("CH308", "c = y.creator\n"),
    ("CH212", "l = L.Linear(3, 2)\n"),
    ("CH106", "y = F.convolution_2d(x, W)\n"),
    ("CH109", "with chainer.no_backprop_mode():\n    y = F.sum(x)\nz = F.sum(x)\nz.backward()\n"),
])
def test_no_finding_without_the_v1_use(code, source):
    _, findings = migrate(source, select=[code])
    assert not findings
