"""Incremental indexing into either engine: unchanged files embed nothing, changed ones only themselves,
a stopped run resumes, and `prune` drops what is gone."""

from __future__ import annotations

import pytest

from qa_index.documents import bundled_article
from qa_index.errors import QAError
from qa_index.indexing import Indexer, index_into, store_info, walk
from qa_index.stores import IndexSettings, open_store

ARTICLE = bundled_article()


class Counting:
    """The bundled embedder, counting what it embeds; it can be set to fail on a given call (a killed run)."""

    def __init__(self, embedder, fail_on_call: int | None = None) -> None:
        self.embedder, self.name, self.dimension = embedder, embedder.name, embedder.dimension
        self.texts: list[str] = []
        self.calls, self.fail_on_call = 0, fail_on_call

    def embed(self, texts, progress=False):
        self.calls += 1
        if self.calls == self.fail_on_call:
            raise KeyboardInterrupt("stopped")
        self.texts.extend(texts)
        return self.embedder.embed(texts)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "article.txt").write_bytes(ARTICLE.text.encode())
    (folder / "memo.md").write_text("The canteen serves lentil soup on Fridays.")
    (folder / "sub" / "memo.md").write_text("The car park closes at nine in the evening.")
    (folder / "sub" / ".hidden.txt").write_text("not indexed")
    (folder / "image.png").write_bytes(b"\x89PNG")
    return folder


def test_walk_finds_supported_files_in_name_order_and_names_what_it_cannot_read(corpus, tmp_path):
    files, errors = walk([corpus, tmp_path / "missing.txt", corpus / "image.png"])
    assert [f.relative_to(corpus).as_posix() for f in files] == ["article.txt", "memo.md", "sub/memo.md"]
    assert len(errors) == 2 and "no such file" in errors[0] and "unsupported file type .png" in errors[1]


def test_a_second_run_embeds_nothing_and_a_changed_file_only_itself(corpus, store_uri, embedder):
    first = Counting(embedder)
    report = index_into(store_uri(), [corpus], first, IndexSettings())
    assert len(report.added) == 3 and report.chunks == len(first.texts) > 3
    ids = sorted(open_store(store_uri()).documents())
    assert ids == sorted(f"{corpus.as_posix()}/{name}" for name in ("article.txt", "memo.md", "sub/memo.md"))

    again = Counting(embedder)
    report = index_into(store_uri(), [corpus], again, IndexSettings())
    assert again.texts == [] and len(report.unchanged) == 3

    (corpus / "memo.md").write_text("The canteen serves pea soup on Fridays.")
    changed = Counting(embedder)
    report = index_into(store_uri(), [corpus], changed, IndexSettings())
    assert report.replaced == [f"{corpus.as_posix()}/memo.md"] and changed.texts == ["The canteen serves pea soup on Fridays."]
    store = open_store(store_uri())
    question = "What soup is served on Fridays?"
    texts = [h.chunk.text for h in store.search(embedder.embed([question]), [question], 5)[0]]
    assert "The canteen serves pea soup on Fridays." in texts and not any("lentil" in t for t in texts)


def test_prune_removes_documents_that_are_gone(corpus, store_uri, embedder):
    index_into(store_uri(), [corpus], embedder, IndexSettings())
    (corpus / "sub" / "memo.md").unlink()
    report = index_into(store_uri(), [corpus], embedder, IndexSettings(), prune=True)
    assert report.removed == [f"{corpus.as_posix()}/sub/memo.md"]
    assert len(open_store(store_uri()).documents()) == 2


def test_a_stopped_run_keeps_whole_documents_and_the_next_run_resumes(corpus, store_uri, embedder):
    stopped = Counting(embedder, fail_on_call=2)
    with pytest.raises(KeyboardInterrupt):
        Indexer(open_store(store_uri(), store_info(embedder, IndexSettings())), stopped, batch_documents=1, commit_every_s=0).index_paths([corpus])
    store = open_store(store_uri())
    assert list(store.documents()) == [f"{corpus.as_posix()}/article.txt"]  # the first batch, whole
    question = "What does the canteen serve?"
    assert all(h.chunk.document.endswith("article.txt") for h in store.search(embedder.embed([question]), [question], 5)[0])

    resumed = Counting(embedder)
    report = Indexer(open_store(store_uri()), resumed, batch_documents=1, commit_every_s=0).index_paths([corpus])
    assert len(report.unchanged) == 1 and len(report.added) == 2
    assert resumed.texts == ["The canteen serves lentil soup on Fridays.", "The car park closes at nine in the evening."]


def test_unreadable_files_are_reported_and_the_rest_indexed(corpus, store_uri, embedder):
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    report = index_into(store_uri(), [corpus], embedder, IndexSettings())
    assert len(report.added) == 3 and len(report.failed) == 1 and "broken.pdf" in report.failed[0]


def test_a_store_of_another_embedder_is_refused(corpus, store_uri, embedder):
    index_into(store_uri(), [corpus], embedder, IndexSettings())

    other = Counting(embedder)
    other.name = "someone/else"
    with pytest.raises(QAError, match="someone/else"):
        Indexer(open_store(store_uri()), other)



def test_a_document_the_store_refuses_is_reported_and_the_others_indexed(corpus, store_uri, embedder, monkeypatch):
    store = open_store(store_uri(), store_info(embedder, IndexSettings()))
    add = store.add

    def refuse_memos(document_id, *args):
        if document_id.endswith("memo.md"):
            raise QAError(f"{document_id}: a chunk over the store's text limit")
        return add(document_id, *args)

    monkeypatch.setattr(store, "add", refuse_memos)
    report = Indexer(store, embedder).index_paths([corpus])
    assert report.added == [f"{corpus.as_posix()}/article.txt"] and len(report.failed) == 2
    assert list(open_store(store_uri()).documents()) == report.added
