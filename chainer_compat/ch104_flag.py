"""CH104 volatile: ``chainer.Flag``, ``ON``/``OFF``/``AUTO`` and ``aggregate_flags`` as in Chainer 1.24.

Chainer 2 removed the module ``chainer.flag`` (upgrade guide "Volatile flag
is removed"). The shim publishes this module's names as ``chainer.Flag``,
``chainer.ON``/``OFF``/``AUTO`` and as a module ``chainer.flag``.

Semantics (measured on 1.24.0): ``Flag`` is a ternary singleton type.
``Flag(v)`` maps ``'on'``/``'ON'``/``True`` to ``ON``, ``'off'``/``'OFF'``/
``False`` to ``OFF``, ``'auto'``/``'AUTO'``/``None`` to ``AUTO`` and a
``Flag`` to itself; any other hashable value raises ``KeyError``.
``bool(ON)`` is ``True``, ``bool(OFF)`` is ``False``, ``bool(AUTO)`` raises
``ValueError``. A flag equals every value that maps to it (comparison with an
unmappable value raises, as ``Flag(value)`` does); ordering raises
``RuntimeError``; ``repr`` is ``ON``/``OFF``/``AUTO``.
"""

#: Codes this module restores.
CODES = ("CH104",)

_REPRS = {True: "ON", False: "OFF", None: "AUTO"}


class Flag(object):
    """Ternary flag of Chainer 1.24 variables: ``ON``, ``OFF`` or ``AUTO``.

    Args:
        name: ``'on'``, ``'ON'``, ``True``; ``'off'``, ``'OFF'``, ``False``;
            ``'auto'``, ``'AUTO'``, ``None``; or a ``Flag``.

    Raises:
        KeyError: for any other value.
    """

    def __new__(cls, name):
        if isinstance(name, Flag):
            return name
        return _FLAGS[name]

    def __bool__(self):
        if self.value is None:
            raise ValueError("Flag AUTO cannot be converted to boolean")
        return self.value

    __nonzero__ = __bool__

    def __reduce__(self):
        return Flag, (self.value,)

    def __repr__(self):
        return _REPRS[self.value]

    def __eq__(self, other):
        return self is Flag(other)

    def __ne__(self, other):
        return self is not Flag(other)

    def __lt__(self, other):
        raise RuntimeError("no order is defined between flags")

    __le__ = __gt__ = __ge__ = __lt__

    def __hash__(self):
        return hash(self.value)


def _make(value):
    flag = object.__new__(Flag)
    flag.value = value
    return flag


ON = _make(True)
OFF = _make(False)
AUTO = _make(None)

# ``True``, ``1`` and ``1.0`` are one dict key, as in 1.24 (``Flag(1) is ON``).
_FLAGS = {"on": ON, "ON": ON, True: ON,
          "off": OFF, "OFF": OFF, False: OFF,
          "auto": AUTO, "AUTO": AUTO, None: AUTO}


def aggregate_flags(flags):
    """Aggregate ``Flag`` values: ``ON`` if any is ``ON``, else ``OFF`` if any is ``OFF``, else ``AUTO``.

    Raises:
        ValueError: ``'ON and OFF flags cannot be mixed.'`` when both occur.
    """
    flags = list(flags)
    on = any(flag is ON for flag in flags)
    off = any(flag is OFF for flag in flags)
    if on and off:
        raise ValueError("ON and OFF flags cannot be mixed.")
    if on:
        return ON
    return OFF if off else AUTO


def make_module():
    """A fresh module ``chainer.flag`` holding ``Flag``, ``ON``, ``OFF``, ``AUTO`` and ``aggregate_flags``."""
    import types
    module = types.ModuleType("chainer.flag", "Chainer 1.24 flags, restored by chainer_compat (CH104).")
    for name in ("Flag", "ON", "OFF", "AUTO", "aggregate_flags"):
        setattr(module, name, globals()[name])
    return module
