"""Build a throw-away Chainer 1.24 environment and record the oracle with it.

Real Chainer 1.24.0 is the oracle for v1 semantics.  This script makes (or
reuses) a virtual environment under ``.oracle/`` in the repository root::

    python -m venv .oracle/py<X.Y>
    pip install "setuptools<70" wheel "numpy<2"
    pip install --no-build-isolation chainer==1.24.0

``--no-build-isolation`` with the old setuptools is needed because the sdist's
``setup.py`` imports ``pkg_resources`` (catalogue CH907).  On Python >= 3.10
it also writes a ``sitecustomize.py`` that puts ``collections.Sequence`` and
the other ABCs that Python 3.10 removed from ``collections`` back from
``collections.abc`` (Chainer 1.24 still imports them from there).

Usage::

    python tools/oracle.py                    # build or reuse, print its python
    python tools/oracle.py --record           # write fixtures/oracle/*
    python tools/oracle.py --record-to DIR    # write DIR/* instead
    python tools/oracle.py --record-rules [NAME ...]
                                              # fixtures/v1/rules/NAME.py ->
                                              # fixtures/oracle/rules/NAME.npz
    python tools/oracle.py --python python3.6 --record-to DIR

Needs PyPI (pip) the first time; later runs reuse the environment.  Exits
with status 1 and pip's output when the build fails.

The golden files were recorded with the default interpreter (CPython 3.11,
NumPy 1.26.4, the NumPy that the Chainer 7.8.1 side uses too).  An era
interpreter (``--python python3.6``: NumPy 1.19.5) gives the same initial
weights and first loss but other last bits in float32 matrix products
(another OpenBLAS), so its recording is not bitwise equal to the golden one.
"""
import argparse
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORACLE_DIR = os.path.join(ROOT, '.oracle')
RECORDER = os.path.join(ROOT, 'tools', 'oracle_record.py')
RULE_RUNNER = os.path.join(ROOT, 'tools', 'rule_program.py')
RULE_PROGRAMS = os.path.join(ROOT, 'fixtures', 'v1', 'rules')
RULE_GOLDEN_DIR = os.path.join(ROOT, 'fixtures', 'oracle', 'rules')
GOLDEN_DIR = os.path.join(ROOT, 'fixtures', 'oracle')

CHAINER = 'chainer==1.24.0'
BUILD_REQUIREMENTS = ['setuptools<70', 'wheel', 'numpy<2']
# Era interpreters (Python 3.6-3.8; Chainer 1.24 supported 3.4-3.6): their
# bundled pip is too old to skip releases that need a newer Python, so pip is
# upgraded first and the build requirements are pinned to the last releases
# that still install there.
OLD_PYTHON = (3, 9)
OLD_PIP = 'pip<22'
OLD_BUILD_REQUIREMENTS = ['setuptools<60', 'wheel<0.38', 'numpy<1.20']
# Stored in each environment; a different recipe rebuilds it.
RECIPE = 'v2: %s | %s; %s; %s; sitecustomize' % (
    ' '.join(BUILD_REQUIREMENTS), OLD_PIP, ' '.join(OLD_BUILD_REQUIREMENTS),
    CHAINER)

SITECUSTOMIZE = '''\
# Written by chainer-compat tools/oracle.py: Chainer 1.24 imports these ABCs
# from `collections`, which Python 3.10 removed; take them from collections.abc.
import collections
import collections.abc

for _n in ("Sequence", "Iterable", "Mapping", "MutableMapping", "Callable",
           "Hashable", "Sized", "Container", "Set", "MutableSet",
           "MutableSequence", "Iterator", "Generator"):
    if not hasattr(collections, _n):
        setattr(collections, _n, getattr(collections.abc, _n))
'''


class OracleBuildError(RuntimeError):
    """Building the Chainer 1.24 environment failed (message has the log)."""


def log(message):
    sys.stderr.write('[oracle] %s\n' % message)
    sys.stderr.flush()


def _run(cmd, what, env=None):
    log('%s: %s' % (what, ' '.join(cmd)))
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, env=env)
    if proc.returncode != 0:
        raise OracleBuildError('%s failed (exit %d): %s\n%s' % (
            what, proc.returncode, ' '.join(cmd), proc.stdout[-6000:]))
    return proc.stdout


def interpreter_version(python):
    """``(major, minor)`` of the interpreter ``python``."""
    out = _run([python, '-c', 'import sys; print("%d %d" % sys.version_info[:2])'],
               'probe interpreter')
    major, minor = out.split()
    return int(major), int(minor)


def env_python(env_dir):
    if os.name == 'nt':
        return os.path.join(env_dir, 'Scripts', 'python.exe')
    return os.path.join(env_dir, 'bin', 'python')


