"""CH604 type-check-api: ``chainer.utils.type_check`` builds expressions lazily since v2."""
from chainer_rules.registry import Example, Rule, SHIM_ONLY

RULE = Rule(
    code="CH604",
    name="type-check-api",
    title="type_check expressions are built lazily; Expr.eval(), type_check.Variable and "
          "expression names still work (no observed break)",
    safety=SHIM_ONLY,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Type checking' (lazy type-check expressions)",
    fix="nothing needed; new code may write `type_check.eval(expr)` and "
        "`type_check.make_variable(value, name)`; `chainer.function.type_check` is CH603",
    examples=(
        # user check_type_forward code runs unchanged on 7.8.1
        Example(before="from chainer.utils import type_check\n"
                       "v = type_check.Variable(3, 'n')\n"
                       "value = (v + 1).eval()\n",
                compare=("value",)),
    ),
)
