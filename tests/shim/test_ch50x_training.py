"""CH501-CH508 (training loop) in the shim: v1 calls accepted, v1 defaults for v1 callers only.

Module-level code here is v1 code (catalogue R6); ``V7_SOURCE`` snippets run
in a module marked ``__chainer_compat__ = 'v2'`` and must see stock 7.8.1.
"""
import warnings

import numpy
import pytest
from numpy.testing import assert_array_equal

import chainer
import chainer.links as L
from chainer import training
from chainer.training import extensions

import chainer_compat
from chainer_compat import ch501_inputs, ch506_iterator_order

pytestmark = pytest.mark.filterwarnings("ignore::chainer_compat.ChainerV1Warning")


def run_v7(source, **names):
    """Run ``source`` as v7 code (a module marked ``__chainer_compat__ = 'v2'``)."""
    namespace = dict(names, __name__="v7_module", __chainer_compat__="v2")
    exec(compile(source, "<v7>", "exec"), namespace)
    return namespace


def tiny_dataset():
    x = numpy.arange(8, dtype=numpy.float32).reshape(4, 2)
    t = numpy.array([0, 1, 0, 1], numpy.int32)
    return chainer.datasets.TupleDataset(x, t)


def optimizer_for(model):
    opt = chainer.optimizers.SGD()
    opt.setup(model)
    return opt


# -- CH501 ------------------------------------------------------------------
def test_ch501_updater_passes_variables_to_v1_loss():
    seen = []
    model = L.Linear(2, 2)
    opt = optimizer_for(model)

    def loss(x, t):
        seen.append((type(x), type(t)))
        return chainer.functions.sum(model(x))

    it = chainer.iterators.SerialIterator(tiny_dataset(), 2, shuffle=False)
    with pytest.warns(chainer_compat.ChainerV1Warning, match="CH501"):
        updater = training.StandardUpdater(it, opt, loss_func=loss)
    updater.update()
    assert seen == [(chainer.Variable, chainer.Variable)]


def test_ch501_v7_updater_passes_arrays():
    seen = []
    model = L.Linear(2, 2)
    ns = run_v7("updater = training.StandardUpdater(it, opt, loss_func=loss)\n",
                training=training, opt=optimizer_for(model),
                it=chainer.iterators.SerialIterator(tiny_dataset(), 2, shuffle=False),
                loss=lambda x, t: seen.append(type(x)) or chainer.functions.sum(model(x)))
    ns["updater"].update()
    assert seen == [numpy.ndarray]


def test_ch501_as_variables_structure():
    a, b = numpy.zeros(2), numpy.ones(2)
    out = ch501_inputs.as_variables((a, b))
    assert [type(v) for v in out] == [chainer.Variable, chainer.Variable]
    assert_array_equal(out[1].array, b)
    out = ch501_inputs.as_variables({"x": a}, volatile=True)
    assert isinstance(out["x"], chainer.Variable) and str(out["x"].volatile) == "ON"
    assert isinstance(ch501_inputs.as_variables(a), chainer.Variable)


class _Mode(chainer.Chain):
    def __call__(self, x, t):
        chainer.report({"train": float(chainer.config.train),
                        "variable": float(isinstance(x, chainer.Variable))}, self)
        return chainer.functions.sum(x)


def test_ch501_v1_evaluator_keeps_train_mode_and_v7_one_sets_test_mode():
    it = chainer.iterators.SerialIterator(tiny_dataset(), 2, repeat=False, shuffle=False)
    v1 = extensions.Evaluator(it, _Mode())()
    assert v1["main/train"] == 1.0 and v1["main/variable"] == 1.0
    it = chainer.iterators.SerialIterator(tiny_dataset(), 2, repeat=False, shuffle=False)
    v7 = run_v7("result = extensions.Evaluator(it, model)()\n",
                extensions=extensions, it=it, model=_Mode())["result"]
    assert v7["main/train"] == 0.0 and v7["main/variable"] == 0.0


