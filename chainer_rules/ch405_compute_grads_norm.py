"""CH405 compute-grads-norm: ``Optimizer.compute_grads_norm()`` was removed in v2."""
from chainer_rules._optimizer_examples import SETUP
from chainer_rules.registry import Example, Rule, SAFE

RULE = Rule(
    code="CH405",
    name="compute-grads-norm",
    title="`optimizer.compute_grads_norm()` is gone (AttributeError); compute the L2 norm of "
          "the gradients yourself",
    safety=SAFE,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Deprecated methods of Optimizer are removed'",
    fix="`numpy.sqrt(sum(float(_p.grad.ravel().dot(_p.grad.ravel())) for _p in "
        "optimizer.target.params()))`",
    examples=(
        Example(before="grads()\nn = opt.compute_grads_norm()\n",
                after="grads()\nn = np.sqrt(sum(float(_p.grad.ravel().dot(_p.grad.ravel())) "
                      "for _p in opt.target.params()))\n",
                setup=SETUP, compare=("n",)),
    ),
)
