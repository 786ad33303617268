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


def test_v2_calls_benchmark_prints_ratios(capsys):
    from benchmarks import v2_calls
    v2_calls.main(["--repeats", "2", "--calls", "2", "--batch", "2", "--units", "3"])
    out = capsys.readouterr().out
    for kind in ("F.relu", "F.dropout", "L.Linear"):
        assert re.search(r"^%s +median us per call: shim [\d.]+, stock [\d.]+, ratio \d+\.\d{3}$" % re.escape(kind),
                         out, re.M)
    assert re.search(r"^worst ratio of medians shim / stock: \d+\.\d{3} \(target <= 1\.02: (met|NOT met)\)$", out, re.M)
    assert chainer_compat.installed()


def test_import_time_benchmark_prints_milliseconds(capsys):
    from benchmarks import import_time
    import_time.main(["--repeats", "1"])
    out = capsys.readouterr().out
    assert re.search(r"^median ms, chainer: [\d.]+$", out, re.M)
    assert re.search(r"^import time of chainer_compat on top of chainer: -?[\d.]+ ms \(target <= 50 ms: (met|NOT met)\)$",
                     out, re.M)
