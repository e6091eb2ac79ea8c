"""Follow-up questions: pronouns resolved against earlier turns; malformed history refused."""

import pytest

from qa.conversation import resolve
from qa.errors import QAError


def test_pronoun_is_replaced_by_the_last_answer():
    question, query = resolve(
        "Where did she meet her Japanese counterpart?", [("Who is Germany's foreign minister?", "Annalena Baerbock")]
    )
    assert question == "Where did Annalena Baerbock meet her Japanese counterpart?"
    assert "Who is Germany's foreign minister?" in query


def test_possessive_pronoun_becomes_possessive_name():
    question, _ = resolve("What is his job?", [("Who spoke?", "Hayashi")])
    assert question == "What is Hayashi's job?"


def test_question_without_pronoun_stands_alone():
    assert resolve("Who joined online?", [("Who spoke?", "Hayashi")]) == ("Who joined online?", "Who joined online?")


def test_abstained_turns_are_skipped():
    question, _ = resolve("When did it happen?", [("What was launched?", "a rocket"), ("Who paid?", None)])
    assert question == "When did a rocket happen?"


def test_subject_pronoun_wins_over_an_earlier_object_pronoun():
    question, _ = resolve("How many of them did it send?", [("Which branch sent jets?", "the air force")])
    assert question == "How many of them did the air force send?"


def test_object_pronoun_is_replaced_when_there_is_no_subject_one():
    question, _ = resolve("Who met him?", [("Who spoke first?", "Hayashi")])
    assert question == "Who met Hayashi?"


def test_answer_text_is_inserted_literally():
    question, _ = resolve("Where is it?", [("Which file?", r"C:\1\path")])
    assert question == r"Where is C:\1\path?"


def test_history_pairs_may_be_lists():
    question, _ = resolve("Who met him?", [["Who spoke first?", "Hayashi"]])
    assert question == "Who met Hayashi?"


@pytest.mark.parametrize(
    "history",
    [
        "Who spoke first?",
        {"Who spoke first?": "Hayashi"},
        [("Who spoke first?",)],
        [("Who spoke first?", "Hayashi", "extra")],
        [["Who spoke first?", 5]],
        [[None, "Hayashi"]],
        [("Who spoke first?", "Hayashi"), "Hayashi"],
    ],
)
def test_malformed_history_is_refused(history):
    with pytest.raises(QAError, match="history"):
        resolve("Who met him?", history)
