"""Paragraph-level SQuAD evaluation of a reader: each question read against its own paragraph."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable, Sequence

from tqdm import tqdm

from qa_index.errors import QAError
from qa.evaluation.metrics import best_scores, brier_score, ece_by_chance, expected_calibration_error, percent
from qa.reader import Reader
from qa.squad import SquadExample

Prediction = tuple[str, float]  # the answer ("" for none) and the probability that saying it is right
Predictor = Callable[[Sequence[SquadExample]], list[Prediction]]


@dataclass
class SquadScores:
    """EM/F1 in percent; HasAns F1 and NoAns accuracy only for files with unanswerable questions;
    recall@k (percent of answerable questions with an answer inside a retrieved chunk) only in open book;
    `ece` the expected calibration error (10 bins) of the scores, `ece_by_chance` the one a perfectly
    calibrated reader would show at the same scores, and `brier` their Brier score: an answer is right
    at F1 >= 0.5, an abstention when the question has no answer."""

    em: float
    f1: float
    n: int
    questions_per_s: float
    ece: float | None = None
    ece_by_chance: float | None = None
    brier: float | None = None
    has_ans_f1: float | None = None
    no_ans_acc: float | None = None
    recall_at_k: float | None = None

    def as_dict(self) -> dict[str, float | int]:
        return {k: v for k, v in vars(self).items() if v is not None}


def score_predictions(examples: Sequence[SquadExample], predictions: Sequence[Prediction], seconds: float) -> SquadScores:
    """Score predictions ("" means no answer) under the official SQuAD metric, and their scores' calibration."""
    if not examples:
        raise QAError("no questions to score")
    ems, f1s = zip(*(best_scores(text, ex.answers) for ex, (text, _) in zip(examples, predictions)))
    correct = [f >= 0.5 if text else ex.is_impossible for ex, (text, _), f in zip(examples, predictions, f1s)]
    has = [f for ex, f in zip(examples, f1s) if not ex.is_impossible]
    no = [e for ex, e in zip(examples, ems) if ex.is_impossible]
    return SquadScores(
        em=percent(ems),
        f1=percent(f1s),
        n=len(examples),
        questions_per_s=len(examples) / seconds,
        ece=expected_calibration_error([score for _, score in predictions], correct),
        ece_by_chance=ece_by_chance([score for _, score in predictions]),
        brier=brier_score([score for _, score in predictions], correct),
        has_ans_f1=percent(has) if no else None,
        no_ans_acc=percent(no),
    )


def reader_predictor(reader: Reader, allow_abstain: bool, batch_size: int = 64) -> Predictor:
    """Our reader as a predictor; without abstention it always gives its best span (SQuAD v1.1)."""

    def predict(examples: Sequence[SquadExample]) -> list[Prediction]:
        predictions: list[Prediction] = []
        for i in tqdm(range(0, len(examples), batch_size), desc="reading", unit="batch", leave=False):
            batch = examples[i : i + batch_size]
            for reading in reader.read_batch([(ex.question, ex.context) for ex in batch]):
                span = reading.best if allow_abstain else (reading.spans[0] if reading.spans else None)
                predictions.append((span.text, span.score) if span else ("", reading.no_answer))
        return predictions

    return predict


def evaluate(examples: Sequence[SquadExample], predict: Predictor) -> SquadScores:
    """Time one predictor over the examples and score it."""
    started = time.perf_counter()
    predictions = predict(examples)
    return score_predictions(examples, predictions, time.perf_counter() - started)
