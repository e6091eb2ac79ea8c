"""Retrieval: dense (FAISS) and lexical (BM25) rankings fused by reciprocal rank fusion."""

from __future__ import annotations

from dataclasses import dataclass

from index.chunking import Chunk
from index.embedder import Embedder
from index.lexical import LexicalIndex
from index.store import ChunkStore
from index.errors import QAError


@dataclass(frozen=True)
class Retrieved:
    """A retrieved chunk with its fused score and its ranks (None where a ranking missed it)."""

    chunk: Chunk
    score: float
    dense_rank: int | None
    lexical_rank: int | None


class Retriever:
    """`mode` is "fused" (dense + BM25, the default) or "dense"."""

    def __init__(
        self, store: ChunkStore, embedder: Embedder, mode: str = "fused", candidates: int = 20, rrf_k: int = 60
    ) -> None:
        if mode not in ("fused", "dense"):
            raise QAError(f"unknown retrieval mode {mode!r}: use 'fused' or 'dense'")
        self.store = store
        self.embedder = embedder
        self.mode = mode
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.lexical = LexicalIndex([c.text for c in store.chunks]) if mode == "fused" else None

    def retrieve(self, queries: list[str], top_k: int) -> list[list[Retrieved]]:
        """The top_k chunks for each query, best first."""
        dense = self.store.search(self.embedder.embed(queries), self.candidates)
        lexical = self.lexical.search(queries, self.candidates) if self.lexical else [[] for _ in queries]
        return [self._fuse(d, l, top_k) for d, l in zip(dense, lexical)]

    def _fuse(self, dense: list[tuple[int, float]], lexical: list[tuple[int, float]], top_k: int) -> list[Retrieved]:
        dense_rank = {i: r for r, (i, _) in enumerate(dense)}
        lexical_rank = {i: r for r, (i, _) in enumerate(lexical)}
        scores: dict[int, float] = {}
        for ranks in (dense_rank, lexical_rank):
            for i, r in ranks.items():
                scores[i] = scores.get(i, 0.0) + 1.0 / (self.rrf_k + r + 1)
        best = sorted(scores, key=lambda i: -scores[i])[:top_k]
        return [Retrieved(self.store.chunks[i], scores[i], dense_rank.get(i), lexical_rank.get(i)) for i in best]
