"""CH105 use-cudnn-argument: v1 ``use_cudnn=`` of Chainer functions and link constructors.

On CPU cuDNN is never used, so results must be bitwise those of stock Chainer;
what the shim changes is ``chainer.config.use_cudnn`` while Chainer's own
functions run, which a ``FunctionHook`` records.
"""
import sys

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.functions as F
import chainer.links as L

import chainer_compat
from chainer_compat import ChainerV1Warning, ch105_cudnn

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")

X = np.linspace(-1, 1, 12, dtype=np.float32).reshape(3, 4)
T = np.array([0, 3, 1], np.int32)
IMG = np.linspace(-1, 1, 2 * 2 * 5 * 5, dtype=np.float32).reshape(2, 2, 5, 5)
W = np.linspace(-0.5, 0.5, 3 * 2 * 3 * 3, dtype=np.float32).reshape(3, 2, 3, 3)
WT = W.transpose(1, 0, 2, 3).copy()
GAMMA = np.linspace(0.5, 1.5, 4, dtype=np.float32)
BETA = np.linspace(-0.1, 0.1, 4, dtype=np.float32)
THETA = np.array([[[1.0, 0.1, 0.0], [0.0, 0.9, 0.1]]], np.float32)

#: name -> the arguments of a call without ``use_cudnn`` (valid on both versions).
INPUTS = {
    "relu": (X,),
    "sigmoid": (X,),
    "tanh": (X,),
    "softmax": (X,),
    "log_softmax": (X,),
    "average_pooling_2d": (IMG, 2),
    "average_pooling_nd": (IMG, 2),
    "max_pooling_2d": (IMG, 2),
    "max_pooling_nd": (IMG, 2),
    "convolution_2d": (IMG, W),
    "convolution_nd": (IMG, W),
    "deconvolution_2d": (IMG[:, :, :3, :3], WT[:2, :2]),
    "deconvolution_nd": (IMG[:, :, :3, :3], WT[:2, :2]),
    "dilated_convolution_2d": (IMG, W),
    "batch_normalization": (X, GAMMA, BETA),
    "fixed_batch_normalization": (X, GAMMA, BETA, BETA, GAMMA),
    "softmax_cross_entropy": (X, T),
    "sigmoid_cross_entropy": (X, (X > 0).astype(np.int32)),
    "spatial_pyramid_pooling_2d": (IMG, 2, "max"),
    "spatial_transformer_grid": (THETA, (4, 4)),
    "spatial_transformer_sampler": (IMG[:1], np.linspace(-1, 1, 32, dtype=np.float32).reshape(1, 2, 4, 4)),
}

#: Functions whose v1 positional ``use_cudnn`` slot is read (no clash with v7's signature).
POSITIONAL = sorted(n for n, (_, names) in ch105_cudnn.FUNCTIONS.items() if names)

#: The 15 link constructors of catalogue CH105 with the arguments of a small instance
#: and the inputs of one call.
LINKS = {
    "Convolution2D": ((2, 3, 3), (IMG,)),
    "Deconvolution2D": ((2, 3, 3), (IMG,)),
    "DilatedConvolution2D": ((2, 3, 3), (IMG,)),
    "ConvolutionND": ((2, 2, 3, 3), (IMG,)),
    "DeconvolutionND": ((2, 2, 3, 3), (IMG,)),
    "MLPConvolution2D": ((2, (3, 4), 3), (IMG,)),
    "BatchNormalization": ((4,), (X,)),
}
for _name in ("NStepGRU", "NStepBiGRU", "NStepRNNTanh", "NStepRNNReLU",
              "NStepBiRNNTanh", "NStepBiRNNReLU"):
    LINKS[_name] = ((1, 4, 3, 0.0), (None, [X[:2], X[:1]]))
for _name in ("NStepLSTM", "NStepBiLSTM"):
    LINKS[_name] = ((1, 4, 3, 0.0), (None, None, [X[:2], X[:1]]))

NSTEP = sorted(n for n in LINKS if n.startswith("NStep"))


class ConfigRecorder(chainer.FunctionHook):
    """Records ``chainer.config.use_cudnn`` at every function application."""
    name = "ch105_config_recorder"

    def __init__(self):
        self.seen = []

    def forward_preprocess(self, function, in_data):
        self.seen.append(chainer.config.use_cudnn)


def recorded(fn, *args, **kwargs):
    """``(result, set of use_cudnn values seen by Chainer's functions)``."""
    with ConfigRecorder() as hook:
        result = fn(*args, **kwargs)
    assert hook.seen, "no function ran"
    return result, set(hook.seen)


def arrays(result):
    if isinstance(result, (tuple, list)):
        return [a for r in result for a in arrays(r)]
    return [result.array if isinstance(result, chainer.Variable) else np.asarray(result)]


