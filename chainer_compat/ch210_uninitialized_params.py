"""CH210 uninitialized-param-api: ``Link.add_uninitialized_param`` / ``has_uninitialized_params``.

Chainer 1.24: ``link.add_uninitialized_param('W')`` declared a parameter whose
shape was known only at the first call; ``link.add_param('W', shape)`` later
created it (with NaN, or the given initializer; the gradient NaN, ``None``
after ``cleargrads()``, zero after ``zerograds()``). Until then ``W`` was not
an attribute, ``params()`` did not list it, ``copyparams`` created it from the
source link, ``serialize`` raised ``ValueError`` for a saving serializer and
created it for a loading one; ``has_uninitialized_params`` (a property) was
true while a declaration was pending. Chainer 2+ removed both names
(``AttributeError``, catalogue CH210 and appendix A6).

What the shim does (catalogue CH210, "shim"):

- ``add_uninitialized_param(name)`` registers ``chainer.Parameter`` without a
  shape (7.8.1's ``add_param(name)``) and marks it as declared the v1 way;
  ``AttributeError`` when ``name`` exists, as in 1.24.
- ``add_param(name, shape, dtype, initializer)`` where ``name`` holds a
  ``Parameter`` without an array (declared above, or a lazily sized link
  parameter) sets that parameter's initializer (NaN of ``dtype``, or the
  given one) and calls ``initialize(shape)`` instead of raising, keeping the
  ``Parameter`` object (an optimizer set up before keeps its update rule).
  The gradient is NaN, ``None`` after ``cleargrads()``, zero after
  ``zerograds()`` (7.8.1's gradient initializer, re-typed to the new dtype).
- ``has_uninitialized_params``: true when any of the link's own parameters
  has no array. ``_uninitialized_params`` (1.24's private dict, read by some
  v1 code): ``{name: view}`` of the pending declared parameters, the view's
  ``_cleared`` / ``_zeroed`` telling what the gradient will be.
- ``params()`` / ``namedparams()`` called by v1 code (R6) without arguments
  leave out the pending declared parameters, as 1.24 did; Chainer's own calls
  (``optimizer.setup``, ``cleargrads``, ``to_device``) still see them.
- ``copyparams``: a pending declared parameter is created from the source's
  shape and dtype (it stays pending when the source has none); ``addgrads``
  skips it;
  ``serialize`` with a saving ``chainer.serializer.Serializer`` raises
  ``ValueError('uninitialized parameters cannot be serialized')`` while one
  is pending.

Deviation: the attribute exists (value: a ``Parameter`` whose ``array`` is
None) before ``add_param`` is called (CH217). Every v1 use warns CH210.
"""
import copy
import functools

import numpy

import chainer
from chainer import initializers
from chainer import link as _link
from chainer import serializer as _serializer
from chainer import variable as _variable

from chainer_compat import _caller, _warn

#: Codes this module restores (and warns with).
CODES = ("CH210",)

#: After CH211 (211): the ``params`` wrappers here must be outermost, so the
#: v1 caller's listing is filtered whichever order CH211 gives.
ORDER = 211.5

#: Instance attribute of a ``Parameter`` declared by ``add_uninitialized_param``.
DECLARED = "_chainer_compat_v1_declared"


def _pending(param):
    return isinstance(param, _variable.Parameter) and param.raw_array is None


def _declared_pending(param):
    return _pending(param) and param.__dict__.get(DECLARED, False)


class PendingParam(object):
    """1.24's marker for a pending declaration: ``_cleared`` / ``_zeroed`` (bool)."""

    def __init__(self, param):
        self._param = param

    @property
    def _cleared(self):
        return self._param._grad_initializer is None

    @property
    def _zeroed(self):
        return isinstance(self._param._grad_initializer, initializers.Zero)


def add_uninitialized_param(self, name):
    """Declare parameter ``name`` of unknown shape (Chainer 1.24 API; see the module docstring).

    Raises ``AttributeError`` when the link already has an attribute ``name``.
    """
    _warn.warn("CH210", "Link.add_uninitialized_param(...)")
    if name in self.__dict__:
        raise AttributeError(
            "cannot register a new uninitialized parameter %s: exists" % name)
    _STOCK["add_param"](self, name)
    self.__dict__[name].__dict__[DECLARED] = True


def _has_uninitialized_params(self):
    _warn.warn("CH210", "Link.has_uninitialized_params")
    d = self.__dict__
    return any(_pending(d[name]) for name in d.get("_params", ()))


def _uninitialized_params(self):
    d = self.__dict__
    return dict((name, PendingParam(d[name])) for name in d.get("_params", ())
                if _declared_pending(d[name]))


def _as_initializer(initializer, dtype):
    if initializer is None:
        return initializers.NaN(dtype)
    if numpy.isscalar(initializer) or isinstance(initializer, chainer.get_array_types()):
        return initializers.Constant(initializer)
    return initializer


