"""CH211 param-iteration-order: opt-in Chainer 1.24 order of params() & co.

Chainer 1.24 iterates a link's parameters and a chain's children in
registration order (own parameters first, then each child depth first:
``L.LSTM`` gives ``upward/W, upward/b, lateral/W``); Chainer 5.0.0b4+ sorts
them by name (``lateral/W, upward/W, upward/b``). Not in the upgrade guide;
measured on 1.24.0 and 7.8.1.

Once the shim is installed, every registration is recorded (parameters per
``Link``, children per ``Chain``): ``add_param``, ``add_link``, assignments
inside ``init_scope`` and ``Chain(name=link)`` all go through
``Link.__setattr__`` / ``Chain.__setattr__``, which are wrapped; ``__delattr__``
forgets the name. ``params``, ``namedparams``, ``links``, ``namedlinks`` and
``children`` of ``Link`` and ``Chain`` follow that record only in ``'v1'``
mode (``set_param_order('v1')`` or ``with param_order('v1'):``); the default
``'v7'`` calls the stock methods. ``ChainList`` keeps index order in both.
Names registered before the shim was installed come after the recorded ones,
sorted. The mode is process-wide. In the default ``'v7'`` mode a call from v1
code (R6) whose sorted order differs from the registration order warns CH211
once per call site, naming ``set_param_order('v1')``.

Lazily sized parameters (``L.Linear(None, 3)``, ``L.Convolution2D(None, 4, 3)``,
``Parameter(initializer)`` without a shape): Chainer 1.24 registered them with
``add_uninitialized_param``, which kept them out of ``_params``; the link's
``_initialize_params`` called ``add_param`` at the first forward call (or
``copyparams`` / deserialization did), appending the name to ``_params`` at
that moment. So 1.24 gives ``b, W`` for a lazy ``Linear``, and ``params()``
did not list ``W`` at all before that. In ``'v1'`` mode every parameter gets
a stamp from one process-wide counter: an initialised one when it is
registered, an uninitialised one when it becomes initialised
(``Parameter.initialize`` is wrapped; an array set any other way is stamped
the next time the link's parameters are iterated or the link is copied).
A link's parameters are listed by stamp. Before initialisation, ``include_uninit=False`` leaves them
out (1.24's listing exactly); the default ``include_uninit=True`` lists them
after the link's initialised parameters, in registration order, i.e. where
they would go if initialised next, because Chainer 7 itself walks
``params()`` to give them update rules (``optimizer.setup``) and to apply
``cleargrads``/``to_device``, and skipping them there would leave them
untrained.
"""
import contextlib
import functools
import itertools
import threading

from chainer import link as _link
from chainer import variable as _variable

from chainer_compat import _caller, _warn

#: Codes this module restores.
CODES = ("CH211",)

MODES = ("v1", "v7")
PARAMS_KEY = "_chainer_compat_param_order"       # on a Link: ((name, stamp or None), ...)
CHILDREN_KEY = "_chainer_compat_child_order"     # on a Chain: (name, ...)
INIT_KEY = "_chainer_compat_init_stamp"          # on a Parameter initialised after registration

_stamps = itertools.count()

_mode = "v7"
_lock = threading.Lock()
_comparing = threading.local()


def set_param_order(mode):
    """Select the iteration order: ``'v1'`` (registration) or ``'v7'`` (sorted, stock).

    Returns the previous mode; raises ``ValueError`` for any other value.
    """
    global _mode
    if mode not in MODES:
        raise ValueError("param order must be 'v1' or 'v7', not %r" % (mode,))
    with _lock:
        previous, _mode = _mode, mode
    return previous


def get_param_order():
    """The current iteration order mode (``'v1'`` or ``'v7'``)."""
    return _mode


@contextlib.contextmanager
def param_order(mode):
    """Context manager: use ``mode`` inside the block, restore the previous mode after (also on errors)."""
    previous = set_param_order(mode)
    try:
        yield
    finally:
        set_param_order(previous)


# -- recording ---------------------------------------------------------------

def _record(d, key, name):
    order = d.get(key, ())
    if name in order:
        order = tuple(n for n in order if n != name)
    d[key] = order + (name,)   # a new tuple: copies made by Link.copy() never share edits


