"""BM25 over chunk texts (bm25s, with English stop words and Snowball stemming)."""

from __future__ import annotations

from functools import lru_cache

import bm25s
import numpy as np
import Stemmer


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def _tokens(texts: list[str]) -> list[list[str]]:
    return bm25s.tokenize(texts, stopwords="en", stemmer=_stemmer(), return_ids=False, show_progress=False)


class LexicalIndex:
    """Scores every chunk for a query; cheap to build, so it is rebuilt from the chunks, never stored.

    Chunks of stop words only give BM25 no vocabulary (bm25s refuses to index that); such
    a corpus has no lexical matches, and retrieval rests on the dense ranking.
    """

    def __init__(self, texts: list[str]) -> None:
        corpus = _tokens(texts)
        self._bm25 = bm25s.BM25() if any(corpus) else None
        if self._bm25 is not None:
            self._bm25.index(corpus, show_progress=False)
        self._size = len(texts)

    def search(self, queries: list[str], k: int) -> list[list[tuple[int, float]]]:
        """For each query, up to k (chunk position, BM25 score) pairs with a positive score, best first."""
        if self._bm25 is None:
            return [[] for _ in queries]
        results = []
        for tokens in _tokens(queries):
            scores = self._bm25.get_scores(tokens) if tokens else np.zeros(self._size)
            top = np.argsort(-scores, kind="stable")[:k]
            results.append([(int(i), float(scores[i])) for i in top if scores[i] > 0])
        return results
