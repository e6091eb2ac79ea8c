"""Shared fixtures: the shipped reader and a bot over the bundled article, loaded once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

SQUAD_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "squad"


@pytest.fixture(scope="session", autouse=True)
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Keep every index the tests build out of the user's cache."""
    path = tmp_path_factory.mktemp("qa-cache")
    os.environ["QA_CACHE_DIR"] = str(path)
    return path


@pytest.fixture(scope="session")
def reader():
    from qa import Reader

    return Reader.load()


@pytest.fixture(scope="session")
def embedder():
    from qa_index.embedder import Embedder

    return Embedder()


@pytest.fixture(scope="session")
def bot(reader, embedder):
    from qa import QABot

    return QABot(reader=reader, embedder=embedder).warm_up()


@pytest.fixture(scope="session")
def squad_dir() -> Path:
    if not SQUAD_DIR.is_dir():
        pytest.skip(f"SQuAD data not found at {SQUAD_DIR} (the shared data folder beside the checkout)")
    return SQUAD_DIR
