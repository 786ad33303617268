"""CH902: ``pkg_resources`` / ``numpy.distutils`` served to Chainer's modules only."""
import importlib.metadata
import importlib.util

import numpy
import pytest

import chainer.testing
from chainer_compat.runtime import pkg_resources_standin as pr
from chainer_compat.runtime import scoped_import

HAS_PKG_RESOURCES = importlib.util.find_spec('pkg_resources') is not None


def test_require_checks_presence_and_version():
    version = importlib.metadata.version('numpy')
    dist, = pr.require('numpy>=1.0')
    assert dist.version == version
    assert pr.require(['numpy', 'numpy>=1.0\n# comment']) != []
    with pytest.raises(pr.VersionConflict):
        pr.require('numpy<0.1')
    with pytest.raises(pr.DistributionNotFound):
        pr.require('chainer-compat-no-such-distribution')
    assert issubclass(pr.VersionConflict, pr.ResolutionError)
    assert issubclass(pr.DistributionNotFound, pr.ResolutionError)


def test_working_set_and_get_distribution():
    with pytest.raises(pr.ResolutionError):
        pr.WorkingSet().require('numpy<0.1')
    assert pr.get_distribution('numpy').version == \
        importlib.metadata.version('numpy')
    assert str(pr.parse_version('1.10')) == '1.10'
    assert pr.parse_version('1.10') > pr.parse_version('1.9')


def test_standin_module_is_fresh_and_not_registered():
    import sys
    mod = pr.module()
    assert mod.__name__ == 'pkg_resources'
    assert sys.modules.get('pkg_resources') is not mod


def test_with_requires_skips_by_version():
    # chainer.testing.with_requires uses pkg_resources.WorkingSet().require
    def fn():
        pass
    assert not getattr(chainer.testing.with_requires('numpy>=1.0')(fn),
                       '__unittest_skip__', False)
    assert getattr(chainer.testing.with_requires('numpy<1.0')(fn),
                   '__unittest_skip__', False)
    assert getattr(chainer.testing.with_requires(
        'chainer-compat-no-such-distribution')(fn), '__unittest_skip__', False)


def test_distutils_standin_get_info():
    importer = scoped_import.Importer()
    g = {'__name__': 'chainer._environment_check'}
    top = importer('numpy.distutils.system_info', g, None, None, 0)
    import sys
    if sys.platform != 'darwin':
        assert top.distutils.system_info.get_info('blas_opt') == {}
        assert top.float32 is numpy.float32   # the rest is the real numpy
        assert importer.served == [('chainer._environment_check',
                                    'numpy.distutils.system_info')]
    sub = importer('numpy.distutils', g, None, ('system_info',), 0)
    assert hasattr(sub, 'system_info')


def test_nothing_leaks_into_the_process(python):
    code = '''
import sys
from chainer_compat import runtime
runtime.apply()
import chainer, chainer.testing
print('DISTUTILS', 'numpy.distutils' in sys.modules)
try:
    import pkg_resources
    print('PKG_RESOURCES', getattr(pkg_resources, '__file__', None) is not None)
except ImportError:
    print('PKG_RESOURCES missing')
'''
    proc = python(code)
    assert proc.returncode == 0, proc.stderr
    if sys_platform() != 'darwin':
        assert 'DISTUTILS False' in proc.stdout
    if HAS_PKG_RESOURCES:
        assert 'PKG_RESOURCES True' in proc.stdout   # the real one
    else:
        assert 'PKG_RESOURCES missing' in proc.stdout


def test_import_chainer_with_warnings_as_errors(python):
    proc = python('from chainer_compat import runtime\nruntime.apply()\n'
                  'import chainer, chainer.functions, chainer.links, '
                  'chainer.training, chainer.testing', '-W', 'error')
    assert proc.returncode == 0, proc.stderr


@pytest.mark.skipif(HAS_PKG_RESOURCES,
                    reason='setuptools < 81: the real pkg_resources is used')
def test_standin_recorded_when_pkg_resources_is_missing():
    from chainer_compat import runtime
    assert runtime.APPLIED['pkg_resources -> chainer._environment_check'] \
        == 'CH902'
    assert runtime.APPLIED['pkg_resources -> chainer.testing.helper'] \
        == 'CH902'


def sys_platform():
    import sys
    return sys.platform
