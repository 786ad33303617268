"""CH407 optimizer-npz-v1: load optimizer snapshots written by Chainer 1.24.

Chainer 1.24 saved an optimizer as ``t``, ``epoch`` and ``<param path>/<state
key>`` (Adam: ``m``, ``v``; MomentumSGD: ``v``). Since v3 each parameter's
``UpdateRule`` also reads ``<param path>/t``, so ``load_npz(v1_file,
optimizer)`` raises ``KeyError: 'bn/beta/t is not a file in the archive'``, and
with ``strict=False`` every rule silently restarts at ``t = 0`` (Adam's bias
correction). What the shim does (catalogue CH407, "shim"):

- ``Optimizer.serialize`` is wrapped so that, while it deserializes, the
  optimizer is known to its rules (its own ``t`` is read before the rules);
- ``UpdateRule.serialize`` is wrapped: when deserializing and the rule's ``t``
  is not in the snapshot (a ``KeyError`` from a strict deserializer, or a
  key absent from the npz of a non-strict ``NpzDeserializer``), the other
  state entries load as usual and ``rule.t`` becomes the optimizer's ``t``.
  Warns CH407 once per call site.

Files written by 7.8.1 (with ``<param>/t``) load exactly as before; saving is
unchanged (7.8.1's layout, which 1.24 also reads: it ignores the extra keys).
"""
import functools
import threading

from chainer import optimizer as _optimizer
from chainer import serializer as _serializer
from chainer.serializers import npz as _npz

from chainer_compat import _warn

#: Codes this module restores (and warns with).
CODES = ("CH407",)

_local = threading.local()


def _current_optimizer():
    stack = getattr(_local, "stack", None)
    return stack[-1] if stack else None


class _TolerantT(_serializer.Deserializer):
    """A deserializer that records a missing ``t`` instead of failing; else delegates."""

    def __init__(self, inner):
        self.inner = inner
        self.missing = False

    def __getitem__(self, key):
        return self.inner[key]

    def __call__(self, key, value):
        if key != "t":
            return self.inner(key, value)
        inner = self.inner
        if isinstance(inner, _npz.NpzDeserializer) and not inner.strict \
                and inner.path + "t" not in inner.npz:
            self.missing = True
            return value
        try:
            return inner(key, value)
        except KeyError:
            self.missing = True
            return value


def wrap_rule_serialize(original):
    """``UpdateRule.serialize`` that tolerates a v1 snapshot without ``<param>/t``."""
    @functools.wraps(original)
    def serialize(self, serializer):
        if not isinstance(serializer, _serializer.Deserializer):
            return original(self, serializer)
        tolerant = _TolerantT(serializer)
        result = original(self, tolerant)
        if tolerant.missing:
            optimizer = _current_optimizer()
            if optimizer is not None:
                _warn.warn("CH407", "an optimizer snapshot written by Chainer v1 (no per-parameter t)")
                self.t = optimizer.t
        return result
    return serialize


def wrap_optimizer_serialize(original):
    """``Optimizer.serialize`` that makes the optimizer known to its rules while loading."""
    @functools.wraps(original)
    def serialize(self, serializer):
        if not isinstance(serializer, _serializer.Deserializer):
            return original(self, serializer)
        stack = getattr(_local, "stack", None)
        if stack is None:
            stack = _local.stack = []
        stack.append(self)
        try:
            return original(self, serializer)
        finally:
            stack.pop()
    return serialize


def install(patcher):
    """Wrap ``UpdateRule.serialize`` and ``Optimizer.serialize`` with ``patcher``."""
    rule = _optimizer.UpdateRule
    patcher.set(rule, "serialize", wrap_rule_serialize(rule.__dict__["serialize"]))
    opt = _optimizer.Optimizer
    patcher.set(opt, "serialize", wrap_optimizer_serialize(opt.__dict__["serialize"]))
