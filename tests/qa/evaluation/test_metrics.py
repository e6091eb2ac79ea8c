import pytest

from qa.evaluation.metrics import best_scores, brier_score, ece_by_chance, expected_calibration_error, f1, normalize_answer


def test_official_normalisation():
    assert normalize_answer("The  Eiffel, Tower!") == "eiffel tower"
    assert normalize_answer("an apple a day") == "apple day"


def test_f1_and_exact_match_take_the_best_reference():
    em, score = best_scores("in Munster", ["Munster", "a city in western Germany"])
    assert em == 0.0 and score == pytest.approx(2 / 3)
    assert best_scores("Munster", ["the Munster"]) == (1.0, 1.0)


def test_no_answer_scores_only_against_no_answer():
    assert best_scores("", []) == (1.0, 1.0)
    assert best_scores("something", []) == (0.0, 0.0)
    assert f1("", "text") == 0.0


def test_brier_score_always_rewards_a_better_score_where_the_ece_need_not():
    scores, right = [0.45, 0.66, 0.62], [False, True, False]
    assert brier_score(scores, right) == pytest.approx((0.45**2 + 0.34**2 + 0.62**2) / 3)
    better = [0.45, 0.69, 0.62]  # the right answer scored higher
    assert brier_score(better, right) < brier_score(scores, right)
    moved = [0.45, 0.72, 0.62]  # into the next bin, alone there: the ECE rises
    assert brier_score(moved, right) < brier_score(scores, right)
    assert expected_calibration_error(moved, right) > expected_calibration_error(scores, right)
    assert brier_score([], []) == 0.0


def test_ece_by_chance_is_what_a_calibrated_bot_shows_on_few_questions_and_shrinks_on_many():
    few, many = [0.45, 0.55, 0.7, 0.85, 0.95] * 12, [0.45, 0.55, 0.7, 0.85, 0.95] * 1000
    assert ece_by_chance(few) == ece_by_chance(few)  # seeded: the same scores give the same figure
    assert 0.04 < ece_by_chance(few) < 0.15
    assert ece_by_chance(many) < ece_by_chance(few) / 5
    assert ece_by_chance([0.0, 1.0, 1.0]) == 0.0  # sure scores are always right or always wrong
    assert ece_by_chance([]) == 0.0