# -- CH502 ------------------------------------------------------------------
def test_ch502_trigger_keyword_and_slot():
    model = L.Linear(2, 2)
    with pytest.warns(chainer_compat.ChainerV1Warning, match="CH502"):
        ext = extensions.snapshot_object(model, "m", trigger=(3, "epoch"))
    assert ext.trigger == (3, "epoch")
    ext = extensions.snapshot_object(model, "m", chainer.serializers.save_npz, (4, "iteration"))
    assert ext.trigger == (4, "iteration")
    assert extensions.snapshot(trigger=(2, "iteration")).trigger == (2, "iteration")


def test_ch502_without_trigger_is_stock():
    ext = extensions.snapshot()
    chainer_compat.uninstall()
    try:
        stock = extensions.snapshot()
        with pytest.raises(TypeError, match="trigger"):
            extensions.snapshot(trigger=(1, "epoch"))
    finally:
        chainer_compat.install()
    assert ext.trigger == stock.trigger == (1, "epoch")


# -- CH503 ------------------------------------------------------------------
def _trainer(iterations):
    model = L.Classifier(L.Linear(2, 2))
    it = chainer.iterators.SerialIterator(tiny_dataset(), 2, shuffle=False)
    return training.Trainer(training.StandardUpdater(it, optimizer_for(model)),
                            (iterations, "iteration"), out="result_unused")


def test_ch503_make_extension_records_the_flag():
    @training.make_extension(invoke_before_training=True)
    def flagged(trainer):
        pass

    @training.make_extension()
    def plain(trainer):
        pass

    assert flagged.invoke_before_training is True
    assert plain.invoke_before_training is False
    assert training.Extension().invoke_before_training is False


