from index.chunking import ChunkingSettings, chunk_document, sentences
from index.documents import Document, bundled_article


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
    chunks = chunk_document(doc, ChunkingSettings(max_words=60, overlap=1))
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
