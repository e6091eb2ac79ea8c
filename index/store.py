"""The FAISS store: vectors, chunks and a manifest in one directory, written atomically, checked on load.

Files: `vectors.faiss` (FAISS's own format), `chunks.json`, `manifest.json`. The
manifest records what the index was built from and with (embedder, dimension,
chunking, index kind, a hash of the documents, a format version) and a SHA-256 of
each file, so a stale or damaged index is detected and rebuilt instead of used.
Threads of one process take turns writing a folder; an index that cannot be saved
(read-only or full disk) is still used from memory. No pickle anywhere.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import threading
import time
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path

import faiss
import numpy as np

from index.chunking import Chunk, ChunkingSettings, chunk_documents
from index.documents import Document
from index.embedder import Embedder
from index.errors import QAError
from index.folders import staged_folder

FORMAT_VERSION = 1
VECTORS, CHUNKS, MANIFEST = "vectors.faiss", "chunks.json", "manifest.json"
log = logging.getLogger(__name__)
_folder_locks: dict[Path, threading.RLock] = {}
_folder_locks_guard = threading.Lock()


@dataclass(frozen=True)
class IndexSettings:
    """How an index is built. `kind`: "flat" (exact inner product) or "hnsw" (approximate, for large corpora)."""

    chunking: ChunkingSettings = field(default_factory=ChunkingSettings)
    kind: str = "flat"

    def __post_init__(self) -> None:
        if self.kind not in ("flat", "hnsw"):
            raise QAError(f"unknown index kind {self.kind!r}: use 'flat' or 'hnsw'")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _folder_lock(directory: Path) -> threading.RLock:
    """One lock per index folder, so threads of this process (the web app's sessions) take turns writing it."""
    with _folder_locks_guard:
        return _folder_locks.setdefault(directory.resolve(), threading.RLock())


def _expected_manifest(documents: list[Document], embedder: Embedder, settings: IndexSettings) -> dict:
    content = hashlib.sha256("".join(d.digest for d in documents).encode()).hexdigest()
    return {
        "format_version": FORMAT_VERSION,
        "embedder": embedder.name,
        "chunking": asdict(settings.chunking),
        "kind": settings.kind,
        "content_hash": content,
        "documents": [d.id for d in documents],
    }


class ChunkStore:
    """Chunks and their vectors, searchable by inner product (cosine on normalised vectors)."""

    def __init__(self, chunks: list[Chunk], index: faiss.Index, manifest: dict) -> None:
        self.chunks = chunks
        self.index = index
        self.manifest = manifest

    @classmethod
    def build(
        cls, documents: list[Document], embedder: Embedder, settings: IndexSettings, progress: bool = False
    ) -> "ChunkStore":
        chunks = chunk_documents(documents, settings.chunking)
        if not chunks:
            raise QAError("nothing to index: the documents hold no text")
        vectors = embedder.embed([c.text for c in chunks], progress=progress)
        dim = vectors.shape[1]
        if settings.kind == "hnsw":
            index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        else:
            index = faiss.IndexFlatIP(dim)
        index.add(vectors)
        manifest = _expected_manifest(documents, embedder, settings) | {"dimension": dim, "count": len(chunks)}
        return cls(chunks, index, manifest)

    def search(self, vectors: np.ndarray, k: int) -> list[list[tuple[int, float]]]:
        """For each query vector, up to k (chunk position, similarity) pairs, best first."""
        scores, ids = self.index.search(np.ascontiguousarray(vectors, dtype=np.float32), min(k, len(self.chunks)))
        return [[(int(i), float(s)) for i, s in zip(row_ids, row_scores) if i >= 0] for row_ids, row_scores in zip(ids, scores)]

    def save(self, directory: Path) -> None:
        """Write into a fresh temporary folder beside `directory`, then swap it in: a crash never leaves half an index."""
        directory = Path(directory)
        with _folder_lock(directory), staged_folder(directory, markers=(MANIFEST, VECTORS, CHUNKS)) as folder:
            faiss.write_index(self.index, str(folder / VECTORS))
            (folder / CHUNKS).write_text(json.dumps([asdict(c) for c in self.chunks]), encoding="utf-8")
            files = {name: _sha256(folder / name) for name in (VECTORS, CHUNKS)}
            # the manifest last, holding the others' checksums
            (folder / MANIFEST).write_text(json.dumps(self.manifest | {"files": files}, indent=2), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> "ChunkStore":
        """Open a saved index; raises QAError when a file is missing, damaged or of another format."""
        directory = Path(directory)
        with _folder_lock(directory):
            return cls._read(directory)

    @classmethod
    def _read(cls, directory: Path) -> "ChunkStore":
        try:
            manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
            files = manifest["files"]
            if manifest.get("format_version") != FORMAT_VERSION:
                raise QAError(f"index {directory} has format {manifest.get('format_version')}, not {FORMAT_VERSION}")
            for name in (VECTORS, CHUNKS):
                if _sha256(directory / name) != files[name]:
                    raise QAError(f"index file {directory / name} is damaged (checksum mismatch)")
            chunks = [Chunk(**c) for c in json.loads((directory / CHUNKS).read_text(encoding="utf-8"))]
            index = faiss.read_index(str(directory / VECTORS))
        except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
            raise QAError(f"index {directory} is unreadable: {exc}") from exc
        if index.ntotal != len(chunks) or manifest.get("count") != len(chunks):
            raise QAError(f"index {directory} is inconsistent: {index.ntotal} vectors for {len(chunks)} chunks")
        return cls(chunks, index, manifest)

    @classmethod
    def open_or_build(
        cls,
        documents: list[Document],
        embedder: Embedder,
        settings: IndexSettings,
        directory: Path | None,
        progress: bool = False,
    ) -> "ChunkStore":
        """Reopen the saved index when its manifest matches these documents and settings; else rebuild and save.

        A build of one folder waits for another under way in this process. When the index cannot be
        saved (read-only or full disk) the warning is logged and the index is used from memory.
        """
        if directory is None:
            return cls.build(documents, embedder, settings, progress=progress)
        directory = Path(directory)
        with _folder_lock(directory):
            store = cls._reopen(directory, _expected_manifest(documents, embedder, settings))
            if store is None:
                store = cls.build(documents, embedder, settings, progress=progress)
                try:
                    store.save(directory)
                except OSError as exc:
                    log.warning("could not save the index to %s (%s); using it from memory", directory, exc)
            return store

    @classmethod
    def _reopen(cls, directory: Path, expected: dict) -> "ChunkStore | None":
        """The saved index when it matches `expected`; None when it is missing, out of date or damaged."""
        if not (directory / MANIFEST).exists():
            return None
        try:
            store = cls.load(directory)
        except QAError as exc:
            log.warning("%s; rebuilding", exc)
            return None
        if all(store.manifest.get(k) == v for k, v in expected.items()):
            with suppress(OSError):  # a read-only cache still opens
                os.utime(directory)  # marks it as recently used, for `prune`
            return store
        log.info("index %s is out of date; rebuilding", directory)
        return None


def prune(parent: Path, keep: int, stale_after_s: float = 86_400) -> None:
    """Keep the `keep` most recently used index folders under `parent` and remove the others, so
    a cache that gets an index per uploaded corpus does not grow without end; also remove
    temporary folders that crashed saves left behind more than `stale_after_s` ago."""
    if not parent.is_dir():
        return
    used = {f: t for f in parent.iterdir() if (t := _last_used(f)) is not None}
    indexes = sorted((f for f in used if not f.name.startswith(".")), key=lambda f: -used[f])
    stale = [f for f in used if f.name.startswith(".") and time.time() - used[f] > stale_after_s]
    for folder in indexes[keep:] + stale:
        with _folder_lock(folder):
            shutil.rmtree(folder, ignore_errors=True)
        with _folder_locks_guard:
            _folder_locks.pop(folder.resolve(), None)


def _last_used(folder: Path) -> float | None:
    """A folder's modification time; None when it is not a folder or has just gone (a save swapping it)."""
    try:
        return folder.stat().st_mtime if folder.is_dir() else None
    except OSError:
        return None
