"""What every store holds and does: chunks with their vectors, the documents they came from, hybrid search.

A store is the index of a corpus. It keeps, per document, the digest of the version it holds,
so an indexing run can skip what has not changed; it answers a search by vector and text with
dense and BM25 rankings fused by reciprocal rank; and it makes a batch of changes visible in one
step (`commit`), so a killed run never leaves it answering from half a document.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Protocol

import numpy as np

from qa_index.chunking import Chunk, ChunkingSettings
from qa_index.errors import QAError

RRF_K = 60  # reciprocal rank fusion's constant, as in the original paper and Milvus's RRFRanker default
MODES = ("fused", "dense")


@dataclass(frozen=True)
class IndexSettings:
    """How an index is built. `kind`: "flat" (exact inner product) or "hnsw" (approximate, for large corpora)."""

    chunking: ChunkingSettings = field(default_factory=ChunkingSettings)
    kind: str = "flat"

    def __post_init__(self) -> None:
        if self.kind not in ("flat", "hnsw"):
            raise QAError(f"unknown index kind {self.kind!r}: use 'flat' or 'hnsw'")


@dataclass(frozen=True)
class StoreInfo:
    """What a store's vectors mean: the embedder that made them, their dimension, and how text was cut."""

    embedder: str
    dimension: int
    settings: IndexSettings = field(default_factory=IndexSettings)

    def as_dict(self) -> dict:
        return {"embedder": self.embedder, "dimension": self.dimension, "chunking": asdict(self.settings.chunking),
                "kind": self.settings.kind}

    @classmethod
    def from_dict(cls, data: dict) -> "StoreInfo":
        try:
            settings = IndexSettings(ChunkingSettings(**data["chunking"]), data["kind"])
            return cls(str(data["embedder"]), int(data["dimension"]), settings)
        except (KeyError, TypeError, ValueError) as exc:
            raise QAError(f"the store's description is unreadable ({exc!r})") from exc

    def check(self, wanted: "StoreInfo", where: str) -> None:
        """Refuse to use a store built another way: its vectors would not match the queries."""
        mine, theirs = self.as_dict(), wanted.as_dict()
        differ = [f"{k} {mine[k]!r} (asked for {theirs[k]!r})" for k in mine if mine[k] != theirs[k]]
        if differ:
            raise QAError(f"{where} was built with {', '.join(differ)}: open it with its own settings, or index anew")


@dataclass(frozen=True)
class Retrieved:
    """A retrieved chunk with its fused score and, where the store reports them, its ranks in the
    dense and BM25 rankings (None where a ranking missed it or the engine fused them itself)."""

    chunk: Chunk
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None


class Store(Protocol):
    """The store interface: FAISS + BM25 in a folder (`FaissStore`), or Milvus (`MilvusStore`)."""

    uri: str
    info: StoreInfo

    def documents(self) -> dict[str, str]:
        """The committed documents: id -> digest of the version held."""

    def add(self, document_id: str, digest: str, chunks: list[Chunk], vectors: np.ndarray) -> None:
        """Hold this version of a document (replacing any other) once committed."""

    def delete(self, document_id: str) -> None:
        """Drop a document and its chunks once committed."""

    def commit(self) -> None:
        """Make the changes since the last commit durable and visible, all at once."""

    def search(self, vectors: np.ndarray, texts: list[str], k: int, mode: str = "fused") -> list[list[Retrieved]]:
        """For each query (its vector and its text), up to k chunks, best first."""

    def count(self) -> int:
        """How many chunks the committed documents have."""

    def close(self) -> None:
        """Let go of the engine's connection or files; uncommitted changes are dropped."""


def check_mode(mode: str) -> None:
    if mode not in MODES:
        raise QAError(f"unknown retrieval mode {mode!r}: use 'fused' or 'dense'")


def fuse(rankings: list[list[int]], k: int, rrf_k: int = RRF_K) -> list[tuple[int, float, list[int | None]]]:
    """Reciprocal rank fusion of rankings of ids, best first: (id, fused score, its rank in each ranking)."""
    ranks = [{item: r for r, item in enumerate(ranking)} for ranking in rankings]
    scores: dict[int, float] = {}
    for ranking in ranks:
        for item, r in ranking.items():
            scores[item] = scores.get(item, 0.0) + 1.0 / (rrf_k + r + 1)
    best = sorted(scores, key=lambda item: -scores[item])[:k]
    return [(item, scores[item], [ranking.get(item) for ranking in ranks]) for item in best]
