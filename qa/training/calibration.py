"""Fitting the reader's abstain decision on SQuAD v2.0 dev.

Each question's best span has a margin over the no-answer ([CLS]) score. A
one-feature logistic regression turns the margin into the probability that the
span is right (F1 >= 0.5 with a reference). The abstain threshold is the highest
one that costs answerable questions at most `max_has_ans_loss` F1 points against
never abstaining: a chat user mostly asks what the text answers, and a reader whose
no-answer score is weak must not trade many right answers for a few abstentions.
(Maximising SQuAD v2.0 F1 instead, with its 50% unanswerable questions, made the
shipped reader abstain on most answerable questions.) Calibration is fitted on the
articles of one half of the file and reported on the other half.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from sklearn.linear_model import LogisticRegression

from qa.evaluation.metrics import best_scores
from qa.reader import Calibration, Reader
from qa.squad import SquadExample


@dataclass
class _Scored:
    margins: np.ndarray
    f1: np.ndarray
    impossible: np.ndarray


def split_by_article(examples: Sequence[SquadExample]) -> tuple[list[SquadExample], list[SquadExample]]:
    """Alternate articles between a fitting half and a held-out half."""
    titles = list(dict.fromkeys(ex.title for ex in examples))
    fit_titles = set(titles[::2])
    return [e for e in examples if e.title in fit_titles], [e for e in examples if e.title not in fit_titles]


def _score(reader: Reader, examples: Sequence[SquadExample], batch_size: int = 64) -> _Scored:
    margins, f1s = [], []
    for i in range(0, len(examples), batch_size):
        batch = examples[i : i + batch_size]
        for ex, reading in zip(batch, reader.read_batch([(ex.question, ex.context) for ex in batch])):
            span = reading.spans[0] if reading.spans else None
            margins.append(span.margin if span else -1e3)
            f1s.append(best_scores(span.text, ex.answers)[1] if span and ex.answers else 0.0)
    return _Scored(np.array(margins), np.array(f1s), np.array([ex.is_impossible for ex in examples]))


def _has_ans_f1(probabilities: np.ndarray, scored: _Scored, threshold: float) -> float:
    answerable = ~scored.impossible
    return 100 * float(np.where(probabilities >= threshold, scored.f1, 0.0)[answerable].mean())


def fit_calibration(reader: Reader, examples: Sequence[SquadExample], max_has_ans_loss: float = 5.0) -> Calibration:
    """Fit slope, intercept and threshold on SQuAD v2.0 questions."""
    scored = _score(reader, examples)
    model = LogisticRegression().fit(scored.margins[:, None], (scored.f1 >= 0.5).astype(int))
    slope, intercept = float(model.coef_[0, 0]), float(model.intercept_[0])
    probabilities = 1 / (1 + np.exp(-(slope * scored.margins + intercept)))
    floor = _has_ans_f1(probabilities, scored, 0.0) - max_has_ans_loss
    thresholds = [t for t in np.unique(np.round(probabilities, 3)) if _has_ans_f1(probabilities, scored, t) >= floor]
    return Calibration(slope=slope, intercept=intercept, threshold=float(max(thresholds)))
