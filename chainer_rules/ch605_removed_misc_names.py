"""CH605 removed-misc-names: ``chainer.thread_local``, ``chainer.optimizer.exponential_decay_noise``,
``WalkerAlias.sample_cpu``, ``caffe_function.available``."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = "import numpy as np\nimport chainer\nfrom chainer import optimizer\n"

RULE = Rule(
    code="CH605",
    name="removed-misc-names",
    title="chainer.thread_local, chainer.optimizer.exponential_decay_noise, "
          "WalkerAlias.sample_cpu and chainer.links.caffe.caffe_function.available are gone",
    safety=SAFE,
    since="3.0.0-7.8.1",
    upgrade="not in the v2 upgrade guide; catalogue appendices A2 and A6",
    fix="`chainer.get_function_hooks()` for `chainer.thread_local.function_hooks`; "
        "`chainer.optimizer_hooks.gradient_noise.exponential_decay_noise`; "
        "`WalkerAlias.sample(shape)`; `caffe_function.available` is always true in 7.8.1",
    examples=(
        Example(before="hooks = chainer.thread_local.function_hooks\nn = len(hooks)\n",
                after="hooks = chainer.get_function_hooks()\nn = len(hooks)\n",
                setup=_SETUP, compare=("n",)),
        Example(before="noise = optimizer.exponential_decay_noise\n",
                after="noise = chainer.optimizer_hooks.gradient_noise.exponential_decay_noise\n",
                setup=_SETUP),
        Example(before="from chainer.utils import WalkerAlias\n"
                       "sampler = WalkerAlias([0.1, 0.5, 0.4])\n"
                       "s = sampler.sample_cpu((4, 3))\n",
                setup=_SETUP, findings=("CH605",)),
    ),
)
