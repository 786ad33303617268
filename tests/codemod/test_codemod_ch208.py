"""CH208 batchnorm-statistics in the codemod: ``initial_avg_var=0`` added to
BatchNormalization constructions resolved by qualified name, one ``silent:``
finding each, comma styles, and composition with CH105 and CH201."""
import pytest

from codemod import migrate_source

from parity_cases import IMPORTS as HEAD, kinds, migrate_body as migrate  # shared harness


@pytest.mark.parametrize("imports, call", [
    ("import chainer.links as L\n", "L.BatchNormalization"),
    ("from chainer import links\n", "links.BatchNormalization"),
    ("from chainer.links import BatchNormalization\n", "BatchNormalization"),
    ("import chainer\n", "chainer.links.BatchNormalization"),
    ("from chainer.links.normalization.batch_normalization import BatchNormalization as BN\n",
     "BN"),
    ("import chainer.functions as F\n", "F.BatchNormalization"),
])
def test_alias_forms(imports, call):
    new, findings = migrate_source(imports + "bn = %s(64)\n" % call)
    if call.startswith("F."):
        # F.BatchNormalization is also CH212's (the alias left chainer.functions): the link
        # class, with the import of chainer.links
        assert new == imports + "import chainer.links as L\n\nbn = L.BatchNormalization(64, " \
            "initial_avg_var=0)\n"
    else:
        assert new == imports + "bn = %s(64, initial_avg_var=0)\n" % call
    extra = [("CH212", "fix")] if call.startswith("F.") else []
    assert kinds(findings) == [("CH208", "review")] + extra
    finding = findings[0]
    assert finding.silent
    text = finding.format()
    assert "CH208 batchnorm-statistics: silent: added `initial_avg_var=0`" in text
    assert "eps term" in text and "cannot be written as an argument" in text


@pytest.mark.parametrize("source", [
    "import chainer\nclass BatchNormalization(object):\n    pass\nbn = BatchNormalization(3)\n",
    "import chainer\nfrom mylib import BatchNormalization\nbn = BatchNormalization(3)\n",
    "import chainer\nimport mylib as L\nbn = L.BatchNormalization(3)\n",
    "import chainer.links as L\nbn = L.BatchRenormalization(3)\n",
    "import chainer.links as L\nbn = L.BatchNormalization(3, initial_avg_var=0.5)\n",
    "import chainer.links as L\n"
    "bn = L.BatchNormalization(3, 0.9, 2e-5, None, True, True, None, None, None, None, 1)\n",
])
def test_other_callables_and_given_values_are_untouched(source):
    assert migrate_source(source, select=["CH208"]) == (source, [])


@pytest.mark.parametrize("before, after", [
    ("bn = L.BatchNormalization(\n    64,\n    decay=0.5,\n)\n",
     "bn = L.BatchNormalization(\n    64,\n    decay=0.5,\n    initial_avg_var=0,\n)\n"),
    ("bn = L.BatchNormalization(\n    64,\n)\n",
     "bn = L.BatchNormalization(\n    64,\n    initial_avg_var=0,\n)\n"),
    ("bn = L.BatchNormalization(64,)\n", "bn = L.BatchNormalization(64, initial_avg_var=0,)\n"),
    ("bn = L.BatchNormalization(64,  # channels\n    decay=0.5)\n",
     "bn = L.BatchNormalization(64,  # channels\n    decay=0.5, initial_avg_var=0)\n"),
])
def test_comma_and_line_styles_are_kept(before, after):
    new, findings = migrate(before)
    assert new == after
    assert kinds(findings) == [("CH208", "review")]


def test_splat_calls_are_reviewed():
    body = "bn = L.BatchNormalization(*args, **kwargs)\n"
    new, findings = migrate(body)
    assert new == body
    assert kinds(findings) == [("CH208", "review")]
    assert findings[0].silent


