"""Codemod rules CH601-CH609: module moves, CUDA helpers, removed names, deprecations."""
import textwrap

import pytest
from numpy.testing import assert_array_equal

from codemod import migrate_source

from parity_cases import execute, fixes, reviews  # noqa: E402  (tests/codemod on sys.path)


@pytest.fixture
def stock_chainer():
    import chainer_compat
    yield chainer_compat.uninstall
    chainer_compat.install()


def migrate(source, **kwargs):
    return migrate_source(textwrap.dedent(source), **kwargs)


def test_ch603_splits_a_mixed_import_and_keeps_other_statements():
    new, findings = migrate("""\
        import chainer.links as L
        from chainer.links import Linear, linear as lin, lstm; import os
        """)
    assert new == ("import chainer.links as L\n"
                   "from chainer.links import Linear; import os\n"
                   "from chainer.links.connection import linear as lin\n"
                   "from chainer.links.rnn import lstm\n")
    assert len(fixes(findings, "CH603")) == 2


def test_ch603_renamed_target_keeps_the_bound_name():
    new, _ = migrate("from chainer.training.util import interval\n")
    assert new == "from chainer.training.triggers import interval_trigger as interval\n"


def test_ch603_leaves_chainer_flag_to_ch104():
    _, findings = migrate("from chainer.variable import flag\nx = flag.ON\n", select=["CH603"])
    assert not findings


def test_ch603_migrated_program_runs_on_stock_chainer(stock_chainer):
    source = ("import numpy as np\nimport chainer.links as L\n"
              "from chainer.links import convolution_nd\n"
              "from chainer.training.updater import convert\n"
              "w = np.linspace(-1, 1, 12, dtype=np.float32).reshape(3, 2, 2)\n"
              "c = convolution_nd.ConvolutionND(1, 2, 3, 2, initialW=w, initial_bias=0.5)\n"
              "y = c(np.ones((1, 2, 4), np.float32)).array\n"
              "t = convert.concat_examples([(1, 2), (3, 4)])[1]\n"
              "h = L.linear.Linear(2, 3, initialW=np.ones((3, 2), np.float32))"
              "(np.ones((1, 2), np.float32)).array\n")
    v1 = execute(source)
    new, _ = migrate_source(source, select=["CH603"])
    stock_chainer()
    v2 = execute(new)
    for name in ("y", "t", "h"):
        assert_array_equal(v1[name], v2[name])


def test_ch601_reviews_what_it_cannot_rewrite():
    _, findings = migrate("""\
        from chainer import cuda
        from chainer.cuda import zeros
        a = zeros((2,))
        b = cuda.ones((2,))
        c = cuda.zeros((2,), stream=s)
        d = cuda.empty(*shape)
        """, select=["CH601"])
    assert [f.line for f in reviews(findings, "CH601")] == [3, 4, 5, 6]
    assert not fixes(findings)


def test_ch601_keeps_a_given_dtype_and_uses_the_numpy_alias():
    new, _ = migrate("""\
        import numpy as np
        import chainer
        a = chainer.cuda.empty((2,), np.float16)
        b = chainer.backends.cuda.zeros((2,))
        """, select=["CH601"])
    assert new.splitlines()[2:] == ["a = chainer.cuda.cupy.empty((2,), np.float16)",
                                    "b = chainer.backends.cuda.cupy.zeros((2,), dtype=np.float32)"]


def test_ch602_alias_import_and_reviewed_attribute():
    new, findings = migrate("""\
        import chainer.functions as F
        import chainer.functions.caffe as fc
        f = F.caffe.CaffeFunction
        """)
    assert "import chainer.links.caffe as fc\n" in new
    assert [f.line for f in reviews(findings, "CH602")] == [3]


def test_ch605_write_is_reviewed_and_sample_cpu_needs_a_known_walker_alias():
    _, findings = migrate("""\
        import chainer
        from chainer.utils import WalkerAlias
        chainer.thread_local.function_hooks = {}
        w = WalkerAlias([0.5, 0.5])
        a = w.sample_cpu(3)
        b = other.sample_cpu(3)
        """, select=["CH605"])
    assert [f.line for f in reviews(findings, "CH605")] == [3, 5]
    assert not fixes(findings)


def test_ch606_only_rewrites_the_from_import():
    new, findings = migrate("import chainer.cuda\nfrom chainer import cuda as c, optimizers\n",
                            select=["CH606"])
    assert new == ("import chainer.cuda\nfrom chainer import optimizers\n"
                   "from chainer.backends import cuda as c\n")
    assert len(fixes(findings, "CH606")) == 1


def test_ch608_needs_a_testing_import_and_reviews_the_rest():
    new, findings = migrate("""\
        import chainer
        from chainer import gradient_check, function_hooks
        gradient_check.assert_allclose(1, 1)
        hook = function_hooks.PrintHook(sep='')
        chainer.cuda.get_device(0)
        model.zerograds(keep=True)
        """, select=["CH608"])
    assert [f.line for f in reviews(findings, "CH608")] == [3, 4, 5]
    assert "zerograds(keep=True)" in new


def test_ch609_reports_subclasses_through_local_classes():
    _, findings = migrate("""\
        from chainer import serializer
        class Base(serializer.Deserializer):
            pass
        class Mine(Base):
            pass
        class Other(object):
            pass
        """)
    assert [f.line for f in reviews(findings, "CH609")] == [2, 4]
    assert all(f.silent for f in reviews(findings, "CH609"))


@pytest.mark.parametrize("source", [
    "from chainer.links import linear, lstm\nimport chainer.links as L\ny = L.maxout.Maxout\n",
    "import numpy\nfrom chainer import cuda\na = cuda.zeros((2,), stream=None)\ncuda.init()\n",
    "import chainer\nh = chainer.thread_local.function_hooks\nm.zerograds()\n",
])
def test_second_run_changes_nothing(source):
    once, _ = migrate_source(source)
    twice, findings = migrate_source(once)
    assert twice == once
    assert not fixes(findings)
