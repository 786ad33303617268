"""Shared fixtures for the whole suite.

``words``: the bundled PTB-style corpus (``fixtures/data``, see its README)
read with the v1 fixture's own ``load_words``, so every test sees the same ids
as the Chainer 1.24 oracle recording.

Markers (registered in ``pyproject.toml``): ``oracle`` tests build a real
Chainer 1.24 environment under ``.oracle/`` and run in the default suite
(deselect them with ``-m "not oracle"`` for a quick local run); ``gpu`` tests
skip themselves when CuPy or a device is missing.
"""
import collections
import pathlib

import pytest

# Before any test module imports Chainer: on NumPy 2 / setuptools >= 81 stock
# Chainer 7.8.1 imports only after the runtime layer (CH901, CH902).
import chainer_compat  # noqa: F401

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "fixtures" / "data"

Corpus = collections.namedtuple("Corpus", "train valid vocab")


def _load_words_function():
    # Only load_words is used; importing the module imports Chainer but calls
    # nothing of it, so no shim is needed here.
    from chainer_compat.demo import load_module
    return load_module(ROOT / "fixtures" / "v1" / "rnnlm_kwargs.py", "conftest_rnnlm_kwargs").load_words


@pytest.fixture(scope="session")
def words():
    """``Corpus(train, valid, vocab)``: int32 ids of shape (N,) and word -> id.

    The vocabulary of ``ptb.train.txt`` extended by ``ptb.valid.txt`` (which
    adds no word: unknown validation words are ``<unk>`` already).
    """
    load_words = _load_words_function()
    train, vocab = load_words(str(DATA_DIR / "ptb.train.txt"))
    valid, vocab = load_words(str(DATA_DIR / "ptb.valid.txt"), vocab)
    return Corpus(train, valid, vocab)


@pytest.fixture(scope="session")
def v1_python():
    """A Python with real Chainer 1.24.0: ``$CHAINER_V1_PYTHON``, or the oracle
    environment under ``.oracle/`` (built on first use by ``tools/oracle.py``)."""
    import os
    import sys

    given = os.environ.get("CHAINER_V1_PYTHON")
    if given:
        return given
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import oracle
    finally:
        sys.path.pop(0)
    return oracle.ensure_env()
