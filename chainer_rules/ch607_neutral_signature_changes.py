"""CH607 neutral-signature-changes: defaults re-spelled (``dtype=None``, ``converter=``...) with the same meaning."""
from chainer_rules.registry import Example, Rule, SHIM_ONLY

RULE = Rule(
    code="CH607",
    name="neutral-signature-changes",
    title="28 defaults now written as None / 'default' / a wrapper (dtype, converter, savefun, "
          "layers, ...) that resolve to the 1.24 value; nothing changes",
    safety=SHIM_ONLY,
    since="various (2.0.0-7.8.1)",
    upgrade="not in the upgrade guide; catalogue appendix A10",
    fix="nothing needed",
    examples=(
        # Variable's `data` was required in 1.24 and defaults to None in 7.8.1
        Example(before="import numpy as np\nimport chainer\n"
                       "v = chainer.Variable(np.arange(3, dtype=np.float32))\n"
                       "y = (v * 2).array\n",
                compare=("y",)),
    ),
)
