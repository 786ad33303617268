"""CH304 function-classes-hidden: the 120 ``F.<Class>`` Function classes of Chainer 1.24.

Chainer 1.24 exported its ``Function`` classes from ``chainer.functions`` and
v1 code calls them old-style: ``F.Exp()(x)``, ``F.Sum(axis=1)(x)``,
``F.MaxPooling2D(2, 2)(x)`` (then ``.indexes``), ``F.Concat(axis=1)(a, b)``,
often keeping the instance on ``self``. Chainer 5 stopped exporting them and
most became ``FunctionNode`` classes that are applied with ``.apply``; 16 no
longer exist (catalogue CH304, appendix A4). ``AttributeError: module
'chainer.functions' has no attribute 'Exp'`` on 7.8.1.

The shim adds one adapter class per v1 name to ``chainer.functions``
(process-wide, R6). An adapter:

- takes the v1 constructor signature (``chainer_rules.function_classes.CLASSES``) and raises what
  v1's constructor raised for bad arguments (``TypeError`` for
  ``F.Concat('a')``, ``ValueError`` for ``reduce='sum'``, ...);
- keeps the constructor arguments as attributes (``.axis``; the pooling
  classes also v1's ``kh, kw, sy, sx, ph, pw`` or ``ksize, stride, pad``);
- on ``__call__(*inputs)`` checks the number of inputs like v1's type check
  (``chainer.utils.type_check.InvalidType``) and calls the 7.8.1 function
  form with the stored arguments as keywords, so any other shim wrapper of
  that function applies as for a direct call; it returns one ``Variable``, or
  a tuple when there are several outputs, like v1;
- ``use_cudnn=False`` runs the call under ``chainer.using_config('use_cudnn',
  'never')`` (CH105), ``train=`` of the ``NStep*`` classes under
  ``using_config('train', train)`` (CH101);
- ``label`` is v1's label; other attributes are read from the function node
  that the last call created (approximate: v1 code that reads internals of
  a Function may see the v7 names).

Stateful classes keep v1's state across calls of one instance: ``Dropout``
reuses its mask, ``Gaussian`` its noise, ``SimplifiedDropconnect`` its mask;
``MaxPooling2D`` sets ``.indexes`` after each call. ``Dropout`` and
``Zoneout`` always apply noise (in v1 the train switch lived in
``F.dropout``, not in the class). ``SpatialPyramidPooling2D`` accepts
``pooling_class=F.MaxPooling2D`` only (v1 raised ``NotImplementedError`` for
anything else). The ``NStep*`` classes were cuDNN-only in v1; the adapters run
the function forms and take the dropout ratio as ``states`` (a number).

Also restored, for v1 callers (R6): ``hasattr(loss.creator, 'y')`` of a
softmax cross entropy is ``cache_score``, as in v1 (7.8.1 defines ``y = None``
on the class, which v7 code still reads).

Constructing an adapter warns once per call site with CH304 (and CH105 /
CH101 for an explicit ``use_cudnn`` / ``train``).
"""
import chainer.functions as F
from chainer.functions.loss import softmax_cross_entropy as _sce

from chainer_compat import _caller
from chainer_compat.ch304_adapters import SPECIAL, V1Function
from chainer_rules.function_classes import CLASSES

#: Codes this module restores (and warns with).
CODES = ("CH304",)


def _make(name):
    base = SPECIAL.get(name, V1Function)
    return type(name, (base,), {
        "_name": name, "__module__": "chainer.functions",
        "__doc__": "Chainer 1.24 ``F.%s(%s)`` called old-style (CH304 adapter)."
                   % (name, CLASSES[name].signature)})


#: v1 class name -> adapter class (built once; the same objects on every install).
ADAPTERS = {name: _make(name) for name in CLASSES}


# -- ``hasattr(creator, 'y')`` of a softmax cross entropy means cache_score -----------

class _CachedScore(object):
    """Class attribute ``y`` of ``SoftmaxCrossEntropy``: for v1 code (R6) absent unless the
    score was cached; for v7 code (Chainer itself included) 7.8.1's ``None``."""

    def __get__(self, obj, cls=None):
        if obj is None or not _caller.v1_caller():
            return None
        raise AttributeError("y")


def _wrap_backward(original):
    def backward(self, indexes, grad_outputs):
        if "y" in self.__dict__:
            return original(self, indexes, grad_outputs)
        self.__dict__["y"] = None
        try:
            return original(self, indexes, grad_outputs)
        finally:
            self.__dict__.pop("y", None)
    backward.__wrapped__ = original
    backward.__name__ = original.__name__
    return backward


def install(patcher):
    """Add the adapters to ``chainer.functions`` and restore v1's ``cache_score`` attribute."""
    for name, adapter in ADAPTERS.items():
        patcher.set(F, name, adapter)
    cls = _sce.SoftmaxCrossEntropy
    patcher.set(cls, "y", _CachedScore())
    patcher.set(cls, "backward", _wrap_backward(cls.__dict__["backward"]))
