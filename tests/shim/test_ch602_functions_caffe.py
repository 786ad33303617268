"""CH602 functions-caffe-alias in the shim: ``chainer.functions.caffe`` as a lazy module."""
import subprocess  # noqa: F401  (run_python)
import sys

import pytest

import chainer.functions
import chainer_compat
from chainer_compat import ch602_functions_caffe as ch602


def test_registered_as_module_and_attribute():
    module = sys.modules["chainer.functions.caffe"]
    assert chainer.functions.caffe is module
    assert module.__name__ == "chainer.functions.caffe"


def test_unknown_names_raise_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        chainer.functions.caffe.Nothing


def test_install_does_not_import_protobuf(run_python):
    proc = run_python("import sys, chainer_compat\n"
                      "print('google.protobuf' in sys.modules, "
                      "'chainer.links.caffe' in sys.modules)\n")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "False"]


def test_alias_and_available_in_a_fresh_process(run_python):
    # protobuf >= 4 needs its pure-Python implementation for caffe_pb2 (CH906)
    proc = run_python("import warnings, chainer_compat\n"
                      "chainer_compat.runtime.use_python_protobuf()\n"
                      "from chainer.functions.caffe import CaffeFunction\n"
                      "import chainer.functions.caffe as fc\n"
                      "from chainer.links import caffe\n"
                      "print(CaffeFunction is caffe.CaffeFunction, "
                      "fc.caffe_function is caffe.caffe_function, "
                      "caffe.caffe_function.available)\n"
                      "chainer_compat.uninstall()\n"
                      "print(hasattr(caffe.caffe_function, 'available'))\n",
                      env_extra={"CHAINER_COMPAT_WARNINGS": "ignore"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "True", "True", "False"]


def test_uninstall_removes_the_module(stock):
    assert "chainer.functions.caffe" not in sys.modules
    assert not hasattr(chainer.functions, "caffe")
    chainer_compat.install()
    assert isinstance(sys.modules[ch602.NAME], type(sys))
