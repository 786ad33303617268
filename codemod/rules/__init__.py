"""One module per rule; each has ``CODE`` and ``plan(ctx)``.

``plan`` reads a ``codemod.context.FileContext`` and records edits and findings.
``ORDER`` is the order the engine runs them in: CH103 first, because it claims
the ``train=`` arguments that carry a model's own flag before CH101/CH102 see them.
"""
from codemod.rules import (
    ch101_train_argument, ch102_test_argument, ch103_model_train_flag, ch104_volatile,
    ch105_use_cudnn_argument,
    ch201_chain_kwargs_registration, ch211_param_iteration_order)
from codemod.rules import ch208_batchnorm_statistics  # last: composes with statements others replace

ORDER = (
    ch103_model_train_flag,
    ch101_train_argument,
    ch102_test_argument,
    ch104_volatile,
    ch105_use_cudnn_argument,
    ch201_chain_kwargs_registration,
    ch211_param_iteration_order,
    ch208_batchnorm_statistics,
)

#: code -> rule module
BY_CODE = {rule.CODE: rule for rule in ORDER}
