"""CH304: the adapter classes behind ``F.<Class>`` (see ``ch304_function_classes``).

``V1Function`` is the common base; the classes here with their own
``_forward`` are the ones whose v1 call did more than call the function form
with the constructor arguments (state kept across calls, other inputs, removed
classes rebuilt on their function forms).
"""
import inspect

import chainer
import chainer.functions as F
from chainer.utils import type_check

from chainer_compat import _warn
from chainer_compat.ch304_checks import CHECKS
from chainer_rules.function_classes import CLASSES, LABELS, keyword_map


def _signature(text):
    namespace = {}
    exec("def f(%s): pass" % text, namespace)  # the table's own literals only
    return inspect.signature(namespace["f"])


def _pair(x):
    return tuple(x) if hasattr(x, "__getitem__") else (x, x)


def _as_tuple(x, n):
    return tuple(x) if hasattr(x, "__getitem__") else (x,) * n


class V1Function(chainer.Function):
    """Base of the ``F.<Class>`` adapters: a v1 ``chainer.Function`` called old-style.

    A subclass of ``chainer.Function`` (as in v1, so ``isinstance(f,
    chainer.Function)`` holds and Chainer's test helpers treat it as an
    old-style function) whose ``__call__`` runs the 7.8.1 function form.

    Subclasses set ``_name`` (the v1 class name); the constructor binds the v1
    signature of ``chainer_rules.function_classes.CLASSES[_name]`` (``TypeError`` on a bad call)
    and runs v1's argument checks.
    """

    _name = None

    def __init__(self, *args, **kwargs):
        spec = CLASSES[self._name]
        bound = _SIGNATURES[self._name].bind(*args, **kwargs)
        given = set(bound.arguments)
        bound.apply_defaults()
        params = dict(bound.arguments)
        self._extra = params.pop("keywords", {})   # F.Pad(pad_width, mode, **keywords)
        check = CHECKS.get(self._name)
        if check is not None:
            check(params)
        _warn.warn("CH304", "F.%s(...)" % self._name)
        if "use_cudnn" in given:
            _warn.warn("CH105", "F.%s(use_cudnn=...)" % self._name)
        if "train" in given:
            _warn.warn("CH101", "F.%s(train=...)" % self._name)
        self.__dict__.update(params)
        self._params = params
        self._spec = spec
        self._last_node = None
        self._init_v1_attributes()

    def _init_v1_attributes(self):
        """Attributes that v1's constructor derived from the arguments (pooling)."""

    @property
    def label(self):
        """v1's ``Function.label``: the class name unless v1 overrode it."""
        return LABELS.get(self._name, self._name)

    def __getattr__(self, name):
        node = self.__dict__.get("_last_node")
        if node is None or name.startswith("__"):
            raise AttributeError("%r object has no attribute %r" % (type(self).__name__, name))
        return getattr(node, name)

    def _check_inputs(self, inputs):
        low, high = self._spec.n_inputs
        n = len(inputs)
        if n < low or (high is not None and n > high):
            expect = "in_types.size == %d" % low if low == high else \
                "%s <= in_types.size" % low if high is None else \
                "%d <= in_types.size <= %d" % (low, high)
            raise type_check.InvalidType(expect, "in_types.size == %d" % n)

    def _keywords(self):
        keywords = {v7: self._params[v1] for v1, v7 in keyword_map(self._spec).items()}
        keywords.update(self._extra)
        return keywords

    def _forward(self, inputs):
        """Call the 7.8.1 function form; subclasses with special inputs override this."""
        function = getattr(F, self._spec.function)
        if self._spec.inputs == "seq":
            return function(tuple(inputs), **self._keywords())
        return function(*inputs, **self._keywords())

    def __call__(self, *inputs):
        self._check_inputs(inputs)
        if self._params.get("use_cudnn", True):
            out = self._forward(inputs)
        else:
            with chainer.using_config("use_cudnn", "never"):
                out = self._forward(inputs)
        if isinstance(out, (tuple, list)):
            out = out[0] if len(out) == 1 else tuple(out)
        first = out[0] if isinstance(out, tuple) else out
        self._last_node = getattr(first, "creator", None)
        return out


class _Pooling2D(V1Function):
    def _init_v1_attributes(self):
        stride = self.ksize if self.stride is None else self.stride
        self.kh, self.kw = _pair(self.ksize)
        self.sy, self.sx = _pair(stride)
        self.ph, self.pw = _pair(self.pad)


class _PoolingND(V1Function):
    def _init_v1_attributes(self):
        stride = self.ksize if self.stride is None else self.stride
        self.ksize = _as_tuple(self.ksize, self.ndim)
        self.stride = _as_tuple(stride, self.ndim)
        self.pad = _as_tuple(self.pad, self.ndim)

    def _keywords(self):
        return dict(super()._keywords(), ksize=self.ksize, stride=self.stride, pad=self.pad)


class _MaxPooling2D(_Pooling2D):
    def _forward(self, inputs):
        y, self.indexes = F.max_pooling_2d(
            inputs[0], self._params["ksize"], stride=self._params["stride"],
            pad=self._params["pad"], cover_all=self.cover_all, return_indices=True)
        return y


class _Dropout(V1Function):
    """v1 ``Dropout`` draws its mask on the first call and reuses it."""

    def _forward(self, inputs):
        with chainer.using_config("train", True):
            mask = self.__dict__.get("mask")
            if mask is None:
                y, self.mask = F.dropout(inputs[0], self.dropout_ratio, return_mask=True)
                return y
            return F.dropout(inputs[0], self.dropout_ratio, mask=mask)


