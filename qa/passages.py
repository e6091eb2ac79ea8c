"""Retrieved chunks -> the passages the reader reads.

Neighbouring chunks share a sentence, and the retriever often returns neighbours
together. Joining overlapping chunks of one document into one passage reads every
stretch of text once (fewer tokens, so faster) and lets an answer run across the
seam. A join is made only while the passage still fits the reader's window.
"""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

from index.chunking import Chunk


def join_overlapping(chunks: Sequence[Chunk], texts: Mapping[str, str], fits: Callable[[str], bool]) -> list[Chunk]:
    """Passages covering `chunks`, ordered by their best-ranked chunk; `fits(text)`: is it one reader window."""
    rank = {chunk: i for i, chunk in enumerate(chunks)}
    joined: list[tuple[Chunk, int]] = []
    for chunk in sorted(chunks, key=lambda c: (c.document, c.start)):
        if joined:
            last, last_rank = joined[-1]
            if last.document == chunk.document and chunk.start <= last.end:
                end = max(last.end, chunk.end)
                text = texts[chunk.document][last.start : end]
                if fits(text):
                    joined[-1] = (Chunk(last.id, last.document, last.start, end, text), min(last_rank, rank[chunk]))
                    continue
        joined.append((chunk, rank[chunk]))
    return [passage for passage, _ in sorted(joined, key=lambda pair: pair[1])]
