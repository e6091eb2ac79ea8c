"""Answers as the bot offers them: one answer read several ways is offered once."""

from qa.answers import Candidate, checked, distinct_answers, not_given


def _candidate(text: str, start: int, score: float) -> Candidate:
    return Candidate(text, score, "doc.txt", start, start + len(text), margin=score)


def test_an_answer_read_with_and_without_its_article_or_punctuation_is_offered_once():
    found = [
        _candidate("North Korea", 0, 0.81),
        _candidate("Soviet Union", 40, 0.76),
        _candidate("the Soviet Union", 36, 0.76),
        _candidate("SOVIET  union,", 90, 0.5),
        _candidate("United States", 120, 0.75),
        _candidate("Theodore", 150, 0.4),  # a word that starts with "the" is no article
        _candidate("odore", 160, 0.3),
    ]
    kept = distinct_answers(found)
    assert [c.text for c in kept] == ["North Korea", "Soviet Union", "United States", "Theodore", "odore"]
    assert kept[1].start == 40  # the first, best reading of each answer is the one kept


def test_a_span_of_no_word_that_names_anything_is_no_answer():
    found = [_candidate(text, 10 * i, 0.9 - 0.1 * i) for i, text in enumerate(["the", ".", "of their", "Britain", "it", "US"])]
    kept = checked("Which countries have an ACSA with Japan?", found, ["Britain has one. So do the others."])
    assert [c.text for c in kept] == ["Britain", "US"]


def test_answers_given_are_skipped_whole_or_in_part_word_for_word():
    found = [_candidate(t, 20 * i, 0.8) for i, t in enumerate(["Christine Lambrecht", "the Wu state", "Wuhan", "Hayashi"])]
    kept = not_given(found, ["Yasukazu Hamada and Christine Lambrecht", "Wu"])
    assert [c.text for c in kept] == ["Wuhan", "Hayashi"]
