"""Incremental indexing: documents -> chunks -> vectors -> a store, a batch at a time.

A document is known by its id (a file's path) and its digest. A run skips documents the store
already holds in the same version, replaces changed ones and, with `prune`, drops the ones it
did not see. It commits after a batch once `commit_every_s` has passed since the last commit (and
at the end), so a stopped run keeps what it committed and the next run resumes there; a document
is added whole within one batch, so no store ever answers from half of one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from tqdm import tqdm

from qa_index.chunking import chunk_document
from qa_index.documents import SUFFIXES, Document, from_path
from qa_index.embedder import Embedder
from qa_index.errors import QAError
from qa_index.stores import FaissStore, Store, StoreInfo, is_milvus_uri, open_store
from qa_index.stores.base import IndexSettings
from qa_index.stores.faiss_store import folder_lock

log = logging.getLogger(__name__)
BATCH_DOCUMENTS = 64  # documents embedded together
COMMIT_EVERY_S = 30.0  # a FAISS commit rewrites its folder: at most this often (a stop loses less than this)


@dataclass
class IndexReport:
    """What a run did, by document id; `chunks` counts the chunks it embedded."""

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one message per file that could not be read
    chunks: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        rate = f", {self.chunks / self.seconds:.0f} chunks/s" if self.chunks and self.seconds else ""
        return (
            f"{len(self.added)} added, {len(self.replaced)} replaced, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed, {len(self.failed)} failed; {self.chunks} chunks embedded "
            f"in {self.seconds:.1f}s{rate}"
        )


def store_info(embedder: Embedder, settings: IndexSettings) -> StoreInfo:
    """What a store built by this embedder with these settings records (loads the embedder for its dimension)."""
    return StoreInfo(embedder.name, embedder.dimension, settings)


def walk(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """The files to index under `paths` (folders walked in name order, hidden entries skipped), and one
    message per path that is missing or of a type that cannot be read."""
    files, errors = [], []
    for path in map(Path, paths):
        if path.is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                files.extend(Path(root) / n for n in sorted(names) if not n.startswith(".") and Path(n).suffix.lower() in SUFFIXES)
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                files.append(path)
            else:
                errors.append(f"{path}: unsupported file type {path.suffix or '(none)'}; use {', '.join(SUFFIXES)}")
        else:
            errors.append(f"{path}: no such file or folder")
    return list(dict.fromkeys(files)), errors


def document_id(path: Path) -> str:
    """Documents from files are keyed by path (two `notes.txt` in two folders are two documents)."""
    return os.path.normpath(path).replace(os.sep, "/")


class Indexer:
    """Puts documents into a store; see the module's docstring."""

    def __init__(
        self, store: Store, embedder: Embedder, batch_documents: int = BATCH_DOCUMENTS, commit_every_s: float = COMMIT_EVERY_S
    ) -> None:
        if store.info.embedder != embedder.name:
            raise QAError(f"the store {store.uri} holds vectors of {store.info.embedder}, not of {embedder.name}")
        self.store = store
        self.embedder = embedder
        self.batch_documents = batch_documents
        self.commit_every_s = commit_every_s
        self._committed_at = 0.0

    def index_paths(self, paths: Iterable[str | Path], prune: bool = False, progress: bool = False) -> IndexReport:
        """Index the files under `paths`; unreadable ones are reported in `failed` and left as they were."""
        files, errors = walk(paths)
        report = IndexReport(failed=errors)

        def documents() -> Iterator[Document]:
            for path in files:
                try:
                    yield from_path(path, document_id(path))
                except QAError as exc:
                    report.failed.append(str(exc))

        keep = {document_id(p) for p in files}  # a file that failed to read keeps its old version
        return self.index(documents(), prune=prune, progress=progress, total=len(files), report=report, keep=keep)

    def index(
        self,
        documents: Iterable[Document],
        prune: bool = False,
        progress: bool = False,
        total: int | None = None,
        report: IndexReport | None = None,
        keep: set[str] | None = None,
    ) -> IndexReport:
        """Index `documents` (read lazily, a batch at a time); with `prune`, drop stored documents not among
        them (nor in `keep`)."""
        report = report or IndexReport()
        started = self._committed_at = time.perf_counter()
        held = self.store.documents()
        seen: set[str] = set(keep or ())
        batch: list[Document] = []
        bar = tqdm(documents, total=total, desc="indexing", unit="doc", disable=not progress)
        for document in bar:
            seen.add(document.id)
            if held.get(document.id) == document.digest:
                report.unchanged.append(document.id)
                continue
            (report.replaced if document.id in held else report.added).append(document.id)
            batch.append(document)
            if len(batch) >= self.batch_documents:
                report.chunks += self._write(batch, progress, report)
                bar.set_postfix(chunks=report.chunks)
                batch = []
                if time.perf_counter() - self._committed_at >= self.commit_every_s:
                    self._commit()
        report.chunks += self._write(batch, progress, report)
        if prune:
            report.removed = sorted(set(held) - seen)
            for gone in report.removed:
                self.store.delete(gone)
        if report.added or report.replaced or report.removed:
            self._commit()
        report.seconds = time.perf_counter() - started
        return report

    def _commit(self) -> None:
        self.store.commit()
        self._committed_at = time.perf_counter()

    def _write(self, batch: list[Document], progress: bool, report: IndexReport) -> int:
        """Chunk, embed and add a batch of documents: returns the chunks embedded. A document the store
        refuses (a chunk over Milvus's text limit, say) is reported in `failed` and the rest go on."""
        if not batch:
            return 0
        chunking = self.store.info.settings.chunking
        chunked = [(d, chunk_document(d, chunking)) for d in batch]
        vectors = self.embedder.embed([c.text for _, chunks in chunked for c in chunks], progress=progress)
        at = 0
        for document, chunks in chunked:
            try:
                self.store.add(document.id, document.digest, chunks, vectors[at : at + len(chunks)])
            except QAError as exc:
                report.failed.append(str(exc))
                for done in (report.added, report.replaced):
                    if document.id in done:
                        done.remove(document.id)
            at += len(chunks)
        return at


