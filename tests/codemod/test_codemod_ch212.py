"""Codemod rule CH212: ``F.Linear`` & co. -> ``L.Linear`` (the import of chainer.links when needed)."""
from codemod import migrate_source

from parity_cases import check, fixes, reviews


def test_attribute_uses_the_files_links_alias():
    new, findings = migrate_source("import chainer.functions as F\nfrom chainer import links as K\n"
                                   "fc = F.Linear(3, 2)\nsame = F.Linear is K.Linear\n")
    assert new == ("import chainer.functions as F\nfrom chainer import links as K\n"
                   "fc = K.Linear(3, 2)\nsame = K.Linear is K.Linear\n")
    assert len(fixes(findings, "CH212")) == 2 and not reviews(findings)


def test_import_of_chainer_links_is_added():
    new, _ = migrate_source("import chainer.functions as F\nbn = F.BatchNormalization(3)\n",
                            select=["CH212"])
    assert new == ("import chainer.functions as F\nimport chainer.links as L\n\n"
                   "bn = L.BatchNormalization(3)\n")


def test_full_path_when_the_name_L_is_taken():
    new, _ = migrate_source("import chainer\nL = 3\nfc = chainer.functions.Linear(3, 2)\n")
    assert new == "import chainer\nL = 3\nfc = chainer.links.Linear(3, 2)\n"


def test_from_import_moves_to_chainer_links():
    new, findings = migrate_source("from chainer.functions import Linear, relu\nfc = Linear(3, 2)\n")
    assert new == ("from chainer.functions import relu\nfrom chainer.links import Linear\n"
                   "fc = Linear(3, 2)\n")
    assert fixes(findings, "CH212")


def test_composes_with_the_constructor_rules():
    # CH208 adds initial_avg_var to the call it finds by the v1 callee text; CH204 renames bias
    new, _ = migrate_source("import chainer.functions as F\nimport chainer.links as L\n"
                            "bn = F.BatchNormalization(3)\nfc = F.Linear(3, 2, bias=0.5)\n")
    assert new == ("import chainer.functions as F\nimport chainer.links as L\n"
                   "bn = L.BatchNormalization(3, initial_avg_var=0)\n"
                   "fc = L.Linear(3, 2, initial_bias=0.5)\n")


def test_parity():
    check("W = np.linspace(-1, 1, 6, dtype=np.float32).reshape(2, 3)\n"
          "fc = F.Linear(3, 2, initialW=W)\n"
          "y = fc(np.ones((1, 3), dtype=np.float32))\n", ["y"])
