"""The store interface: the same behaviour from FAISS + BM25 and from Milvus (Lite)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_index.chunking import ChunkingSettings, chunk_document
from qa_index.documents import Document, bundled_article
from qa_index.errors import QAError
from qa_index.stores import IndexSettings, open_store

ARTICLE = bundled_article()
MEMO = Document("memo.txt", "The canteen serves lentil soup on Fridays.\n\nThe car park closes at nine in the evening.")


def _add(store, document: Document, embedder) -> int:
    chunks = chunk_document(document, store.info.settings.chunking)
    store.add(document.id, document.digest, chunks, embedder.embed([c.text for c in chunks]))
    return len(chunks)


def _search(store, embedder, question: str, k: int = 3, mode: str = "fused"):
    return store.search(embedder.embed([question]), [question], k, mode)[0]


def test_added_documents_are_searched_after_commit(make_store, embedder):
    store = make_store()
    n = _add(store, ARTICLE, embedder) + _add(store, MEMO, embedder)
    store.commit()
    assert store.documents() == {ARTICLE.id: ARTICLE.digest, MEMO.id: MEMO.digest}
    assert store.count() == n
    hits = _search(store, embedder, "What does the canteen serve on Fridays?")
    assert hits[0].chunk.document == MEMO.id and "lentil soup" in hits[0].chunk.text
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    top = _search(store, embedder, "How many Eurofighter jets were sent?", k=1)
    assert len(top) == 1 and "Eurofighter" in top[0].chunk.text


def test_chunks_keep_their_offsets_and_paragraph(make_store, embedder):
    store = make_store()
    _add(store, MEMO, embedder)
    store.commit()
    chunk = _search(store, embedder, "When does the car park close?", k=1)[0].chunk
    assert MEMO.text[chunk.start : chunk.end] == chunk.text
    assert chunk.paragraph == (2 if chunk.text.startswith("The car park") else 1)


def test_dense_mode_and_questions_of_stop_words_only(make_store, embedder):
    store = make_store()
    _add(store, ARTICLE, embedder)
    store.commit()
    assert len(_search(store, embedder, "Who joined online?", mode="dense")) == 3
    assert len(_search(store, embedder, "what is it", mode="fused")) == 3
    with pytest.raises(QAError, match="retrieval mode"):
        _search(store, embedder, "Who?", mode="sparse-magic")


def test_a_new_version_replaces_the_old_and_delete_removes(make_store, embedder):
    store = make_store()
    _add(store, MEMO, embedder)
    store.commit()
    edited = Document(MEMO.id, MEMO.text.replace("lentil soup", "pea soup"))
    _add(store, edited, embedder)
    store.commit()
    assert store.documents() == {MEMO.id: edited.digest}
    texts = [h.chunk.text for h in _search(store, embedder, "What soup is served?", k=10)]
    assert any("pea soup" in t for t in texts) and not any("lentil" in t for t in texts)
    store.delete(MEMO.id)
    store.commit()
    assert store.documents() == {} and store.count() == 0
    assert _search(store, embedder, "What soup is served?") == []


def test_uncommitted_changes_are_invisible_to_another_opener(make_store, embedder):
    store = make_store()
    _add(store, MEMO, embedder)
    store.commit()
    _add(store, ARTICLE, embedder)  # not committed: a run killed here
    reopened = make_store()
    assert reopened.documents() == {MEMO.id: MEMO.digest}
    assert all(h.chunk.document == MEMO.id for h in _search(reopened, embedder, "Who joined online?", k=5))


def test_a_store_opens_by_uri_and_refuses_other_settings(make_store, embedder):
    store = make_store()
    _add(store, MEMO, embedder)
    store.commit()
    assert open_store(store.uri).documents() == {MEMO.id: MEMO.digest}  # its own description is enough
    with pytest.raises(QAError, match="max_words"):
        make_store(IndexSettings(ChunkingSettings(max_words=30)))


def test_opening_a_store_that_is_not_there_says_how_to_build_one_and_makes_nothing(store_uri):
    with pytest.raises(QAError, match="qa index"):
        open_store(store_uri())
    assert not Path(store_uri()).exists()


def test_hnsw_finds_the_same_best_chunk_as_exact_search(make_store, tmp_path, embedder):
    exact = make_store()
    (tmp_path / "hnsw").mkdir()
    approximate = make_store(IndexSettings(kind="hnsw"), folder=tmp_path / "hnsw")
    for store in (exact, approximate):
        _add(store, ARTICLE, embedder)
        store.commit()
    question = "Who joined online?"
    assert _search(exact, embedder, question, 1, "dense")[0].chunk == _search(approximate, embedder, question, 1, "dense")[0].chunk


def test_unknown_index_kind_is_refused():
    with pytest.raises(QAError, match="unknown index kind"):
        IndexSettings(kind="ivf-magic")
