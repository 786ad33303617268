"""CH107 pretrained-default-mode in the shim: v1 callers run pretrained models in test mode."""
import types

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.links as L
from chainer.links.model.vision import googlenet, resnet, vgg

from chainer_compat import ch107_pretrained

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")

#: This test module computes the expected values with v7 meaning (catalogue R6).
__chainer_compat__ = "v2"


@pytest.fixture(scope="module")
def model():
    np.random.seed(0)
    return L.GoogLeNet(pretrained_model=None)


@pytest.fixture(scope="module")
def x():
    return np.random.RandomState(0).uniform(0, 1, (1, 3, 224, 224)).astype(np.float32)


def run_as_module(source, name="ch107_user_code", **values):
    module = types.ModuleType(name)
    module.__dict__.update(values)
    exec(compile(source, "<%s>" % name, "exec"), module.__dict__)
    return module.__dict__


def expected(model, x, train):
    with chainer.using_config("train", train):
        np.random.seed(3)
        return model(x, layers=["loss3_fc"])["loss3_fc"].array


def test_every_model_class_is_wrapped():
    for cls in (vgg.VGGLayers, resnet.ResNetLayers, googlenet.GoogLeNet):
        for method in ("forward", "extract"):
            assert cls.__dict__[method].__wrapped__ is not None


def test_plain_v1_call_runs_in_test_mode(model, x):
    ns = run_as_module("import numpy as np\nnp.random.seed(3)\n"
                       "y = model(x, layers=['loss3_fc'])['loss3_fc']\n", model=model, x=x)
    assert_array_equal(ns["y"].array, expected(model, x, False))
    assert chainer.config.train is True


def test_v7_caller_follows_config(model, x):
    ns = run_as_module("__chainer_compat__ = 'v2'\nimport numpy as np\nnp.random.seed(3)\n"
                       "y = model(x, layers=['loss3_fc'])['loss3_fc']\n", model=model, x=x)
    assert_array_equal(ns["y"].array, expected(model, x, True))
    assert not np.array_equal(expected(model, x, True), expected(model, x, False))


@pytest.mark.parametrize("call", ["model(x, layers=['loss3_fc'], train=True)",
                                  "model(x, ['loss3_fc'], True)"])
def test_train_argument(model, x, call):
    ns = run_as_module("import numpy as np\nnp.random.seed(3)\ny = %s['loss3_fc']\n" % call,
                       model=model, x=x)
    assert_array_equal(ns["y"].array, expected(model, x, True))


def test_extract_wrapper_translates_volatile_and_test():
    # extract needs Pillow (absent here): the wrapper is checked on a recording stand-in
    seen = []

    def extract(self, images, layers=None, size=(224, 224)):
        seen.append((layers, size, chainer.config.train, chainer.config.enable_backprop))

    wrapped = ch107_pretrained.wrap(extract, "extract", "test")
    run_as_module("import chainer\n"
                  "wrapped(None, [], ['fc7'], (10, 10), False, chainer.flag.ON)\n"
                  "wrapped(None, [], layers=['fc7'])\n", wrapped=wrapped)
    wrapped(None, [], test=True)
    assert seen == [(["fc7"], (10, 10), True, False), (["fc7"], (224, 224), False, True),
                    (None, (224, 224), False, True)]


def test_stock_rejects_train(stock, model, x):
    with pytest.raises(ValueError):
        model(x, layers=["pool5"], train=True)
    assert not hasattr(googlenet.GoogLeNet.__dict__["forward"], "__wrapped__")
