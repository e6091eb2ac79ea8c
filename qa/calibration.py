"""Calibration: what the reader's margins mean as probabilities of being right.

Fitted at ship time (`qa ship-reader`), stored with the model in calibration.json.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from qa_index.errors import QAError

CALIBRATION_FILE = "calibration.json"


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def _log_odds(p: float) -> float:
    return math.log(p / (1.0 - p))


@dataclass(frozen=True)
class Calibration:
    """Turns the best span's margin over the no-answer score into calibrated probabilities.

    `score(margin)` = sigmoid(slope * margin + intercept): the probability that the span is
    right. `no_answer(margin)` = sigmoid(no_answer_slope * margin + no_answer_intercept): the
    probability that the text holds no answer, the score of an abstention. Both were fitted
    where a share `prior` of the questions had no answer; given another share (a chat, where
    most questions have an answer), each is moved by Bayes' rule: the odds of "no answer"
    scale by the ratio of the two shares' odds, the odds of "right" by its inverse. The
    decision follows: abstain when "no answer" is the more likely of the two (`abstains`).
    The defaults (no fitted calibration) abstain when [CLS] beats the best span.

    A model folder holds two: one fitted on single paragraphs (the `Reader` alone) and one
    fitted on the bot's final decision over all windows and passages of open-book questions
    (`level="pipeline"`), since the best of several passages is a different quantity.
    """

    slope: float = 1.0
    intercept: float = 0.0
    no_answer_slope: float = -1.0
    no_answer_intercept: float = 0.0
    prior: float = 0.5

    def _shift(self, prior: float | None) -> float:
        """How much more likely 'no answer' is, in log odds, at `prior` than where the curves were fitted."""
        if prior is None or prior == self.prior:
            return 0.0
        if not 0.0 < prior < 1.0:
            raise QAError(f"the share of questions without an answer must be between 0 and 1, got {prior}")
        return _log_odds(prior) - _log_odds(self.prior)

    def score(self, margin: float, prior: float | None = None) -> float:
        """The probability that the span is right, where a share `prior` of questions has no answer."""
        return _sigmoid(self.slope * margin + self.intercept - self._shift(prior))

    def no_answer(self, margin: float, prior: float | None = None) -> float:
        """The probability that the text holds no answer, where a share `prior` of questions has none."""
        return _sigmoid(self.no_answer_slope * margin + self.no_answer_intercept + self._shift(prior))

    def abstains(self, margin: float, prior: float | None = None) -> bool:
        """Say 'no answer' when that is more likely right than the span."""
        return self.no_answer(margin, prior) > self.score(margin, prior)

    def fields(self) -> dict[str, float]:
        return {k: getattr(self, k) for k in ("slope", "intercept", "no_answer_slope", "no_answer_intercept", "prior")}

    @classmethod
    def load(cls, directory: Path, level: str = "reader") -> "Calibration":
        """The calibration stored with a model; `level` "pipeline" falls back to the reader's when absent."""
        path = directory / CALIBRATION_FILE
        if not path.is_file():
            return cls()
        try:
            data = json.loads(path.read_text())
            if level == "pipeline" and isinstance(data.get("pipeline"), dict):
                data = data["pipeline"]
            known = {k: float(data[k]) for k in cls().fields() if k in data}
            if not {"slope", "intercept"} <= set(known):
                raise KeyError("slope and intercept")
            if "no_answer_slope" not in known:  # a file without the no-answer curve: 1 - the answer score
                known |= {"no_answer_slope": -known["slope"], "no_answer_intercept": -known["intercept"]}
            return cls(**known)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise QAError(f"broken reader calibration file {path}: {exc}") from exc

    @staticmethod
    def save(directory: Path, reader: "Calibration", pipeline: "Calibration | None" = None, **extra: object) -> None:
        """Write the reader's calibration (and the pipeline's, when fitted) with any extra records."""
        payload: dict[str, object] = reader.fields()
        if pipeline is not None:
            payload["pipeline"] = pipeline.fields()
        (directory / CALIBRATION_FILE).write_text(json.dumps(payload | extra, indent=2) + "\n")
