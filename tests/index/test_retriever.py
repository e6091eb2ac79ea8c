from qa_index.documents import bundled_article, from_text
from qa_index.indexing import cached_store, store_info
from qa_index.retriever import Retriever
from qa_index.stores import IndexSettings


def _store(embedder, documents=None):
    return cached_store(documents or [bundled_article()], embedder, store_info(embedder, IndexSettings()), None)


def test_fused_retrieval_finds_the_chunk_with_the_answer(embedder):
    retriever = Retriever(_store(embedder), embedder, mode="fused")
    hits = retriever.retrieve(["How many Eurofighter jets were sent?"], top_k=2)[0]
    assert "Eurofighter" in hits[0].chunk.text
    assert hits[0].lexical_rank == 0
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_dense_mode_uses_no_lexical_ranking(embedder):
    retriever = Retriever(_store(embedder), embedder, mode="dense")
    hits = retriever.retrieve(["Who joined online?"], top_k=3)[0]
    assert len(hits) == 3 and all(h.lexical_rank is None for h in hits)


def test_a_corpus_of_stop_words_only_is_still_retrieved_densely(embedder):
    store = _store(embedder, [from_text("a", "It is."), from_text("b", "To be or not to be.")])
    hits = Retriever(store, embedder, mode="fused").retrieve(["Is it to be?", "what"], top_k=2)
    assert [len(h) for h in hits] == [2, 2]
    assert all(h.lexical_rank is None and h.dense_rank is not None for row in hits for h in row)
