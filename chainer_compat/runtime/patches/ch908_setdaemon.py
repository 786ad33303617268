"""CH908 thread-setdaemon: ``MultiprocessIterator`` calls ``Thread.setDaemon``.

Chainer 7.8.1 ``iterators/multiprocess_iterator.py`` starts its prefetch
thread with ``thread.setDaemon(True)``, deprecated since Python 3.10 (a
DeprecationWarning; it fails where warnings are errors). The patch gives that
module, and only that module, a ``threading`` whose ``Thread`` sets the
``daemon`` attribute instead; every other name is the real ``threading``'s.

Source: catalogue CH908; runtime.md section 3 "Other modern-stack issues".
"""
import sys
import threading
import types

CODE = 'CH908'


def needed():
    """True on Python >= 3.10, where ``Thread.setDaemon`` is deprecated."""
    return sys.version_info >= (3, 10)


class Thread(threading.Thread):
    """``threading.Thread`` whose ``setDaemon`` does not warn."""

    def setDaemon(self, daemonic):
        self.daemon = daemonic


class _Threading(types.ModuleType):
    """The real ``threading`` module with ``Thread`` replaced."""

    Thread = Thread

    def __getattr__(self, name):
        return getattr(threading, name)


def _install(module, patcher):
    patcher.set(module, 'threading', _Threading('threading'),
                module.__name__ + '.threading.Thread.setDaemon', CODE)


HOOKS = {'chainer.iterators.multiprocess_iterator': _install}
