"""CH603 submodule-attributes: v1 module attributes naming submodules (``chainer.links.linear``).

Besides the ``RULE`` record this module holds the facts both the shim and the
codemod use (plain data, catalogue CH603 and appendix A5; targets from
``api/v1.json``): ``ALIASES`` (owner module -> {v1 attribute: v1 target
module}) and ``MOVED`` (v1 module path -> its 7.8.1 path where the module
moved). ``chainer.flag`` (CH104), ``chainer.function_set`` (CH213) and
``chainer.functions.caffe.caffe_function`` (CH602) are the other codes'.
"""
from chainer_rules.registry import Example, Rule, SAFE

_L = "chainer.links."
_LC, _LR = _L + "connection.", _L + "rnn."
_F = "chainer.functions."

#: v1 full path -> 7.8.1 module, for modules that moved (source: 1.24.0 and 7.8.1 trees).
MOVED = {
    _LC + "gru": _LR + "gru",
    _LC + "lstm": _LR + "lstm",
    _LC + "n_step_gru": _LR + "n_step_gru",
    _LC + "n_step_lstm": _LR + "n_step_lstm",
    _LC + "n_step_rnn": _LR + "n_step_rnn",
    _LC + "peephole": _LR + "peephole",
    _LC + "zoneoutlstm": _LR + "zoneoutlstm",
    "chainer.training.triggers.interval": "chainer.training.triggers.interval_trigger",
}


def _links(names, package):
    return {name: _L + package + "." + name for name in names.split()}


def _functions(pairs):
    return {name: _F + package + "." + name
            for package, names in pairs for name in names.split()}


#: owner module -> {v1 attribute: v1 target module} (catalogue appendix A5; api/v1.json ``target``).
ALIASES = {
    "chainer.computational_graph": {"function": "chainer.function"},
    "chainer.function": {"flag": "chainer.flag", "type_check": "chainer.utils.type_check"},
    "chainer.functions": _functions([
        ("math", "basic_math exponential exponential_m1 hyperbolic logarithm_1p minmax "
                 "trigonometric"),
        ("loss", "ctc vae"),
        ("normalization", "l2_normalization"),
        ("theano", "theano_function"),
    ]),
    "chainer.gradient_check": {"function": "chainer.function",
                               "identity": _F + "math.identity"},
    "chainer.initializers": {"initializer": "chainer.initializer"},
    "chainer.links": dict(
        _links("bias bilinear convolution_2d convolution_nd deconvolution_2d deconvolution_nd "
               "depthwise_convolution_2d dilated_convolution_2d embed_id gru highway inception "
               "inceptionbn linear lstm mlp_convolution_2d n_step_gru n_step_lstm n_step_rnn "
               "parameter peephole scale zoneoutlstm", "connection"),
        **_links("batch_normalization layer_normalization", "normalization"),
        **_links("black_out crf1d hierarchical_softmax negative_sampling", "loss"),
        **_links("classifier", "model"),
        **_links("maxout prelu simplified_dropconnect", "activation"),
        **_links("theano_function", "theano")),
    "chainer.optimizer": {"cuda": "chainer.cuda"},
    "chainer.reporter": {"cuda": "chainer.cuda"},
    "chainer.training.trigger": {"interval": "chainer.training.triggers.interval",
                                 "util": "chainer.training.util"},
    "chainer.training.triggers": {"interval": "chainer.training.triggers.interval"},
    "chainer.training.updater": {"convert": "chainer.dataset.convert",
                                 "iterator_module": "chainer.dataset.iterator",
                                 "variable": "chainer.variable"},
    "chainer.training.util": {"interval": "chainer.training.triggers.interval"},
    "chainer.variable": {"flag": "chainer.flag", "utils": "chainer.utils"},
}


def v7_path(path):
    """The 7.8.1 module path of the v1 module ``path``."""
    return MOVED.get(path, path)


_SETUP = "import numpy as np\nimport chainer\nimport chainer.links as L\n"

RULE = Rule(
    code="CH603",
    name="submodule-attributes",
    title="67 v1 module attributes that named submodules (`chainer.links.linear`, "
          "`chainer.links.convolution_nd`, `chainer.functions.basic_math`, "
          "`chainer.training.updater.convert`, ...) are gone",
    safety=SAFE,
    since="2.0.0 (some 3.0.0-7.8.1)",
    upgrade="not in the upgrade guide; catalogue appendix A5 (module attributes removed)",
    fix="import the submodule by its full path (`from chainer.links.connection import "
        "convolution_nd`) or use the name the package exports (`L.ConvolutionND`)",
    examples=(
        Example(before="from chainer.links import linear\n"
                       "lin = linear.Linear(3, 2)\n"
                       "y = lin(np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3))\n",
                after="from chainer.links.connection import linear\n"
                      "lin = linear.Linear(3, 2)\n"
                      "y = lin(np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3))\n",
                setup=_SETUP, compare=("y",)),
        Example(before="from chainer.links import convolution_nd\n",
                after="from chainer.links.connection import convolution_nd\n"),
        Example(before="lin = L.linear.Linear(3, 2)\n"
                       "y = lin(np.ones((1, 3), dtype=np.float32))\n",
                after="lin = chainer.links.connection.linear.Linear(3, 2)\n"
                      "y = lin(np.ones((1, 3), dtype=np.float32))\n",
                setup=_SETUP, compare=("y",)),
        # the module moved in 7.8.1 (v7-only form)
        Example(before="from chainer.links import lstm\n",
                after="from chainer.links.rnn import lstm\n"),
        Example(before="from chainer.training.updater import iterator_module, StandardUpdater\n",
                after="from chainer.training.updater import StandardUpdater\n"
                      "from chainer.dataset import iterator as iterator_module\n",
                setup=_SETUP),
    ),
)
