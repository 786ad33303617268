"""CH603 submodule-attributes in the shim: v1 module attributes naming submodules."""
import importlib
import sys
import types
import warnings

import pytest

import chainer.links
import chainer.training.triggers
from chainer_compat import ch603_submodules as ch603


def run_as_module(source, name="ch603_user_code"):
    module = types.ModuleType(name)
    exec(compile(source, "<%s>" % name, "exec"), module.__dict__)
    return module.__dict__


def test_every_alias_resolves_to_its_target():
    count = 0
    for owner, aliases in ch603.ALIASES.items():
        module = importlib.import_module(owner)
        for name, target in aliases.items():
            if target == "chainer.flag" and "chainer.flag" not in sys.modules:
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                got = getattr(module, name)
            assert got is importlib.import_module(ch603.MOVED.get(target, target)), (owner, name)
            count += 1
    assert count >= 60


def test_from_import_works_and_warns_at_the_user_line():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ns = run_as_module("x = 1\nfrom chainer.links import convolution_nd, linear\n")
    assert ns["convolution_nd"] is importlib.import_module("chainer.links.connection.convolution_nd")
    assert ns["linear"].Linear is chainer.links.Linear
    mine = [w for w in caught if "CH603" in str(w.message)]
    assert {w.lineno for w in mine} == {2}
    assert all(w.filename == "<ch603_user_code>" for w in mine)


def test_moved_modules_import_by_their_v1_path():
    ns = run_as_module("from chainer.links.connection import lstm\n"
                       "import chainer.training.triggers.interval as interval\n")
    assert ns["lstm"].LSTM is chainer.links.LSTM
    assert ns["interval"].IntervalTrigger is chainer.training.triggers.IntervalTrigger


def test_real_attributes_and_unknown_names_are_untouched():
    assert chainer.links.Linear is importlib.import_module("chainer.links.connection.linear").Linear
    with pytest.raises(AttributeError, match="has no attribute 'no_such_module'"):
        chainer.links.no_such_module


def test_uninstall_removes_the_aliases(stock):
    assert "__getattr__" not in vars(chainer.links)
    assert "chainer.links.connection.lstm" not in sys.modules
    with pytest.raises(ImportError):
        run_as_module("from chainer.links import linear\n")
