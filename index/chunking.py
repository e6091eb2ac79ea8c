"""Sentence-aware chunks with overlap; every chunk keeps its document id and character offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import pysbd

from qa_index.documents import Document
from qa_index.errors import QAError


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Chunk:
    """A run of whole sentences: `document_text[start:end] == text`; `paragraph` is the number (from 1)
    of the document's paragraph that `start` is in, so a store can name a source without the document."""

    document: str
    start: int
    end: int
    text: str
    paragraph: int = 1


@dataclass(frozen=True)
class ChunkingSettings:
    """Chunks of whole sentences, as many as fit in `max_words` words; neighbours share `overlap` sentences.

    A sentence of more than `max_words` words is a chunk of its own, so a chunk can be larger; no sentence
    is longer than `MAX_PIECE_CHARS` characters, though (longer runs of text are cut).
    """

    max_words: int = 80
    overlap: int = 1

    def __post_init__(self) -> None:
        for name, floor in (("max_words", 1), ("overlap", 0)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < floor:
                raise QAError(f"{name} must be a whole number of at least {floor}, got {value!r}")


# pysbd's time grows with the square of its input, so it only ever reads pieces of at most this many characters
MAX_PIECE_CHARS = 2000
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")
# where a long paragraph may be cut, best first: a line end, a sentence end, any white space
_CUTS = (re.compile(r"\n"), _SENTENCE_END, re.compile(r"\s"))
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def sentences(text: str) -> list[Sentence]:
    """Sentence spans of `text`, trimmed of surrounding white space; paragraph breaks always end one."""
    spans = []
    for start, end in _pieces(text):
        for s, e in _segment(text[start:end]):
            raw = text[start + s : start + e]
            first, last = start + s + len(raw) - len(raw.lstrip()), start + s + len(raw.rstrip())
            if last > first:
                spans.append(Sentence(first, last))
    return spans


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph ("\\n\\n" apart), long ones cut into pieces of at most MAX_PIECE_CHARS."""
    start = 0
    for paragraph in text.split("\n\n"):
        end = start + len(paragraph)
        while end - start > MAX_PIECE_CHARS:
            cut = _cut(text, start, start + MAX_PIECE_CHARS)
            yield start, cut
            start = cut
        yield start, end
        start = end + 2


def _cut(text: str, start: int, limit: int) -> int:
    """Where to end a piece that starts at `start`: after the last, best kind of break before `limit`."""
    for pattern in _CUTS:
        last = None
        for last in pattern.finditer(text, start, limit):
            pass
        if last is not None:
            return last.end()
    return limit


def _segment(piece: str) -> list[tuple[int, int]]:
    """pysbd's sentence spans of `piece`, or a split at sentence ends where pysbd lost text (it drops some symbols)."""
    if not piece.strip():
        return []
    spans = [(s.start, s.end) for s in _segmenter().segment(piece)]
    if _covers(piece, spans):
        return spans
    ends = [m.end() for m in _SENTENCE_END.finditer(piece)]
    return list(zip([0, *ends], [*ends, len(piece)]))


def _covers(piece: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the spans hold every character of `piece` that is not white space."""
    covered = 0
    for start, end in sorted(spans):
        if piece[covered:start].strip():
            return False
        covered = max(covered, end)
    return not piece[covered:].strip()


def paragraph_number(text: str, offset: int) -> int:
    """The number (from 1) of the paragraph, blocks between blank lines, that holds `text[offset]`."""
    return 1 + sum(1 for _ in _BLANK_LINE.finditer(text, 0, offset))


def chunk_document(document: Document, settings: ChunkingSettings) -> list[Chunk]:
    """Split one document into overlapping chunks of whole sentences."""
    sents = sentences(document.text)
    words = [len(document.text[s.start : s.end].split()) for s in sents]
    breaks = [m.end() for m in _BLANK_LINE.finditer(document.text)]
    chunks: list[Chunk] = []
    i = 0
    while i < len(sents):
        j, total = i, 0
        while j < len(sents) and (j == i or total + words[j] <= settings.max_words):
            total += words[j]
            j += 1
        start, end = sents[i].start, sents[j - 1].end
        paragraph = 1 + bisect.bisect_right(breaks, start)
        chunks.append(Chunk(document.id, start, end, document.text[start:end], paragraph))
        if j >= len(sents):
            break
        i = max(i + 1, j - settings.overlap)
    return chunks
