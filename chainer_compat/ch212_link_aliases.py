"""CH212 link-aliases-in-functions: ``F.Linear`` & co. are the link classes again.

Chainer 1.24 exported 12 link classes from ``chainer.functions`` too
(``F.Linear``, ``F.Convolution2D``, ``F.EmbedID``, ...; catalogue appendix
A3); Chainer 2 removed them (``AttributeError``). The shim sets the 12 names
on ``chainer.functions`` to the classes of ``chainer.links`` (the very same,
shimmed objects), process-wide (catalogue R6, re-added names). Attribute
reads cannot warn; the codemod reports and rewrites them (``F.X`` -> ``L.X``).
"""
import chainer.functions as F
import chainer.links as L

#: Codes this module restores.
CODES = ("CH212",)

#: The 12 names of appendix A3.
NAMES = ("BatchNormalization", "Bilinear", "BinaryHierarchicalSoftmax", "Convolution2D",
         "DilatedConvolution2D", "EmbedID", "Inception", "InceptionBN", "Linear",
         "NegativeSampling", "PReLU", "Parameter")


def install(patcher):
    """Set ``chainer.functions.<name>`` to ``chainer.links.<name>`` for ``NAMES``."""
    for name in NAMES:
        patcher.set(F, name, getattr(L, name))
