"""Benchmark: v2-style calls with the shim installed vs stock Chainer 7.8.1.

Calls without any v1 argument: ``F.relu(x)``, ``F.dropout(x)`` (train mode),
``L.Linear(x)`` forward, each on a ``(batch, units)`` float32 array (default
100 x 1000: the sizes of Chainer's MNIST example; CPU, NumPy). Each timed run makes ``--calls`` calls in a loop;
runs alternate between the shim installed and uninstalled (ABBA order, one
process). Prints the median time per call of each, their ratio per call kind
and overall (target: every ratio <= 1.02).

Usage: python -m benchmarks.v2_calls [--repeats N] [--calls N] [--batch N] [--units N]
"""
import argparse
import statistics
import time

import numpy

import chainer_compat
import chainer
import chainer.functions as F
import chainer.links as L


def kinds(args):
    rng = numpy.random.RandomState(0)
    x = chainer.Variable(rng.uniform(-1, 1, (args.batch, args.units)).astype(numpy.float32))
    linear = L.Linear(args.units, args.units)
    return {
        "F.relu": lambda: F.relu(x),
        "F.dropout": lambda: F.dropout(x),
        "L.Linear": lambda: linear(x),
    }


def timed(call, n):
    start = time.perf_counter()
    for _ in range(n):
        call()
    return (time.perf_counter() - start) / n


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m benchmarks.v2_calls", description=__doc__.splitlines()[0])
    p.add_argument("--repeats", type=int, default=11, help="alternating timed runs per setting (default 11)")
    p.add_argument("--calls", type=int, default=300, help="calls per timed run (default 300)")
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--units", type=int, default=1000)
    args = p.parse_args(argv)

    was_installed = chainer_compat.installed()
    calls = kinds(args)
    settings = {"shim": chainer_compat.install, "stock": chainer_compat.uninstall}
    times = {(s, k): [] for s in settings for k in calls}
    try:
        for r in range(args.repeats):
            order = list(settings) if r % 2 == 0 else list(reversed(list(settings)))
            for setting in order:
                settings[setting]()
                for kind, call in calls.items():
                    call()  # warm-up after a switch
                    times[(setting, kind)].append(timed(call, args.calls))
    finally:
        (chainer_compat.install if was_installed else chainer_compat.uninstall)()
    worst = 0.0
    for kind in calls:
        shim = statistics.median(times[("shim", kind)])
        stock = statistics.median(times[("stock", kind)])
        worst = max(worst, shim / stock)
        print("%-10s median us per call: shim %.2f, stock %.2f, ratio %.3f"
              % (kind, shim * 1e6, stock * 1e6, shim / stock))
    print("worst ratio of medians shim / stock: %.3f (target <= 1.02: %s)"
          % (worst, "met" if worst <= 1.02 else "NOT met"))
    return worst


if __name__ == "__main__":
    main()