def test_every_construction_in_a_statement_and_in_nested_blocks():
    body = ("norms = [L.BatchNormalization(8), L.BatchNormalization(16)]\n"
            "if deep:\n"
            "    for n in sizes:\n"
            "        norms.append(L.BatchNormalization(n))\n")
    new, findings = migrate(body)
    assert new == body.replace("(8)", "(8, initial_avg_var=0)").replace(
        "(16)", "(16, initial_avg_var=0)").replace("(n)", "(n, initial_avg_var=0)")
    assert kinds(findings) == [("CH208", "review")] * 3


def test_construction_in_a_compound_statement_header():
    body = "for bn in [L.BatchNormalization(3)]:\n    bn(x)\n"
    new, findings = migrate(body)
    assert new == "for bn in [L.BatchNormalization(3, initial_avg_var=0)]:\n    bn(x)\n"
    assert kinds(findings) == [("CH208", "review")]


def test_composes_with_ch105_on_the_same_call():
    new, findings = migrate("bn = L.BatchNormalization(8, use_cudnn=True)\n"
                            "bn2 = L.BatchNormalization(8, 0.9, 2e-5, None, True, True, None, "
                            "None, True)\n")
    assert new == ("bn = L.BatchNormalization(8, initial_avg_var=0)\n"
                   "bn2 = L.BatchNormalization(8, 0.9, 2e-5, None, True, True, None, None, "
                   "initial_avg_var=0)\n")
    assert sorted(kinds(findings)) == [("CH105", "fix"), ("CH105", "fix"),
                                       ("CH208", "review"), ("CH208", "review")]


def test_composes_with_ch201_registration():
    body = ("class Net(chainer.Chain):\n"
            "    def __init__(self):\n"
            "        super(Net, self).__init__(\n"
            "            conv=L.Convolution2D(3, 8, 3),\n"
            "            bn=L.BatchNormalization(8),\n"
            "        )\n")
    new, findings = migrate(body)
    assert "self.bn = L.BatchNormalization(8, initial_avg_var=0)" in new
    assert "self.conv = L.Convolution2D(3, 8, 3)\n" in new
    assert "with self.init_scope():" in new
    assert ("CH201", "fix") in kinds(findings) and ("CH208", "review") in kinds(findings)
    again, later = migrate_source(HEAD + new)
    assert again == HEAD + new
    assert not [f for f in later if f.kind == "fix"]


def test_add_link_composition():
    body = ("class Net(chainer.Chain):\n"
            "    def __init__(self):\n"
            "        super(Net, self).__init__()\n"
            "        self.add_link('bn', L.BatchNormalization(8))\n")
    new, findings = migrate(body)
    assert "self.bn = L.BatchNormalization(8, initial_avg_var=0)" in new
    assert ("CH208", "review") in kinds(findings)


def test_select_and_ignore():
    body = "bn = L.BatchNormalization(8)\n"
    assert migrate(body, ignore=["CH208"]) == (body, [])
    new, _ = migrate(body, select=["CH208"])
    assert new == "bn = L.BatchNormalization(8, initial_avg_var=0)\n"


def test_migrated_file_runs_on_stock_chainer_with_v1_start():
    """The rewrite is valid 7.8.1 code and starts the running variance at 0."""
    import numpy as np
    import chainer_compat
    new, _ = migrate_source("import chainer.links as L\nbn = L.BatchNormalization(3)\n")
    chainer_compat.uninstall()
    try:
        namespace = {"__name__": "ch208_migrated"}
        exec(compile(new, "<migrated>", "exec"), namespace)
    finally:
        chainer_compat.install()
    np.testing.assert_array_equal(namespace["bn"].avg_var, np.zeros(3, np.float32))


def test_a_call_of_the_new_link_is_not_a_construction():
    # libcst names the call ``L.BatchNormalization(8)(x)`` like the class: one site only
    new, findings = migrate("y = L.BatchNormalization(8)(x)\n")
    assert new == "y = L.BatchNormalization(8, initial_avg_var=0)(x)\n"
    assert kinds(findings) == [("CH208", "review")]
    again, more = migrate(new)
    assert again == new and kinds(more) == []
