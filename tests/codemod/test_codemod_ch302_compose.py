"""Catalogue R2 (CH302) composed with the codes that drop or rename the v1
arguments it passes by keyword (CH105, CH203, CH204, CH207, CH309, CH503), in
one run: exact output, valid Python, a fixed point, and (where the program
runs) the v1 source under the shim and the migrated source on stock Chainer
7.8.1 agree bitwise."""
import pytest

from codemod import migrate_source

from parity_cases import (  # the shared harness: tests/codemod/parity_cases.py
    IMPORTS, check, kinds, migrate_body as migrate)


@pytest.mark.parametrize("select", [None, ["CH309"], ["CH309", "CH105"]])
def test_ch309_positional_pooling_class_before_use_cudnn_does_not_crash(select):
    # regression: CH309 made slot 2 a keyword while slot 3 stayed positional
    # (libcst CSTValidationError "Cannot have positional argument after keyword argument")
    new, findings = migrate("h = F.spatial_pyramid_pooling_2d(x, 3, F.MaxPooling2D, True)\n",
                            select=select)
    if select == ["CH309"]:   # R2 still passes use_cudnn by keyword; CH105 is not selected
        assert new == "h = F.spatial_pyramid_pooling_2d(x, 3, pooling='max', use_cudnn=True)\n"
        assert kinds(findings) == [("CH309", "fix")]
    else:
        assert new == "h = F.spatial_pyramid_pooling_2d(x, 3, pooling='max')\n"
        assert sorted(kinds(findings)) == [("CH105", "fix"), ("CH309", "fix")]


def test_ch309_rewrites_only_the_planned_value():
    # a nested call with an unsupported class has the same callee text
    body = "h = F.spatial_pyramid_pooling_2d(F.spatial_pyramid_pooling_2d(x, 3, Other), 3, " \
           "F.MaxPooling2D)\n"
    new, findings = migrate(body, select=["CH309"])
    assert new == "h = F.spatial_pyramid_pooling_2d(F.spatial_pyramid_pooling_2d(x, 3, Other), " \
                  "3, pooling='max')\n"
    assert sorted(kinds(findings)) == [("CH309", "fix"), ("CH309", "review")]


@pytest.mark.parametrize("body, expected", [
    # v1 Linear(in, out, wscale, bias, nobias, initialW, initial_bias)
    ("l = L.Linear(5, 3, 1, 0.5)\n", "l = L.Linear(5, 3, initial_bias=0.5)\n"),
    ("l = L.Linear(5, 3, 1, 0.5, False, None, 0.7)\n",
     "l = L.Linear(5, 3, nobias=False, initialW=None, initial_bias=0.7)\n"),
    ("l = L.Linear(5, 3, 1.0)\n", "l = L.Linear(5, 3)\n"),
    # v1 ConvolutionND(ndim, in, out, ksize, stride, pad, initialW, initial_bias, use_cudnn)
    ("c = L.ConvolutionND(1, 2, 3, 2, 1, 0, W, None, True)\n",
     "c = L.ConvolutionND(1, 2, 3, 2, 1, 0, initialW=W, initial_bias=None, nobias=True)\n"),
    # a call of a constructed link is not a constructor call
    ("y = L.ConvolutionND(1, 2, 3, 2)(x)\n", "y = L.ConvolutionND(1, 2, 3, 2, nobias=True)(x)\n"),
])
def test_link_constructors_compose_in_one_run(body, expected):
    new, findings = migrate(body)
    assert new == expected
    again, more = migrate_source(IMPORTS + new)
    assert again == IMPORTS + new
    assert [f for f in more if f.kind == "fix"] == []


def test_the_composed_rewrites_are_exact():
    source = """\
x = np.linspace(-1, 1, 32, dtype=np.float32).reshape(2, 4, 2, 2)
v = np.linspace(-1, 1, 10, dtype=np.float32).reshape(2, 5)
W = np.linspace(-1, 1, 12, dtype=np.float32).reshape(3, 2, 2)
s = F.softmax(v, False, 0)
conv = L.Convolution2D(4, 3, 2, 1, 0, 1, 0.25, False, True)
c = conv(x)
lin = L.Linear(5, 3, 1, 0.5)
l = lin(v)
lin2 = L.Linear(5, 3, 1.0, 0, False, None, 0.75)
l2 = lin2(v)
p = F.spatial_pyramid_pooling_2d(x, 2, F.MaxPooling2D, True)
nd = L.ConvolutionND(1, 2, 3, 2, 1, 0, W, None, True)
n = nd(v.reshape(1, 2, 5))
"""
    new, findings = check(source, ["s", "c", "l", "l2", "p", "n"])
    assert "F.softmax(v, axis=0)" in new
    assert "L.Convolution2D(4, 3, 2, 1, 0, initial_bias=0.25, nobias=False)" in new
    assert "L.Linear(5, 3, initial_bias=0.5)" in new
    assert "L.Linear(5, 3, nobias=False, initialW=None, initial_bias=0.75)" in new
    assert "F.spatial_pyramid_pooling_2d(x, 2, pooling='max')" in new
    assert "L.ConvolutionND(1, 2, 3, 2, 1, 0, initialW=W, initial_bias=None, nobias=True)" in new
    assert not [f for f in findings if f.kind == "review" and not f.silent]
