"""pytest plugin for ``run_v7_suite.py``: Chainer's own tests are v7 code (catalogue R6).

pytest imports Chainer's test files under their base names (``test_link_lstm``),
not under a package that ``CHAINER_COMPAT_V7_PACKAGES`` could name. So every
module imported from the ``tests`` folder of the checkout gets the shim's
documented per-module switch, ``__chainer_compat__ = 'v2'``, before its code
runs (module-level code such as ``testing.parameterize(...)`` reads Chainer
names too): a finder first on ``sys.meta_path`` wraps the loader that the
other finders (pytest's assertion rewriter included) return.
"""
import importlib.abc
import os
import sys


class _MarkingLoader(importlib.abc.Loader):
    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        module.__chainer_compat__ = "v2"
        self.loader.exec_module(module)


class _Marker(importlib.abc.MetaPathFinder):
    def __init__(self, root):
        self.root = os.path.join(os.path.abspath(root), "")
        self.busy = False

    def find_spec(self, fullname, path, target=None):
        if self.busy:
            return None
        self.busy = True
        try:
            for finder in sys.meta_path:
                if finder is self or not hasattr(finder, "find_spec"):
                    continue
                spec = finder.find_spec(fullname, path, target)
                if spec is not None:
                    break
            else:
                return None
        finally:
            self.busy = False
        origin = spec.origin or ""
        if origin.startswith(self.root) and hasattr(spec.loader, "exec_module"):
            spec.loader = _MarkingLoader(spec.loader)
        return spec


def pytest_configure(config):
    sys.meta_path.insert(0, _Marker(os.path.join(str(config.rootpath), "tests")))


def pytest_collection_modifyitems(session, config, items):
    for item in items:   # modules imported before the finder (conftest.py files)
        module = getattr(item, "module", None)
        if module is not None:
            module.__chainer_compat__ = "v2"
