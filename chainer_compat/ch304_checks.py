"""CH304: the argument checks of Chainer 1.24's Function class constructors.

``CHECKS[name](params)`` raises what v1's ``__init__`` of ``F.<name>`` raised
for bad arguments (source: Chainer 1.24.0): ``TypeError`` for ``F.Concat('a')``
or ``F.Sum(axis='a')``, ``ValueError`` for a bad ``reduce`` or duplicate axes,
``NotImplementedError`` for ``F.Hinge(norm='L3')``, ``AssertionError`` for
``F.Clip(1.0, 0.0)``. ``params`` maps every v1 parameter to its value.
"""
import numbers

import chainer
import chainer.functions as F


def _is_int(value):
    return isinstance(value, numbers.Integral)


def _axis_none_int(p):
    if p["axis"] is not None and not isinstance(p["axis"], int):
        raise TypeError("None or int are required")


def _axis_reduction(p):
    axis = p["axis"]
    if axis is None or isinstance(axis, int):
        return
    if isinstance(axis, tuple) and all(isinstance(a, int) for a in axis):
        if len(set(axis)) != len(axis):
            raise ValueError("duplicate value in axis: ({})".format(", ".join(map(str, axis))))
        return
    raise TypeError("None, int or tuple of int are required")


def _axis_int(p):
    if not isinstance(p["axis"], int):
        raise TypeError("axis must be int")


def _squeeze(p):
    axis = p["axis"]
    if not (axis is None or _is_int(axis)
            or isinstance(axis, tuple) and all(_is_int(a) for a in axis)):
        raise TypeError("axis must be None, int or tuple of ints")


def _clip(p):
    for name in ("x_min", "x_max"):
        if not isinstance(p[name], float):
            raise TypeError("%s must be float value" % name)
    assert p["x_min"] < p["x_max"]


def _clipped_relu(p):
    if not isinstance(p["z"], float):
        raise TypeError("z must be float value")
    assert p["z"] > 0


def _reduce(*allowed):
    def check(p):
        if p["reduce"] not in allowed:
            raise ValueError("only %s are valid for 'reduce', but '%s' is given"
                             % (" and ".join("'%s'" % a for a in allowed), p["reduce"]))
    return check


def _margin(p):
    if p["margin"] <= 0:
        raise ValueError("margin should be positive value.")
    _reduce("mean", "no")(p)


def _hinge(p):
    if p["norm"] not in ("L1", "L2"):
        raise NotImplementedError("norm should be either 'L1' or 'L2'")
    _reduce("mean", "no")(p)


def _forget(p):
    if not callable(p["func"]):
        raise TypeError("func must be callable")


def _rollaxis(p):
    if not _is_int(p["axis"]):
        raise TypeError("axis must be int")
    if not _is_int(p["start"]):
        raise TypeError("start must be int")


def _tile(p):
    reps = p["reps"]
    if _is_int(reps):
        reps = (reps,)
    elif not (isinstance(reps, tuple) and all(_is_int(r) for r in reps)):
        raise TypeError("reps must be int or tuple of ints")
    if not all(r >= 0 for r in reps):
        raise ValueError("all elements in reps must be zero or larger")


def _softmax_cross_entropy(p):
    weight = p["class_weight"]
    if weight is not None:
        if weight.ndim != 1:
            raise ValueError("class_weight.ndim should be 1")
        if weight.dtype.kind != "f":
            raise ValueError("The dtype of class_weight should be 'f'")
        if isinstance(weight, chainer.Variable):
            raise ValueError("class_weight should be a numpy.ndarray or cupy.ndarray, "
                             "not a chainer.Variable")
    _reduce("mean", "no")(p)


def _average_pooling_nd(p):
    if p["cover_all"] is True:
        raise ValueError("`cover_all` mode is not supported yet.")


def _split_axis(p):
    value = p["indices_or_sections"]
    if not _is_int(value):
        try:
            iter(value)
        except TypeError:
            raise TypeError("indices_or_sections must be integer or 1-D array")


def _spatial_pyramid(p):
    if p["pooling_class"] is not F.__dict__.get("MaxPooling2D"):
        raise NotImplementedError()


CHECKS = {
    "ArgMax": _axis_none_int, "ArgMin": _axis_none_int,
    "Sum": _axis_reduction, "Max": _axis_reduction, "Min": _axis_reduction,
    "LogSumExp": _axis_reduction, "Squeeze": _squeeze,
    "CReLU": _axis_int, "Concat": _axis_int,
    "Clip": _clip, "ClippedReLU": _clipped_relu,
    "ConnectionistTemporalClassification": _reduce("mean", "no"),
    "Contrastive": _margin, "Triplet": _margin, "Hinge": _hinge,
    "CrossCovariance": _reduce("half_squared_sum", "no"),
    "DeCov": _reduce("half_squared_sum", "no"),
    "HuberLoss": _reduce("sum_along_second_axis", "no"),
    "SigmoidCrossEntropy": _reduce("mean", "no"),
    "SoftmaxCrossEntropy": _softmax_cross_entropy,
    "Forget": _forget, "Rollaxis": _rollaxis, "Tile": _tile,
    "AveragePoolingND": _average_pooling_nd, "SplitAxis": _split_axis,
    "SpatialPyramidPooling2D": _spatial_pyramid,
}
