"""CH602 functions-caffe-alias: the module ``chainer.functions.caffe`` left in v2."""
from chainer_rules.registry import Example, Rule, SAFE

RULE = Rule(
    code="CH602",
    name="functions-caffe-alias",
    title="chainer.functions.caffe (CaffeFunction, caffe_function) was an alias of "
          "chainer.links.caffe and is gone",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Removed classes and functions' (functions.caffe)",
    fix="import from chainer.links: `from chainer.links import caffe`, "
        "`from chainer.links.caffe import CaffeFunction`",
    examples=(
        Example(before="from chainer.functions import caffe\n",
                after="from chainer.links import caffe\n"),
        Example(before="from chainer.functions.caffe import CaffeFunction\n",
                after="from chainer.links.caffe import CaffeFunction\n"),
        Example(before="import chainer.functions.caffe\n"
                       "load = lambda path: chainer.functions.caffe.CaffeFunction(path)\n",
                after="import chainer.links.caffe\n"
                      "load = lambda path: chainer.links.caffe.CaffeFunction(path)\n"),
        Example(before="load = lambda path: F.caffe.CaffeFunction(path)\n",
                setup="import chainer.functions as F\n", findings=("CH602",)),
    ),
)
