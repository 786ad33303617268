"""CH404 accumulate-grads: ``Optimizer.accumulate_grads(grads)`` was removed in v2."""
from chainer_rules._optimizer_examples import SETUP
from chainer_rules.registry import Example, Rule, REVIEW

RULE = Rule(
    code="CH404",
    name="accumulate-grads",
    title="`optimizer.accumulate_grads(grads)` is gone (AttributeError); it paired arrays with "
          "parameters by position (v1 registration order)",
    safety=REVIEW,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Deprecated methods of Optimizer are removed'",
    fix="`optimizer.target.addgrads(other_link)` (matched by name) when the arrays are the "
        "gradients of another link; otherwise add them parameter by parameter, by name",
    examples=(
        Example(before="other = model.copy()\ngrads()\n"
                       "opt.accumulate_grads([p.grad for p in other.params()])\n",
                setup=SETUP, findings=("CH404",)),
    ),
)
