"""Shared set-up for the runtime-layer tests (catalogue CH901-CH909).

The runtime layer is applied before anything here imports Chainer; tests that
need a fresh interpreter (import order, ``-W error``, opt-in settings) use
``run_python``.
"""
import os
import subprocess
import sys

import pytest

from chainer_compat import runtime

runtime.apply()

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(
    __file__))))


def run_python(code, *args, env=None, timeout=120):
    """Run ``code`` in a fresh interpreter with the project on ``sys.path``.

    Returns the ``CompletedProcess`` (text output).
    """
    full_env = dict(os.environ)
    full_env['PYTHONPATH'] = os.pathsep.join(
        [ROOT] + [p for p in full_env.get('PYTHONPATH', '').split(os.pathsep)
                  if p])
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable] + list(args) + ['-c', code], env=full_env,
        capture_output=True, text=True, timeout=timeout, cwd=ROOT)


@pytest.fixture
def python():
    return run_python