def _forget(d, key, name):
    order = d.get(key, ())
    if name in order:
        d[key] = tuple(n for n in order if n != name)


def _record_param(d, name, value):
    stamp = next(_stamps) if getattr(value, "raw_array", None) is not None else None
    order = tuple(item for item in d.get(PARAMS_KEY, ()) if item[0] != name)
    d[PARAMS_KEY] = order + ((name, stamp),)   # a new tuple: copies never share edits


def _forget_param(d, name):
    order = d.get(PARAMS_KEY, ())
    if any(item[0] == name for item in order):
        d[PARAMS_KEY] = tuple(item for item in order if item[0] != name)


def _wrap_initialize(original):
    @functools.wraps(original)
    def initialize(self, shape):
        was_uninitialized = self.raw_array is None  # raw_array: also for non-standard layouts
        original(self, shape)
        if was_uninitialized:
            self.__dict__[INIT_KEY] = next(_stamps)
    return initialize


def _wrap_copy(original):
    """``Link.copy``: save pending stamps on every link first (deep copies drop the Parameter's own)."""
    @functools.wraps(original)
    def copy(self, *args, **kwargs):
        for link in self.links():
            param_names(link)
        return original(self, *args, **kwargs)
    return copy


def _wrap_setattr(original, registry_attr, record):
    """``__setattr__`` that calls ``record(d, name, value)`` when ``name`` newly
    enters ``self.<registry_attr>`` (a Link's ``_params``, a Chain's ``_children``)."""
    @functools.wraps(original)
    def __setattr__(self, name, value):
        d = self.__dict__
        registered = d.get(registry_attr)
        was = registered is not None and name in registered
        original(self, name, value)
        if not was and registered is not None and name in registered:
            record(d, name, value)
    return __setattr__


def _wrap_delattr(original, forget):
    """``__delattr__`` that calls ``forget(d, name)`` afterwards."""
    @functools.wraps(original)
    def __delattr__(self, name):
        original(self, name)
        forget(self.__dict__, name)
    return __delattr__


def _record_child(d, name, value):
    _record(d, CHILDREN_KEY, name)


def _forget_child(d, name):
    _forget(d, CHILDREN_KEY, name)


def ordered(d, key, current):
    """Names of ``current`` (a set) in recorded order; unrecorded names follow, sorted."""
    recorded = d.get(key, ())
    names = [n for n in recorded if n in current]
    if len(names) != len(current):
        names += sorted(n for n in current if n not in recorded)
    return names


def param_names(link, include_uninit=True):
    """Names of ``link``'s own parameters in Chainer 1.24 order (see the module docstring).

    Initialised parameters by stamp; then, if ``include_uninit``, the
    uninitialised ones in registration order; then names registered before
    the shim was installed, sorted. Stamps found for parameters initialised
    since the last call are saved on the link (so deep copies keep them).
    """
    d = link.__dict__
    current = d["_params"]
    recorded = d.get(PARAMS_KEY, ())
    stamped, pending, changed = [], [], False
    for name, stamp in recorded:
        if name not in current:
            continue
        param = d[name]
        if stamp is None and param.raw_array is not None:
            stamp = param.__dict__.get(INIT_KEY)
            if stamp is None:   # array set without Parameter.initialize
                stamp = param.__dict__[INIT_KEY] = next(_stamps)
            changed = True
        if stamp is None:
            pending.append(name)
        else:
            stamped.append((stamp, name))
    if changed:
        stamps = dict((name, stamp) for stamp, name in stamped)
        d[PARAMS_KEY] = tuple((name, stamps.get(name, stamp)) for name, stamp in recorded)
    stamped.sort()
    names = [name for _, name in stamped]
    if include_uninit:
        names += pending
    known = set(name for name, _ in recorded)
    names += sorted(name for name in current
                    if name not in known and (include_uninit or d[name].raw_array is not None))
    return names


# -- v1-order iterators --------------------------------------------------------

def v1_params(link):
    """The initialised parameters under ``link`` in Chainer 1.24's order (a list of
    ``Parameter``), read from the registration records whatever the mode is."""
    d = link.__dict__
    found = [d[name] for name in param_names(link, include_uninit=False)]
    if isinstance(link, _link.Chain):
        for name in ordered(d, CHILDREN_KEY, d["_children"]):
            found += v1_params(d[name])
    elif isinstance(link, _link.ChainList):
        for child in d["_children"]:
            found += v1_params(child)
    return found


