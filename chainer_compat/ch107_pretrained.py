"""CH107 pretrained-default-mode: v1 pretrained-model links run in test mode unless told otherwise.

Chainer 1.24: ``VGG16Layers``, ``ResNet50/101/152Layers`` took ``test=True``
and ``GoogLeNet`` ``train=False`` in ``__call__`` and ``extract``; a plain
call was deterministic inference (dropout off, batch normalization with the
running statistics), also inside a model being trained. Chainer 2+ follows
``chainer.config.train`` (``True`` by default), silently (catalogue CH107).

What the shim does, on ``forward`` and ``extract`` of ``VGGLayers`` (the base
of ``VGG16Layers``), ``ResNetLayers`` (the base of the three ResNets) and
``GoogLeNet``:

- ``test=`` (VGG, ResNet) or ``train=`` (GoogLeNet), keyword or v1 positional
  slot (``forward(x, layers, test)``, ``extract(images, layers, size, test,
  volatile)``): removed, and the call runs under
  ``using_config('train', not test)`` / ``using_config('train', train)``
  (argument translation, every caller; warns CH102 / CH101);
- ``volatile=`` of ``extract`` (CH104): ``ON`` (or ``True``, ``'on'``) runs the
  call under ``using_config('enable_backprop', False)``;
- neither given and the caller is v1 code (catalogue R6): the call runs under
  ``using_config('train', False)``; warns CH107 once per call site.

``predict`` already ran in test mode in both versions. Calls by Chainer
itself (``extract`` calling ``forward``) and by code declared v7 go through.
"""
import functools

import chainer
from chainer.links.model.vision import googlenet, resnet, vgg

from chainer_compat import _caller, _warn
from chainer_compat._bind import bind_v1

#: Codes this module restores (and warns with).
CODES = ("CH107", "CH101", "CH102", "CH104")

#: (class, the v1 mode keyword); ``test`` means train = not test.
CLASSES = ((vgg.VGGLayers, "test"), (resnet.ResNetLayers, "test"), (googlenet.GoogLeNet, "train"))

#: method -> (positional arguments shared by v1 and v7, the v1 parameters after them)
METHODS = {"forward": (2, ("{mode}",)), "extract": (3, ("{mode}", "volatile"))}

_ABSENT = object()


def _volatile_on(value):
    return value is True or str(value).lower() == "on"


def wrap(original, method, mode):
    """Wrap ``forward`` or ``extract`` of a pretrained-model link (see the module docstring)."""
    n_shared, names = METHODS[method]
    v1_names = tuple(name.format(mode=mode) for name in names)

    @functools.wraps(original)
    def wrapper(self, *args, **kwargs):
        given = len(args) > n_shared or any(name in kwargs for name in v1_names)
        label = "L.%s.%s" % (type(self).__name__, "__call__" if method == "forward" else method)
        if not given:
            if not _caller.v1_link_caller():
                return original(self, *args, **kwargs)
            _warn.warn("CH107", "%s(...) without %s= (v1 ran it in test mode)" % (label, mode))
            with chainer.using_config("train", False):
                return original(self, *args, **kwargs)
        args, kwargs = bind_v1(label, args, kwargs, n_shared, v1_names)
        flag = kwargs.pop(mode, _ABSENT)
        volatile = kwargs.pop("volatile", _ABSENT)
        if flag is _ABSENT:
            train = False if _caller.v1_link_caller() else chainer.config.train
        else:
            _warn.warn("CH102" if mode == "test" else "CH101", "%s(%s=...)" % (label, mode))
            train = (not flag) if mode == "test" else bool(flag)
        backprop = chainer.config.enable_backprop
        if volatile is not _ABSENT:
            _warn.warn("CH104", "%s(volatile=...)" % label)
            if _volatile_on(volatile):
                backprop = False
        with chainer.using_config("train", train), chainer.using_config("enable_backprop", backprop):
            return original(self, *args, **kwargs)

    return wrapper


def install(patcher):
    """Install the wrappers of ``forward`` and ``extract`` with ``patcher``."""
    for cls, mode in CLASSES:
        for method in METHODS:
            patcher.set(cls, method, wrap(cls.__dict__[method], method, mode))
