"""CH206 gru-stateless in the shim: L.GRU is v1's stateless GRU, process-wide and switchable."""
import numpy as np
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.links as L
from chainer.links.rnn import gru as gru_module

import chainer_compat
from chainer_compat import ch206_gru

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def data(seed, shape):
    return np.random.RandomState(seed).uniform(-1, 1, shape).astype(np.float32)


def test_names_are_the_v1_class():
    assert L.GRU is ch206_gru.GRU
    assert issubclass(L.GRU, L.StatelessGRU)
    # the defining module keeps 7.8.1's class: its GRU.forward calls super(GRU, self)
    assert gru_module.GRU is ch206_gru._stock


def test_constructor_and_call_equal_stateless_gru():
    np.random.seed(1)
    v1 = L.GRU(4, 3)
    np.random.seed(1)
    ref = L.StatelessGRU(3, 4)
    h, x = data(0, (2, 4)), data(1, (2, 3))
    for (name, a), (_, b) in zip(sorted(v1.namedparams()), sorted(ref.namedparams())):
        assert_array_equal(a.array, b.array, err_msg=name)
    assert_array_equal(v1(h, x).array, ref(h, x).array)
    assert_array_equal(v1(h, x).array, v1(h, x).array)   # stateless


def test_one_argument_means_square():
    g = L.GRU(5)
    assert g.W.W.shape == (5, 5) and g.U.W.shape == (5, 5)
    g = L.GRU(n_units=5, n_inputs=2)
    assert g.W.W.shape == (5, 2)


def test_stateful_gru_unchanged():
    s = L.StatefulGRU(3, 4)
    assert not isinstance(s, L.GRU)
    y = s(chainer.Variable(data(0, (2, 3))))
    assert y.shape == (2, 4) and s.h is not None


def test_uninstall_restores_stock(stock):
    assert L.GRU is not ch206_gru.GRU and issubclass(L.GRU, L.StatefulGRU)
    with pytest.raises(TypeError):
        L.GRU(4)


def test_switch_to_v7_and_back():
    stock = L.StatefulGRU.__subclasses__()
    previous = ch206_gru.set_gru("v7")
    try:
        assert L.GRU is not ch206_gru.GRU and L.GRU in stock
        chainer_compat.uninstall()
        chainer_compat.install()
        assert L.GRU in stock
    finally:
        ch206_gru.set_gru(previous)
    assert L.GRU is ch206_gru.GRU
    with pytest.raises(ValueError):
        ch206_gru.set_gru("stateless")


def test_environment_variable(run_python):
    proc = run_python("import chainer_compat, chainer.links as L\n"
                      "print(L.GRU.__module__)\n", env_extra={"CHAINER_COMPAT_GRU": "v7"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "chainer.links.rnn.gru"


def test_v2_modules_read_the_stock_gru():
    # R6: the module reading the name decides; v2 code keeps 7.8.1's stateful L.GRU
    import chainer.links as L
    from chainer.links.rnn import gru as gru_module
    from chainer_compat import ch206_gru
    ns = {"__name__": "v2_user_module", "__chainer_compat__": "v2", "L": L}
    exec(compile("from chainer.links import GRU as imported\nread = L.GRU\n", "<v2 module>", "exec"), ns)
    stock = ch206_gru._stock
    assert ns["imported"] is stock and ns["read"] is stock
    assert issubclass(stock, gru_module.StatefulGRU)
    from chainer.links import GRU as v1_imported  # this test module is v1 code
    assert L.GRU is ch206_gru.GRU and v1_imported is ch206_gru.GRU
