"""Retrieved chunks to the passages the reader reads: chunks that overlap in a document are read as one.

The reader scores a span against what its window shows. A span read in a chunk that cuts off
its rival (the place named a sentence earlier, say) scores higher than it should, and the same
span read with and without its rival gives two different scores. Reading the union of
overlapping chunks gives the reader a run of text, as in training (whole SQuAD paragraphs),
and reads the sentences neighbours share once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from qa_index.chunking import Chunk


@dataclass(frozen=True)
class Passage:
    """A run of one document's text: `document_text[start:end] == text`, starting in paragraph `paragraph`."""

    document: str
    start: int
    end: int
    text: str
    paragraph: int = 1


def passages(chunks: Sequence[Chunk]) -> list[Passage]:
    """Chunks merged where they overlap or touch in one document, ordered by their best-retrieved chunk."""
    merged: list[tuple[Passage, int]] = []  # (passage, rank of its best-retrieved chunk)
    for rank, chunk in sorted(enumerate(chunks), key=lambda pair: (pair[1].document, pair[1].start, pair[1].end)):
        if merged and merged[-1][0].document == chunk.document and chunk.start <= merged[-1][0].end:
            last, best = merged[-1]
            tail = chunk.text[last.end - chunk.start :] if chunk.end > last.end else ""
            merged[-1] = (
                Passage(last.document, last.start, last.end + len(tail), last.text + tail, last.paragraph), min(best, rank)
            )
        else:
            merged.append((Passage(chunk.document, chunk.start, chunk.end, chunk.text, chunk.paragraph), rank))
    return [passage for passage, _ in sorted(merged, key=lambda pair: pair[1])]
