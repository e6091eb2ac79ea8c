"""Abbreviations read as the documents write them, through `Abbreviations.rewrite`."""

from __future__ import annotations

import pytest

from qa.abbreviations import Abbreviations, long_forms
from qa_index.documents import bundled_article

ARTICLE = bundled_article().text
TEXTS = [
    "The Group of Seven nations met in Munster. The U.S. sent its envoy. Public-Private Partnerships (PPPs) grew.",
    "The North Atlantic Treaty Organization met twice; the North Atlantic Treaty Organization grew. "
    "The EEC was founded in 1957. Fresno City College opened. Burma and Cambodia and Laos traded.",
]


@pytest.mark.parametrize(
    "question, read_as",
    [
        ("How long did the G7 meeting last?", "How long did the Group of Seven meeting last?"),  # a digit is a number word
        ("Where did the G7's top diplomats gather?", "Where did the Group of Seven's top diplomats gather?"),
        ("Who leads NATO?", "Who leads North Atlantic Treaty Organization?"),
        ("Whom did the US send?", "Whom did the U.S. send?"),  # the texts' dotting
        ("Whom did the United States send?", "Whom did the U.S. send?"),  # a long form the texts do not use
        ("How many PPPs were there?", "How many PPPs were there?"),  # used as typed, the plural aside
        ("How many PPP were there?", "How many PPP were there?"),
        ("What does G7 stand for?", "What does G7 stand for?"),  # a question about the abbreviation itself
        ("What is G7?", "What is G7?"),
        ("Who leads the UN?", "Who leads the UN?"),  # two letters stand for too much to spell out
        ("Who founded the FCC?", "Who founded the Fresno City College?"),
        ("When did the Emergency Energy Conservation Act pass?", "When did the Emergency Energy Conservation Act pass?"),
        ("What did the BCL region trade?", "What did the BCL region trade?"),  # "and" joins no long form
        ("WHO LEADS NATO?", "WHO LEADS NATO?"),  # typed in capitals: every word would look like one
        ("Who attended the G20?", "Who attended the G20?"),  # no long form in the texts
    ],
)
def test_rewrite(question, read_as):
    assert Abbreviations(TEXTS).rewrite(question) == read_as


def test_two_long_forms_as_likely_leave_the_question_as_typed():
    texts = ["The Central Intelligence Agency and the Culinary Institute of America met."]
    assert Abbreviations(texts).rewrite("Who runs the CIA?") == "Who runs the CIA?"
    assert long_forms("CIA", texts[0]) == ["Central Intelligence Agency", "Culinary Institute of America"]


def test_the_article_spells_out_g7_and_keeps_acsa():
    abbreviations = Abbreviations([ARTICLE])
    assert abbreviations.rewrite("How many days did the G7 ministerial meeting run?") == (
        "How many days did the Group of Seven ministerial meeting run?"
    )
    assert abbreviations.rewrite("When will Japan and Germany sign the ACSA?") == "When will Japan and Germany sign the ACSA?"
    assert abbreviations.unknown("Did the G7 or the ACSA matter?") == ["G7"]