def _link_params(self, include_uninit=True):
    d = self.__dict__
    for name in param_names(self, include_uninit):
        yield d[name]


def _link_namedparams(self, include_uninit=True):
    d = self.__dict__
    for name in param_names(self, include_uninit):
        yield "/" + name, d[name]


def _chain_children_names(self):
    d = self.__dict__
    return ordered(d, CHILDREN_KEY, d["_children"])


def _chain_params(self, include_uninit=True):
    for param in super(_link.Chain, self).params(include_uninit):
        yield param
    d = self.__dict__
    for name in _chain_children_names(self):
        for param in d[name].params(include_uninit):
            yield param


def _chain_namedparams(self, include_uninit=True):
    for item in super(_link.Chain, self).namedparams(include_uninit):
        yield item
    d = self.__dict__
    for name in _chain_children_names(self):
        for path, param in d[name].namedparams(include_uninit):
            yield "/" + name + path, param


def _chain_links(self, skipself=False):
    if not skipself:
        yield self
    d = self.__dict__
    for name in _chain_children_names(self):
        for link in d[name].links():
            yield link


def _chain_namedlinks(self, skipself=False):
    if not skipself:
        yield "/", self
    d = self.__dict__
    for name in _chain_children_names(self):
        child = d[name]
        yield "/" + name, child
        for path, link in child.namedlinks(True):
            yield "/" + name + path, link


def _chain_children(self):
    d = self.__dict__
    for name in _chain_children_names(self):
        yield d[name]


def _switch(original, v1_version):
    """A wrapper of a stock iterator method that uses ``v1_version`` in ``'v1'`` mode.

    In ``'v7'`` mode, a call from v1 code (R6) whose order differs from 1.24's
    registration order warns CH211 once per call site, naming the opt-in.
    """
    @functools.wraps(original)
    def method(self, *args, **kwargs):
        nested = getattr(_comparing, "mode", None)   # set while a v1 caller's call compares
        if _mode == "v1" or nested == "v1":
            return v1_version(self, *args, **kwargs)
        if nested == "v7" or not _caller.v1_caller():
            return original(self, *args, **kwargs)
        try:
            _comparing.mode = "v7"
            stock = list(original(self, *args, **kwargs))
            _comparing.mode = "v1"
            differs = [id(x) for x in stock] != [id(x) for x in v1_version(self, *args, **kwargs)]
        finally:
            _comparing.mode = None
        if differs:
            _warn.warn("CH211", "%s.%s() from v1 code (7.8.1's sorted order differs from 1.24's "
                                "registration order here; chainer_compat.set_param_order('v1') "
                                "restores it)" % (type(self).__name__, original.__name__))
        return iter(stock)
    return method


def install(patcher):
    """Install the recording hooks and the mode-switched iterators with ``patcher``."""
    Link, Chain = _link.Link, _link.Chain
    patcher.set(Link, "__setattr__", _wrap_setattr(Link.__dict__["__setattr__"], "_params", _record_param))
    patcher.set(Link, "__delattr__", _wrap_delattr(Link.__dict__["__delattr__"], _forget_param))
    patcher.set(Link, "copy", _wrap_copy(Link.__dict__["copy"]))
    Parameter = _variable.Parameter
    patcher.set(Parameter, "initialize", _wrap_initialize(Parameter.__dict__["initialize"]))
    patcher.set(Chain, "__setattr__", _wrap_setattr(Chain.__dict__["__setattr__"], "_children", _record_child))
    patcher.set(Chain, "__delattr__", _wrap_delattr(Chain.__dict__["__delattr__"], _forget_child))
    for name, v1_version in (("params", _link_params), ("namedparams", _link_namedparams)):
        patcher.set(Link, name, _switch(Link.__dict__[name], v1_version))
    for name, v1_version in (("params", _chain_params), ("namedparams", _chain_namedparams),
                             ("links", _chain_links), ("namedlinks", _chain_namedlinks),
                             ("children", _chain_children)):
        patcher.set(Chain, name, _switch(Chain.__dict__[name], v1_version))