def assert_same(got, expected):
    got, expected = arrays(got), arrays(expected)
    assert len(got) == len(expected)
    for a, b in zip(got, expected):
        assert_array_equal(a, b)


def seeded_link(name, *args, **kwargs):
    np.random.seed(0)
    return getattr(L, name)(*args, **kwargs)


# -- functions ----------------------------------------------------------------------

def test_table_covers_the_catalogue_functions():
    assert set(ch105_cudnn.FUNCTIONS) == set(INPUTS)
    assert len(INPUTS) + 6 == 27   # and the six F.n_step_* (handled with CH101)
    assert POSITIONAL == ["average_pooling_2d", "deconvolution_2d", "relu", "sigmoid",
                          "spatial_transformer_grid", "spatial_transformer_sampler", "tanh"]


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_use_cudnn_false_runs_without_cudnn(name):
    args = INPUTS[name]
    expected, modes = recorded(getattr(F, name).__wrapped__, *args)
    assert modes == {"auto"}
    got, modes = recorded(getattr(F, name), *args, use_cudnn=False)
    assert modes == {"never"}
    assert_same(got, expected)
    assert chainer.config.use_cudnn == "auto"


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_use_cudnn_true_calls_through(name):
    args = INPUTS[name]
    got, modes = recorded(getattr(F, name), *args, use_cudnn=True)
    assert modes == {"auto"}
    assert_same(got, getattr(F, name).__wrapped__(*args))


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_use_cudnn_is_rejected_after_uninstall(name, stock):
    with pytest.raises((TypeError, ValueError), match="use_cudnn"):
        getattr(F, name)(*INPUTS[name], use_cudnn=False)


@pytest.mark.parametrize("name", POSITIONAL)
def test_v1_positional_slot(name):
    # every v1 parameter before the slot given positionally (their defaults)
    args = {"average_pooling_2d": INPUTS[name] + (None, 0),
            "deconvolution_2d": INPUTS[name] + (None, 1, 0, None)}.get(name, INPUTS[name])
    assert len(args) == ch105_cudnn.FUNCTIONS[name][0]
    with pytest.warns(ChainerV1Warning, match=r"CH105 use-cudnn-argument: F\.%s\(use_cudnn=\.\.\.\)"
                      % name):
        got, modes = recorded(getattr(F, name), *(args + (False,)))
    assert modes == {"never"}
    assert_same(got, getattr(F, name).__wrapped__(*args))
    _, modes = recorded(getattr(F, name), *(args + (True,)))
    assert modes == {"auto"}


class Spy(object):
    def __init__(self, error=None):
        self.calls = []
        self.error = error

    def __call__(self, *args, **kwargs):
        self.calls.append((args, kwargs, chainer.config.use_cudnn))
        if self.error is not None:
            raise self.error
        return "result"


@pytest.mark.parametrize("name", sorted(ch105_cudnn.FUNCTIONS))
def test_call_without_use_cudnn_reaches_original_unchanged(name):
    spy = Spy()
    wrapper = ch105_cudnn.wrap_function(spy, name)
    args = tuple(object() for _ in range(ch105_cudnn.FUNCTIONS[name][0]))
    with chainer.using_config("use_cudnn", "always"):
        assert wrapper(*args, extra=1) == "result"
    (got_args, got_kwargs, mode), = spy.calls
    assert len(got_args) == len(args) and all(a is b for a, b in zip(got_args, args))
    assert got_kwargs == {"extra": 1} and mode == "always"


@pytest.mark.parametrize("name", sorted(set(ch105_cudnn.FUNCTIONS) - set(POSITIONAL)))
def test_slot_that_clashes_with_v7_is_passed_on(name):
    """``F.softmax(x, 0)``: index 1 is ``axis`` in v7; only the keyword is translated."""
    spy = Spy()
    wrapper = ch105_cudnn.wrap_function(spy, name)
    args = tuple(range(ch105_cudnn.FUNCTIONS[name][0] + 1))
    wrapper(*args)
    assert spy.calls == [(args, {}, "auto")]


V2_CALLS = """
softmax = F.softmax(X, 0)
y, indexes = F.max_pooling_2d(IMG, 2, 2, 0, True, True)
"""


def test_v7_positional_calls_are_untouched():
    # v2 code (a module marked ``__chainer_compat__ = 'v2'``): the v7 reading (R6)
    ns = {"__name__": "v2_user_module", "__chainer_compat__": "v2", "F": F, "X": X, "IMG": IMG}
    exec(compile(V2_CALLS, "<v2 module>", "exec"), ns)
    assert_same(ns["softmax"], F.softmax.__wrapped__(X, 0))
    y0, indexes0 = F.max_pooling_2d.__wrapped__(IMG, 2, 2, 0, True, True)
    assert_same([ns["y"], ns["indexes"]], [y0, indexes0])


