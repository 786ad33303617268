"""The benchmark command runs (tiny sizes; nothing is timed or asserted about speed here)."""
import re

from benchmarks import rnnlm_step

import chainer_compat


def test_rnnlm_step_benchmark_prints_a_ratio(capsys):
    rnnlm_step.main(["--repeats", "2", "--updates", "1", "--units", "8", "--vocab", "30",
                     "--batchsize", "2", "--bprop-len", "3"])
    out = capsys.readouterr().out
    assert re.search(r"^ratio of medians v1-under-shim / v2-on-stock: \d+\.\d{3} \(target <= 1\.02: (met|NOT met)\)$",
                     out, re.M)
    assert len(re.findall(r"^run \d/2: ", out, re.M)) == 2
    assert chainer_compat.installed()  # the benchmark leaves the shim as it found it
