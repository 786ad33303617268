"""CH507 renamed-keywords: ``filename=`` of ``save_npz`` / ``load_npz`` is ``file=``."""
from chainer_rules.registry import Example, Rule, SAFE

_SETUP = (
    "import os\n"
    "import tempfile\n"
    "import chainer\n"
    "src = chainer.links.Linear(3, 2)\n"
    "dst = chainer.links.Linear(3, 2)\n"
    "path = os.path.join(tempfile.mkdtemp(), 'm.npz')\n"
)

RULE = Rule(
    code="CH507",
    name="renamed-keywords",
    title="`filename=` of serializers.save_npz / load_npz is `file=` (log_name, file_name, "
          "out_name and n_fold are still accepted)",
    safety=SAFE,
    since="3.0.0",
    upgrade="Chainer v3-v7 API: save_npz(file, obj), load_npz(file, obj)",
    fix="pass the file and the object positionally: `save_npz(path, obj)`",
    examples=(
        Example(before="chainer.serializers.save_npz(filename=path, obj=src)\n"
                       "chainer.serializers.load_npz(filename=path, obj=dst)\nW = dst.W\n",
                after="chainer.serializers.save_npz(path, src)\n"
                      "chainer.serializers.load_npz(path, dst)\nW = dst.W\n",
                setup=_SETUP, compare=("W",)),
        Example(before="chainer.serializers.save_npz(path, compression=False, obj=src)\n",
                setup=_SETUP),
    ),
)
