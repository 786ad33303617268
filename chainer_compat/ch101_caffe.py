"""CH101 train-argument for ``L.caffe.CaffeFunction``: ``func(inputs, outputs, disable, train=)``.

Chainer 1.24's ``CaffeFunction.__call__(inputs, outputs, disable=(), train=True)``
ran the net in the given mode (dropout, batch normalization); 7.8.1's
``forward`` rejects ``train=`` (upgrade guide "Global configurations"). The
wrapper is ``chainer_compat.ch101_train.wrap_forward``: ``train`` (keyword or
4th positional) becomes ``chainer.using_config('train', bool(train))``.

``chainer.links.caffe.caffe_function`` imports protobuf, which the runtime layer
must see first (CH906), so the wrapper is installed by an import hook when
that module is imported (at once if it already is).
"""

from chainer_compat.ch101_train import wrap_forward

#: Codes this module restores (and warns with).
CODES = ("CH101",)

CAFFE = "chainer.links.caffe.caffe_function"

def _patch_forward(patcher):
    def patch(module):
        cls = module.CaffeFunction
        patcher.set(cls, "forward", wrap_forward(cls.__dict__["forward"], 3))
    return patch


def install(patcher):
    """Wrap ``CaffeFunction.forward`` now or when its module is imported."""
    patcher.after_import(CAFFE, _patch_forward(patcher))
