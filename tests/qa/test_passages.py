"""Retrieved chunks to passages: overlapping chunks of one document are read as one run of text."""

from __future__ import annotations

from qa_index.chunking import Chunk
from qa.passages import passages

TEXT = "One. Two. Three. Four. Five. Six."
OTHER = "Alpha. Beta."


def chunk(start: int, end: int, document: str = "doc", text: str = TEXT) -> Chunk:
    return Chunk(document, start, end, text[start:end])


def test_overlapping_and_touching_chunks_become_one_passage_that_slices_the_document():
    hits = [chunk(10, 22), chunk(5, 16), chunk(22, 33)]  # "Three. Four." / "Two. Three." / " Five. Six."
    (passage,) = passages(hits)
    assert (passage.start, passage.end) == (5, 33)
    assert passage.text == TEXT[5:33]


def test_chunks_apart_or_in_other_documents_stay_apart_in_the_order_they_were_retrieved():
    hits = [chunk(23, 33), chunk(0, 4), chunk(0, 6, "other", OTHER), chunk(0, 9)]
    read = passages(hits)
    assert [(p.document, p.start, p.end) for p in read] == [("doc", 23, 33), ("doc", 0, 9), ("other", 0, 6)]
    assert [p.text for p in read] == [TEXT[23:33], TEXT[0:9], OTHER[0:6]]


def test_a_chunk_inside_another_adds_nothing():
    (passage,) = passages([chunk(0, 16), chunk(5, 9)])
    assert (passage.start, passage.end, passage.text) == (0, 16, TEXT[:16])


def test_no_chunks_no_passages():
    assert passages([]) == []


def test_a_passage_starts_in_the_paragraph_of_its_first_chunk():
    text = "One.\n\nTwo. Three.\n\nFour."
    first, second = Chunk("doc", 6, 17, text[6:17], paragraph=2), Chunk("doc", 12, 25, text[12:25], paragraph=2)
    (passage,) = passages([second, first])
    assert passage.text == text[6:25] and passage.paragraph == 2
