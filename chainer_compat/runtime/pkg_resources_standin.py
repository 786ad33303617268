"""CH902: a small ``pkg_resources`` for Chainer's own three modules.

setuptools >= 81 no longer ships ``pkg_resources``; Chainer 7.8.1 imports it
in ``chainer/_environment_check.py`` (run by ``import chainer``) and in
``chainer/testing/helper.py`` and ``chainer/testing/doctest_helper.py``. They
only use ``require``, ``WorkingSet().require``, ``get_distribution(name).version``
and the exceptions ``ResolutionError``, ``DistributionNotFound`` and
``VersionConflict``; this module provides exactly that, built on
``importlib.metadata`` (and ``packaging`` for version specifiers when it is
installed; without it only the distribution's presence is checked).

It is never put in ``sys.modules``: ``scoped_import`` hands it to those three
modules only, so every other library still sees whether the real
``pkg_resources`` exists.

Source: catalogue CH902; runtime.md section 2 "Stand-in modules".
"""
import importlib.metadata
import types


def _packaging(name):
    """``packaging.requirements.Requirement`` / ``packaging.version.Version``, or
    ``None`` without ``packaging``. Imported on first use: it costs ~25 ms."""
    try:
        if name == 'Requirement':
            from packaging.requirements import Requirement as found
        else:
            from packaging.version import Version as found
    except ImportError:  # pragma: no cover - packaging is a dependency
        return None
    return found


class ResolutionError(Exception):
    """Base of the errors below (as in ``pkg_resources``)."""


class DistributionNotFound(ResolutionError):
    """The named distribution is not installed."""


class VersionConflict(ResolutionError):
    """The installed version does not satisfy the specifier."""


class Distribution(object):
    """An installed distribution: ``project_name``, ``key``, ``version`` (str)."""

    def __init__(self, project_name, version):
        self.project_name = project_name
        self.key = project_name.lower()
        self.version = version

    def __repr__(self):
        return '{} {}'.format(self.project_name, self.version)


def get_distribution(name):
    """The ``Distribution`` installed under ``name``; ``DistributionNotFound`` otherwise."""
    name = str(name)
    requirement = _packaging('Requirement')
    if requirement is not None:
        name = requirement(name).name
    try:
        dist = importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        raise DistributionNotFound(name)
    return Distribution(dist.metadata['Name'] or name, dist.version)


def _flatten(requirements):
    for req in requirements:
        if isinstance(req, (list, tuple)):
            for r in _flatten(req):
                yield r
        else:
            for line in str(req).splitlines():
                line = line.split('#', 1)[0].strip()
                if line:
                    yield line


def require(*requirements):
    """Check that each requirement string is installed in a matching version.

    Accepts strings (several lines allowed) and lists of them, like
    ``pkg_resources.require``. Returns the list of ``Distribution`` found.
    Dependencies of the named distributions are not followed.

    Raises:
        DistributionNotFound: a named distribution is not installed.
        VersionConflict: an installed version is outside the specifier.
    """
    found = []
    requirement = _packaging('Requirement')
    for text in _flatten(requirements):
        if requirement is None:
            found.append(get_distribution(text.split(';')[0].strip()))
            continue
        req = requirement(text)
        if req.marker is not None and not req.marker.evaluate():
            continue
        dist = get_distribution(req.name)
        if req.specifier and not req.specifier.contains(
                dist.version, prereleases=True):
            raise VersionConflict(dist, text)
        found.append(dist)
    return found


class WorkingSet(object):
    """``pkg_resources.WorkingSet``: only ``require`` is provided."""

    def __init__(self, entries=None):
        self.entries = entries

    def require(self, *requirements):
        return require(*requirements)


def parse_version(text):
    """``packaging.version.Version(text)``."""
    version = _packaging('Version')
    if version is None:
        raise ImportError('parse_version needs the packaging distribution')
    return version(text)


def module():
    """A fresh module object named ``pkg_resources`` with the names above."""
    mod = types.ModuleType(
        'pkg_resources', 'chainer_compat stand-in for pkg_resources (CH902)')
    for name in ('ResolutionError', 'DistributionNotFound', 'VersionConflict',
                 'Distribution', 'get_distribution', 'require', 'WorkingSet',
                 'parse_version'):
        setattr(mod, name, globals()[name])
    mod.working_set = WorkingSet()
    return mod
