"""Chunk size, retrieval mode and top-k, measured on the article set and open-book SQuAD v1.1.

    python eval/sweep.py ../shared/data/squad/dev-v1.1.json.gz [--limit 500]

Prints one row per setting; the defaults in BotSettings / ChunkingSettings come from it.
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from pathlib import Path

from qa_index.chunking import ChunkingSettings
from qa_index.embedder import Embedder
from qa_index.stores import IndexSettings
from qa import QABot, Reader
from qa.bot import BotSettings
from qa.evaluation.article_eval import evaluate_article, load_questions
from qa.evaluation.open_book import evaluate_open_book
from qa.squad import load_squad, spread


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("squad")
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--words", type=int, nargs="+", default=[40, 60, 80])
    parser.add_argument("--top-k", type=int, nargs="+", default=[2, 3])
    args = parser.parse_args()
    reader, embedder = Reader.load(), Embedder()
    corpus = load_squad(args.squad)
    examples = spread(corpus, args.limit)
    questions = load_questions()
    cache = Path(tempfile.mkdtemp(prefix="qa-sweep-"))
    print("words mode  k | article f1 em noP noR R@k p50ms | squad f1 em R@k q/s")
    for words, mode, k in itertools.product(args.words, ["fused", "dense"], args.top_k):
        settings = BotSettings(top_k=k, retrieval=mode, index=IndexSettings(ChunkingSettings(max_words=words)))
        bot = QABot(reader=reader, embedder=embedder, settings=settings, cache_dir=False)
        art = evaluate_article(bot, questions)["dev"]  # tune on the dev half only
        sq = evaluate_open_book(examples, reader, corpus=corpus, settings=settings, embedder=embedder, cache_dir=cache)
        print(
            f"{words:5d} {mode:5s} {k} | {art.f1:5.1f} {art.em:5.1f} {art.no_ans_precision:5.1f} {art.no_ans_recall:5.1f} "
            f"{art.recall_at_k:5.1f} {art.p50_ms:5.1f} | {sq.f1:5.1f} {sq.em:5.1f} {sq.recall_at_k:5.1f} {sq.questions_per_s:5.1f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
