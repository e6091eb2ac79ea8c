"""The official SQuAD answer normalisation, exact match and token F1; scores as percentages."""

from __future__ import annotations

import re
import string
from collections import Counter
from typing import Iterable, Sequence

import numpy as np

_PUNCTUATION = set(string.punctuation)
_ARTICLES = re.compile(r"\b(a|an|the)\b")


def normalize_answer(text: str) -> str:
    """Lowercase, drop punctuation and the articles a/an/the, collapse white space."""
    text = "".join(ch for ch in text.lower() if ch not in _PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", text).split())


def exact_match(prediction: str, truth: str) -> float:
    return float(normalize_answer(prediction) == normalize_answer(truth))


def f1(prediction: str, truth: str) -> float:
    pred, gold = normalize_answer(prediction).split(), normalize_answer(truth).split()
    if not pred or not gold:
        return float(pred == gold)
    common = sum((Counter(pred) & Counter(gold)).values())
    if not common:
        return 0.0
    precision, recall = common / len(pred), common / len(gold)
    return 2 * precision * recall / (precision + recall)


def best_scores(prediction: str, truths: Iterable[str]) -> tuple[float, float]:
    """(EM, F1) against the closest reference; an empty reference list means "no answer"."""
    truths = list(truths) or [""]
    return max(exact_match(prediction, t) for t in truths), max(f1(prediction, t) for t in truths)


def percent(values: Sequence[float]) -> float | None:
    """The mean of 0..1 values in percent; None when there are none (a file without that kind of question)."""
    return 100 * sum(values) / len(values) if values else None


def expected_calibration_error(scores: Sequence[float], correct: Sequence[bool | float], bins: int = 10) -> float:
    """How far scores are from the rate they are right at: the gap between mean score and accuracy in
    each of `bins` equal-width score bins, weighted by the bin's share of the answers (0 is perfect)."""
    if len(scores) == 0:
        return 0.0
    s = np.asarray(scores, dtype=float)
    c = np.asarray(correct, dtype=float)
    which = np.clip((s * bins).astype(int), 0, bins - 1)
    return float(sum(abs(s[which == b].mean() - c[which == b].mean()) * (which == b).sum() for b in np.unique(which)) / len(s))


def brier_score(scores: Sequence[float], correct: Sequence[bool | float]) -> float:
    """The mean squared gap between each score and whether it was right (0 is perfect). Unlike the ECE,
    it has no bins: a right answer scored higher, or a wrong one lower, always lowers it, where on a
    few dozen questions it may move the ECE either way."""
    if not scores:
        return 0.0
    return float(np.mean((np.asarray(scores, dtype=float) - np.asarray(correct, dtype=float)) ** 2))


def ece_by_chance(scores: Sequence[float], bins: int = 10, draws: int = 1000, seed: int = 0) -> float:
    """The ECE a perfectly calibrated bot would show at these scores: the median over `draws` outcomes
    drawn right with each score's own probability. On a few dozen questions it is far from 0 (bins of
    a handful of answers are right at 0, 1/3, 1/2...), so an ECE near it is as good as that set can tell."""
    if len(scores) == 0:
        return 0.0
    s = np.asarray(scores, dtype=float)
    outcomes = np.random.default_rng(seed).random((draws, len(s))) < s
    return float(np.median([expected_calibration_error(s, drawn, bins) for drawn in outcomes]))
