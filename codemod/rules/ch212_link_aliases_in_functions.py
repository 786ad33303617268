"""CH212 link-aliases-in-functions: ``F.Linear`` & co., reported for review.

Catalogue CH212, appendix A3: the 12 link classes that Chainer 1.24 also
exported from ``chainer.functions`` raise ``AttributeError`` on 7.8.1. Every
reference that resolves to ``chainer.functions.<name>`` (attribute or
imported name) is reported with the fix ``chainer.links.<name>``. The
rewrite (and the import of ``chainer.links`` it may need) is left to a
human: the shim restores the names meanwhile.
"""
CODE = "CH212"

NAMES = ("BatchNormalization", "Bilinear", "BinaryHierarchicalSoftmax", "Convolution2D",
         "DilatedConvolution2D", "EmbedID", "Inception", "InceptionBN", "Linear",
         "NegativeSampling", "PReLU", "Parameter")
QNAMES = {"chainer.functions." + name: name for name in NAMES}


def plan(ctx):
    for node in list(ctx.attributes) + list(ctx.names):
        found = sorted(ctx.qnames(node) & set(QNAMES))
        if not found:
            continue
        parent = ctx.parent(node)
        if getattr(parent, "value", None) is node and hasattr(parent, "attr"):
            continue   # part of a longer attribute chain: reported once, on the chain
        name = QNAMES[found[0]]
        ctx.review(node, CODE, "%s is not in chainer.functions on v7: use chainer.links.%s "
                   "(L.%s)" % (ctx.module.code_for_node(node), name, name))