class _Zoneout(V1Function):
    def _forward(self, inputs):
        with chainer.using_config("train", True):
            return F.zoneout(inputs[0], inputs[1], self.zoneout_ratio)


class _Gaussian(V1Function):
    """v1 ``Gaussian`` draws its noise ``eps`` on the first call and reuses it."""

    def _init_v1_attributes(self):
        self.eps = None

    def _forward(self, inputs):
        y, self.eps = F.gaussian(inputs[0], inputs[1], eps=self.eps, return_eps=True)
        return y


class _SimplifiedDropconnect(V1Function):
    """v1 ``SimplifiedDropconnect`` draws its mask on the first call and reuses it."""

    def _forward(self, inputs):
        mask = self.mask
        if isinstance(mask, chainer.Variable):
            mask = mask.array
        b = inputs[2] if len(inputs) == 3 else None
        y = F.simplified_dropconnect(inputs[0], inputs[1], b, self.ratio, True, mask)
        if self.mask is None or isinstance(self.mask, chainer.Variable):
            self.mask = y.creator.mask
        return y


class _SplitAxis(V1Function):
    def _forward(self, inputs):
        return F.split_axis(inputs[0], self.indices_or_sections, self.axis, force_tuple=False)


class _Forget(V1Function):
    def _forward(self, inputs):
        return F.forget(self.func, *inputs)


class _CTC(V1Function):
    """v1 inputs: ``(input_length, label_length, t, *x)``."""

    def _forward(self, inputs):
        input_length, label_length, t = inputs[:3]
        return F.connectionist_temporal_classification(
            list(inputs[3:]), t, self.blank_symbol, input_length=input_length,
            label_length=label_length, reduce=self.reduce)


class _SpatialPyramidPooling2D(V1Function):
    def _forward(self, inputs):
        return F.spatial_pyramid_pooling_2d(inputs[0], self.pyramid_height, pooling="max")


class _TheanoFunction(V1Function):
    def _forward(self, inputs):
        from chainer.functions.theano.theano_function import TheanoFunction
        return TheanoFunction(self.forward_func, self.backward_func)(*inputs)


#: v1 NStep class -> (7.8.1 function, cell state input, weights per layer and direction)
_NSTEP = {
    "NStepLSTM": ("n_step_lstm", True, 8), "NStepBiLSTM": ("n_step_bilstm", True, 8),
    "NStepGRU": ("n_step_gru", False, 6), "NStepBiGRU": ("n_step_bigru", False, 6),
    "NStepRNNTanh": ("n_step_rnn", False, 2), "NStepRNNReLU": ("n_step_rnn", False, 2),
    "NStepBiRNNTanh": ("n_step_birnn", False, 2), "NStepBiRNNReLU": ("n_step_birnn", False, 2),
}


class _NStep(V1Function):
    """v1 inputs: ``(hx[, cx], *ws_flat, *bs_flat, *xs)``; returns ``(hy[, cy], *ys)``."""

    def _forward(self, inputs):
        function, cell, n_weights = _NSTEP[self._name]
        if isinstance(self.states, bool) or not isinstance(self.states, (int, float)):
            raise TypeError("F.%s: pass the dropout ratio as `states` (v1's cuDNN dropout "
                            "states do not exist on Chainer 7); better use F.%s"
                            % (self._name, function))
        directions = 2 if "Bi" in self._name else 1
        n = self.n_layers * directions
        head = 2 if cell else 1
        flat_w = inputs[head:head + n * n_weights]
        flat_b = inputs[head + n * n_weights:head + 2 * n * n_weights]
        xs = list(inputs[head + 2 * n * n_weights:])
        ws = [list(flat_w[i * n_weights:(i + 1) * n_weights]) for i in range(n)]
        bs = [list(flat_b[i * n_weights:(i + 1) * n_weights]) for i in range(n)]
        args = [self.n_layers, float(self.states)] + list(inputs[:head]) + [ws, bs, xs]
        kwargs = {}
        if function in ("n_step_rnn", "n_step_birnn"):
            kwargs["activation"] = "relu" if "ReLU" in self._name else "tanh"
        with chainer.using_config("train", bool(self.train)):
            out = getattr(F, function)(*args, **kwargs)
        return tuple(out[:-1]) + tuple(out[-1])


SPECIAL = {
    "AveragePooling2D": _Pooling2D, "Unpooling2D": _Pooling2D, "Upsampling2D": _Pooling2D,
    "MaxPooling2D": _MaxPooling2D,
    "AveragePoolingND": _PoolingND, "MaxPoolingND": _PoolingND, "UnpoolingND": _PoolingND,
    "Dropout": _Dropout, "Zoneout": _Zoneout, "Gaussian": _Gaussian,
    "SimplifiedDropconnect": _SimplifiedDropconnect, "SplitAxis": _SplitAxis,
    "Forget": _Forget, "ConnectionistTemporalClassification": _CTC,
    "SpatialPyramidPooling2D": _SpatialPyramidPooling2D, "TheanoFunction": _TheanoFunction,
}
SPECIAL.update((name, _NStep) for name in _NSTEP)

_SIGNATURES = {name: _signature(spec.signature) for name, spec in CLASSES.items()}
