"""Qualified names of the Chainer v1 callables the rules act on.

Facts from the project catalogue (CH101, CH102, CH104, R4) and the v1 API table
of Chainer 1.24.0: public names plus the defining module's name, so that
``from chainer.functions.noise.dropout import dropout`` resolves too.
"""


def _with_aliases(table, aliases):
    out = dict(table)
    for alias, public in aliases.items():
        out[alias] = table[public]
    return out


#: function -> v1 positional index of ``train`` (CH101).
TRAIN_FUNCTIONS = _with_aliases(
    {
        "chainer.functions.dropout": 2,
        "chainer.functions.zoneout": 3,
        "chainer.functions.n_step_rnn": 6,
        "chainer.functions.n_step_birnn": 6,
        "chainer.functions.n_step_gru": 6,
        "chainer.functions.n_step_bigru": 6,
        "chainer.functions.n_step_lstm": 7,
        "chainer.functions.n_step_bilstm": 7,
    },
    {
        "chainer.functions.noise.dropout.dropout": "chainer.functions.dropout",
        "chainer.functions.noise.zoneout.zoneout": "chainer.functions.zoneout",
        "chainer.functions.connection.n_step_rnn.n_step_rnn": "chainer.functions.n_step_rnn",
        "chainer.functions.connection.n_step_rnn.n_step_birnn": "chainer.functions.n_step_birnn",
        "chainer.functions.connection.n_step_gru.n_step_gru": "chainer.functions.n_step_gru",
        "chainer.functions.connection.n_step_gru.n_step_bigru": "chainer.functions.n_step_bigru",
        "chainer.functions.connection.n_step_lstm.n_step_lstm": "chainer.functions.n_step_lstm",
        "chainer.functions.connection.n_step_lstm.n_step_bilstm": "chainer.functions.n_step_bilstm",
    })

#: Link class -> v1 positional index of ``train`` in ``__call__`` (CH101).
TRAIN_LINK_CALLS = {
    "chainer.links.NStepLSTM": 3,
    "chainer.links.NStepBiLSTM": 3,
    "chainer.links.NStepGRU": 2,
    "chainer.links.NStepBiGRU": 2,
    "chainer.links.NStepRNNTanh": 2,
    "chainer.links.NStepRNNReLU": 2,
    "chainer.links.NStepBiRNNTanh": 2,
    "chainer.links.NStepBiRNNReLU": 2,
    "chainer.links.connection.n_step_lstm.NStepLSTM": 3,
}

#: ``F.n_step_birnn(..., train=)`` is swallowed by ``**kwargs`` on 7.8.1 (silent).
SILENT_TRAIN = {"chainer.functions.n_step_birnn",
                "chainer.functions.connection.n_step_rnn.n_step_birnn"}

#: ``L.StatefulZoneoutLSTM`` (``train`` is a constructor argument and an attribute).
ZONEOUT = {"chainer.links.StatefulZoneoutLSTM",
           "chainer.links.connection.zoneoutlstm.StatefulZoneoutLSTM"}
#: ``L.InceptionBN`` (its ``train`` attribute is never read on 7.8.1).
INCEPTION_BN = {"chainer.links.InceptionBN", "chainer.functions.InceptionBN",
                "chainer.links.connection.inceptionbn.InceptionBN"}

#: Links whose ``train`` lives on the object (``.train`` writes are not a model's flag).
TRAIN_ATTRIBUTE_LINKS = {
    "chainer.links.StatefulZoneoutLSTM",
    "chainer.links.connection.zoneoutlstm.StatefulZoneoutLSTM",
    "chainer.links.InceptionBN",
    "chainer.functions.InceptionBN",
    "chainer.links.connection.inceptionbn.InceptionBN",
}

#: Link class -> v1 positional index of ``test`` in ``__call__`` (CH102).
TEST_LINK_CALLS = {
    "chainer.links.BatchNormalization": 1,
    "chainer.functions.BatchNormalization": 1,
    "chainer.links.normalization.batch_normalization.BatchNormalization": 1,
}

#: Everything whose result depends on train/test mode in v1 (catalogue R4).
MODE_DEPENDENT = (
    set(TRAIN_FUNCTIONS) | set(TRAIN_LINK_CALLS) | set(TEST_LINK_CALLS) | TRAIN_ATTRIBUTE_LINKS
    | {"chainer.links.StatefulZoneoutLSTM", "chainer.links.VGG16Layers",
       "chainer.links.ResNet50Layers", "chainer.links.ResNet101Layers",
       "chainer.links.ResNet152Layers", "chainer.links.GoogLeNet",
       "chainer.links.caffe.CaffeFunction"})


def is_mode_dependent(qname):
    """True when the v1 callable ``qname`` reads the train/test mode (R4)."""
    return qname in MODE_DEPENDENT or qname.startswith("chainer.links.NStep")


#: ``chainer.Variable`` (CH104).
VARIABLE = {"chainer.Variable", "chainer.variable.Variable"}

#: ``volatile=`` values that mean OFF or AUTO (deleted) and ON (no_backprop_mode).
VOLATILE_OFF_NAMES = {"chainer.OFF", "chainer.flag.OFF", "chainer.AUTO", "chainer.flag.AUTO"}
VOLATILE_ON_NAMES = {"chainer.ON", "chainer.flag.ON"}
VOLATILE_OFF_STRINGS = {"off", "OFF", "auto", "AUTO"}
VOLATILE_ON_STRINGS = {"on", "ON"}
#: Names that exist only in v1 (any use other than a ``volatile=`` value is reported).
FLAG_NAMES = {"chainer.Flag", "chainer.flag.Flag", "chainer.flag.aggregate_flags"} \
    | VOLATILE_OFF_NAMES | VOLATILE_ON_NAMES

CHAIN = {"chainer.Chain", "chainer.link.Chain"}
CHAIN_LIST = {"chainer.ChainList", "chainer.link.ChainList"}
LINK = {"chainer.Link", "chainer.link.Link"}

#: Methods whose iteration order changed (CH211).
ORDERED_ITERATORS = {"params", "namedparams", "links", "namedlinks", "children"}
