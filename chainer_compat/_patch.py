"""Attribute patching with exact restore (design notes, "The shim"; catalogue R6).

A ``Patcher`` replaces attributes of modules and classes and remembers what
was there, so that ``restore()`` puts back the very same objects (identity)
or deletes attributes that did not exist before.
"""
import sys

#: Marks an attribute that did not exist in the owner's ``__dict__``.
MISSING = object()


def chainer_modules():
    """The loaded modules of the ``chainer`` package (``chainer`` and ``chainer.*``)."""
    return [m for name, m in list(sys.modules.items())
            if m is not None and (name == "chainer" or name.startswith("chainer."))]


def _module_dict(module):
    try:
        return vars(module)
    except TypeError:
        return None


class Patcher(object):
    """Replaces attributes and restores them exactly.

    Each ``set`` records the value found in ``owner.__dict__`` (``set_item``:
    in the mapping) or ``MISSING``; ``restore`` undoes the records in reverse
    order. An owner is a module or a class.
    """

    def __init__(self):
        self._records = []
        self._spread = []   # (original, wrapper) of set_everywhere
        self._bindings = None  # id(value) -> [(module, name)] over chainer modules
        self._indexed = set()  # ids of the modules in the index
        self._modules_seen = 0

    def set(self, owner, name, value):
        """Set ``owner.name = value``, remembering the previous value of ``owner.__dict__``."""
        previous = vars(owner).get(name, MISSING)
        self._records.append(("attr", owner, name, previous))
        setattr(owner, name, value)
        if self._bindings is not None and isinstance(owner, type(sys)):
            self._bindings.setdefault(id(value), []).append((owner, name))

    def _places(self, original):
        """``[(module, name)]`` of loaded ``chainer`` modules that bind ``original`` now.

        One index of the modules' names serves every ``set_everywhere`` call;
        modules imported since the last call are added to it, and entries are
        checked before use.
        """
        if self._bindings is None:
            self._bindings, self._indexed = {}, set()
        if len(sys.modules) != self._modules_seen:
            self._modules_seen = len(sys.modules)
            for module in chainer_modules():
                if id(module) in self._indexed:
                    continue
                self._indexed.add(id(module))
                d = _module_dict(module)
                if d is not None:
                    for name, value in list(d.items()):
                        self._bindings.setdefault(id(value), []).append((module, name))
        found, seen = [], set()
        for module, name in self._bindings.get(id(original), ()):
            if (id(module), name) not in seen and vars(module).get(name, MISSING) is original:
                seen.add((id(module), name))
                found.append((module, name))
        return found

    def delete(self, owner, name):
        """Delete ``owner.name`` (from ``owner.__dict__``), remembering it for ``restore``."""
        previous = vars(owner).get(name, MISSING)
        if previous is MISSING:
            return
        self._records.append(("attr", owner, name, previous))
        delattr(owner, name)

    def set_item(self, mapping, key, value):
        """Set ``mapping[key] = value`` (``sys.modules['chainer.flag']``), remembering the previous entry."""
        self._records.append(("item", mapping, key, mapping.get(key, MISSING)))
        mapping[key] = value

    def after_import(self, name, fn):
        """Run ``fn(module)`` once module ``name`` is imported (at once if it already is);
        ``restore`` removes the import hook if it is still waiting."""
        from chainer_compat.runtime import hooks
        finder = hooks.after_import(name, fn)
        if finder is not None:
            self._records.append(("hook", finder, None, None))

    def set_everywhere(self, original, wrapper):
        """Bind ``wrapper`` wherever a loaded ``chainer`` module binds ``original``.

        Covers the public name (``chainer.functions.dropout``), the defining
        module (``chainer.functions.noise.dropout.dropout``) and internal
        aliases (``chainer.links.model.vision.vgg.dropout``). Returns the list
        of ``'module.name'`` places patched; raises ``LookupError`` if none.
        """
        places = []
        for module, name in self._places(original):
            self.set(module, name, wrapper)
            places.append("%s.%s" % (module.__name__, name))
        if not places:
            raise LookupError("%r is bound nowhere in chainer" % (original,))
        self._spread.append((original, wrapper))
        return places

    def restore(self):
        """Undo every ``set`` in reverse order; also unbind wrappers copied later.

        A ``chainer`` module imported after patching may have bound a wrapper
        (``from chainer.functions.noise.dropout import dropout``); those names
        get the original back as well.
        """
        for kind, owner, name, previous in reversed(self._records):
            if kind == "hook":
                from chainer_compat.runtime import hooks
                hooks.remove(owner)
            elif kind == "item":
                if previous is MISSING:
                    owner.pop(name, None)
                else:
                    owner[name] = previous
            elif previous is MISSING:
                if name in vars(owner):
                    delattr(owner, name)
            else:
                setattr(owner, name, previous)
        originals = {id(wrapper): original for original, wrapper in reversed(self._spread)}
        wrappers = {id(wrapper): wrapper for _, wrapper in self._spread}
        for module in chainer_modules():
            d = _module_dict(module)
            if d is None:
                continue
            for name, value in list(d.items()):
                if id(value) in wrappers and wrappers[id(value)] is value:
                    setattr(module, name, originals[id(value)])
        self._records = []
        self._spread = []
        self._bindings = None
        self._indexed = set()

    def stale_bindings(self):
        """Names outside ``chainer`` still bound to an original that was spread.

        Returns ``[(module_name, attribute_name, 'chainer.original.qualname')]`` for
        modules that ran ``from chainer.functions import dropout`` (or similar)
        before ``import chainer_compat``: those names keep the stock function.
        A module object listed under several names (``__main__`` and
        ``__mp_main__`` under multiprocessing) is reported once, under the
        first name in ``sys.modules``.
        """
        originals = {id(original): original for original, _ in self._spread}
        found = []
        seen = set()
        for mod_name, module in list(sys.modules.items()):
            if module is None or mod_name == "chainer" or mod_name.startswith(
                    ("chainer.", "chainer_compat", "chainer_rules")):
                continue
            if id(module) in seen:
                continue
            seen.add(id(module))
            d = _module_dict(module)
            if d is None:
                continue
            try:
                items = list(d.items())
            except Exception:  # a module with an unusual __dict__
                continue
            for name, value in items:
                original = originals.get(id(value))
                if original is not None and original is value:
                    found.append((mod_name, name, "%s.%s" % (
                        original.__module__, original.__qualname__)))
        return found
