"""CH603 submodule-attributes: v1 module attributes that name submodules (``chainer.links.linear``).

In Chainer 1.24 ``chainer.links`` bound ``linear`` (= ``chainer.links.connection.linear``),
``convolution_nd``, ``lstm`` & co. as a side effect of its imports, so v1 code
wrote ``from chainer.links import convolution_nd`` or ``L.linear.Linear``.
Chainer 2+ no longer binds them (``ImportError: cannot import name
'convolution_nd' from 'chainer.links'``; catalogue CH603, appendix A5: 67
attributes). The v1 target of each is in ``ALIASES``.

What the shim does:

- Each owner module gets a module-level ``__getattr__`` (PEP 562) that answers
  the v1 names of that module with the target module, imported on first use;
  so ``chainer.links.linear``, ``getattr(chainer.links, 'linear')`` and
  ``from chainer.links import linear`` work, and every use warns once per
  call site with CH603. Names the module really has are never affected; a
  ``__getattr__`` the module already had is asked for every other name.
- Targets that moved in 7.8.1 are answered with the 7.8.1 module:
  ``chainer.links.connection.lstm`` & co. (now ``chainer.links.rnn.*``) and
  ``chainer.training.triggers.interval`` (now ``interval_trigger``). Their
  v1 full paths are registered in ``sys.modules`` too (``MOVED``), so
  ``from chainer.links.connection import lstm`` imports as in 1.24.
- ``chainer.flag``, ``chainer.function_set`` and ``chainer.functions.caffe``
  are provided by CH104, CH213 and CH602; the aliases that point at them
  (``chainer.variable.flag``) resolve when those modules are installed.

Re-added names are process-wide (R6).
"""
import importlib
import sys

from chainer_compat import _warn
from chainer_rules import ch603_submodule_attributes as rule_data

#: Codes this module restores (and warns with).
CODES = ("CH603",)

#: owner -> {v1 name: v1 target}, and v1 path -> 7.8.1 path (shared with the codemod).
ALIASES, MOVED = rule_data.ALIASES, rule_data.MOVED


def target_module(path):
    """The 7.8.1 module for the v1 module ``path`` (``MOVED`` applied); raises ``ImportError``."""
    return importlib.import_module(MOVED.get(path, path))


def make_getattr(owner, aliases, previous=None):
    """A module ``__getattr__`` for ``owner`` answering ``aliases`` ({name: v1 path}).

    Other names go to ``previous`` (the module's own ``__getattr__``) or raise
    ``AttributeError`` with Python's usual message.
    """

    def __getattr__(name):
        path = aliases.get(name)
        if path is not None:
            try:
                module = target_module(path)
            except ImportError:
                module = None
            if module is not None:
                if not sys._getframe(1).f_globals.get("__name__", "").startswith("importlib"):
                    _warn.warn("CH603", "%s.%s" % (owner, name))
                return module
        if previous is not None:
            return previous(name)
        raise AttributeError("module %r has no attribute %r" % (owner, name))

    __getattr__.chainer_compat_aliases = aliases
    return __getattr__


def _give_getattr(patcher, owner, aliases):
    def give(module):
        previous = vars(module).get("__getattr__")
        patcher.set(module, "__getattr__", make_getattr(owner, aliases, previous))
    return give


def install(patcher):
    """Give each owner of ``ALIASES`` its ``__getattr__`` (an owner not imported yet, such
    as ``chainer.gradient_check`` which imports pytest, when it is imported); register
    the ``MOVED`` paths."""
    for owner, aliases in ALIASES.items():
        patcher.after_import(owner, _give_getattr(patcher, owner, aliases))
    for old, new in MOVED.items():
        module = importlib.import_module(new)
        parent, _, name = old.rpartition(".")
        patcher.set_item(sys.modules, old, module)
        patcher.set(importlib.import_module(parent), name, module)

