"""CH302 positional-rebinding: positional arguments past the shared prefix become v1 keywords.

Catalogue R2: a call of a callable whose v1 and v7 parameter lists differ
(appendix A8, A11; ``F.batch_normalization`` is CH306) that passes more
positional arguments than the parameters both versions share at the front
gets every positional argument from that index on turned into a keyword named
after the **v1** parameter (``L.DeconvolutionND(2, 1, 2, 3, 1, 0, (5, 5))`` ->
``..., outsize=(5, 5))``). Valid on 1.24 too. Removed parameters that become
keywords (``use_cudnn=``, ``wscale=``, ``bias=``, ...) are dropped or renamed
by their own codes in the same run (``ch302_binding``: they read the positional
slot as the v1 keyword); the finding names only the arguments that stay.
Calls with ``*``/``**`` arguments are reported. Runs late (``ORDER``), after
every rule that drops such an argument, so that its finding is exact.
"""
from codemod.rules.ch302_binding import plan_table  # noqa: F401  (CH306 uses it)

CODE = "CH302"
ORDER = 990   # after the rules that drop arguments of these calls (CH105 ... CH503)

_F = "chainer.functions."
_L = "chainer.links."


def _rows(rows):
    table = {}
    for names, n_shared, v1_params in rows:
        for name in names:
            table[name] = (n_shared, v1_params)
    return table


#: qualified names -> (n_shared, v1 positional parameters). Chainer 1.24.0 / 7.8.1.
TABLE = _rows([
    ((_F + "convolution_2d", _F + "connection.convolution_2d.convolution_2d"), 5,
     ("x", "W", "b", "stride", "pad", "use_cudnn", "cover_all", "deterministic")),
    ((_F + "convolution_nd", _F + "connection.convolution_nd.convolution_nd"), 5,
     ("x", "W", "b", "stride", "pad", "use_cudnn", "cover_all")),
    ((_F + "dilated_convolution_2d",
      _F + "connection.dilated_convolution_2d.dilated_convolution_2d"), 6,
     ("x", "W", "b", "stride", "pad", "dilate", "use_cudnn", "cover_all")),
    ((_F + "deconvolution_nd", _F + "connection.deconvolution_nd.deconvolution_nd"), 6,
     ("x", "W", "b", "stride", "pad", "outsize", "use_cudnn")),
    ((_F + "n_step_rnn", _F + "connection.n_step_rnn.n_step_rnn"), 6,
     ("n_layers", "dropout_ratio", "hx", "ws", "bs", "xs", "train", "use_cudnn", "activation")),
    ((_F + "n_step_birnn", _F + "connection.n_step_rnn.n_step_birnn"), 6,
     ("n_layers", "dropout_ratio", "hx", "ws", "bs", "xs", "train", "use_cudnn", "activation")),
    ((_F + "sigmoid_cross_entropy", _F + "loss.sigmoid_cross_entropy.sigmoid_cross_entropy"), 2,
     ("x", "t", "use_cudnn", "normalize", "reduce")),
    ((_F + "softmax", _F + "activation.softmax.softmax"), 1, ("x", "use_cudnn", "axis")),
    ((_F + "log_softmax", _F + "activation.log_softmax.log_softmax"), 1, ("x", "use_cudnn")),
    ((_F + "softmax_cross_entropy", _F + "loss.softmax_cross_entropy.softmax_cross_entropy"), 2,
     ("x", "t", "use_cudnn", "normalize", "cache_score", "class_weight", "ignore_label",
      "reduce")),
    ((_F + "max_pooling_2d", _F + "pooling.max_pooling_2d.max_pooling_2d"), 5,
     ("x", "ksize", "stride", "pad", "cover_all", "use_cudnn")),
    ((_F + "max_pooling_nd", _F + "pooling.max_pooling_nd.max_pooling_nd"), 5,
     ("x", "ksize", "stride", "pad", "cover_all", "use_cudnn")),
    ((_F + "average_pooling_nd", _F + "pooling.average_pooling_nd.average_pooling_nd"), 4,
     ("x", "ksize", "stride", "pad", "use_cudnn")),
    ((_F + "fixed_batch_normalization",
      _F + "normalization.batch_normalization.fixed_batch_normalization"), 6,
     ("x", "gamma", "beta", "mean", "var", "eps", "use_cudnn")),
    ((_L + "Linear", _L + "connection.linear.Linear", _F + "Linear"), 2,
     ("in_size", "out_size", "wscale", "bias", "nobias", "initialW", "initial_bias")),
    ((_L + "Convolution2D", _L + "connection.convolution_2d.Convolution2D",
      _F + "Convolution2D"), 5,
     ("in_channels", "out_channels", "ksize", "stride", "pad", "wscale", "bias", "nobias",
      "use_cudnn", "initialW", "initial_bias", "deterministic")),
    ((_L + "ConvolutionND", _L + "connection.convolution_nd.ConvolutionND"), 6,
     ("ndim", "in_channels", "out_channels", "ksize", "stride", "pad", "initialW",
      "initial_bias", "use_cudnn", "cover_all")),
    ((_L + "Deconvolution2D", _L + "connection.deconvolution_2d.Deconvolution2D"), 5,
     ("in_channels", "out_channels", "ksize", "stride", "pad", "wscale", "bias", "nobias",
      "outsize", "use_cudnn", "initialW", "initial_bias", "deterministic")),
    ((_L + "DeconvolutionND", _L + "connection.deconvolution_nd.DeconvolutionND"), 6,
     ("ndim", "in_channels", "out_channels", "ksize", "stride", "pad", "outsize", "initialW",
      "initial_bias", "use_cudnn")),
    ((_L + "DilatedConvolution2D", _L + "connection.dilated_convolution_2d.DilatedConvolution2D",
      _F + "DilatedConvolution2D"), 6,
     ("in_channels", "out_channels", "ksize", "stride", "pad", "dilate", "wscale", "bias",
      "nobias", "use_cudnn", "initialW", "initial_bias")),
    ((_L + "MLPConvolution2D", _L + "connection.mlp_convolution_2d.MLPConvolution2D"), 5,
     ("in_channels", "out_channels", "ksize", "stride", "pad", "wscale", "activation",
      "use_cudnn", "conv_init", "bias_init")),
    ((_L + "Maxout", _L + "activation.maxout.Maxout"), 3,
     ("in_size", "out_size", "pool_size", "wscale", "initialW", "initial_bias")),
    ((_L + "BatchNormalization", _L + "normalization.batch_normalization.BatchNormalization",
      _F + "BatchNormalization"), 8,
     ("size", "decay", "eps", "dtype", "use_gamma", "use_beta", "initial_gamma",
      "initial_beta", "use_cudnn")),
    (("chainer.training.make_extension", "chainer.training.extension.make_extension"), 3,
     ("trigger", "default_name", "priority", "invoke_before_training", "finalizer")),
])


def plan(ctx):
    plan_table(ctx, CODE, TABLE, "their v7 positions bind other parameters")
