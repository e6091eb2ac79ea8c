"""Documents to a searchable index: loading, chunking, embedding, FAISS + BM25 retrieval."""
