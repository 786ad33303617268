"""CH309 spatial-pyramid-pooling-class: pooling_class=F.MaxPooling2D became pooling='max'."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "x = np.linspace(-1, 1, 64, dtype=np.float32).reshape(1, 1, 8, 8)\n"
)

RULE = Rule(
    code="CH309",
    name="spatial-pyramid-pooling-class",
    title="F.spatial_pyramid_pooling_2d(x, h, pooling_class=F.MaxPooling2D) takes "
          "pooling='max' since v3 (pooling_class= raises TypeError, a class positionally ValueError)",
    safety=SAFE,
    since="3.0.0",
    upgrade="Chainer v3: spatial_pyramid_pooling_2d(pooling=) replaces pooling_class",
    fix="pass `pooling='max'` instead of `pooling_class=F.MaxPooling2D` (v7-only)",
    examples=(
        Example(before="h = F.spatial_pyramid_pooling_2d(x, 2, pooling_class=F.MaxPooling2D)\n",
                after="h = F.spatial_pyramid_pooling_2d(x, 2, pooling='max')\n",
                setup=_SETUP, compare=("h",)),
        Example(before="h = F.spatial_pyramid_pooling_2d(x, 2, F.MaxPooling2D)\n",
                after="h = F.spatial_pyramid_pooling_2d(x, 2, pooling='max')\n",
                setup=_SETUP, compare=("h",)),
        # catalogue R2: pooling_class and use_cudnn are passed by keyword first (CH105
        # drops use_cudnn=True in the same run)
        Example(before="h = F.spatial_pyramid_pooling_2d(x, 2, F.MaxPooling2D, True)\n",
                after="h = F.spatial_pyramid_pooling_2d(x, 2, pooling='max')\n",
                setup=_SETUP, compare=("h",)),
    ),
)
