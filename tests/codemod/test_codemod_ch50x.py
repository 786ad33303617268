"""CH501-CH508 (training loop) in the codemod: rewrites, review items and untouched v2 code."""
import pytest

from codemod import FIX, REVIEW, migrate_source

HEAD = ("import chainer\n"
        "from chainer import training\n"
        "from chainer.training import extensions\n")


def migrate(body):
    new, findings = migrate_source(HEAD + body)
    assert new.startswith(HEAD)
    return new[len(HEAD):], [(f.code, f.kind, f.silent) for f in findings]


def test_ch502_extend_gets_the_trigger():
    new, found = migrate("trainer.extend(extensions.snapshot_object(m, 'f', trigger=(5, 'epoch')),"
                         " priority=1)\n")
    assert new == ("trainer.extend(extensions.snapshot_object(m, 'f'), priority=1, "
                   "trigger=(5, 'epoch'))\n")
    assert found == [("CH502", FIX, False)]


def test_ch502_positional_slot_and_assignment():
    new, found = migrate("s = extensions.snapshot_object(m, 'f', chainer.serializers.save_npz, "
                         "(2, 'epoch'))\n")
    assert new == ("s = extensions.snapshot_object(m, 'f', chainer.serializers.save_npz)\n"
                   "s.trigger = (2, 'epoch')\n")
    assert found == [("CH502", FIX, False)]


def test_ch502_other_sites_are_reviewed_and_v2_calls_untouched():
    body = "f(extensions.snapshot(trigger=(2, 'epoch')))\ntrainer.extend(extensions.snapshot())\n"
    new, found = migrate(body)
    assert new == body
    assert found == [("CH502", REVIEW, False)]


def test_ch503_user_initialize_is_reviewed_silent():
    body = ("class E(training.Extension):\n"
            "    invoke_before_training = True\n"
            "    def initialize(self, trainer):\n        pass\n")
    new, found = migrate(body)
    assert new == body
    assert found == [("CH503", REVIEW, True)]


def test_ch503_non_literal_value_is_reviewed():
    body = "trainer.extend(ext, invoke_before_training=flag)\n"
    new, found = migrate(body)
    assert new == body
    assert found == [("CH503", REVIEW, False)]


@pytest.mark.parametrize("select", [["CH503"], None])
def test_ch503_positional_make_extension_after_r2(select):
    # catalogue R2: v1 slot 3 is invoke_before_training, slot 4 finalizer (v7 slot 3);
    # CH503 reads the slot as the keyword and the finalizer is passed by keyword
    body = "@training.make_extension((1, 'epoch'), None, 10, True, fin)\ndef f(t):\n    pass\n"
    new, findings = migrate_source(HEAD + body, select=select)
    assert new == HEAD + ("@training.make_extension((1, 'epoch'), None, 10, finalizer=fin)\n"
                          "def f(t):\n    pass\nf.initialize = f\n")
    expected = [("CH503", FIX)] if select else [("CH302", FIX), ("CH503", FIX)]
    assert [(f.code, f.kind) for f in findings] == expected


def test_ch503_positional_make_extension_other_value_is_reviewed():
    body = "@training.make_extension((1, 'epoch'), None, 10, flag)\ndef f(t):\n    pass\n"
    new, findings = migrate_source(HEAD + body, select=["CH503"])
    assert new == HEAD + body
    assert [(f.code, f.kind) for f in findings] == [("CH503", REVIEW)]


def test_ch507_lone_filename_becomes_file():
    new, found = migrate("chainer.serializers.load_npz(path, model, filename=None)\n"
                         "chainer.serializers.save_npz(obj=m, filename=p)\n")
    assert new == ("chainer.serializers.load_npz(path, model, file=None)\n"
                   "chainer.serializers.save_npz(p, m)\n")
    assert found == [("CH507", FIX, False), ("CH507", FIX, False)]


def test_ch508_manual_new_epoch_adds_keyword():
    new, found = migrate("u = training.StandardUpdater(it, opt)\nopt.new_epoch()\n")
    assert new == "u = training.StandardUpdater(it, opt, auto_new_epoch=False)\nopt.new_epoch()\n"
    assert found == [("CH508", FIX, False)]


def test_ch508_no_epoch_use_no_finding():
    body = "u = training.updaters.StandardUpdater(it, opt)\n"
    assert migrate(body) == (body, [])


def test_ch501_ch505_ch506_review_items():
    body = ("ev = extensions.Evaluator(it, model)\n"
            "trainer.extend(extensions.dump_graph('main/loss'), trigger=(1, 'epoch'))\n"
            "a = chainer.iterators.SerialIterator(d, 2)\n"
            "b = chainer.iterators.SerialIterator(d, 2, True, False)\n"
            "c = chainer.iterators.MultiprocessIterator(d, 2, order_sampler=s)\n")
    new, found = migrate(body)
    assert new == body
    assert found == [("CH501", REVIEW, True), ("CH505", REVIEW, True), ("CH506", REVIEW, True)]
