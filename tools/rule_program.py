"""Run one per-rule v1 program and save what it returns (Chainer 1.24 or 7.8.1).

A per-rule program is ``fixtures/v1/rules/chNNN_<name>.py``: v1 source written
by this project that exercises one catalogue code. It defines ``run()``, which
seeds NumPy itself and returns a dict ``name -> value``; a value is a NumPy
array, a number, a bool, a string or a (nested) list/tuple of those. This
module turns such a dict into plain arrays and writes it as ``.npz``.

The same file runs under real Chainer 1.24.0 (the oracle: ``tools/oracle.py
--record-rules``) and under Chainer 7.8.1 with ``chainer_compat`` (the tests).
It imports nothing but NumPy, so the oracle's Python can run it::

    python tools/rule_program.py PROGRAM.py OUT.npz [--shim]

``--shim`` imports ``chainer_compat`` first (the project must be importable).
Exit status 0 on success, 1 (with the traceback) when the program fails.
"""
import importlib.util
import sys

import numpy


def load(path, name=None):
    """Import the program at ``path`` as a fresh module (never cached in ``sys.modules``)."""
    name = name or "rule_program_" + path.replace("\\", "/").rsplit("/", 1)[-1][:-3]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def to_array(value):
    """One returned value as a NumPy array (a ``Variable`` as its ``.data``).

    Raises ``TypeError`` for anything that is not array-like (a Link, a dict...).
    """
    data = getattr(value, "data", None)
    if data is not None and type(value).__name__ in ("Variable", "Parameter"):
        value = data
    if isinstance(value, (list, tuple)):
        value = [to_array(v) for v in value]
    array = numpy.asarray(value)
    if array.dtype == object:
        raise TypeError("cannot store %r (%s) as an array" % (value, type(value).__name__))
    return array


def results(module):
    """``module.run()`` as a dict of arrays."""
    out = module.run()
    if not isinstance(out, dict) or not out:
        raise TypeError("run() must return a non-empty dict, got %r" % (out,))
    return dict((str(k), to_array(v)) for k, v in out.items())


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--shim" in argv:
        argv.remove("--shim")
        import chainer_compat  # noqa: F401
    if len(argv) != 2:
        sys.stderr.write(__doc__)
        return 2
    program, out = argv
    numpy.savez(out, **results(load(program)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
