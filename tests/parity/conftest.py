"""Fixtures for the parity tests: the RNNForLM programs loaded as modules.

v1 files run under ``chainer_compat``; the v2 file and the codemod's output of
each v1 file run on plain Chainer 7.8.1 API (the shim stays installed, since
v2-style calls pass through it untouched).
"""
import pathlib

import pytest

import chainer_compat  # noqa: F401  (installs the shim before any fixture runs)
from chainer_compat.demo import load_module

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def migrated_dir(tmp_path_factory):
    """The codemod's output of every v1 fixture, written to a temporary folder."""
    from codemod import migrate_source

    out = tmp_path_factory.mktemp("migrated")
    for src in sorted((FIXTURES / "v1").glob("*.py")):
        new_source, _ = migrate_source(src.read_text(), path=str(src))
        (out / src.name).write_text(new_source)
    return out


@pytest.fixture(scope="session")
def programs(migrated_dir):
    """name -> module; ``v1_*`` need the shim, the others are v2 API."""
    return {
        "v1_seed": load_module(FIXTURES / "v1" / "rnnlm_seed.py", "parity_v1_seed"),
        "v1_kwargs": load_module(FIXTURES / "v1" / "rnnlm_kwargs.py", "parity_v1_kwargs"),
        "v2": load_module(FIXTURES / "v2" / "rnnlm.py", "parity_v2"),
        "migrated_seed": load_module(migrated_dir / "rnnlm_seed.py", "parity_migrated_seed"),
        "migrated_kwargs": load_module(migrated_dir / "rnnlm_kwargs.py", "parity_migrated_kwargs"),
    }


@pytest.fixture(scope="session")
def corpus(words):
    """``(ids, vocab)`` of the bundled training text: int32 word ids of shape (N,)."""
    return words.train, words.vocab
