"""Persistence: reopen, rebuild on change, corrupt files, atomic writes."""

import json

import faiss
import pytest

from index.chunking import ChunkingSettings
from index.documents import Document, bundled_article
from index.store import CHUNKS, MANIFEST, VECTORS, ChunkStore, IndexSettings
from qa import QAError

DOCS = [bundled_article()]


def _no_build(*args, **kwargs):
    raise AssertionError("the index was rebuilt although it should have been reopened")


def test_reopens_a_matching_index_without_rebuilding(tmp_path, embedder, monkeypatch):
    first = ChunkStore.open_or_build(DOCS, embedder, IndexSettings(), tmp_path / "idx")
    monkeypatch.setattr(ChunkStore, "build", classmethod(_no_build))
    again = ChunkStore.open_or_build(DOCS, embedder, IndexSettings(), tmp_path / "idx")
    assert [c.text for c in again.chunks] == [c.text for c in first.chunks]


def test_rebuilds_when_documents_or_settings_change(tmp_path, embedder):
    directory = tmp_path / "idx"
    ChunkStore.open_or_build(DOCS, embedder, IndexSettings(), directory)
    changed = ChunkStore.open_or_build(DOCS, embedder, IndexSettings(ChunkingSettings(max_words=30)), directory)
    assert json.loads((directory / MANIFEST).read_text())["chunking"]["max_words"] == 30
    edited = [Document(DOCS[0].id, DOCS[0].text + "\n\nA new closing sentence.")]
    rebuilt = ChunkStore.open_or_build(edited, embedder, IndexSettings(ChunkingSettings(max_words=30)), directory)
    assert rebuilt.chunks[-1].text.endswith("A new closing sentence.")
    assert len(changed.chunks) > 0


@pytest.mark.parametrize("victim", [VECTORS, CHUNKS, MANIFEST])
def test_corrupt_index_file_is_detected_and_rebuilt(tmp_path, embedder, victim):
    directory = tmp_path / "idx"
    good = ChunkStore.open_or_build(DOCS, embedder, IndexSettings(), directory)
    (directory / victim).write_bytes(b"garbage")
    with pytest.raises(QAError):
        ChunkStore.load(directory)
    rebuilt = ChunkStore.open_or_build(DOCS, embedder, IndexSettings(), directory)
    assert len(rebuilt.chunks) == len(good.chunks)
    assert ChunkStore.load(directory).manifest["count"] == len(good.chunks)


def test_crash_while_saving_keeps_the_good_index(tmp_path, embedder, monkeypatch):
    directory = tmp_path / "idx"
    ChunkStore.open_or_build(DOCS, embedder, IndexSettings(), directory)
    before = (directory / MANIFEST).read_text()

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(faiss, "write_index", crash)
    store = ChunkStore.build(DOCS, embedder, IndexSettings(ChunkingSettings(max_words=30)))
    with pytest.raises(OSError):
        store.save(directory)
    assert (directory / MANIFEST).read_text() == before
    assert ChunkStore.load(directory).manifest["chunking"]["max_words"] == ChunkingSettings().max_words


def test_hnsw_index_finds_the_same_best_chunk(embedder):
    flat = ChunkStore.build(DOCS, embedder, IndexSettings(kind="flat"))
    hnsw = ChunkStore.build(DOCS, embedder, IndexSettings(kind="hnsw"))
    query = embedder.embed(["Who joined online?"])
    assert flat.search(query, 1)[0][0][0] == hnsw.search(query, 1)[0][0][0]


def test_unknown_index_kind_is_refused():
    with pytest.raises(QAError, match="unknown index kind"):
        IndexSettings(kind="ivf-magic")
