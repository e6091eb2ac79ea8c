"""The FAISS folder: checked on open, written atomically, shared safely by threads and processes."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import faiss
import pytest

from qa_index.chunking import ChunkingSettings
from qa_index.documents import Document, bundled_article
from qa_index.errors import QAError
from qa_index.indexing import Indexer, cached_store, store_info
from qa_index.stores import FaissStore, IndexSettings
from qa_index.stores.faiss_store import CHUNKS, MANIFEST, VECTORS, prune_cache

DOCS = [bundled_article()]
ROOT = Path(__file__).resolve().parents[2]


def _cached(embedder, directory, documents=DOCS, settings=IndexSettings()):
    return cached_store(documents, embedder, store_info(embedder, settings), directory)


class _NoEmbedding:
    """Stands in for the embedder where a test must show that nothing is embedded."""

    def __init__(self, embedder) -> None:
        self.name = embedder.name

    def embed(self, texts, progress=False):
        raise AssertionError(f"{len(texts)} texts were embedded although the index should have been reopened")


def test_reopens_a_matching_index_without_embedding(tmp_path, embedder):
    first = _cached(embedder, tmp_path / "idx")
    again = cached_store(DOCS, _NoEmbedding(embedder), first.info, tmp_path / "idx")
    assert [c.text for c in again.chunks] == [c.text for c in first.chunks]


@pytest.mark.parametrize("victim", [VECTORS, CHUNKS, MANIFEST])
def test_a_damaged_file_is_refused_on_open_and_the_cache_rebuilds(tmp_path, embedder, victim):
    directory = tmp_path / "idx"
    good = _cached(embedder, directory)
    (directory / victim).write_bytes(b"garbage")
    with pytest.raises(QAError):
        FaissStore.open(directory)
    rebuilt = _cached(embedder, directory)
    assert rebuilt.count() == good.count() == FaissStore.open(directory).count()


def test_crash_while_saving_keeps_the_good_index(tmp_path, embedder, monkeypatch):
    directory = tmp_path / "idx"
    _cached(embedder, directory)
    before = (directory / MANIFEST).read_text()

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(faiss, "write_index", crash)
    store = FaissStore.open(directory)
    store.delete(DOCS[0].id)
    with pytest.raises(OSError):
        store.commit()
    assert (directory / MANIFEST).read_text() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".idx.lock", "idx"], "no temporary folder is left behind"
    assert FaissStore.open(directory).documents() == {DOCS[0].id: DOCS[0].digest}


def test_concurrent_builds_of_one_folder_embed_once(tmp_path, embedder):
    calls = []
    embed = embedder.embed

    class Counting:
        name = embedder.name

        def embed(self, texts, progress=False):
            calls.append(len(texts))
            return embed(texts)

    info = store_info(embedder, IndexSettings())
    with ThreadPoolExecutor(max_workers=8) as pool:
        opened = list(pool.map(lambda _: cached_store(DOCS, Counting(), info, tmp_path / "idx"), range(8)))
    assert len(calls) == 1
    assert {s.count() for s in opened} == {FaissStore.open(tmp_path / "idx").count()}


def test_two_processes_indexing_one_folder_both_succeed_and_leave_one_good_index(tmp_path):
    script = (
        "import sys; from qa_index.embedder import Embedder; from qa_index.indexing import index_into; "
        "from qa_index.stores import IndexSettings; "
        "print(index_into(sys.argv[1], [sys.argv[2]], Embedder(), IndexSettings()).summary())"
    )
    article = ROOT / "index" / "data"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    runs = [
        subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "idx"), str(article)], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], [err[-800:] for _, err in outputs]
    reports = sorted(out.strip() for out, _ in outputs)
    assert reports[0].startswith("0 added") and "1 unchanged" in reports[0], "the second saw the first's index"
    assert reports[1].startswith("1 added")
    store = FaissStore.open(tmp_path / "idx")
    assert len(store.documents()) == 1 and store.count() == store.index.ntotal > 3


def test_an_unwritable_cache_still_gives_an_index(tmp_path, embedder, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    with caplog.at_level(logging.WARNING):
        store = _cached(embedder, blocker / "idx")
    assert store.count() > 3 and ("could not save the index" in caplog.text or "rebuilding" in caplog.text)


def test_prune_keeps_the_most_recently_used_indexes_and_drops_stale_temporary_folders(tmp_path, embedder):
    cache = tmp_path / "index"
    texts = {name: f"The {name} memo says the budget is {i} million euros." for i, name in enumerate("abc")}
    for age, (name, text) in zip((300, 200, 100), texts.items()):
        _cached(embedder, cache / name, [Document(name, text)])
        os.utime(cache / name, (time.time() - age, time.time() - age))
    # reopening "a" marks it as used now, so "b" is the least recently used
    _cached(embedder, cache / "a", [Document("a", texts["a"])])
    crashed, fresh = cache / ".a.tmp-crashed", cache / ".c.tmp-writing"
    crashed.mkdir()
    fresh.mkdir()
    os.utime(crashed, (time.time() - 2 * 86_400, time.time() - 2 * 86_400))
    prune_cache(cache, keep=2)
    assert sorted(p.name for p in cache.iterdir() if p.is_dir()) == [".c.tmp-writing", "a", "c"]
    FaissStore.open(cache / "a")


def test_saving_over_a_folder_that_is_not_an_index_is_refused_untouched(tmp_path, embedder):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    store = FaissStore(store_info(embedder, IndexSettings()), tmp_path / "mine")
    with pytest.raises(QAError, match="not ours to replace"):
        Indexer(store, embedder).index(DOCS)
    assert [p.name for p in (tmp_path / "mine").iterdir()] == ["notes.txt"]


def test_an_index_on_read_only_storage_still_reopens(tmp_path, embedder, monkeypatch):
    _cached(embedder, tmp_path / "idx")

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(os, "utime", read_only)
    assert cached_store(DOCS, _NoEmbedding(embedder), store_info(embedder, IndexSettings()), tmp_path / "idx").count()


def test_another_chunking_is_refused_by_the_folder_and_the_cache_keys_it_apart(tmp_path, embedder):
    _cached(embedder, tmp_path / "idx")
    small = IndexSettings(ChunkingSettings(max_words=30))
    with pytest.raises(QAError, match="max_words"):
        FaissStore.open(tmp_path / "idx", store_info(embedder, small))
    assert json.loads((tmp_path / "idx" / MANIFEST).read_text())["info"]["chunking"]["max_words"] == 80
