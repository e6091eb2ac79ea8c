"""Fitting the calibration on decisions: curves that follow the data, and figures that count right."""

from __future__ import annotations

import numpy as np
import pytest

from qa.training.calibration import Decisions, decision_scores, fit_calibration


def _decisions(n: int = 2000, seed: int = 0) -> Decisions:
    """Answerable questions have high margins and right spans there; unanswerable ones low margins."""
    rng = np.random.default_rng(seed)
    impossible = rng.random(n) < 0.5
    margins = np.where(impossible, rng.normal(-2.0, 3.0, n), rng.normal(4.0, 3.0, n))
    right = ~impossible & (rng.random(n) < 1 / (1 + np.exp(-margins)))
    return Decisions(margins, right.astype(float), impossible)


def test_fitted_curves_rise_and_fall_with_the_margin_and_record_their_prior():
    calibration = fit_calibration(_decisions())
    assert calibration.slope > 0 > calibration.no_answer_slope
    assert abs(calibration.prior - 0.5) < 0.05
    assert calibration.score(10.0) > 0.9 and calibration.no_answer(-10.0) > 0.9


def test_scores_are_calibrated_on_data_like_the_fit_and_decisions_counted():
    fitted = fit_calibration(_decisions(seed=1))
    held = _decisions(seed=2)
    scores = decision_scores(held, fitted)
    assert scores["ece"] < 0.05
    assert scores["n"] == 2000 and 0 < scores["no_ans_acc"] <= 100 and 0 < scores["has_ans_f1"] <= 100
    # assuming fewer unanswerable questions answers more of them
    fewer = decision_scores(held, fitted, prior=0.1)
    assert fewer["has_ans_f1"] > scores["has_ans_f1"] and fewer["no_ans_acc"] < scores["no_ans_acc"]


def test_decisions_all_wrong_give_a_flat_low_curve_with_a_warning():
    margins = np.array([-3.0, 0.5, 2.0, 4.0])
    all_wrong = Decisions(margins, np.zeros(4), np.zeros(4, dtype=bool))  # answerable, every span wrong
    with pytest.warns(UserWarning, match="same label"):
        calibration = fit_calibration(all_wrong)
    assert calibration.slope == 0.0 and calibration.score(50.0) == pytest.approx(calibration.score(-50.0))
    assert calibration.score(0.0) == pytest.approx(0.5 / 5)  # no right answer in four, half a case each side
    assert 0 < calibration.prior < 0.2 and calibration.no_answer(0.0, prior=0.3) > calibration.no_answer(0.0)