def test_ch503_before_training_call_order(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    calls = []

    class Flagged(training.Extension):
        trigger = 2, "iteration"
        invoke_before_training = True

        def __call__(self, trainer):
            calls.append(("cls", trainer.updater.iteration))

    trainer = _trainer(3)
    trainer.extend(Flagged())
    trainer.extend(lambda tr: calls.append(("kw", tr.updater.iteration)), name="kw",
                   trigger=(5, "iteration"), invoke_before_training=True)
    trainer.extend(lambda tr: calls.append(("off", tr.updater.iteration)), name="off",
                   trigger=(5, "iteration"), invoke_before_training=False)
    trainer.run()
    assert calls == [("cls", 0), ("kw", 0), ("cls", 2)]


def test_ch503_chainer_extensions_are_not_called_twice(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    trainer = _trainer(2)
    opt = trainer.updater.get_optimizer("main")
    opt.lr = 1.0
    trainer.extend(extensions.ExponentialShift("lr", 0.5), trigger=(1, "iteration"))
    trainer.run()
    assert opt.lr == 0.25   # initialize sets 1.0, two calls halve it twice


def test_ch503_shift_by_hand_in_v1_code():
    class Hand(object):
        def __init__(self):
            self.updater, self.x = self, 0.0

        def get_optimizer(self, name):
            return self

    hand = Hand()
    ext = extensions.ExponentialShift("x", 0.5, init=2.0)
    assert ext.invoke_before_training is True
    ext(hand)
    assert hand.x == 2.0
    ext(hand)
    assert hand.x == 1.0


# -- CH504 ------------------------------------------------------------------
def test_ch504_report_keeps_graph_and_uninstall_restores():
    x = chainer.Variable(numpy.ones(2, numpy.float32))
    y = chainer.functions.sum(x * 2)
    observation = {}
    with chainer.Reporter().scope(observation):
        chainer.report({"y": y})
    assert observation["y"] is y
    assert chainer.config.keep_graph_on_report is False  # scoped per call, not process-wide
    chainer_compat.uninstall()
    try:
        with chainer.Reporter().scope(observation):
            chainer.report({"y": y})
        assert observation["y"] is not y and observation["y"].creator is None
    finally:
        chainer_compat.install()


def test_ch504_v2_callers_get_copies():
    x = chainer.Variable(numpy.ones(2, numpy.float32))
    y = chainer.functions.sum(x * 2)
    ns = {"__name__": "v2_user_module", "__chainer_compat__": "v2", "chainer": chainer, "y": y,
          "observation": {}}
    exec(compile("with chainer.Reporter().scope(observation):\n    chainer.report({'y': y})\n",
                 "<v2 module>", "exec"), ns)
    assert ns["observation"]["y"] is not y and ns["observation"]["y"].creator is None


# -- CH506 ------------------------------------------------------------------
def _epochs(it, n):
    return [list(it.next()) for _ in range(n)]


def test_ch506_v1_order_is_v1_and_v7_order_is_stock():
    numpy.random.seed(3)
    v1 = _epochs(chainer.iterators.SerialIterator(list(range(6)), 3), 6)
    numpy.random.seed(3)
    expected = []
    order = numpy.random.permutation(6)
    for _ in range(3):
        expected += [list(order[:3]), list(order[3:])]
        numpy.random.shuffle(order)
    assert v1 == expected
    numpy.random.seed(3)
    ns = run_v7("it = chainer.iterators.SerialIterator(list(range(6)), 3)\n", chainer=chainer)
    assert ns["it"].order_sampler is not ch506_iterator_order.v1_order_sampler
    assert ch506_iterator_order.V1_ITERATOR not in vars(ns["it"])


def test_ch506_positional_shuffle_and_custom_sampler():
    it = chainer.iterators.SerialIterator([1, 2, 3], 2, True, True)
    assert it.order_sampler is ch506_iterator_order.v1_order_sampler
    it = chainer.iterators.SerialIterator([1, 2, 3], 2, shuffle=False)
    assert it.order_sampler is None
    sampler = chainer.iterators.ShuffleOrderSampler()
    it = chainer.iterators.SerialIterator([1, 2, 3], 2, order_sampler=sampler)
    assert it.order_sampler is sampler


# -- CH507 ------------------------------------------------------------------
def test_ch507_filename_keyword(tmp_path):
    src, dst = L.Linear(2, 3), L.Linear(2, 3)
    path = str(tmp_path / "m.npz")
    with pytest.warns(chainer_compat.ChainerV1Warning, match="CH507"):
        chainer.serializers.save_npz(filename=path, obj=src)
    chainer.serializers.load_npz(filename=path, obj=dst)
    assert_array_equal(dst.W.array, src.W.array)


# -- CH508 ------------------------------------------------------------------
def test_ch508_auto_new_epoch_only_for_v1_callers():
    model = L.Classifier(L.Linear(2, 2))
    it = chainer.iterators.SerialIterator(tiny_dataset(), 2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", chainer_compat.ChainerV1Warning)
        assert training.StandardUpdater(it, optimizer_for(model)).auto_new_epoch is False
        assert training.StandardUpdater(it, optimizer_for(model),
                                        auto_new_epoch=True).auto_new_epoch is True
    ns = run_v7("u = training.StandardUpdater(it, opt)\n", training=training, it=it,
                opt=optimizer_for(model))
    assert ns["u"].auto_new_epoch is True


def test_ch503_v2_callers_keep_the_removal():
    from chainer import training
    code = (
        "try:\n"
        "    training.make_extension(invoke_before_training=False)\n"
        "except ValueError:\n"
        "    rejected = True\n"
        "class MyExtension(training.Extension):\n"
        "    pass\n"
        "try:\n"
        "    MyExtension().invoke_before_training\n"
        "except AttributeError:\n"
        "    unreadable = True\n")
    ns = {"__name__": "v2_user_module", "__chainer_compat__": "v2", "training": training}
    exec(compile(code, "<v2 module>", "exec"), ns)
    assert ns.get("rejected") and ns.get("unreadable")
    assert training.Extension().invoke_before_training is False  # this module is v1 code
