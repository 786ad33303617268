"""CH203 wscale: ``wscale=`` of the link constructors was removed in v2."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = "import math\nimport chainer\nimport chainer.links as L\n"

RULE = Rule(
    code="CH203",
    name="wscale",
    title="`wscale=` of L.Linear, L.Convolution2D, L.Deconvolution2D, L.DilatedConvolution2D, "
          "L.Maxout and L.MLPConvolution2D (it scaled the initial weights by sqrt(wscale))",
    # catalogue CH203 is S/D: `wscale=1` is deleted, other values become the exact `initialW=`
    # form; initializer objects and unknown `initialW` expressions are reported for review
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'wscale option of links removed' (its Normal(wscale/"
            "sqrt(fan_in)) recipe scales by wscale, not sqrt(wscale): do not use it)",
    fix="drop `wscale=w`; pass `initialW=chainer.initializers.HeNormal(math.sqrt(w) / "
        "math.sqrt(2))` (`conv_init=` for MLPConvolution2D)",
    examples=(
        Example(before="fc = L.Linear(3, 2, wscale=1)\n", after="fc = L.Linear(3, 2)\n",
                setup=_SETUP),
        Example(before="conv = L.Convolution2D(3, 64, 4, stride=2, pad=1, wscale=0.02 * math.sqrt(48))\n"
                       "W = conv.W.data\n",
                after="conv = L.Convolution2D(3, 64, 4, stride=2, pad=1, initialW=chainer.initializers."
                      "HeNormal(math.sqrt(0.02 * math.sqrt(48)) / math.sqrt(2)))\nW = conv.W.data\n",
                setup=_SETUP, compare=("W",)),
        Example(before="fc = L.Linear(3, 2, wscale=2, initialW=0.5)\nW = fc.W.data\n",
                after="fc = L.Linear(3, 2, initialW=0.5 * math.sqrt(2))\nW = fc.W.data\n",
                setup=_SETUP, compare=("W",)),
        Example(before="mlp = L.MLPConvolution2D(2, (3, 4), 3, wscale=3)\nW = mlp[1].W.data\n",
                after="mlp = L.MLPConvolution2D(2, (3, 4), 3, conv_init=chainer.initializers."
                      "HeNormal(math.sqrt(3) / math.sqrt(2)))\nW = mlp[1].W.data\n",
                setup=_SETUP, compare=("W",)),
        # 1.24 scaled the drawn array afterwards: the same form, equal within one float32 ulp
        # unless sqrt(wscale) is a power of two, so it is also reported for review
        Example(before="dc = L.Deconvolution2D(2, 3, 3, wscale=3)\n",
                after="dc = L.Deconvolution2D(2, 3, 3, initialW=chainer.initializers."
                      "HeNormal(math.sqrt(3) / math.sqrt(2)))\n",
                setup=_SETUP, findings=("CH203",)),
        # an initializer object: D
        Example(before="fc = L.Linear(3, 2, wscale=2, initialW=chainer.initializers.Normal(0.1))\n",
                setup=_SETUP, findings=("CH203",)),
        # catalogue R2: the positional wscale slot is read as `wscale=`; the bias after it
        # keeps its v1 meaning (CH204 renames it in the same run)
        Example(before="fc = L.Linear(3, 2, 1, 0.5)\nW, b = fc.W.data, fc.b.data\n",
                after="fc = L.Linear(3, 2, initial_bias=0.5)\nW, b = fc.W.data, fc.b.data\n",
                setup=_SETUP, compare=("W", "b")),
    ),
)
