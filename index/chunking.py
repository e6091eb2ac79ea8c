"""Sentence-aware chunks with overlap; every chunk keeps its document id and character offsets."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pysbd

from index.documents import Document


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True)
class Chunk:
    """A run of whole sentences: `document_text[start:end] == text`."""

    id: int
    document: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ChunkingSettings:
    """Chunks hold up to `max_words` words of whole sentences; neighbours share `overlap` sentences."""

    max_words: int = 80
    overlap: int = 1


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def sentences(text: str) -> list[Sentence]:
    """Sentence spans of `text`, trimmed of surrounding white space; paragraph breaks always end one."""
    spans = []
    offset = 0
    for block in text.split("\n\n"):
        for seg in _segmenter().segment(block) if block.strip() else []:
            raw = block[seg.start : seg.end]
            start = offset + seg.start + (len(raw) - len(raw.lstrip()))
            end = offset + seg.start + len(raw.rstrip())
            if end > start:
                spans.append(Sentence(start, end))
        offset += len(block) + 2
    return spans


def chunk_document(document: Document, settings: ChunkingSettings, first_id: int = 0) -> list[Chunk]:
    """Split one document into overlapping chunks of whole sentences."""
    sents = sentences(document.text)
    words = [len(document.text[s.start : s.end].split()) for s in sents]
    chunks: list[Chunk] = []
    i = 0
    while i < len(sents):
        j, total = i, 0
        while j < len(sents) and (j == i or total + words[j] <= settings.max_words):
            total += words[j]
            j += 1
        start, end = sents[i].start, sents[j - 1].end
        chunks.append(Chunk(first_id + len(chunks), document.id, start, end, document.text[start:end]))
        if j >= len(sents):
            break
        i = max(i + 1, j - settings.overlap)
    return chunks


def chunk_documents(documents: list[Document], settings: ChunkingSettings) -> list[Chunk]:
    """Chunks of every document, numbered consecutively."""
    chunks: list[Chunk] = []
    for document in documents:
        chunks.extend(chunk_document(document, settings, first_id=len(chunks)))
    return chunks
