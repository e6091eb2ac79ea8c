"""Answers: the spans read in all passages ranked into one grounded answer with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from index.chunking import Chunk, Sentence
from qa.passages import Passage
from qa.reader import Reading


@dataclass(frozen=True)
class Candidate:
    """A span in a document: `document_text[start:end] == text`."""

    text: str
    score: float
    document: str
    start: int
    end: int


@dataclass(frozen=True)
class Answer:
    """The bot's answer, with offsets into its document.

    `text` is None when the documents do not say; `score` is then how sure the bot is
    of that. `chunks` are the retrieved chunks, best first; the reader read them with
    the chunks that overlap them in their document (see qa.passages).
    """

    question: str
    text: str | None
    score: float
    document: str | None = None
    start: int | None = None
    end: int | None = None
    evidence: str | None = None
    evidence_start: int | None = None
    chunks: tuple[Chunk, ...] = field(default=())
    alternatives: tuple[Candidate, ...] = field(default=())

    @property
    def abstained(self) -> bool:
        return self.text is None

    @property
    def best_guess(self) -> str:
        """The answer, or when it abstains the span it would have given ("" if none): for v1.1-style scoring."""
        if self.text is not None:
            return self.text
        return self.alternatives[0].text if self.alternatives else ""

    @property
    def passage(self) -> Chunk | None:
        """The closest passage: the best retrieved chunk."""
        return self.chunks[0] if self.chunks else None

    def as_dict(self) -> dict:
        """The CLI's JSON shape."""
        return {
            "question": self.question,
            "answer": self.text,
            "score": round(self.score, 4),
            "document": self.document,
            "start": self.start,
            "end": self.end,
            "evidence": self.evidence,
            "alternatives": [{"answer": c.text, "score": round(c.score, 4)} for c in self.alternatives],
        }


def merge_candidates(read: Sequence[Passage], readings: Sequence[Reading]) -> list[Candidate]:
    """Every span mapped to document offsets, best first.

    No two overlap: passages never overlap or touch (qa.passages) and a reading's spans never overlap."""
    return sorted(
        (
            Candidate(span.text, span.score, passage.document, passage.start + span.start, passage.start + span.end)
            for passage, reading in zip(read, readings)
            for span in reading.spans
        ),
        key=lambda c: -c.score,
    )


def evidence_sentence(sentences: Sequence[Sentence], text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence(s) holding [start, end) and where they begin in the document."""
    covering = [s for s in sentences if s.start < end and start < s.end] or [Sentence(start, end)]
    first, last = covering[0].start, covering[-1].end
    return text[first:last], first