def ensure_env(python=None, oracle_dir=ORACLE_DIR):
    """Build (or reuse) the Chainer 1.24 environment; return its python.

    Args:
        python (str): interpreter to base it on (default: this one).
        oracle_dir (str): parent folder of the environments.

    Raises:
        OracleBuildError: venv, pip or the import check failed.
    """
    python = python or sys.executable
    version = interpreter_version(python)
    env_dir = os.path.join(oracle_dir, 'py%d.%d' % version)
    py = env_python(env_dir)
    stamp = os.path.join(env_dir, '.chainer-compat-oracle')
    if os.path.exists(stamp) and os.path.exists(py):
        with open(stamp) as f:
            if f.read().strip() == RECIPE:
                log('reusing %s' % env_dir)
                return py
    if os.path.exists(env_dir):
        log('removing incomplete or outdated %s' % env_dir)
        shutil.rmtree(env_dir)
    log('building Chainer 1.24.0 environment in %s (needs PyPI; about a '
        'minute)' % env_dir)
    _run([python, '-m', 'venv', env_dir], 'create venv')
    pip = [py, '-m', 'pip', '--disable-pip-version-check', 'install', '-q']
    requirements = BUILD_REQUIREMENTS
    if version < OLD_PYTHON:
        _run(pip + ['-U', OLD_PIP], 'upgrade pip')
        requirements = OLD_BUILD_REQUIREMENTS
    _run(pip + requirements, 'install build requirements')
    _run(pip + ['--no-build-isolation', CHAINER], 'install ' + CHAINER)
    if version >= (3, 10):
        purelib = _run([py, '-c', 'import sysconfig; '
                        'print(sysconfig.get_paths()["purelib"])'],
                       'find site-packages').strip()
        with open(os.path.join(purelib, 'sitecustomize.py'), 'w') as f:
            f.write(SITECUSTOMIZE)
        log('wrote %s' % os.path.join(purelib, 'sitecustomize.py'))
    got = _run([py, '-c', 'import chainer; print(chainer.__version__)'],
               'import check').strip().splitlines()[-1]
    if got != CHAINER.split('==')[1]:
        raise OracleBuildError('import check: chainer %s, expected %s'
                               % (got, CHAINER))
    with open(stamp, 'w') as f:
        f.write(RECIPE + '\n')
    log('ready: %s (chainer %s)' % (py, got))
    return py


def record(py, out_dir):
    """Run ``tools/oracle_record.py`` under ``py``, writing into ``out_dir``."""
    log('recording into %s' % out_dir)
    # Not `python -I` (that would skip sitecustomize): only keep a caller's
    # PYTHONPATH (which may point at Chainer 7.8.1) out of the oracle.
    env = dict(os.environ)
    env.pop('PYTHONPATH', None)
    out = _run([py, RECORDER, out_dir], 'record', env=env)
    sys.stderr.write(out)
    return out


def rule_programs(names=()):
    """Paths of the per-rule programs (all, or those whose file stem is in ``names``).

    Raises ``ValueError`` for a name with no program.
    """
    stems = sorted(f[:-3] for f in os.listdir(RULE_PROGRAMS)
                   if f.startswith('ch') and f.endswith('.py'))
    unknown = sorted(set(names) - set(stems))
    if unknown:
        raise ValueError('no program fixtures/v1/rules/%s.py' % unknown[0])
    return [os.path.join(RULE_PROGRAMS, s + '.py') for s in stems
            if not names or s in names]


def record_rules(py, names=(), out_dir=RULE_GOLDEN_DIR):
    """Run each per-rule program under ``py`` (real Chainer 1.24), writing
    ``out_dir/<stem>.npz``. Returns the paths written."""
    env = dict(os.environ)
    env.pop('PYTHONPATH', None)
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for program in rule_programs(names):
        stem = os.path.basename(program)[:-3]
        out = os.path.join(out_dir, stem + '.npz')
        log('%s -> %s' % (stem, os.path.relpath(out, ROOT)))
        _run([py, RULE_RUNNER, program, out], 'record ' + stem, env=env)
        written.append(out)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(
        description='Build the Chainer 1.24 oracle environment and record '
                    'the golden files.')
    parser.add_argument('--python', help='interpreter for the environment '
                        '(default: the one running this script)')
    parser.add_argument('--record', action='store_true',
                        help='write %s' % os.path.relpath(GOLDEN_DIR, ROOT))
    parser.add_argument('--record-to', metavar='DIR',
                        help='record into DIR instead')
    parser.add_argument('--record-rules', nargs='*', metavar='NAME',
                        help='run fixtures/v1/rules/NAME.py (default: all) '
                        'and write fixtures/oracle/rules/NAME.npz')
    args = parser.parse_args(argv)
    try:
        py = ensure_env(args.python)
        if args.record or args.record_to:
            record(py, args.record_to or GOLDEN_DIR)
        if args.record_rules is not None:
            record_rules(py, args.record_rules)
    except (OracleBuildError, ValueError) as exc:
        log('ERROR: %s' % exc)
        return 1
    print(py)
    return 0


if __name__ == '__main__':
    sys.exit(main())
