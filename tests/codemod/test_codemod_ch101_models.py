"""Codemod CH101: ``train=`` of model links typed by R5 (``L.GoogLeNet``, ``CaffeFunction``)."""
import pytest

from codemod import migrate_source

from parity_cases import fixes, reviews

HEAD = "import chainer\nimport chainer.links as L\nfrom chainer.links.caffe import CaffeFunction\n"
OFF = "with chainer.using_config('train', False):\n"


@pytest.mark.parametrize("body, expected", [
    ("net = CaffeFunction(path)\ny, = net(inputs={'d': x}, outputs=['o'], train=False)\n",
     "net = CaffeFunction(path)\n" + OFF + "    y, = net(inputs={'d': x}, outputs=['o'])\n"),
    ("net = CaffeFunction(path)\ny, = net({'d': x}, ['o'], (), True)\n",
     "net = CaffeFunction(path)\ny, = net({'d': x}, ['o'], ())\n"),
    ("g = L.GoogLeNet()\ny = g(x, ['prob'], False)\n",
     "g = L.GoogLeNet()\n" + OFF + "    y = g(x, ['prob'])\n"),
    # v1's default was test mode: train=True stays explicit (else CH107 would read the
    # migrated call as a v1 call in test mode)
    ("g = L.GoogLeNet()\nf = g.extract(images, train=True)\n",
     "g = L.GoogLeNet()\nwith chainer.using_config('train', True):\n    f = g.extract(images)\n"),
])
def test_model_train_argument(body, expected):
    new, findings = migrate_source(HEAD + body)
    assert new == HEAD + expected
    assert fixes(findings, "CH101") and not reviews(findings, "CH101")


def test_receiver_of_unknown_type_is_left_alone():
    body = "def f(net):\n    return net({'d': x}, ['o'], (), False)\n"
    new, findings = migrate_source(HEAD + body, select=["CH101"])
    assert new == HEAD + body and not findings
