import pytest

from qa_index import chunking
from qa_index.chunking import ChunkingSettings, chunk_document, sentences
from qa_index.documents import Document, bundled_article
from qa_index.errors import QAError


def test_chunks_keep_exact_offsets_and_document_id():
    doc = bundled_article()
    chunks = chunk_document(doc, ChunkingSettings())
    assert len(chunks) > 3
    for chunk in chunks:
        assert doc.text[chunk.start : chunk.end] == chunk.text
        assert chunk.document == doc.id


def test_chunks_are_whole_sentences_and_overlap_by_one():
    doc = bundled_article()
    starts = {s.start for s in sentences(doc.text)}
    ends = {s.end for s in sentences(doc.text)}
    chunks = chunk_document(doc, ChunkingSettings(max_words=100, overlap=1))  # the article's sentences run to 57 words
    for chunk in chunks:
        assert chunk.start in starts and chunk.end in ends
    for before, after in zip(chunks, chunks[1:]):
        assert after.start < before.end, "neighbouring chunks share a sentence"


def test_every_sentence_is_in_some_chunk():
    doc = bundled_article()
    chunks = chunk_document(doc, ChunkingSettings(max_words=40, overlap=0))
    for s in sentences(doc.text):
        assert any(c.start <= s.start and s.end <= c.end for c in chunks)


def test_abbreviations_do_not_end_a_sentence():
    doc = Document("d", "Dr. Smith met Mr. Jones at 3 p.m. in the U.S. embassy. They talked.")
    assert [doc.text[s.start : s.end] for s in sentences(doc.text)] == [
        "Dr. Smith met Mr. Jones at 3 p.m. in the U.S. embassy.",
        "They talked.",
    ]


def _sentence_run(count: int) -> list[str]:
    """`count` sentences of the bundled article, repeated as needed."""
    text = bundled_article().text
    spans = sentences(text)
    return [text[spans[i % len(spans)].start : spans[i % len(spans)].end] for i in range(count)]


@pytest.mark.parametrize("joiner", ["\n", " ", ""], ids=["hard-wrapped lines", "one huge line", "no white space"])
def test_a_long_paragraph_reaches_the_sentence_splitter_in_bounded_pieces_with_exact_offsets(joiner, monkeypatch):
    """pysbd's time grows with the square of its input: a long paragraph must reach it in pieces."""
    text = joiner.join(_sentence_run(200))[:20_000] if joiner else "x" * 20_000
    segmenter = chunking._segmenter()
    seen: list[int] = []

    def segment(piece: str):
        seen.append(len(piece))
        return type(segmenter).segment(segmenter, piece)

    monkeypatch.setattr(segmenter, "segment", segment)
    doc = Document("big", text)
    chunks = chunk_document(doc, ChunkingSettings())
    assert seen and max(seen) <= chunking.MAX_PIECE_CHARS
    assert all(doc.text[c.start : c.end] == c.text for c in chunks)
    assert chunks[0].start == 0 and chunks[-1].end == len(text.rstrip())


def test_no_text_is_lost_to_symbols_pysbd_uses_internally():
    text = "x ∯ y. z.\n\nA ∰ sign. Another & one ∯ here."
    found = " ".join(text[s.start : s.end] for s in sentences(text))
    assert found.split() == text.split()
    assert "x ∯" in chunk_document(Document("d", text), ChunkingSettings())[0].text


def test_a_sentence_longer_than_max_words_is_a_chunk_of_its_own():
    text = "Short one. " + " ".join(["word"] * 50) + ". Short two."
    chunks = chunk_document(Document("d", text), ChunkingSettings(max_words=10, overlap=0))
    assert [c.text.split()[0] for c in chunks] == ["Short", "word", "Short"]


def test_each_chunk_knows_the_paragraph_it_starts_in():
    text = "First paragraph here.\n\nSecond one starts. It goes on.\n \nThird, after a line of spaces."
    chunks = chunk_document(Document("d", text), ChunkingSettings(max_words=4, overlap=0))
    assert [(c.text, c.paragraph) for c in chunks] == [
        ("First paragraph here.", 1), ("Second one starts.", 2), ("It goes on.", 2), ("Third, after a line of spaces.", 3)
    ]


@pytest.mark.parametrize("settings", [{"max_words": 0}, {"max_words": -5}, {"overlap": -1}, {"max_words": 2.5}])
def test_chunking_settings_out_of_range_are_refused_with_a_message(settings):
    with pytest.raises(QAError, match="whole number"):
        ChunkingSettings(**settings)