def test_v1_code_reads_ambiguous_positional_slots_as_v1():
    # this test module is v1 code: slot 1 of softmax is v1's use_cudnn (CH302), not axis
    with pytest.warns(chainer_compat.ChainerV1Warning):
        assert_same(F.softmax(X, 0), F.softmax.__wrapped__(X))


def test_deconvolution_2d_positional_deterministic_becomes_a_keyword():
    spy = Spy()
    wrapper = ch105_cudnn.wrap_function(spy, "deconvolution_2d")
    wrapper(*range(6), False, True)
    assert spy.calls == [((0, 1, 2, 3, 4, 5), {"deterministic": True}, "never")]


def test_bad_v1_calls_raise_type_error():
    wrapper = ch105_cudnn.wrap_function(Spy(), "relu")
    with pytest.raises(TypeError, match="multiple values for argument 'use_cudnn'"):
        wrapper(X, False, use_cudnn=False)
    with pytest.raises(TypeError, match="at most 2 positional"):
        wrapper(X, False, 1)


def test_value_is_read_as_truth_value():
    spy = Spy()
    wrapper = ch105_cudnn.wrap_function(spy, "softmax")
    wrapper(X, use_cudnn=0)
    wrapper(X, use_cudnn=1)
    assert [mode for _, _, mode in spy.calls] == ["never", "auto"]


def test_mode_restored_after_exception():
    spy = Spy(error=RuntimeError("boom"))
    with pytest.raises(RuntimeError, match="boom"):
        ch105_cudnn.wrap_function(spy, "tanh")(X, use_cudnn=False)
    assert spy.calls[0][2] == "never"
    assert chainer.config.use_cudnn == "auto"


def test_function_patched_in_its_defining_module_too():
    from chainer.functions.activation import relu as relu_module
    from chainer.functions.pooling import max_pooling_nd
    assert relu_module.relu is F.relu
    assert max_pooling_nd.max_pooling_2d is F.max_pooling_2d
    _, modes = recorded(relu_module.relu, X, use_cudnn=False)
    assert modes == {"never"}


@pytest.mark.parametrize("name", ["n_step_lstm", "n_step_gru", "n_step_birnn"])
def test_n_step_use_cudnn_keyword(name):
    """``F.n_step_*`` keep v1's ``use_cudnn`` through the CH101 wrapper (also honoured for birnn)."""
    link = seeded_link({"n_step_lstm": "NStepLSTM", "n_step_gru": "NStepGRU",
                        "n_step_birnn": "NStepBiRNNTanh"}[name], 1, 4, 3, 0.0)
    xs = [X[:2], X[:1]]
    directions = 2 if name.endswith("birnn") else 1
    hx = np.zeros((directions, 2, 3), np.float32)
    ws, bs = link.ws, link.bs
    args = (1, 0.0, hx) + ((hx,) if name == "n_step_lstm" else ()) + (ws, bs, xs)
    expected, _ = recorded(getattr(F, name).__wrapped__, *args)
    with pytest.warns(ChainerV1Warning, match="CH105"):
        got, modes = recorded(getattr(F, name), *args, use_cudnn=False)
    assert modes == {"never"}
    assert_same(got, expected)


# -- link constructors --------------------------------------------------------------

def test_links_cover_the_catalogue():
    assert len(LINKS) == 15
    patched = {cls.__name__ for cls, _, _ in ch105_cudnn.link_classes()}
    for name in LINKS:
        cls = getattr(L, name)
        assert any(base.__name__ in patched for base in cls.__mro__), name


@pytest.mark.parametrize("name", sorted(LINKS))
def test_link_built_with_use_cudnn_false_runs_without_cudnn(name):
    ctor, inputs = LINKS[name]
    with pytest.warns(ChainerV1Warning, match=r"CH105 use-cudnn-argument: L\.%s\(use_cudnn=\.\.\.\)"
                      % name):
        link = seeded_link(name, *ctor, use_cudnn=False)
    reference = seeded_link(name, *ctor)
    got, modes = recorded(link, *inputs)
    assert modes == {"never"}
    expected, modes = recorded(reference, *inputs)
    assert modes == {"auto"}
    assert_same(got, expected)
    assert chainer.config.use_cudnn == "auto"


@pytest.mark.parametrize("name", sorted(LINKS))
def test_link_built_with_use_cudnn_true_is_a_plain_link(name):
    ctor, inputs = LINKS[name]
    link = seeded_link(name, *ctor, use_cudnn=True)
    assert ch105_cudnn.NO_CUDNN not in vars(link)
    got, modes = recorded(link, *inputs)
    assert modes == {"auto"}
    assert_same(got, recorded(seeded_link(name, *ctor), *inputs)[0])


