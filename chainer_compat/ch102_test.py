"""CH102 test-argument: ``test=`` of ``L.BatchNormalization.__call__`` (inverted polarity).

Chainer 1.24: ``BatchNormalization.__call__(x, test=False, finetune=False)``;
``test=True`` normalises with the running statistics. Chainer 2+ reads
``chainer.config.train`` and rejects ``test=`` (upgrade guide "Global
configurations"). The wrapper of ``BatchNormalization.forward`` removes
``test`` (keyword or positional index 1) and runs the stock ``forward`` under
``chainer.using_config('train', not test)``; ``finetune`` (positional index 2
in v1) is passed on as a keyword. Without ``test`` the call goes straight through.
"""
import functools

import chainer
from chainer.links.normalization import batch_normalization

from chainer_compat import _warn
from chainer_compat._bind import bind_v1

#: Codes this module restores (and warns with).
CODES = ("CH102",)


def wrap_forward(original):
    """A ``functools.wraps`` wrapper of ``BatchNormalization.forward`` accepting ``test``/``finetune``."""

    @functools.wraps(original)
    def forward(self, *args, **kwargs):
        if len(args) <= 1 and "test" not in kwargs:
            return original(self, *args, **kwargs)
        label = "L.%s" % type(self).__name__
        args, kwargs = bind_v1(label, args, kwargs, 1, ("test", "finetune"))
        test = kwargs.pop("test")
        _warn.warn("CH102", "%s(test=...)" % label)
        with chainer.using_config("train", not test):
            return original(self, *args, **kwargs)

    return forward


def install(patcher):
    """Install the CH102 wrapper with ``patcher``."""
    cls = batch_normalization.BatchNormalization
    patcher.set(cls, "forward", wrap_forward(cls.__dict__["forward"]))
