import pytest

from qa.evaluation.metrics import best_scores, f1, normalize_answer


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