def initialize_pending(param, shape, dtype=numpy.float32, initializer=None):
    """Give the array-less ``param`` its v1 ``add_param(name, shape, dtype, initializer)`` value.

    The data comes from ``initializer`` (NaN of ``dtype`` when None; a scalar
    or an array fills it); the gradient stays as 7.8.1's gradient
    initializer says (NaN, None after ``cleargrad``, zero after ``zerograd``),
    in the data's dtype.
    """
    init = _as_initializer(initializer, dtype)
    param.initializer = init
    data_dtype = getattr(init, "dtype", None)
    grad_init = param._grad_initializer
    if isinstance(grad_init, initializers.Zero):
        param._grad_initializer = initializers.Zero(data_dtype)
    elif grad_init is not None:
        param._grad_initializer = initializers.NaN(data_dtype)
    param.initialize(shape)


def wrap_add_param(original):
    """``Link.add_param`` that initializes an existing array-less ``Parameter`` (v1)."""

    @functools.wraps(original)
    def add_param(self, name, shape=None, dtype=numpy.float32, initializer=None):
        param = self.__dict__.get(name)
        if shape is None or not _pending(param) or name not in self.__dict__.get("_params", ()):
            return original(self, name, shape, dtype, initializer)
        _warn.warn("CH210", "Link.add_param(...) of a declared uninitialized parameter")
        initialize_pending(param, shape, dtype, initializer)

    return add_param


def wrap_listing(original):
    """``params`` / ``namedparams``: a v1 caller without arguments does not see
    pending declared parameters (1.24 listed only initialised ones)."""

    @functools.wraps(original)
    def method(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        if args or kwargs or not _caller.v1_caller():
            return result
        return (item for item in result
                if not _declared_pending(item[1] if isinstance(item, tuple) else item))

    return method


def _copy_persistents(dst, src):
    """7.8.1's ``copy_persistent=True`` part of ``Link.copyparams``."""
    array_types = chainer.get_array_types()
    for name in dst["_persistent"]:
        d, s = dst[name], src[name]
        if isinstance(d, array_types) and isinstance(s, array_types):
            chainer.backend.copyto(d, s)
        else:
            dst[name] = copy.deepcopy(s)


def wrap_copyparams(original):
    """``Link.copyparams``: a pending declared parameter is created from the
    source's shape and dtype, or stays pending when the source has none (v1)."""

    @functools.wraps(original)
    def copyparams(self, link, copy_persistent=True):
        d, src = self.__dict__, link.__dict__
        pending = [name for name in d.get("_params", ()) if _declared_pending(d[name])]
        for name in pending:
            source = src.get(name)
            if getattr(source, "raw_array", None) is not None:
                initialize_pending(d[name], source.shape, source.dtype)
        left = set(name for name in pending if _pending(d[name]))
        if not left:
            return original(self, link, copy_persistent)
        for name in d["_params"]:
            if name not in left:
                d[name].copydata(src[name])
        if copy_persistent:
            _copy_persistents(d, src)

    return copyparams


def wrap_addgrads(original):
    """``Link.addgrads``: pending declared parameters are skipped (1.24 did not list them)."""

    @functools.wraps(original)
    def addgrads(self, link):
        d, src = self.__dict__, link.__dict__
        if not any(_declared_pending(d[name]) for name in d.get("_params", ())):
            return original(self, link)
        for name in d["_params"]:
            if not _declared_pending(d[name]):
                d[name].addgrad(src[name])

    return addgrads


def wrap_serialize(original):
    """``Link.serialize``: saving a link with a pending declared parameter raises (v1)."""

    @functools.wraps(original)
    def serialize(self, serializer):
        if isinstance(serializer, _serializer.Serializer) and _uninitialized_params(self):
            raise ValueError("uninitialized parameters cannot be serialized")
        return original(self, serializer)

    return serialize


_STOCK = {}


def install(patcher):
    """Install the CH210 names and wrappers with ``patcher``."""
    Link = _link.Link
    _STOCK["add_param"] = Link.__dict__["add_param"]
    patcher.set(Link, "add_uninitialized_param", add_uninitialized_param)
    patcher.set(Link, "has_uninitialized_params", property(_has_uninitialized_params))
    patcher.set(Link, "_uninitialized_params", property(_uninitialized_params))
    patcher.set(Link, "add_param", wrap_add_param(Link.__dict__["add_param"]))
    patcher.set(Link, "copyparams", wrap_copyparams(Link.__dict__["copyparams"]))
    patcher.set(Link, "addgrads", wrap_addgrads(Link.__dict__["addgrads"]))
    patcher.set(Link, "serialize", wrap_serialize(Link.__dict__["serialize"]))
    for cls in (Link, _link.Chain, _link.ChainList):
        for name in ("params", "namedparams"):
            patcher.set(cls, name, wrap_listing(cls.__dict__[name]))
