"""CH104 volatile: Variable(volatile=...), .volatile, chainer.Flag/ON/OFF/AUTO, chainer.flag."""
import pickle
import sys

import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.functions as F
import chainer.links as L

from chainer_compat import ChainerV1Warning, ch104_volatile
from chainer_compat.ch104_flag import AUTO, OFF, ON, Flag, aggregate_flags

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")

A = np.arange(6, dtype=np.float32).reshape(2, 3) - 2


# -- Flag (values measured on Chainer 1.24.0) ---------------------------------------

@pytest.mark.parametrize("value, flag", [
    ("on", ON), ("ON", ON), (True, ON), (1, ON), (ON, ON),
    ("off", OFF), ("OFF", OFF), (False, OFF), (0, OFF), (OFF, OFF),
    ("auto", AUTO), ("AUTO", AUTO), (None, AUTO), (AUTO, AUTO),
])
def test_flag_values(value, flag):
    assert Flag(value) is flag
    assert flag == value and not (flag != value)


def test_flag_semantics():
    assert bool(ON) is True and bool(OFF) is False
    with pytest.raises(ValueError, match="Flag AUTO cannot be converted to boolean"):
        bool(AUTO)
    assert [repr(ON), repr(OFF), repr(AUTO), str(AUTO)] == ["ON", "OFF", "AUTO", "AUTO"]
    assert ON != OFF and not (ON == OFF)
    assert hash(ON) == hash(True) and hash(AUTO) == hash(None)
    with pytest.raises(RuntimeError, match="no order is defined between flags"):
        ON < OFF
    with pytest.raises(KeyError):
        Flag("x")
    with pytest.raises(KeyError):
        ON == "x"           # as in 1.24: comparison maps the other value first
    for flag in (ON, OFF, AUTO):
        assert pickle.loads(pickle.dumps(flag)) is flag


def test_aggregate_flags():
    assert aggregate_flags([AUTO, ON]) is ON
    assert aggregate_flags([OFF, AUTO]) is OFF
    assert aggregate_flags([AUTO, AUTO]) is AUTO
    assert aggregate_flags([]) is AUTO
    with pytest.raises(ValueError, match="ON and OFF flags cannot be mixed."):
        aggregate_flags([ON, OFF])


def test_flag_names_published():
    assert chainer.Flag is Flag and chainer.ON is ON and chainer.OFF is OFF and chainer.AUTO is AUTO
    import chainer.flag as flag_module
    assert flag_module is sys.modules["chainer.flag"] is chainer.flag
    from chainer.flag import aggregate_flags as published
    assert published is aggregate_flags
    assert flag_module.Flag("on") is chainer.ON


# -- Variable(volatile=...) -----------------------------------------------------------

@pytest.mark.parametrize("make", [
    lambda: chainer.Variable(A, volatile="on"),
    lambda: chainer.Variable(A, volatile="ON"),
    lambda: chainer.Variable(A, volatile=True),
    lambda: chainer.Variable(A, "on"),
    lambda: chainer.Variable(A, chainer.ON),
    lambda: chainer.Variable(A, volatile=chainer.flag.ON),
])
def test_volatile_on_builds_no_graph(make):
    v = make()
    assert v.volatile is ON
    y = F.relu(v * 2)
    assert y.creator is None
    assert y.volatile is ON
    with chainer.no_backprop_mode():
        expected = F.relu(chainer.Variable(A) * 2)
    assert_array_equal(y.array, expected.array)


@pytest.mark.parametrize("volatile, flag", [
    ("off", OFF), ("OFF", OFF), (False, OFF), (OFF, OFF),
    ("auto", AUTO), ("AUTO", AUTO), (None, AUTO), (AUTO, AUTO),
])
def test_volatile_off_and_auto_build_a_graph(volatile, flag):
    v = chainer.Variable(A, volatile=volatile)
    assert v.volatile is flag
    y = F.sum(F.relu(v) * 3)
    assert y.creator is not None
    y.backward()
    ref = chainer.Variable(A)
    F.sum(F.relu(ref) * 3).backward()
    assert_array_equal(v.grad, ref.grad)


def test_untagged_variable_reads_off():
    assert chainer.Variable(A).volatile is OFF
    assert F.relu(chainer.Variable(A)).volatile is OFF


def test_name_and_grad_positional():
    grad = np.ones_like(A)
    v = chainer.Variable(A, "on", "nm", grad)
    assert v.name == "nm" and v.grad is grad and v.volatile is ON
    w = chainer.Variable(A, volatile="off", name="w")
    assert w.name == "w" and w.grad is None


def test_bad_arguments():
    with pytest.raises(TypeError, match="multiple values for argument 'volatile'"):
        chainer.Variable(A, "on", volatile="on")
    with pytest.raises(TypeError, match="at most 4 positional"):
        chainer.Variable(A, "on", "n", None, 1)
    with pytest.raises(KeyError):
        chainer.Variable(A, volatile="maybe")


def test_setting_the_property():
    v = chainer.Variable(A)
    v.volatile = "on"
    assert v.volatile is ON
    assert F.relu(v).creator is None
    v.volatile = False
    assert F.relu(v).creator is not None


def test_volatile_input_through_a_link():
    lin = L.Linear(3, 2)
    y = lin(chainer.Variable(A, volatile="on"))
    assert y.creator is None and y.volatile is ON
    assert_array_equal(y.array, A.dot(lin.W.array.T) + lin.b.array)
    F.sum(lin(chainer.Variable(A))).backward()   # a normal input still trains
    assert lin.W.grad is not None


def test_mixed_inputs_follow_on():
    y = chainer.Variable(A, volatile="on") + chainer.Variable(A)
    assert y.creator is None and y.volatile is ON


def test_stock_calls_unchanged():
    v = chainer.Variable(A, name="x", requires_grad=False)
    assert v.name == "x" and v.requires_grad is False
    p = chainer.Parameter(A.copy())
    assert isinstance(p, chainer.Variable)
    assert_array_equal(F.relu(chainer.Variable(A)).array, np.maximum(A, 0))


def test_warnings_name_the_use():
    with pytest.warns(ChainerV1Warning,
                      match=r"CH104 volatile: Variable\(volatile=\.\.\.\) is Chainer v1 API"):
        chainer.Variable(A, volatile="on")
    with pytest.warns(ChainerV1Warning, match=r"CH104 volatile: Variable\.volatile is Chainer v1 API"):
        chainer.Variable(A).volatile


def test_apply_wrapped_only_after_first_on(run_python):
    code = (
        "import numpy as np\n"
        "import chainer_compat, chainer, chainer.functions as F\n"
        "from chainer import function_node\n"
        "stock = function_node.FunctionNode.apply\n"
        "a = np.ones(3, np.float32)\n"
        "F.relu(chainer.Variable(a, volatile='off'))\n"
        "print(function_node.FunctionNode.apply is stock)\n"
        "F.relu(chainer.Variable(a, volatile='on'))\n"
        "print(function_node.FunctionNode.apply is stock)\n"
        "chainer_compat.uninstall()\n"
        "print(function_node.FunctionNode.apply is stock)\n"
    )
    proc = run_python(code)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "False", "True"]


def test_tag_survives_reinstall(stock):
    import chainer_compat
    chainer_compat.install()
    v = chainer.Variable(A, volatile="on")
    chainer_compat.uninstall()
    chainer_compat.install()
    assert ch104_volatile._state["apply_wrapped"]
    assert F.relu(v).creator is None
