"""Open-book SQuAD: every paragraph of the file is one corpus; each question is retrieved, then read."""

from __future__ import annotations

import time
from pathlib import Path
from dataclasses import replace
from typing import Sequence

from tqdm import tqdm

from qa_index.documents import Document
from qa_index.embedder import Embedder
from qa_index.indexing import Indexer, store_info
from qa_index.stores import open_store
from qa.bot import BotSettings, QABot
from qa.evaluation.metrics import percent
from qa.evaluation.squad_eval import SquadScores, score_predictions
from qa.reader import Reader
from qa.squad import SquadExample


def paragraph_documents(examples: Sequence[SquadExample], prefix: str = "") -> list[Document]:
    """One document per distinct paragraph, named after its article (after `prefix`, to keep sources apart)."""
    contexts = dict.fromkeys(ex.context for ex in examples)
    titles = {ex.context: ex.title for ex in examples}
    return [Document(f"{prefix}{titles[c]}#{i}", c) for i, c in enumerate(contexts)]


def evaluate_open_book(
    examples: Sequence[SquadExample],
    reader: Reader,
    corpus: Sequence[SquadExample] | None = None,
    settings: BotSettings | None = None,
    embedder: Embedder | None = None,
    cache_dir: Path | None = None,
    batch_size: int = 32,
    distractors: Sequence[Sequence[SquadExample]] = (),
    store: str | None = None,
) -> SquadScores:
    """Answer through the whole pipeline; `corpus` (default: the examples) gives the paragraphs to index,
    and each of `distractors` more paragraphs beside them (corpus scale: the questions' paragraphs are
    a few among many). `store`: index into that store (a Milvus URI, say) and answer from it.

    The index is built afresh unless `cache_dir` is given (sweeps and reruns reuse it).
    """
    documents = paragraph_documents(corpus or examples)
    documents += [d for i, extra in enumerate(distractors) for d in paragraph_documents(extra, prefix=f"distractor{i}:")]
    if store is None:
        bot = QABot(documents, reader=reader, embedder=embedder, settings=settings, cache_dir=cache_dir or False)
    else:
        bot = _bot_over_store(store, documents, reader, embedder, settings)
    started = time.perf_counter()
    allow_abstain = any(ex.is_impossible for ex in examples)
    predictions, found = _ask_all(bot.warm_up(), examples, batch_size, allow_abstain)
    scores = score_predictions(examples, predictions, time.perf_counter() - started)
    return replace(scores, recall_at_k=percent(found))


def evaluate_per_article(
    examples: Sequence[SquadExample],
    reader: Reader,
    corpus: Sequence[SquadExample],
    settings: BotSettings | None = None,
    embedder: Embedder | None = None,
    batch_size: int = 32,
) -> SquadScores:
    """Open book within each question's own article (its paragraphs in `corpus`): the easy retrieval
    that corpus-scale open book is compared with."""
    embedder = embedder or Embedder()
    allow_abstain = any(ex.is_impossible for ex in examples)
    by_title: dict[str, list[int]] = {}
    for i, ex in enumerate(examples):
        by_title.setdefault(ex.title, []).append(i)
    predictions: list = [None] * len(examples)
    found: list[bool] = []
    started = time.perf_counter()
    for title, positions in tqdm(by_title.items(), desc="articles", unit="article", leave=False):
        article = paragraph_documents([ex for ex in corpus if ex.title == title])
        bot = QABot(article, reader=reader, embedder=embedder, settings=settings, cache_dir=False).warm_up()
        asked, hits = _ask_all(bot, [examples[i] for i in positions], batch_size, allow_abstain)
        for i, prediction in zip(positions, asked):
            predictions[i] = prediction
        found += hits
    scores = score_predictions(examples, predictions, time.perf_counter() - started)
    return replace(scores, recall_at_k=percent(found))


def _ask_all(
    bot: QABot, examples: Sequence[SquadExample], batch_size: int, allow_abstain: bool
) -> tuple[list[tuple[str, float]], list[bool]]:
    """Each question's (prediction, score), and for answerable ones whether a retrieved chunk holds an answer.
    Without `allow_abstain` (SQuAD v1.1) the prediction is the best span even where the bot abstains."""
    predictions, found = [], []
    for i in tqdm(range(0, len(examples), batch_size), desc="open book", unit="batch", leave=False):
        batch = examples[i : i + batch_size]
        for ex, answer in zip(batch, bot.ask_many([ex.question for ex in batch])):
            if allow_abstain:
                predictions.append((answer.text or "", answer.score))
            else:
                best = answer.alternatives[0] if answer.abstained and answer.alternatives else None
                predictions.append((answer.best_guess, best.score if best else answer.score))
            if ex.answers:
                found.append(any(a in chunk.text for a in ex.answers for chunk in answer.chunks))
    return predictions, found


def _bot_over_store(
    uri: str, documents: list[Document], reader: Reader, embedder: Embedder | None, settings: BotSettings | None
) -> QABot:
    """Index `documents` into the store at `uri` (what it already holds is skipped) and open a bot on it."""
    embedder = embedder or Embedder()
    settings = settings or BotSettings()
    store = open_store(uri, store_info(embedder, settings.index))
    print(f"{uri}: {Indexer(store, embedder).index(documents, prune=True, progress=True).summary()}")
    return QABot(store=store, reader=reader, embedder=embedder, settings=settings)