@pytest.mark.parametrize("name", NSTEP)
def test_nstep_link_positional_use_cudnn(name):
    ctor, inputs = LINKS[name]
    link = seeded_link(name, *(ctor + (False,)))
    _, modes = recorded(link, *inputs)
    assert modes == {"never"}
    with pytest.raises(TypeError, match="at most 5 positional"):
        seeded_link(name, *(ctor + (False, 1)))
    with pytest.raises(TypeError, match="multiple values for argument 'use_cudnn'"):
        seeded_link(name, *(ctor + (False,)), use_cudnn=False)


def test_nstep_link_keeps_v1_train_argument_too():
    """The CH101 ``train=`` wrapper of ``forward`` and the CH105 one compose."""
    ctor, (hx, xs) = LINKS["NStepGRU"]
    link = seeded_link("NStepGRU", *ctor, use_cudnn=False)
    with chainer.using_config("train", False):
        expected = seeded_link("NStepGRU", *ctor)(hx, xs)
    got, modes = recorded(link, hx, xs, train=False)
    assert modes == {"never"}
    assert_same(got, expected)


def test_batch_normalization_keeps_v1_test_argument_too():
    bn = L.BatchNormalization(4, use_cudnn=False)
    reference = L.BatchNormalization(4)
    reference.avg_mean[...] = bn.avg_mean[...] = BETA
    got, modes = recorded(bn, X, test=True)
    assert modes == {"never"}
    with chainer.using_config("train", False):
        assert_same(got, reference(X))


def test_mlp_convolution_children_run_without_cudnn():
    link = seeded_link("MLPConvolution2D", 2, (3, 4), 3, use_cudnn=False)
    _, modes = recorded(link, IMG)
    assert modes == {"never"}
    # the mark is passed to the inner convolutions (v1 `conv.use_cudnn`, ch105_link_attr)
    assert all(vars(child).get(ch105_cudnn.NO_CUDNN) for child in link)


def test_link_subclass_of_v1_user_code():
    class Conv(L.Convolution2D):
        def __init__(self):
            super(Conv, self).__init__(2, 3, 3, use_cudnn=False)

    _, modes = recorded(Conv(), IMG)
    assert modes == {"never"}


def test_link_flag_survives_copy():
    link = seeded_link("Convolution2D", 2, 3, 3, use_cudnn=False)
    _, modes = recorded(link.copy(), IMG)
    assert modes == {"never"}


def test_link_without_use_cudnn_reaches_original_unchanged():
    seen = []

    def init(self, *args, **kwargs):
        seen.append((args, kwargs))

    def forward(self, *args, **kwargs):
        seen.append((args, kwargs, chainer.config.use_cudnn))
        return "result"

    wrapped_init = ch105_cudnn.wrap_init(init, 4)
    wrapped_forward = ch105_cudnn.wrap_forward(forward)
    obj = type("Obj", (object,), {})()
    a = object()
    wrapped_init(obj, a, 1, 2, 3, initialW=None)
    with chainer.using_config("use_cudnn", "always"):
        assert wrapped_forward(obj, a, key=1) == "result"
    assert seen[0][0][0] is a and seen[0] == ((a, 1, 2, 3), {"initialW": None})
    assert seen[1][0][0] is a and seen[1] == ((a,), {"key": 1}, "always")
    assert vars(obj) == {}


def test_links_reject_use_cudnn_after_uninstall(stock):
    with pytest.raises(TypeError, match="use_cudnn"):
        L.Convolution2D(2, 3, 3, use_cudnn=False)
    with pytest.raises(ValueError, match="use_cudnn argument is not supported"):
        L.NStepLSTM(1, 4, 3, 0.0, use_cudnn=False)


# -- install / uninstall ----------------------------------------------------------------

def _state():
    state = {}
    for cls, _, _ in ch105_cudnn.link_classes():
        for attr, value in vars(cls).items():
            state[(cls.__name__, attr)] = value
    for name, module in list(sys.modules.items()):
        if module is not None and name.startswith("chainer.functions"):
            for attr, value in list(vars(module).items()):
                state[(name, attr)] = value
    return state


def test_uninstall_restores_functions_and_link_classes(stock):
    before = _state()
    assert not hasattr(F.relu, "__wrapped__")
    chainer_compat.install()
    assert hasattr(F.relu, "__wrapped__") and hasattr(L.Convolution2D.__init__, "__wrapped__")
    assert L.Convolution2D.forward is not before[("Convolution2D", "forward")]
    chainer_compat.uninstall()
    after = _state()
    assert before.keys() == after.keys()
    assert [key for key in before if before[key] is not after[key]] == []


def test_warns_once_per_call_site():
    def call():
        return F.relu(X, use_cudnn=False)   # one call site

    with pytest.warns(ChainerV1Warning) as record:
        call()
        call()
    assert [str(w.message).split(":")[0] for w in record.list] == ["CH105 use-cudnn-argument"]
