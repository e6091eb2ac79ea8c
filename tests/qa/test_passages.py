"""Joining retrieved chunks into passages: overlaps read once, within one window, best-ranked first."""

from __future__ import annotations

from index.chunking import Chunk
from qa.passages import join_overlapping

TEXT = "One two. Three four. Five six. Seven eight. Nine ten."
OTHER = "Alpha beta. Gamma delta."


def chunk(chunk_id: int, first: str, last: str, document: str = "doc") -> Chunk:
    text = TEXT if document == "doc" else OTHER
    start, end = text.index(first), text.index(last) + len(last)
    return Chunk(chunk_id, document, start, end, text[start:end])


TEXTS = {"doc": TEXT, "other": OTHER}
A = chunk(0, "One", "four.")
B = chunk(1, "Three", "six.")  # shares "Three four." with A
C = chunk(2, "Seven", "ten.")  # touches neither A nor B
D = chunk(0, "Alpha", "delta.", document="other")


def test_overlapping_neighbours_become_one_passage_with_exact_offsets():
    passages = join_overlapping([B, A], TEXTS, fits=lambda text: True)
    assert [(p.start, p.end) for p in passages] == [(A.start, B.end)]
    assert passages[0].text == TEXT[A.start : B.end] == "One two. Three four. Five six."


def test_separate_chunks_and_other_documents_stay_apart_in_rank_order():
    passages = join_overlapping([C, D, B, A], TEXTS, fits=lambda text: True)
    assert [p.text for p in passages] == [C.text, D.text, "One two. Three four. Five six."]


def test_no_join_beyond_one_window():
    passages = join_overlapping([A, B], TEXTS, fits=lambda text: len(text) <= 20)
    assert passages == [A, B]


def test_reader_window_check(reader):
    assert reader.fits_one_window("Who?", "word " * 10)
    assert not reader.fits_one_window("Who?", "word " * (reader.max_length + 1))
