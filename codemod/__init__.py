"""chainer-migrate: rewrite Chainer v1 (1.24) source into the v2 API.

Importing this package is cheap: libcst is imported only when a function
below is called. Public API:

- ``migrate_source(source, path='<string>', select=None, ignore=None)``
  -> ``(new_source, findings)``
- ``migrate_paths(paths, ...)`` -> ``Report`` (what the CLI runs)
- ``Finding`` (one change or review item)
"""

__all__ = ["migrate_source", "migrate_paths", "Finding", "FIX", "REVIEW"]

from codemod.findings import FIX, REVIEW, Finding  # noqa: E402 (plain data, no libcst)


def migrate_source(source, path="<string>", select=None, ignore=None):
    """Migrate one module's source text; see ``codemod.engine.migrate_source``."""
    from codemod.engine import migrate_source as _migrate
    return _migrate(source, path=path, select=select, ignore=ignore)


def migrate_paths(paths, **kwargs):
    """Migrate files and directories; see ``codemod.engine.migrate_paths``."""
    from codemod.engine import migrate_paths as _migrate
    return _migrate(paths, **kwargs)
