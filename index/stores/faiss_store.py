"""The embedded store: FAISS for vectors, BM25 (bm25s) for words, all in memory, saved to one folder.

Files: `vectors.faiss` (FAISS's own format), `chunks.json`, `manifest.json`. The manifest
records what the vectors mean (`StoreInfo`), the digest of each document held, and a SHA-256
of each file, so a damaged folder is refused rather than used. A commit writes a fresh folder
beside the old one and swaps it in: a crash never leaves half an index. Writers in several
processes take turns through a file lock beside the folder. No pickle anywhere.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from contextlib import suppress
from dataclasses import asdict
from pathlib import Path

import faiss
import numpy as np
from filelock import FileLock

from qa_index.chunking import Chunk
from qa_index.errors import QAError
from qa_index.folders import file_sha256, staged_folder
from qa_index.lexical import LexicalIndex
from qa_index.stores.base import Retrieved, StoreInfo, check_mode, fuse

FORMAT_VERSION = 2
VECTORS, CHUNKS, MANIFEST = "vectors.faiss", "chunks.json", "manifest.json"
CANDIDATES = 20  # how deep each ranking goes before fusion
HNSW_NEIGHBOURS, HNSW_EF_SEARCH = 32, 64
log = logging.getLogger(__name__)


def _empty_index(info: StoreInfo) -> faiss.Index:
    if info.settings.kind == "hnsw":
        index = faiss.IndexHNSWFlat(info.dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = HNSW_EF_SEARCH
        return index
    return faiss.IndexFlatIP(info.dimension)


def folder_lock(directory: Path) -> FileLock:
    """The lock writers of `directory` take, in any process: a file beside the folder, never inside it."""
    directory = Path(directory).resolve()
    directory.parent.mkdir(parents=True, exist_ok=True)
    # one lock object per path in this process: re-entrant in a thread, exclusive between threads and processes
    return FileLock(str(directory.parent / f".{directory.name}.lock"), is_singleton=True)


class FaissStore:
    """Chunks and their vectors, searched by inner product (cosine on normalised vectors) and BM25.

    `directory` None: in memory only (commit does nothing). Changes are held in memory and written
    by `commit`; `writing()` holds the folder's lock across a whole indexing run.
    """

    def __init__(self, info: StoreInfo, directory: Path | None = None) -> None:
        self.info = info
        self.directory = Path(directory) if directory is not None else None
        self.uri = str(self.directory) if self.directory is not None else ":memory:"
        self.chunks: list[Chunk] = []
        self.index = _empty_index(info)
        self._documents: dict[str, str] = {}
        self._lexical: LexicalIndex | None = None

    # -- opening and saving

    @classmethod
    def open(cls, directory: Path, info: StoreInfo | None = None) -> "FaissStore":
        """The store saved in `directory`, or a new empty one there when none is (then `info` is needed).

        Raises QAError when the folder is damaged, of another format, or built with other settings than `info`."""
        directory = Path(directory)
        if (directory / MANIFEST).exists():
            store = cls._read(directory)
            if info is not None:
                store.info.check(info, f"the index {directory}")
            return store
        if directory.exists() and not directory.is_dir():
            raise QAError(f"{directory} is a file, not an index folder")
        if info is None:
            raise QAError(f"no index at {directory}: build one with `qa index PATH --store {directory}`")
        return cls(info, directory)

    @classmethod
    def _read(cls, directory: Path) -> "FaissStore":
        try:
            manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
            if manifest.get("format_version") != FORMAT_VERSION:
                raise QAError(f"index {directory} has format {manifest.get('format_version')}, not {FORMAT_VERSION}")
            for name in (VECTORS, CHUNKS):
                if file_sha256(directory / name) != manifest["files"][name]:
                    raise QAError(f"index file {directory / name} is damaged (checksum mismatch)")
            store = cls(StoreInfo.from_dict(manifest["info"]), directory)
            store.chunks = [Chunk(**c) for c in json.loads((directory / CHUNKS).read_text(encoding="utf-8"))]
            store.index = faiss.read_index(str(directory / VECTORS))
            store._documents = dict(manifest["documents"])
        except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
            raise QAError(f"index {directory} is unreadable: {exc}") from exc
        if store.index.ntotal != len(store.chunks) or store.index.d != store.info.dimension:
            raise QAError(f"index {directory} is inconsistent: {store.index.ntotal} vectors for {len(store.chunks)} chunks")
        return store

    def commit(self) -> None:
        """Write into a fresh folder beside the store's, then swap it in. A store that cannot be saved
        (read-only or full disk) raises OSError and stays usable in memory."""
        if self.directory is None:
            return
        with folder_lock(self.directory), staged_folder(self.directory, markers=(MANIFEST, VECTORS, CHUNKS)) as folder:
            faiss.write_index(self.index, str(folder / VECTORS))
            (folder / CHUNKS).write_text(json.dumps([asdict(c) for c in self.chunks]), encoding="utf-8")
            files = {name: file_sha256(folder / name) for name in (VECTORS, CHUNKS)}
            manifest = {
                "format_version": FORMAT_VERSION,
                "info": self.info.as_dict(),
                "count": len(self.chunks),
                "documents": self._documents,
                "files": files,
            }
            # the manifest last, holding the others' checksums
            (folder / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")

    def touch(self) -> None:
        """Mark the folder as recently used, for `prune`; a read-only cache still opens."""
        if self.directory is not None:
            with suppress(OSError):
                os.utime(self.directory)

    def close(self) -> None:
        """Nothing to let go of: the store is in memory, and its folder is only open while committing."""

    # -- the store interface

    def documents(self) -> dict[str, str]:
        return dict(self._documents)

    def count(self) -> int:
        return len(self.chunks)

    def add(self, document_id: str, digest: str, chunks: list[Chunk], vectors: np.ndarray) -> None:
        if len(chunks) != len(vectors):
            raise QAError(f"{len(vectors)} vectors for {len(chunks)} chunks of {document_id}")
        if document_id in self._documents:
            self.delete(document_id)
        self.index.add(np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(chunks), self.info.dimension))
        self.chunks.extend(chunks)
        self._documents[document_id] = digest
        self._lexical = None

    def delete(self, document_id: str) -> None:
        if self._documents.pop(document_id, None) is None:
            return
        keep = np.array([c.document != document_id for c in self.chunks], dtype=bool)
        vectors = self.index.reconstruct_n(0, self.index.ntotal)[keep] if len(self.chunks) else None
        self.chunks = [c for c, kept in zip(self.chunks, keep) if kept]
        self.index = _empty_index(self.info)
        if vectors is not None and len(vectors):
            self.index.add(vectors)
        self._lexical = None

    def search(self, vectors: np.ndarray, texts: list[str], k: int, mode: str = "fused") -> list[list[Retrieved]]:
        check_mode(mode)
        if not self.chunks:
            return [[] for _ in texts]
        depth = min(max(k, CANDIDATES), len(self.chunks))
        _, ids = self.index.search(np.ascontiguousarray(vectors, dtype=np.float32), depth)
        dense = [[int(i) for i in row if i >= 0] for row in ids]
        rankings = [dense]
        if mode == "fused":
            if self._lexical is None:
                self._lexical = LexicalIndex([c.text for c in self.chunks])
            rankings.append([[i for i, _ in row] for row in self._lexical.search(texts, depth)])
        return [
            [Retrieved(self.chunks[i], score, *ranks) for i, score, ranks in fuse(list(query), k)]
            for query in zip(*rankings)
        ]


def prune_cache(parent: Path, keep: int, stale_after_s: float = 86_400) -> None:
    """Keep the `keep` most recently used index folders under `parent` and remove the others, so
    a cache that gets an index per uploaded corpus does not grow without end; also remove
    temporary folders that crashed saves left behind more than `stale_after_s` ago."""
    if not parent.is_dir():
        return
    used = {f: t for f in parent.iterdir() if (t := _last_used(f)) is not None}
    indexes = sorted((f for f in used if not f.name.startswith(".")), key=lambda f: -used[f])
    stale = [f for f in used if f.name.startswith(".") and time.time() - used[f] > stale_after_s]
    for folder in indexes[keep:] + stale:
        with folder_lock(folder):
            shutil.rmtree(folder, ignore_errors=True)


def _last_used(folder: Path) -> float | None:
    """A folder's modification time; None when it is not a folder or has just gone (a save swapping it)."""
    try:
        return folder.stat().st_mtime if folder.is_dir() else None
    except OSError:
        return None
