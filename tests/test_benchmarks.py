"""The benchmark command runs (tiny sizes; nothing is timed or asserted about speed here)."""
import re

from benchmarks import rnnlm_step

import chainer_compat


def test_rnnlm_step_benchmark_prints_a_ratio(capsys):
    rnnlm_step.main(["--repeats", "2", "--updates", "1", "--units", "8", "--vocab", "30",
                     "--batchsize", "2", "--bprop-len", "3"])
    out = capsys.readouterr().out
    assert re.search(r"^ratio v1-under-shim / v2-on-stock: \d+\.\d{3} \(target <= 1\.02\)$", out, re.M)
    assert out.count("run ") == 2
    assert chainer_compat.installed()  # the benchmark leaves the shim as it found it
