"""Run Chainer 7.8.1's own CPU tests with or without chainer_compat; compare runs.

Chainer's tests are not part of this project: check out the public repository
chainer/chainer at tag v7.8.1 (``tests/`` and ``setup.cfg`` are enough) and
pass its folder as ``--source``.

Usage:
  python tools/conformance/run_v7_suite.py run --source DIR --mode stock|runtime|full --junit OUT.xml [PATH...]
  python tools/conformance/run_v7_suite.py compare BASE.xml OTHER.xml

``run`` uses the interpreter it runs under (with Chainer 7.8.1 and pytest
installed) and prints pytest's summary; ``compare`` prints per-directory
passed/failed/skipped counts of both runs and the tests that fail only in the
second one.
"""
import argparse
import collections
import os
import pathlib
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MARKERS = "not gpu and not cudnn and not chainerx and not slow and not ideep and not theano and not multi_gpu"
STATES = ("passed", "failed", "skipped")


def run(args):
    # Chainer's tests are v7 code: declared so, the shim restores no v1 defaults for them (R6).
    # Test modules are marked by the v7_declare plugin; pytest's own helpers
    # (``pytest.raises(TypeError, x.__len__)``) call into Chainer on their behalf.
    env = dict(os.environ, PYTHONPATH=str(HERE), CHAINER_COMPAT_CONFORMANCE=args.mode,
               CHAINER_COMPAT_ROOT=str(ROOT), CHAINER_COMPAT_V7_PACKAGES="chainer_tests,tests.chainer_tests,_pytest", OMP_NUM_THREADS="1")
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "v7_declare", "-m", MARKERS,
           "-W", "ignore:It is deprecated to return a value that is not None:DeprecationWarning",
           "--continue-on-collection-errors", "--junitxml", os.path.abspath(args.junit)]
    cmd += args.paths or ["tests/chainer_tests"]
    print("$ (cd %s && %s)" % (args.source, " ".join(cmd)), flush=True)
    return subprocess.call(cmd, cwd=args.source, env=env)


def load(path):
    results = {}
    for case in ET.parse(path).iter("testcase"):
        tags = {child.tag for child in case}
        state = "failed" if tags & {"failure", "error"} else "skipped" if "skipped" in tags else "passed"
        results[(case.get("classname", ""), case.get("name", ""))] = state
    return results


def directory(classname):
    parts = classname.split(".")
    return parts[2] if len(parts) > 3 else "(top)"


def compare(args):
    base, other = load(args.base), load(args.other)
    rows = collections.defaultdict(lambda: [0] * 6)
    for offset, results in ((0, base), (3, other)):
        for (classname, _), state in results.items():
            rows[directory(classname)][offset + STATES.index(state)] += 1
    print("%-26s %7s %6s %7s | %7s %6s %7s" % ("directory", "pass", "fail", "skip", "pass", "fail", "skip"))
    for name in sorted(rows):
        print("%-26s %7d %6d %7d | %7d %6d %7d" % ((name,) + tuple(rows[name])))
    totals = [sum(r[i] for r in rows.values()) for i in range(6)]
    print("%-26s %7d %6d %7d | %7d %6d %7d" % (("total",) + tuple(totals)))
    only = sorted(k for k, state in other.items() if state == "failed" and base.get(k) != "failed")
    print("failing only in %s: %d" % (args.other, len(only)))
    for classname, name in only:
        print("  %s::%s (base: %s)" % (classname, name, base.get((classname, name), "absent")))
    return 0


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="run Chainer's tests")
    r.add_argument("--source", required=True, help="checkout of chainer/chainer at v7.8.1")
    r.add_argument("--mode", choices=("stock", "runtime", "full"), required=True)
    r.add_argument("--junit", required=True, help="JUnit XML output file")
    r.add_argument("paths", nargs="*", help="test paths inside the checkout (default tests/chainer_tests)")
    c = sub.add_parser("compare", help="compare two JUnit XML files")
    c.add_argument("base")
    c.add_argument("other")
    args = p.parse_args(argv)
    if args.command == "run":
        if not os.path.isdir(os.path.join(args.source, "tests", "chainer_tests")):
            p.error("%s has no tests/chainer_tests: check out chainer/chainer at v7.8.1" % args.source)
        return run(args)
    return compare(args)


if __name__ == "__main__":
    sys.exit(main())
