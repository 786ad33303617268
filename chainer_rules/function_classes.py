"""CH304 data: the 120 Function classes of Chainer 1.24's ``chainer.functions`` (catalogue A4).

Plain data shared by the shim (``chainer_compat.ch304_function_classes``) and
the codemod (``codemod/rules/ch304_function_classes_hidden.py``); imports
nothing from Chainer.

``CLASSES`` maps each v1 class name to ``Spec(signature, function, inputs,
keywords)``:

- ``signature``: the v1 constructor parameters, as Python source
  (``"axis=None, keepdims=False"``); source: Chainer 1.24.0.
- ``function``: the Chainer 7.8.1 function form the adapter calls
  (``chainer.functions.<function>``) and the codemod writes; ``None`` where
  there is none with the same meaning. The classes in
  ``chainer_compat.ch304_adapters.SPECIAL`` have their own ``_forward``.
- ``inputs``: how v1's call inputs are passed: ``"args"`` (``f(*inputs)``),
  ``"seq"`` (``f(tuple(inputs))``, e.g. ``F.concat``); with the v1 number of
  inputs ``(min, max)`` (``max`` None: any number), checked like v1's type
  check (``InvalidType``).
- ``keywords``: constructor parameters passed on as keywords of the function,
  ``"v1name"`` or ``"v1name>v7name"``. Parameters not listed (``use_cudnn``,
  ``ndim``, ...) are kept on the instance only. They are listed in the order
  of the function's parameters after the inputs (a test checks this against
  Chainer 7.8.1), so the codemod may keep a positional constructor argument
  positional where the names agree.

``LABELS``: the v1 ``Function.label`` where a class overrode it (the default
is the class name).
"""
import collections

Spec = collections.namedtuple("Spec", "signature function inputs n_inputs keywords")


def _s(signature, function, n_inputs=(1, 1), keywords="", inputs="args"):
    return Spec(signature, function, inputs, n_inputs, tuple(keywords.split()))


_UNARY = ""
_REDUCE = "reduce='mean'"
_POOL2D = "ksize, stride=None, pad=0, cover_all=True, use_cudnn=True"
_POOLND = "ndim, ksize, stride=None, pad=0, cover_all=True, use_cudnn=True"
_NSTEP = "n_layers, states, train=True"

