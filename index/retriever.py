"""Retrieval: a question's vector and words to the store's best chunks (dense and BM25, fused by rank)."""

from __future__ import annotations

from qa_index.embedder import Embedder
from qa_index.stores import Retrieved, Store
from qa_index.stores.base import check_mode

__all__ = ["Retrieved", "Retriever"]


class Retriever:
    """`mode` is "fused" (dense + BM25 by reciprocal rank, the default) or "dense". The store does the search:
    in memory for FAISS, in the engine for Milvus."""

    def __init__(self, store: Store, embedder: Embedder, mode: str = "fused") -> None:
        check_mode(mode)
        self.store = store
        self.embedder = embedder
        self.mode = mode

    def retrieve(self, queries: list[str], top_k: int) -> list[list[Retrieved]]:
        """The top_k chunks for each query, best first."""
        return self.store.search(self.embedder.embed(queries), list(queries), top_k, self.mode)
