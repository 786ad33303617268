"""Run code right before and right after one named module executes.

The runtime layer patches Chainer's modules when they are imported, not by
importing them itself, so ``apply()`` stays cheap and a module that is never
imported is never touched. ``ModuleHooks`` is a ``MetaPathFinder`` placed at
the front of ``sys.meta_path``; for the module names it knows it asks the
other finders for the real spec and wraps its loader. Every other import
passes through untouched (``find_spec`` returns ``None``).

Source: catalogue R6 (patch the defining module) and runtime.md section 2.
"""
import importlib.abc
import sys
import threading


class _Loader(importlib.abc.Loader):
    """Wraps a real loader: ``before`` hooks, real ``exec_module``, ``after`` hooks.

    Unknown attributes (``get_source``, ``get_filename``,
    ``get_resource_reader``, ...) are the real loader's, so tracebacks,
    ``inspect`` and ``importlib.resources`` keep working.
    """

    def __init__(self, loader, before, after):
        self._loader = loader
        self._before = before
        self._after = after

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        for hook in self._before:
            hook(module)
        self._loader.exec_module(module)
        for hook in self._after:
            hook(module)

    def __getattr__(self, name):
        return getattr(self._loader, name)


_searching = threading.local()


class ModuleHooks(importlib.abc.MetaPathFinder):
    """A finder that attaches hooks to named modules.

    ``before(name, fn)``: ``fn(module)`` runs on the new, empty module object
    before its code executes (used to give the module its own ``__import__``).
    ``after(name, fn)``: ``fn(module)`` runs once the module's code executed;
    when the module is already in ``sys.modules`` it runs at once instead.
    """

    def __init__(self):
        self._before = {}
        self._after = {}

    def before(self, name, fn):
        self._before.setdefault(name, []).append(fn)

    def after(self, name, fn):
        module = sys.modules.get(name)
        if module is not None and _initialised(module):
            fn(module)
        else:
            self._after.setdefault(name, []).append(fn)

    def names(self):
        return set(self._before) | set(self._after)

    def find_spec(self, fullname, path, target=None):
        if fullname not in self._before and fullname not in self._after:
            return None
        # Another ModuleHooks for the same module asks every finder, this one
        # included: answer None while this one is searching, so that each
        # wraps the loader found by the others once (no endless recursion).
        searching = _searching.__dict__.setdefault('active', set())
        key = (id(self), fullname)
        if key in searching:
            return None
        searching.add(key)
        try:
            spec = None
            for finder in sys.meta_path:
                if finder is self or not hasattr(finder, 'find_spec'):
                    continue
                spec = finder.find_spec(fullname, path, target)
                if spec is not None:
                    break
        finally:
            searching.discard(key)
        if spec is None or spec.loader is None \
                or not hasattr(spec.loader, 'exec_module'):
            return spec
        spec.loader = _Loader(spec.loader,
                              list(self._before.get(fullname, ())),
                              list(self._after.get(fullname, ())))
        return spec


def _initialised(module):
    spec = getattr(module, '__spec__', None)
    return not getattr(spec, '_initializing', False)


def after_import(name, fn):
    """Run ``fn(module)`` once module ``name`` is imported (at once if it already is).

    Returns the ``ModuleHooks`` put first on ``sys.meta_path`` for it, or ``None``
    when ``fn`` already ran; pass the result to ``remove`` to take the hook away.
    """
    hooks = ModuleHooks()
    hooks.after(name, fn)
    if name in sys.modules and _initialised(sys.modules[name]):
        return None
    sys.meta_path.insert(0, hooks)
    return hooks


def remove(hooks):
    """Take a finder returned by ``after_import`` off ``sys.meta_path`` (``None``: nothing)."""
    if hooks is not None and hooks in sys.meta_path:
        sys.meta_path.remove(hooks)
