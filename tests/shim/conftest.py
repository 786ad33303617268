"""Fixtures for the shim tests.

Every test starts and ends with the shim installed, warnings in ``'once'``
mode with a fresh per-site memory, and the stock (``'v7'``) parameter order.
``stock`` runs a test body on stock Chainer 7.8.1 and reinstalls afterwards.
"""
import os
import pathlib
import subprocess
import sys

import pytest

import chainer_compat
from chainer_compat import _warn

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def shim():
    """The installed shim module, reset to its defaults around the test."""
    chainer_compat.install()
    _warn.set_warnings("once")
    chainer_compat.set_param_order("v7")
    try:
        yield chainer_compat
    finally:
        chainer_compat.install()
        _warn.set_warnings("once")
        chainer_compat.set_param_order("v7")


@pytest.fixture
def stock():
    """Uninstall the shim for the test body; reinstall afterwards."""
    chainer_compat.uninstall()
    try:
        yield
    finally:
        chainer_compat.install()


def _run_python(code, *args, env_extra=None):
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.pop("CHAINER_COMPAT_WARNINGS", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-c", code] + list(args), env=env, cwd=str(ROOT),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, timeout=300)


@pytest.fixture
def run_python():
    """``run_python(code, *argv, env_extra=None)``: run ``code`` in a fresh interpreter
    with the repository on ``PYTHONPATH``; returns the ``CompletedProcess`` (text output)."""
    return _run_python
