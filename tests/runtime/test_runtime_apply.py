"""``apply()``: idempotent, cheap, import order, ``revert()`` (CH901-CH902)."""
import sys

import numpy

from chainer_compat import runtime
from chainer_compat.runtime import hooks

NUMPY2 = numpy.lib.NumpyVersion(numpy.__version__) >= '2.0.0'


def test_apply_is_idempotent():
    before = dict(runtime.APPLIED)
    assert runtime.apply() is runtime.APPLIED
    assert runtime.apply() == before
    # one finder of the runtime layer (shim modules such as CH605 add their own)
    assert sys.meta_path.count(runtime._state['finder']) == 1
    assert isinstance(runtime._state['finder'], hooks.ModuleHooks)


def test_apply_imports_neither_chainer_nor_scipy(python):
    # Load chainer_compat.runtime without the package's __init__ (which
    # imports Chainer right after apply()).
    code = '''
import os, sys, types
pkg = types.ModuleType('chainer_compat')
pkg.__path__ = [os.path.join(os.getcwd(), 'chainer_compat')]
sys.modules['chainer_compat'] = pkg
from chainer_compat import runtime
runtime.apply()
runtime.apply()
heavy = sorted(m for m in ('chainer', 'scipy', 'pkg_resources',
                           'numpy.distutils', 'google.protobuf')
               if m in sys.modules)
print('HEAVY', heavy)
'''
    proc = python(code)
    assert proc.returncode == 0, proc.stderr
    assert 'HEAVY []' in proc.stdout


def test_chainer_imported_first_is_reported_and_repaired(python):
    code = '''
import warnings
try:
    import chainer
    first = 'ok'
except Exception as e:
    first = type(e).__name__
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    from chainer_compat import runtime
    runtime.apply()
import chainer, chainer.functions as F, numpy
print('FIRST', first)
print('WARNED', [str(w.message)[:40] for w in caught
                 if issubclass(w.category, runtime.RuntimeLayerWarning)])
y = F.pad_sequence([numpy.zeros(2, numpy.uint8), numpy.zeros(1, numpy.uint8)],
                   padding=-1)
print('PAD', y.array.tolist())
'''
    proc = python(code)
    assert proc.returncode == 0, proc.stderr
    if NUMPY2:
        assert 'FIRST AttributeError' in proc.stdout
        assert "WARNED ['an earlier \"import chainer\" failed" in proc.stdout
    else:
        assert 'FIRST ok' in proc.stdout
        assert "WARNED ['chainer was imported before chainer_co" \
            in proc.stdout
    assert 'PAD [[0, 0], [0, 255]]' in proc.stdout


def test_revert_restores_originals(python):
    code = '''
from chainer_compat import runtime
runtime.apply()
import chainer, numpy
patched = chainer.Variable.debug_print
had_float = 'numpy.float' in runtime.APPLIED
runtime.revert()
print('APPLIED', dict(runtime.APPLIED))
print('SAME', chainer.Variable.debug_print is patched,
      hasattr(chainer.Variable.debug_print, '__wrapped__'))
print('FLOAT', had_float, 'float' in numpy.__dict__)
'''
    proc = python(code)
    assert proc.returncode == 0, proc.stderr
    assert 'APPLIED {}' in proc.stdout
    assert 'FLOAT True False' in proc.stdout
    if NUMPY2:
        assert 'SAME False False' in proc.stdout


def test_stock_chainer_fails_without_the_layer_on_numpy2(python):
    proc = python('import chainer')
    if NUMPY2:
        assert proc.returncode != 0
        assert 'sctypes' in proc.stderr
    else:
        assert proc.returncode == 0, proc.stderr
