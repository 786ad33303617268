"""Benchmark: a training step of the v1 RNNForLM under the shim vs the v2 RNNForLM on stock Chainer.

PTB size (650 units, vocabulary 10000, batch 20, 35-step truncated BPTT), CPU,
NumPy backend. One "step" is 35 forward steps, one backward pass and one SGD
update with GradientClipping(5). Runs alternate between the two programs in
one process (the shim is uninstalled for the stock runs) and the command prints
the median time of each and their ratio. Target: ratio <= 1.02.

Usage: python -m benchmarks.rnnlm_step [--repeats N] [--units N] [--vocab N]
"""
import argparse
import pathlib
import statistics
import time

import numpy

import chainer_compat
from chainer_compat.demo import load_module

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures"


def timed_updates(make, train, words, args):
    model, optimizer = make()
    train(model, optimizer, words, 1, args.batchsize, args.bprop_len)  # warm-up
    start = time.perf_counter()
    train(model, optimizer, words, args.updates, args.batchsize, args.bprop_len)
    return (time.perf_counter() - start) / args.updates


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m benchmarks.rnnlm_step", description=__doc__.splitlines()[0])
    p.add_argument("--repeats", type=int, default=7, help="alternating timed runs per program (default 7)")
    p.add_argument("--updates", type=int, default=2, help="updates per timed run (default 2)")
    p.add_argument("--units", type=int, default=650)
    p.add_argument("--vocab", type=int, default=10000)
    p.add_argument("--batchsize", type=int, default=20)
    p.add_argument("--bprop-len", type=int, default=35)
    args = p.parse_args(argv)

    v1 = load_module(FIXTURES / "v1" / "rnnlm_kwargs.py", "bench_v1")
    v2 = load_module(FIXTURES / "expected" / "rnnlm_kwargs.py", "bench_v2")
    words = numpy.random.RandomState(0).randint(0, args.vocab, size=20000).astype(numpy.int32)

    runs = {
        "v1 under shim": (chainer_compat.install, lambda: v1.make_model(args.vocab, args.units), v1.train),
        "v2 on stock": (chainer_compat.uninstall, lambda: v2.make_model(args.vocab, args.units), v2.train),
    }
    times = {label: [] for label in runs}
    for r in range(args.repeats):
        order = list(runs) if r % 2 == 0 else list(reversed(list(runs)))  # ABBA: cancels drift
        for label in order:
            switch, make, train = runs[label]
            switch()
            times[label].append(timed_updates(make, train, words, args))
        print("run %d/%d: v1 %.3f s, v2 %.3f s" % (
            r + 1, args.repeats, times["v1 under shim"][-1], times["v2 on stock"][-1]), flush=True)
    chainer_compat.install()
    med = {k: statistics.median(v) for k, v in times.items()}
    for k, v in med.items():
        print("median seconds per training step, %s: %.4f" % (k, v))
    pairs = sorted(a / b for a, b in zip(times["v1 under shim"], times["v2 on stock"]))
    ratio = med["v1 under shim"] / med["v2 on stock"]
    print("ratio of medians v1-under-shim / v2-on-stock: %.3f (target <= 1.02: %s)"
          % (ratio, "met" if ratio <= 1.02 else "NOT met"))
    print("per-run ratios: %s (their spread is the noise of this machine)"
          % ", ".join("%.3f" % r for r in pairs))
    return ratio


if __name__ == "__main__":
    main()
