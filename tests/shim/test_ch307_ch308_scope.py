"""CH307/CH308 act for v1 callers only: v7 code keeps 7.8.1's repr, str, debug_print and unhashability."""
import numpy
import pytest

import chainer

import chainer_compat

V2_CODE = """
r, s, d = repr(v), str(v), v.debug_print()
try:
    hash(v)
except TypeError:
    unhashable = True
else:
    unhashable = False
"""


def v2_run(v):
    ns = {"__name__": "v2_user_module", "__chainer_compat__": "v2", "v": v}
    exec(compile(V2_CODE, "<v2 module>", "exec"), ns)
    return ns


def test_v1_caller_gets_v1_surface():
    v = chainer.Variable(numpy.arange(3, dtype=numpy.float32))
    assert repr(v) == "<variable at 0x%x>" % id(v)
    assert str(v) == "<var@%x>" % id(v)
    assert {v: 1}[v] == 1


def test_v2_caller_gets_stock_surface():
    v = chainer.Variable(numpy.arange(3, dtype=numpy.float32))
    ns = v2_run(v)
    chainer_compat.uninstall()
    try:
        stock = (repr(v), str(v), v.debug_print())
        with pytest.raises(TypeError):
            hash(v)
    finally:
        chainer_compat.install()
    assert (ns["r"], ns["s"], ns["d"]) == stock
    assert ns["unhashable"]


def test_debug_print_is_not_a_v1_use():
    # a valid 7.8.1 call: it must not warn (it used to read .volatile through CH104)
    import warnings
    v = chainer.Variable(numpy.zeros((2, 3), numpy.float32))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        text = v.debug_print()
    assert not [w for w in caught if w.category is chainer_compat.ChainerV1Warning]
    assert "- device: CPU\n- volatile: OFF\n" in text