CLASSES = {
    "AbsoluteError": _s(_UNARY, "absolute_error", (2, 2)),
    "Accuracy": _s("ignore_label=None", "accuracy", (2, 2), "ignore_label"),
    "Arccos": _s(_UNARY, "arccos"),
    "Arcsin": _s(_UNARY, "arcsin"),
    "Arctan": _s(_UNARY, "arctan"),
    "ArgMax": _s("axis=None", "argmax", (1, 1), "axis"),
    "ArgMin": _s("axis=None", "argmin", (1, 1), "axis"),
    "AveragePooling2D": _s(_POOL2D, "average_pooling_2d", (1, 1), "ksize stride pad"),
    "AveragePoolingND": _s("ndim, ksize, stride=None, pad=0, cover_all=False, use_cudnn=True",
                           "average_pooling_nd", (1, 1), "ksize stride pad"),
    "BatchDet": _s(_UNARY, "batch_det"),
    "BatchInv": _s(_UNARY, "batch_inv"),
    "BatchL2NormSquared": _s(_UNARY, "batch_l2_norm_squared"),
    "BatchMatMul": _s("transa=False, transb=False", "batch_matmul", (2, 2), "transa transb"),
    "BinaryAccuracy": _s(_UNARY, "binary_accuracy", (2, 2)),
    "Broadcast": _s(_UNARY, "broadcast", (1, None)),
    "BroadcastTo": _s("shape", "broadcast_to", (1, 1), "shape"),
    "CReLU": _s("axis=1", "crelu", (1, 1), "axis"),
    "Cast": _s("typ", "cast", (1, 1), "typ"),
    "Ceil": _s(_UNARY, "ceil"),
    "ClassificationSummary": _s("label_num, beta, ignore_label", "classification_summary",
                                (2, 2), "label_num beta ignore_label"),
    "Clip": _s("x_min, x_max", "clip", (1, 1), "x_min x_max"),
    "ClippedReLU": _s("z", "clipped_relu", (1, 1), "z"),
    "Concat": _s("axis=1", "concat", (1, None), "axis", inputs="seq"),
    "ConnectionistTemporalClassification": _s("blank_symbol, reduce='mean'", None, (4, None)),
    "Contrastive": _s("margin, " + _REDUCE, "contrastive", (3, 3), "margin reduce"),
    "Copy": _s("out_device", "copy", (1, 1), "out_device>dst"),
    "Cos": _s(_UNARY, "cos"),
    "Cosh": _s(_UNARY, "cosh"),
    "CrossCovariance": _s("reduce='half_squared_sum'", "cross_covariance", (2, 2), "reduce"),
    "DeCov": _s("reduce='half_squared_sum'", "decov", (1, 1), "reduce"),
    "Depth2Space": _s("r", "depth2space", (1, 1), "r"),
    "Dropout": _s("dropout_ratio", None),
    "ELU": _s("alpha=1.0", "elu", (1, 1), "alpha"),
    "Exp": _s(_UNARY, "exp"),
    "ExpandDims": _s("axis", "expand_dims", (1, 1), "axis"),
    "Expm1": _s(_UNARY, "expm1"),
    "Flatten": _s(_UNARY, "flatten"),
    "FlipLR": _s(_UNARY, "fliplr"),
    "FlipUD": _s(_UNARY, "flipud"),
    "Floor": _s(_UNARY, "floor"),
    "Fmod": _s(_UNARY, "fmod", (2, 2)),
    "Forget": _s("func", None, (1, None)),
    "Gaussian": _s(_UNARY, None, (2, 2)),
    "GetItem": _s("slices", "get_item", (1, 1), "slices"),
    "HardSigmoid": _s(_UNARY, "hard_sigmoid"),
    "Hinge": _s("norm='L1', " + _REDUCE, "hinge", (2, 2), "norm reduce"),
    "HuberLoss": _s("delta, reduce='sum_along_second_axis'", "huber_loss", (2, 2), "delta reduce"),
    "Identity": _s(_UNARY, "identity", (0, None)),
    "Im2Col": _s("ksize, stride, pad, cover_all, dilate", "im2col", (1, 1),
                 "ksize stride pad cover_all dilate"),
    "Inv": _s(_UNARY, "inv"),
    "LSTM": _s(_UNARY, "lstm", (2, 2)),
    "LeakyReLU": _s("slope=0.2", "leaky_relu", (1, 1), "slope"),
    "LinearInterpolate": _s(_UNARY, "linear_interpolate", (3, 3)),
    "LocalResponseNormalization": _s("n=5, k=2, alpha=0.0001, beta=0.75",
                                     "local_response_normalization", (1, 1), "n k alpha beta"),
    "Log": _s(_UNARY, "log"),
    "Log10": _s(_UNARY, "log10"),
    "Log1p": _s(_UNARY, "log1p"),
    "Log2": _s(_UNARY, "log2"),
    "LogSoftmax": _s("use_cudnn=True", "log_softmax"),
    "LogSumExp": _s("axis=None", "logsumexp", (1, 1), "axis"),
    "MatMul": _s("transa=False, transb=False", "matmul", (2, 2), "transa transb"),
    "Max": _s("axis=None, keepdims=False", "max", (1, 1), "axis keepdims"),
    "MaxPooling2D": _s(_POOL2D, "max_pooling_2d", (1, 1), "ksize stride pad cover_all"),
    "MaxPoolingND": _s(_POOLND, "max_pooling_nd", (1, 1), "ksize stride pad cover_all"),
    "Maximum": _s(_UNARY, "maximum", (2, 2)),
    "MeanAbsoluteError": _s(_UNARY, "mean_absolute_error", (2, 2)),
    "MeanSquaredError": _s(_UNARY, "mean_squared_error", (2, 2)),
    "Min": _s("axis=None, keepdims=False", "min", (1, 1), "axis keepdims"),
    "Minimum": _s(_UNARY, "minimum", (2, 2)),
    "NStepBiGRU": _s(_NSTEP, None, (1, None)),
    "NStepBiLSTM": _s(_NSTEP, None, (1, None)),
    "NStepBiRNNReLU": _s(_NSTEP, None, (1, None)),
    "NStepBiRNNTanh": _s(_NSTEP, None, (1, None)),
    "NStepGRU": _s(_NSTEP, None, (1, None)),
    "NStepLSTM": _s(_NSTEP, None, (1, None)),
    "NStepRNNReLU": _s(_NSTEP, None, (1, None)),
    "NStepRNNTanh": _s(_NSTEP, None, (1, None)),
    "NormalizeL2": _s("eps=1e-05, axis=1", "normalize", (1, 1), "eps axis"),
    "Pad": _s("pad_width, mode, **keywords", "pad", (1, 1), "pad_width mode"),
    "PadSequence": _s("length, padding", "pad_sequence", (1, None), "length padding",
                      inputs="seq"),
    "Permutate": _s("axis=0, inv=False", "permutate", (2, 2), "axis inv"),
    "ROIPooling2D": _s("outh, outw, spatial_scale", "roi_pooling_2d", (2, 2),
                       "outh outw spatial_scale"),
    "ReLU": _s("use_cudnn=True", "relu"),
    "Reshape": _s("shape", "reshape", (1, 1), "shape"),
    "ResizeImages": _s("output_shape", "resize_images", (1, 1), "output_shape"),
    "Rollaxis": _s("axis, start", "rollaxis", (1, 1), "axis start"),
    "SLSTM": _s(_UNARY, "slstm", (4, 4)),
    "SelectItem": _s(_UNARY, "select_item", (2, 2)),
    "Sigmoid": _s("use_cudnn=True", "sigmoid"),
    "SigmoidCrossEntropy": _s("use_cudnn=True, normalize=True, " + _REDUCE,
                              "sigmoid_cross_entropy", (2, 2), "normalize reduce"),
    "SimplifiedDropconnect": _s("ratio, mask=None", None, (2, 3)),
    "Sin": _s(_UNARY, "sin"),
    "Sinh": _s(_UNARY, "sinh"),
    "Softmax": _s("use_cudnn=True, axis=1", "softmax", (1, 1), "axis"),
    "SoftmaxCrossEntropy": _s("use_cudnn=True, normalize=True, cache_score=True, "
                              "class_weight=None, ignore_label=-1, " + _REDUCE,
                              "softmax_cross_entropy", (2, 2),
                              "normalize cache_score class_weight ignore_label reduce"),
    "Softplus": _s("beta=1.0", "softplus", (1, 1), "beta"),
    "Space2Depth": _s("r", "space2depth", (1, 1), "r"),
    "SpatialPyramidPooling2D": _s("x_shape, pyramid_height, pooling_class, use_cudnn=True",
                                  None),
    "SpatialTransformerGrid": _s("output_shape, use_cudnn=True", "spatial_transformer_grid",
                                 (1, 1), "output_shape"),
    "SpatialTransformerSampler": _s("use_cudnn=True", "spatial_transformer_sampler", (2, 2)),
    "SplitAxis": _s("indices_or_sections, axis", None),
    "Sqrt": _s(_UNARY, "sqrt"),
    "Square": _s(_UNARY, "square"),
    "SquaredDifference": _s(_UNARY, "squared_difference", (2, 2)),
    "SquaredError": _s(_UNARY, "squared_error", (2, 2)),
    "Squeeze": _s("axis=None", "squeeze", (1, 1), "axis"),
    "Sum": _s("axis=None, keepdims=False", "sum", (1, 1), "axis keepdims"),
    "Swapaxes": _s("axis1, axis2", "swapaxes", (1, 1), "axis1 axis2"),
    "Tan": _s(_UNARY, "tan"),
    "Tanh": _s("use_cudnn=True", "tanh"),
    "TheanoFunction": _s("forward_func, backward_func", None, (0, None)),
    "Tile": _s("reps", "tile", (1, 1), "reps"),
    "Transpose": _s("axes=None", "transpose", (1, 1), "axes"),
    "TransposeSequence": _s(_UNARY, "transpose_sequence", (1, None), inputs="seq"),
    "Triplet": _s("margin, " + _REDUCE, "triplet", (3, 3), "margin reduce"),
    "Unpooling2D": _s("ksize, stride=None, pad=0, outsize=None, cover_all=True", "unpooling_2d",
                      (1, 1), "ksize stride pad outsize cover_all"),
    "UnpoolingND": _s("ndim, ksize, stride=None, pad=0, outsize=None, cover_all=True",
                      "unpooling_nd", (1, 1), "ksize stride pad outsize cover_all"),
    "Upsampling2D": _s("indexes, ksize, stride=None, pad=0, outsize=None, cover_all=True",
                       "upsampling_2d", (1, 1), "indexes ksize stride pad outsize cover_all"),
    "Where": _s(_UNARY, "where", (3, 3)),
    "Zoneout": _s("zoneout_ratio", None, (2, 2)),
}

#: ``Function.label`` of the v1 classes that overrode it (Chainer 1.24.0).
LABELS = {
    "Arccos": "arccos", "Arcsin": "arcsin", "Arctan": "arctan", "BatchDet": "det",
    "Ceil": "ceil", "Cos": "cos", "Cosh": "cosh", "Exp": "exp", "Expm1": "expm1",
    "Floor": "floor", "Fmod": "fmod", "Log": "log", "Log10": "log10", "Log1p": "log1p",
    "Log2": "log2", "Sin": "sin", "Sinh": "sinh", "Sqrt": "sqrt", "Square": "square",
    "Swapaxes": "Swapaxes", "Tan": "tan", "Transpose": "Transpose",
}

def keyword_map(spec):
    """``{v1 parameter: v7 keyword}`` of ``spec.keywords``."""
    out = {}
    for item in spec.keywords:
        v1, _, v7 = item.partition(">")
        out[v1] = v7 or v1
    return out
