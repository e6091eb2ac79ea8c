"""The page's indexing worker: a child process builds the index the page's bot then reopens."""

from __future__ import annotations

import pytest

from qa_index.errors import QAError
from qa_index.stores import IndexSettings
from qa import QABot
from qa.indexing_worker import index_in_worker


def test_the_worker_builds_the_cache_the_bot_reopens_without_embedding(tmp_path, reader, embedder, monkeypatch):
    doc = tmp_path / "memo.txt"
    doc.write_text(" ".join(f"Item {i} of the memo is filed under shelf {i * 7}." for i in range(60)))
    seen: list[tuple[int, int]] = []
    index_in_worker([doc], embedder.name_or_path, IndexSettings(), lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]

    def no_embedding(*args, **kwargs):
        raise AssertionError("the bot embedded again what the worker had indexed")

    bot = QABot.from_paths([doc], reader=reader, embedder=embedder)
    monkeypatch.setattr(embedder, "embed", no_embedding)
    assert bot.store.count() > 1


def test_a_failing_worker_raises_its_message(tmp_path, embedder):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    with pytest.raises(QAError, match="scan.pdf"):
        index_in_worker([bad], embedder.name_or_path, IndexSettings())
