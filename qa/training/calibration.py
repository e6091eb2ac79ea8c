"""Fitting the reader's calibration and abstain decision on SQuAD v2.0 dev.

A decision rests on one number: the best span's margin over the no-answer ([CLS]) score.
Two one-feature logistic regressions turn it into probabilities: that the span is right
(F1 >= 0.5 with a reference; never for an unanswerable question) and that the text holds
no answer. The share of unanswerable questions they were fitted at is stored with them, so
a user of another share (a chat) gets probabilities and decisions for that share (see
`qa.calibration.Calibration`). The bot abstains when "no answer" is the more likely.

The same fit is made twice: on single paragraphs (what `Reader` decides), and on the bot's
final decision in open book (the best span over all windows and passages it read, with
every paragraph of the file as the corpus), since the best of several passages is a
different quantity. Calibration is fitted on the articles of one half of the file and
reported on the other half.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression
from tqdm import tqdm

from qa.evaluation.metrics import best_scores, expected_calibration_error, percent
from qa.calibration import Calibration
from qa.reader import Reader
from qa.squad import SquadExample

NO_SPAN = -1e3  # the margin of a question with no span at all


@dataclass
class Decisions:
    """Per question: the best span's margin, its F1 against the references (0 when unanswerable),
    and whether the question is unanswerable."""

    margins: np.ndarray
    f1: np.ndarray
    impossible: np.ndarray


def split_by_article(examples: Sequence[SquadExample]) -> tuple[list[SquadExample], list[SquadExample]]:
    """Alternate articles between a fitting half and a held-out half."""
    titles = list(dict.fromkeys(ex.title for ex in examples))
    fit_titles = set(titles[::2])
    return [e for e in examples if e.title in fit_titles], [e for e in examples if e.title not in fit_titles]


def _decisions(examples: Sequence[SquadExample], best: list[tuple[str, float] | None]) -> Decisions:
    margins = [NO_SPAN if b is None else b[1] for b in best]
    f1 = [best_scores(b[0], ex.answers)[1] if b and ex.answers else 0.0 for ex, b in zip(examples, best)]
    return Decisions(np.array(margins), np.array(f1), np.array([ex.is_impossible for ex in examples]))


def reader_decisions(reader: Reader, examples: Sequence[SquadExample], batch_size: int = 64) -> Decisions:
    """Each question read against its own paragraph."""
    best: list[tuple[str, float] | None] = []
    for i in tqdm(range(0, len(examples), batch_size), desc="paragraphs", unit="batch", leave=False):
        batch = examples[i : i + batch_size]
        for reading in reader.read_batch([(ex.question, ex.context) for ex in batch]):
            best.append((reading.spans[0].text, reading.spans[0].margin) if reading.spans else None)
    return _decisions(examples, best)


def pipeline_decisions(bot, examples: Sequence[SquadExample], batch_size: int = 32) -> Decisions:
    """Each question asked of `bot` (a QABot over the file's paragraphs): its best span over all passages."""
    best: list[tuple[str, float] | None] = []
    for i in tqdm(range(0, len(examples), batch_size), desc="open book", unit="batch", leave=False):
        for answer in bot.ask_many([ex.question for ex in examples[i : i + batch_size]]):
            best.append(None if answer.margin is None else (answer.best_guess, answer.margin))
    return _decisions(examples, best)


def _logistic(margins: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Slope and intercept of P(label | margin). Where every label is the same (a few dev questions
    read by a barely trained model, all wrong), nothing ties the label to the margin: a flat curve
    at the rate with half a case added to each side, with a warning, rather than a failed fit."""
    positives = int(labels.sum())
    if positives in (0, len(labels)):
        warnings.warn(
            f"calibration: all {len(labels)} decisions have the same label; the curve is flat (use more dev questions)",
            stacklevel=3,
        )
        return 0.0, float(np.log((positives + 0.5) / (len(labels) - positives + 0.5)))
    model = LogisticRegression(C=100.0).fit(margins[:, None], labels.astype(int))
    return float(model.coef_[0, 0]), float(model.intercept_[0])


def fit_calibration(decisions: Decisions) -> Calibration:
    """Fit both probability curves on the given decisions, at the share of unanswerable questions they hold."""
    usable = decisions.margins > NO_SPAN
    margins = decisions.margins[usable]
    right = (decisions.f1 >= 0.5)[usable] & ~decisions.impossible[usable]
    slope, intercept = _logistic(margins, right)
    no_slope, no_intercept = _logistic(margins, decisions.impossible[usable])
    n = int(usable.sum())
    share = float(decisions.impossible[usable].mean())  # kept off 0 and 1, where Bayes' rule has no odds to move
    prior = min(max(share, 0.5 / (n + 1)), 1 - 0.5 / (n + 1))
    return Calibration(slope, intercept, no_slope, no_intercept, prior=prior)


def decision_scores(decisions: Decisions, calibration: Calibration, prior: float | None = None) -> dict[str, float]:
    """SQuAD 2.0 figures of these decisions under `calibration` at `prior`, with the ECE of what it says."""
    answered = np.array([not calibration.abstains(m, prior) for m in decisions.margins])
    f1 = np.where(answered, decisions.f1, decisions.impossible.astype(float))
    scores = [
        calibration.score(m, prior) if a else calibration.no_answer(m, prior) for m, a in zip(decisions.margins, answered)
    ]
    correct = np.where(answered, (decisions.f1 >= 0.5) & ~decisions.impossible, decisions.impossible)
    return {
        "f1": percent(list(f1)) or 0.0,
        "has_ans_f1": percent(list(f1[~decisions.impossible])) or 0.0,
        "no_ans_acc": percent(list(f1[decisions.impossible])) or 0.0,
        "ece": expected_calibration_error(scores, list(correct)),
        "n": int(len(f1)),
    }
