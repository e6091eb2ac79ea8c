"""Persistence: reopen, rebuild on change, corrupt files, atomic writes."""

import json
import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor

import faiss
import pytest

from index.chunking import ChunkingSettings
from index.documents import Document, bundled_article
from index.store import CHUNKS, MANIFEST, VECTORS, ChunkStore, IndexSettings, prune
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
    first = ChunkStore.open_or_build(DOCS, embedder, IndexSettings(), directory)
    changed = ChunkStore.open_or_build(DOCS, embedder, IndexSettings(ChunkingSettings(max_words=30)), directory)
    assert json.loads((directory / MANIFEST).read_text())["chunking"]["max_words"] == 30
    edited = [Document(DOCS[0].id, DOCS[0].text + "\n\nA new closing sentence.")]
    rebuilt = ChunkStore.open_or_build(edited, embedder, IndexSettings(ChunkingSettings(max_words=30)), directory)
    assert rebuilt.chunks[-1].text.endswith("A new closing sentence.")
    assert len(changed.chunks) > len(first.chunks)  # smaller chunks: the index was rebuilt, not reopened


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
    assert list(tmp_path.iterdir()) == [directory], "a failed save leaves no temporary folder behind"
    assert ChunkStore.load(directory).manifest["chunking"]["max_words"] == ChunkingSettings().max_words


def test_concurrent_saves_into_one_folder_all_succeed_and_leave_one_whole_index(tmp_path, embedder):
    directory = tmp_path / "idx"
    stores = [ChunkStore.build(DOCS, embedder, IndexSettings(ChunkingSettings(max_words=m))) for m in (30, 80)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(lambda i: stores[i % 2].save(directory), range(80)))
    loaded = ChunkStore.load(directory)
    assert [c.text for c in loaded.chunks] in [[c.text for c in s.chunks] for s in stores]
    assert list(tmp_path.iterdir()) == [directory]


def test_concurrent_open_or_build_of_one_folder_builds_once(tmp_path, embedder, monkeypatch):
    builds = []
    build = ChunkStore.build.__func__

    def counted(cls, *args, **kwargs):
        builds.append(1)
        return build(cls, *args, **kwargs)

    monkeypatch.setattr(ChunkStore, "build", classmethod(counted))
    def open_index(_: int) -> ChunkStore:
        return ChunkStore.open_or_build(DOCS, embedder, IndexSettings(), tmp_path / "idx")

    with ThreadPoolExecutor(max_workers=8) as pool:
        opened = list(pool.map(open_index, range(8)))
    assert len(builds) == 1
    assert {len(s.chunks) for s in opened} == {len(ChunkStore.load(tmp_path / "idx").chunks)}


def test_an_unwritable_cache_still_gives_an_index(tmp_path, embedder, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    with caplog.at_level(logging.WARNING, logger="index.store"):
        store = ChunkStore.open_or_build(DOCS, embedder, IndexSettings(), blocker / "idx")
    assert len(store.chunks) > 3 and "could not save the index" in caplog.text


def test_hnsw_index_finds_the_same_best_chunk(embedder):
    flat = ChunkStore.build(DOCS, embedder, IndexSettings(kind="flat"))
    hnsw = ChunkStore.build(DOCS, embedder, IndexSettings(kind="hnsw"))
    query = embedder.embed(["Who joined online?"])
    assert flat.search(query, 1)[0][0][0] == hnsw.search(query, 1)[0][0][0]


def test_unknown_index_kind_is_refused():
    with pytest.raises(QAError, match="unknown index kind"):
        IndexSettings(kind="ivf-magic")


def test_prune_keeps_the_most_recently_used_indexes_and_drops_stale_temporary_folders(tmp_path, embedder):
    cache = tmp_path / "index"
    texts = {name: f"The {name} memo says the budget is {i} million euros." for i, name in enumerate("abc")}
    for age, (name, text) in zip((300, 200, 100), texts.items()):
        ChunkStore.open_or_build([Document(name, text)], embedder, IndexSettings(), cache / name)
        os.utime(cache / name, (time.time() - age, time.time() - age))
    # reopening "a" marks it as used now, so "b" is the least recently used
    ChunkStore.open_or_build([Document("a", texts["a"])], embedder, IndexSettings(), cache / "a")
    crashed, fresh = cache / ".a.tmp-crashed", cache / ".c.tmp-writing"
    crashed.mkdir()
    fresh.mkdir()
    os.utime(crashed, (time.time() - 2 * 86_400, time.time() - 2 * 86_400))
    prune(cache, keep=2)
    assert sorted(p.name for p in cache.iterdir()) == [".c.tmp-writing", "a", "c"]
    ChunkStore.load(cache / "a")


def test_saving_over_a_folder_that_is_not_an_index_is_refused_untouched(tmp_path, embedder):
    store = ChunkStore.build(DOCS, embedder, IndexSettings())
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    with pytest.raises(QAError, match="not ours to replace"):
        store.save(tmp_path / "mine")
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]


def test_an_index_on_read_only_storage_still_reopens(tmp_path, embedder, monkeypatch):
    ChunkStore.open_or_build(DOCS, embedder, IndexSettings(), tmp_path / "idx")

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(os, "utime", read_only)
    monkeypatch.setattr(ChunkStore, "build", classmethod(_no_build))
    assert ChunkStore.open_or_build(DOCS, embedder, IndexSettings(), tmp_path / "idx").chunks
