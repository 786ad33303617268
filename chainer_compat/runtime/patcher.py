"""Set attributes and remember what was there, so ``revert()`` undoes it exactly."""
import os

_MISSING = object()


class Patcher(object):
    """Records every attribute the runtime layer sets.

    Attributes:
        applied: ``{name: code}`` in the order applied, e.g.
            ``{'numpy.sctypes': 'CH901',
            'chainer.distributions.categorical.Categorical.log_prob': 'CH903'}``.
    """

    def __init__(self):
        self.applied = {}
        self._undo = []

    def set(self, obj, attr, value, name, code):
        """``setattr(obj, attr, value)``, recorded under ``name`` with ``code``."""
        self._undo.append((obj, attr, obj.__dict__.get(attr, _MISSING)))
        setattr(obj, attr, value)
        self.applied[name] = code

    def set_env(self, key, value, code):
        """``os.environ[key] = value``, recorded as ``'$' + key``."""
        self._undo.append((os.environ, key, os.environ.get(key, _MISSING)))
        os.environ[key] = value
        self.applied['$' + key] = code

    def note(self, name, code):
        """Record something applied that ``revert`` does not undo."""
        self.applied[name] = code

    def revert(self):
        """Put back every original attribute (newest first) and forget them."""
        while self._undo:
            obj, attr, old = self._undo.pop()
            if obj is os.environ:
                if old is _MISSING:
                    os.environ.pop(attr, None)
                else:
                    os.environ[attr] = old
            elif old is _MISSING:
                try:
                    delattr(obj, attr)
                except AttributeError:
                    pass
            else:
                setattr(obj, attr, old)
        self.applied.clear()
