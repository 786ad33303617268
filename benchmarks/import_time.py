"""Benchmark: import time of ``chainer_compat`` on top of ``import chainer``.

Each sample is a fresh interpreter (``sys.executable``, this project on
``sys.path``) that times one import with ``time.perf_counter``:

- ``import chainer`` (with ``chainer.functions`` and ``chainer.links``, which
  ``chainer_compat`` imports too);
- ``import chainer_compat`` first, as the README says (it imports the same
  and installs the shim);
- ``import chainer_compat`` after Chainer was imported (only the shim's own cost;
  on NumPy 2 the runtime layer must come first, so this one is skipped there).

Bytecode caches are written first (one untimed run of each, with
``PYTHONDONTWRITEBYTECODE`` unset), as after ``pip install``. Samples
alternate; the command prints the medians in milliseconds and the cost
of ``chainer_compat`` on top of ``import chainer`` both ways (target: <= 50 ms).

Usage: python -m benchmarks.import_time [--repeats N]
"""
import argparse
import os
import pathlib
import statistics
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]

CHAINER = "import chainer, chainer.functions, chainer.links"

#: label -> (untimed statement run first, timed statement)
PROGRAMS = {
    "chainer": ("pass", CHAINER),
    "chainer_compat first": ("pass", "import chainer_compat"),
    "chainer_compat after chainer": (CHAINER, "import chainer_compat"),
}

#: The runtime layer without the v1 shim (as tools/conformance/sitecustomize.py loads it).
RUNTIME_ONLY = ("import sys, types; pkg = types.ModuleType('chainer_compat'); pkg.__path__ = [%r]; "
                "sys.modules['chainer_compat'] = pkg; from chainer_compat import runtime; runtime.apply()")

TIMER = ("import time, warnings; warnings.simplefilter('ignore'); %s; t = time.perf_counter(); %s; "
         "print(time.perf_counter() - t)")


def sample(statements):
    """Seconds one fresh interpreter takes to run the timed statement (its own clock)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    out = subprocess.run([sys.executable, "-c", TIMER % statements], env=env, check=True,
                         capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1])


def main(argv=None):
    p = argparse.ArgumentParser(prog="python -m benchmarks.import_time", description=__doc__.splitlines()[0])
    p.add_argument("--repeats", type=int, default=11, help="fresh interpreters per program (default 11)")
    args = p.parse_args(argv)
    import numpy
    programs = dict(PROGRAMS)
    if int(numpy.__version__.split(".")[0]) >= 2:
        # stock Chainer 7.8.1 does not import on NumPy 2 (CH901): the baseline is
        # Chainer behind the runtime layer alone, so the difference is the v1 shim's cost
        del programs["chainer_compat after chainer"]
        programs["chainer"] = ("pass", RUNTIME_ONLY % str(ROOT / "chainer_compat") + "; " + CHAINER)
        print("NumPy %s: `chainer` below is Chainer behind the runtime layer only" % numpy.__version__)
    times = {k: [] for k in programs}
    for statements in programs.values():
        sample(statements)  # writes the bytecode caches
    for r in range(args.repeats):
        order = list(programs) if r % 2 == 0 else list(reversed(list(programs)))
        for key in order:
            times[key].append(sample(programs[key]))
    med = {k: statistics.median(v) * 1e3 for k, v in times.items()}
    for k, v in med.items():
        print("median ms, %s: %.1f" % (k, v))
    worst = med["chainer_compat first"] - med["chainer"]
    print("chainer_compat first, minus chainer alone: %.1f ms" % worst)
    if "chainer_compat after chainer" in med:
        worst = max(worst, med["chainer_compat after chainer"])
        print("chainer_compat after chainer: %.1f ms" % med["chainer_compat after chainer"])
    print("import time of chainer_compat on top of chainer: %.1f ms (target <= 50 ms: %s)"
          % (worst, "met" if worst <= 50 else "NOT met"))
    return worst


if __name__ == "__main__":
    main()
