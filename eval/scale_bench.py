"""Search at scale: latency, recall against exact search, memory and build time per store engine.

    python eval/scale_bench.py --sizes 10000 100000 1000000 [--engines flat hnsw milvus] [--json OUT]

Vectors are synthetic (say so wherever the figures go): a million real chunks take hours to embed
on a laptop CPU. They are drawn around real sentence embeddings (the bundled article's chunks and
SQuAD dev questions, when found), each a real vector plus noise and normalised, so neighbourhoods
are as clumped as text's, not uniform on the sphere (which would understate what an ANN index does
on real data) and not copies (which would overstate it). Queries are further such draws, and
recall@10 is measured against exact inner-product search over the same vectors. Ingest throughput
on real text (chunks/s, embedding included) is measured with `--ingest FILE`.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import faiss
import numpy as np

from qa_index.chunking import ChunkingSettings
from qa_index.documents import bundled_article
from qa_index.embedder import Embedder
from qa_index.indexing import Indexer, store_info
from qa_index.stores import FaissStore, IndexSettings, MilvusStore, StoreInfo
from qa_index.stores.faiss_store import HNSW_EF_SEARCH, HNSW_NEIGHBOURS

QUERIES, K = 200, 10
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "data" / "squad" / "dev-v1.1.json.gz"


def _seed_vectors(embedder: Embedder, limit: int = 2000) -> np.ndarray:
    """Real sentence embeddings to draw around: SQuAD dev questions (if found) and the article's sentences."""
    texts = [line for line in bundled_article().text.splitlines() if line.strip()]
    if SEEDS.exists():
        from qa.squad import load_squad, spread

        texts += [ex.question for ex in spread(load_squad(SEEDS), limit)]
    return embedder.embed(texts)


def synthetic(seeds: np.ndarray, n: int, noise: float, rng: np.random.Generator) -> np.ndarray:
    """n unit vectors, each a random seed plus Gaussian noise of about `noise` of its length."""
    out = np.empty((n, seeds.shape[1]), dtype=np.float32)
    for at in range(0, n, 100_000):
        m = min(100_000, n - at)
        block = seeds[rng.integers(0, len(seeds), m)] + rng.normal(0, noise / np.sqrt(seeds.shape[1]), (m, seeds.shape[1]))
        out[at : at + m] = block / np.linalg.norm(block, axis=1, keepdims=True)
    return out


def _latencies(search, queries: np.ndarray) -> tuple[list[list[int]], list[float]]:
    ids, ms = [], []
    for q in queries:
        t = time.perf_counter()
        ids.append(search(q[None, :]))
        ms.append(1000 * (time.perf_counter() - t))
    return ids, ms


def _recall(found: list[list[int]], exact: np.ndarray) -> float:
    return float(np.mean([len(set(f[:K]) & set(e[:K])) / K for f, e in zip(found, exact)]))


def bench_faiss(kind: str, vectors: np.ndarray, queries: np.ndarray, exact: np.ndarray) -> dict:
    started = time.perf_counter()
    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(vectors.shape[1], HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = HNSW_EF_SEARCH
    else:
        index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    build_s = time.perf_counter() - started
    found, ms = _latencies(lambda q: index.search(q, K)[1][0].tolist(), queries)
    size_mb = faiss.serialize_index(index).nbytes / 2**20  # what the index holds: vectors, and HNSW's graph
    result = _row(f"faiss-{kind}", len(vectors), build_s, ms, _recall(found, exact), size_mb)
    del index
    gc.collect()
    return result


def bench_milvus(vectors: np.ndarray, queries: np.ndarray, exact: np.ndarray, kind: str) -> dict:
    """Milvus Lite with the project's own store schema (text and BM25 fields included): dense search only."""
    from qa_index.chunking import Chunk

    with tempfile.TemporaryDirectory() as folder:
        info = StoreInfo("synthetic", vectors.shape[1], IndexSettings(kind=kind))
        store = MilvusStore(str(Path(folder) / "scale.db"), info)
        started = time.perf_counter()
        for at in range(0, len(vectors), 10_000):
            part = vectors[at : at + 10_000]
            chunks = [Chunk(f"part{at}", i, i + 1, f"chunk {i}") for i in range(at, at + len(part))]
            store.add(f"part{at}", f"{at:064d}", chunks, part)
        store.commit()
        build_s = time.perf_counter() - started
        found, ms = _latencies(
            lambda q: [h.chunk.start for h in store.search(q, ["chunk"], K, mode="dense")[0]], queries
        )
        size_mb = sum(f.stat().st_size for f in Path(folder).rglob("*") if f.is_file()) / 2**20
        store.client.close()
    return _row(f"milvus-lite-{kind}", len(vectors), build_s, ms, _recall(found, exact), size_mb, memory="disk")


def _row(engine: str, n: int, build_s: float, ms: list[float], recall: float, mb: float, memory: str = "index") -> dict:
    p50, p95 = np.percentile(ms, [50, 95])
    return {"engine": engine, "chunks": n, "build_s": round(build_s, 1), "p50_ms": round(float(p50), 2),
            "p95_ms": round(float(p95), 2), "recall_at_10": round(recall, 4), f"{memory}_mb": round(mb, 0)}


def bench_ingest(path: Path, embedder: Embedder) -> dict:
    """Real text through the whole indexing path (chunking, embedding, FAISS): chunks per second."""
    with tempfile.TemporaryDirectory() as folder:
        store = FaissStore(store_info(embedder, IndexSettings(ChunkingSettings())), Path(folder) / "ingest")
        report = Indexer(store, embedder).index_paths([path], progress=sys.stderr.isatty())
    return {"ingest_file": str(path), "ingest_chunks": report.chunks, "ingest_s": round(report.seconds, 1),
            "ingest_chunks_per_s": round(report.chunks / report.seconds, 1)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--engines", nargs="+", default=["flat", "hnsw", "milvus"],
                        choices=["flat", "hnsw", "milvus", "milvus-hnsw"])
    parser.add_argument("--noise", type=float, default=0.6, help="noise around each real vector, relative to its length")
    parser.add_argument("--ingest", type=Path, help="a text file to index for real ingest throughput")
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args(argv)
    faiss.omp_set_num_threads(faiss.omp_get_max_threads())
    embedder = Embedder()
    seeds = _seed_vectors(embedder)
    rng = np.random.default_rng(0)
    rows = []
    print(f"synthetic vectors around {len(seeds)} real embeddings, noise {args.noise}; {QUERIES} queries, k={K}")
    for n in args.sizes:
        vectors, queries = synthetic(seeds, n, args.noise, rng), synthetic(seeds, QUERIES, args.noise, rng)
        flat = faiss.IndexFlatIP(vectors.shape[1])
        flat.add(vectors)
        exact = flat.search(queries, K)[1]
        del flat
        for engine in args.engines:
            if engine.startswith("milvus"):
                row = bench_milvus(vectors, queries, exact, "hnsw" if engine == "milvus-hnsw" else "flat")
            else:
                row = bench_faiss(engine, vectors, queries, exact)
            rows.append(row)
            print("  ".join(f"{k}={v}" for k, v in row.items()), flush=True)
    if args.ingest:
        rows.append(bench_ingest(args.ingest, embedder))
        print("  ".join(f"{k}={v}" for k, v in rows[-1].items()))
    rows.append({"peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)})
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
