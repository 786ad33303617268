"""CH308 graph-nodes: ``Variable`` is hashable again (identity hash), as in Chainer 1.24.

Chainer 1.24 ``Variable.__hash__`` was ``object.__hash__``: graph-walking v1
code (and ``chainer.computational_graph`` in 1.24) keeps variables in sets
and dict keys. Chainer 2+ sets ``Variable.__hash__ = None`` (``TypeError:
unhashable type: 'Variable'``). The shim restores the identity hash for v1
callers (R6: the code that hashes, e.g. inserts into a set or dict); v7 code,
Chainer's own included, still gets the ``TypeError``. ``==`` on variables
still raises, as in both versions, so the hash never disagrees with equality.
The rest of CH308 (``creator.inputs`` are ``VariableNode`` objects) is not
restored (catalogue: deviation); the codemod reports such attribute chains.
"""
import chainer

from chainer_compat import _caller

#: Codes this module restores.
CODES = ("CH308",)


def __hash__(self):
    """The identity hash of Chainer 1.24 for v1 callers; 7.8.1's ``TypeError`` otherwise."""
    if not _caller.v1_caller():
        raise TypeError("unhashable type: '%s'" % type(self).__name__)
    return object.__hash__(self)


def install(patcher):
    """Give ``chainer.Variable`` (and so ``Parameter``) the identity hash of Chainer 1.24."""
    patcher.set(chainer.Variable, "__hash__", __hash__)
