"""CH406 custom-gradient-method: v1 optimizers (``update_one*``, ``init_state*``) need an UpdateRule."""
from chainer_rules._optimizer_examples import SETUP
from chainer_rules.registry import Example, Rule, REVIEW

RULE = Rule(
    code="CH406",
    name="custom-gradient-method",
    title="A GradientMethod subclass implementing update_one/update_one_cpu/init_state fails "
          "(NotImplementedError from create_update_rule); overriding a built-in optimizer's "
          "update_one_* is silently ignored",
    safety=REVIEW,
    since="2.0.0",
    upgrade="Chainer v2 upgrade guide: 'Optimizer: UpdateRule' (update_one/init_state replaced "
            "by create_update_rule and UpdateRule.update_core/init_state)",
    fix="move the per-parameter code into an `UpdateRule` subclass (`init_state(self, param)` "
        "filling `self.state`, `update_core_cpu(self, param)`/`update_core_gpu`), "
        "hyperparameters into `self.hyperparam`, and return it from `create_update_rule()`",
    examples=(
        Example(before=("class MySGD(chainer.optimizer.GradientMethod):\n"
                        "    def __init__(self, lr=0.1):\n"
                        "        super(MySGD, self).__init__()\n"
                        "        self.lr = lr\n"
                        "    def update_one_cpu(self, param, state):\n"
                        "        param.data -= self.lr * param.grad\n"),
                setup=SETUP, findings=("CH406",)),
    ),
)
