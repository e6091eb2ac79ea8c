"""The office a question asks about, against the titles a text gives people."""

from __future__ import annotations

import pytest

from qa.roles import Office, asked_office, held_by, rules_out, titles

TEXT = (
    "Japanese Foreign Minister Yoshimasa Hayashi met his German counterpart, Annalena Baerbock. "
    "German Foreign Minister Annalena Baerbock spoke first, and Japanese Defence Minister Yasukazu Hamada "
    "joined online with Christine Lambrecht. The Prime Minister Fumio Kishida stayed in Tokyo."
)


@pytest.mark.parametrize(
    ("question", "office"),
    [
        ("Who is Japan's prime minister?", Office("minister", frozenset({"prime"}), "japan")),
        ("Who is the German defense minister?", Office("minister", frozenset({"defense"}), "german")),
        ("Who is the defense minister of Germany?", Office("minister", frozenset({"defense"}), "germany")),
        ("who was Germany's chancellor", Office("chancellor", frozenset(), "germany")),
    ],
)
def test_a_who_is_question_asks_about_an_office(question, office):
    assert asked_office(question) == office


@pytest.mark.parametrize("question", ["Who joined online?", "Who is Yoshimasa Hayashi?", "What is a minister?", ""])
def test_other_questions_ask_about_no_office(question):
    assert asked_office(question) is None


def test_titles_are_the_capitalised_words_right_before_a_name():
    assert titles("Yasukazu Hamada", [TEXT]) == [Office("minister", frozenset({"defence"}), "japanese")]
    assert titles("Fumio Kishida", [TEXT]) == [Office("minister", frozenset({"prime"}))]  # "The" is no part of it
    assert titles("Christine Lambrecht", [TEXT]) == []  # no title: nothing to go by


def test_a_counterpart_holds_the_office_of_the_titled_person_before_it_in_another_country():
    text = "Japanese Defense Minister Yasukazu Hamada (on screen, R) and his German counterpart Christine Lambrecht met."
    assert titles("Christine Lambrecht", [text]) == [Office("minister", frozenset({"defense"}), "german")]
    assert titles("Annalena Baerbock", [TEXT]) == [
        Office("minister", frozenset({"foreign"}), "german"),  # "met his German counterpart, Annalena Baerbock"
        Office("minister", frozenset({"foreign"}), "german"),
    ]


def test_the_one_person_titled_with_the_asked_office_holds_it():
    text = TEXT + " Japanese Defense Minister Yasukazu Hamada and his German counterpart Christine Lambrecht spoke."
    names = ["Christine Lambrecht", "Annalena Baerbock", "Yoshimasa Hayashi"]
    found = {name: titles(name, [text]) for name in names}
    assert held_by(asked_office("Who is Germany's defense minister?"), found) == "Christine Lambrecht"
    assert held_by(asked_office("Who is Japan's foreign minister?"), found) == "Yoshimasa Hayashi"
    assert held_by(asked_office("Who is Japan's prime minister?"), found) is None
    assert held_by(None, found) is None


@pytest.mark.parametrize(
    ("question", "name", "ruled_out"),
    [
        ("Who is Japan's prime minister?", "Yasukazu Hamada", True),  # a defence minister
        ("Who is Japan's prime minister?", "Fumio Kishida", False),
        ("Who is Germany's defense minister?", "Yasukazu Hamada", True),  # "defense" is "Defence"; Japanese, not German
        ("Who is Japan's defense minister?", "Yasukazu Hamada", False),
        ("Who is the Japanese foreign minister?", "Yoshimasa Hayashi", False),
        ("Who is the Japanese foreign minister?", "Annalena Baerbock", True),  # one title of hers is German
        ("Who is Germany's defense minister?", "Christine Lambrecht", False),  # untitled: kept
        ("Who is Germany's chancellor?", "Annalena Baerbock", False),  # another kind of office: no contradiction
        ("Who joined online?", "Yasukazu Hamada", False),
    ],
)
def test_a_person_the_text_titles_with_another_office_is_ruled_out(question, name, ruled_out):
    assert rules_out(asked_office(question), titles(name, [TEXT])) is ruled_out
