"""Setup source shared by the examples of the optimizer rules (CH401-CH410)."""

#: A two-layer Chain, inputs, an SGD optimizer ``opt`` set up on ``model``, and
#: ``grads()`` that fills the gradients with one backward pass.
SETUP = (
    "import numpy as np\n"
    "import chainer\n"
    "import chainer.functions as F\n"
    "import chainer.links as L\n"
    "from chainer import optimizers\n"
    "model = chainer.Chain(l1=L.Linear(4, 3), l2=L.Linear(3, 2))\n"
    "x = np.linspace(-1, 1, 12, dtype=np.float32).reshape(3, 4)\n"
    "opt = optimizers.MomentumSGD(lr=0.1)\n"
    "opt.setup(model)\n"
    "def grads():\n"
    "    loss = F.sum(model.l2(F.tanh(model.l1(x))) ** 2) * 10\n"
    "    loss.backward()\n"
)
