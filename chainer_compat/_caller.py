"""Who is calling: v1 code or v7 code (catalogue R6, "default restoration").

Some v1 behaviours cannot be told apart by their arguments: ``L.BatchNormalization(64)``
is valid on both versions but means other running statistics (CH208). The
shim restores such defaults only for *v1 code*, decided from the module of
the calling frame:

- frames of ``chainer_compat`` itself are skipped (wrappers calling wrappers);
- a module of the ``chainer`` package is v7 code (Chainer 7.8.1 constructs
  its own links and relies on their v7 meaning);
- a module inside a package declared v7 code with ``set_v7_packages`` or the
  environment variable ``CHAINER_COMPAT_V7_PACKAGES`` (comma-separated names,
  read by ``chainer_compat.install()``) is v7 code, e.g. ``chainercv``;
- a module whose globals hold ``__chainer_compat__ = 'v2'`` is v7 code (mark
  a new module of a v1 project, or a migrated one, this way);
- everything else is v1 code.
"""
import os
import sys

ENV = "CHAINER_COMPAT_V7_PACKAGES"

#: Module-level global that marks a module as code written for Chainer >= 2.
MARKER = "__chainer_compat__"
V2_VALUES = ("v2", "v7")

_v7_packages = ()


def set_v7_packages(packages):
    """Declare top-level packages (``['chainercv']``) whose modules are v7 code.

    Args:
        packages: an iterable of package or module names (str); a name covers
            the module itself and everything below it (``'a.b'`` covers
            ``a.b`` and ``a.b.c``, not ``a.bc``).

    Returns:
        The previous setting, a tuple of str.

    Raises:
        TypeError: ``packages`` is a single string (pass a list).
        ValueError: a name is empty or not a dotted identifier.
    """
    global _v7_packages
    if isinstance(packages, str):
        raise TypeError("set_v7_packages takes a list of package names, not a string")
    names = tuple(packages)
    for name in names:
        if not isinstance(name, str) or not all(part.isidentifier() for part in name.split(".")):
            raise ValueError("not a package name: %r" % (name,))
    previous, _v7_packages = _v7_packages, names
    return previous


def get_v7_packages():
    """The packages declared v7 code, a tuple of str."""
    return _v7_packages


def read_environment():
    """Apply ``CHAINER_COMPAT_V7_PACKAGES`` (``'chainercv,mypkg.v2'``) if it is set."""
    value = os.environ.get(ENV)
    if value is not None:
        set_v7_packages([name.strip() for name in value.split(",") if name.strip()])


def _in_package(module_name, package):
    return module_name == package or module_name.startswith(package + ".")


def is_v7_module(module_name, module_globals=None):
    """True when code of module ``module_name`` (with globals ``module_globals``) is v7 code."""
    if _in_package(module_name, "chainer"):
        return True
    if module_globals is not None and module_globals.get(MARKER) in V2_VALUES:
        return True
    return any(_in_package(module_name, package) for package in _v7_packages)


def caller_frame(skip_code=None):
    """The innermost frame outside ``chainer_compat`` (the code that called into the shim);
    frames running ``skip_code`` (a code object) are passed over too."""
    frame = sys._getframe(1)
    while frame is not None and (
            frame.f_code is skip_code
            or _in_package(frame.f_globals.get("__name__") or "", "chainer_compat")):
        frame = frame.f_back
    return frame


def is_v1_frame(frame):
    """True when ``frame`` runs v1 code (False for ``None``)."""
    if frame is None:
        return False
    module_globals = frame.f_globals
    return not is_v7_module(module_globals.get("__name__") or "", module_globals)


def v1_caller():
    """True when the innermost frame outside ``chainer_compat`` is v1 code (module docstring)."""
    return is_v1_frame(caller_frame())


_LINK_CALL = []


def link_call_code():
    """The code object of the stock ``chainer.Link.__call__`` (looked up once)."""
    if not _LINK_CALL:
        from chainer import link
        _LINK_CALL.append(link.Link.__dict__["__call__"].__code__)
    return _LINK_CALL[0]


def v1_link_caller():
    """Like ``v1_caller``, for wrappers of a link's ``forward``: frames of the stock
    ``chainer.Link.__call__`` (which calls ``forward``) are skipped too, so the
    code that called the link decides (``model(x)`` in a v1 module is v1 code)."""
    return is_v1_frame(caller_frame(link_call_code()))