def index_into(
    uri: str | Path, paths: Iterable[str | Path], embedder: Embedder, settings: IndexSettings,
    prune: bool = False, progress: bool = False,
) -> IndexReport:
    """`qa index`: index the files under `paths` into the store at `uri` (made if missing). Runs into one
    FAISS folder take turns, each reopening it to see the other's work; Milvus takes concurrent writers."""
    lock = nullcontext() if is_milvus_uri(str(uri)) else folder_lock(Path(uri))
    with lock:
        store = open_store(uri, store_info(embedder, settings))
        try:
            return Indexer(store, embedder).index_paths(paths, prune=prune, progress=progress)
        finally:
            store.close()


def cache_key(documents: list[Document], embedder_name: str, settings: IndexSettings) -> str:
    """A folder name for the index of exactly these documents built exactly this way."""
    recipe = json.dumps([[d.digest for d in documents], embedder_name, repr(settings)])
    return hashlib.sha256(recipe.encode()).hexdigest()[:16]


def cached_store(
    documents: list[Document], embedder: Embedder, info: StoreInfo, directory: Path | None, progress: bool = False
) -> FaissStore:
    """A FAISS store of `documents`: reopened from `directory` when it holds them, else built and saved there.

    Processes building one folder take turns (a file lock); the second finds the first's index. A
    damaged folder is rebuilt. When the folder cannot be written the index is used from memory."""
    store = FaissStore(info)
    if directory is not None:
        try:
            with folder_lock(directory):
                return _refresh(directory, documents, embedder, info, progress)
        except OSError as exc:  # the lock itself could not be made: the cache's place is not writable
            log.warning("could not save the index to %s (%s); using it from memory", directory, exc)
    Indexer(store, embedder).index(documents, progress=progress)
    return store


def _refresh(directory: Path, documents: list[Document], embedder: Embedder, info: StoreInfo, progress: bool) -> FaissStore:
    try:
        store = FaissStore.open(directory, info)
    except QAError as exc:
        log.warning("%s; rebuilding", exc)
        store = FaissStore(info, directory)
    try:
        Indexer(store, embedder).index(documents, prune=True, progress=progress)
    except OSError as exc:
        log.warning("could not save the index to %s (%s); using it from memory", directory, exc)
        store.directory = None  # what was added stays; the rest is added in memory
        Indexer(store, embedder).index(documents, prune=True, progress=progress)
    store.touch()
    return store
