"""A conversation through its API: history checked, "Who else?" and "else" past the answers given, questions left alone.

How each kind of follow-up is read is tested beside its module, in tests/qa/followups/. Histories here are
hand-written (question, answer) pairs, so these run without a reader."""

import pytest

from qa.conversation import Conversation, read_question
from qa.evaluation.article_eval import load_conversations
from qa.evaluation.metrics import normalize_answer
from qa_index.errors import QAError

HAYASHI = ("Who is Japan's foreign minister?", "Yoshimasa Hayashi")


@pytest.mark.parametrize("follow_up", ["Who else?", "And who else?", "Anyone else?", "Any others?", "what else"])
def test_who_else_asks_the_last_question_again_past_every_answer_given_to_it(follow_up):
    history = [("Who met in Munster?", "Annalena Baerbock")]
    reading = read_question(follow_up, history)
    assert (reading.question, reading.besides) == ("Who met in Munster?", ("Annalena Baerbock",))
    history += [("Who else?", "Yoshimasa Hayashi"), ("Anyone else?", None)]
    assert read_question(follow_up, history).besides == ("Annalena Baerbock", "Yoshimasa Hayashi")


def test_a_question_with_else_in_it_asks_without_it_past_the_answers_given():
    history = [("Who met in Munster?", "Annalena Baerbock"), ("Who else?", "Yoshimasa Hayashi")]
    reading = read_question("Who else met in Munster?", history)
    assert (reading.question, reading.besides) == ("Who met in Munster?", ("Annalena Baerbock", "Yoshimasa Hayashi"))
    # its pronouns read as any question's
    history = [("What did Germany send?", "three Eurofighter jets"), ("When?", "September")]
    reading = read_question("What else did it send?", history)
    assert (reading.question, reading.besides) == ("What did Germany send?", ("three Eurofighter jets",))
    # "else" after another question is besides what that one named, not its answer: read as typed
    history = [("When did a sales group introduce the PC?", "1997")]
    reading = read_question("What else did it introduce?", history)
    assert (reading.question, reading.besides) == ("What else did the sales group introduce?", ())


@pytest.mark.parametrize(
    "question",
    [
        "What does ACSA stand for?",  # a change of topic
        "What did the ministers confirm they strongly oppose?",  # "they": the ministers, in the question itself
        "And what did that make clear?",  # a question of its own, not an ellipsis
        "What for?",  # not a which-phrase
        "When did Japan and Germany agree to enhance their defense cooperation?",  # "their": Japan and Germany
    ],
)
def test_a_question_of_its_own_is_read_as_it_is(question):
    reading = read_question(question, [HAYASHI])
    assert (reading.question, reading.query) == (question, question)


def test_without_history_nothing_is_parsed(monkeypatch):
    import qa.mentions

    qa.mentions.parse.cache_clear()  # a question parsed before would not reach the parser
    monkeypatch.setattr(qa.mentions, "load_parser", lambda: pytest.fail("a question was parsed"))
    assert Conversation().read("Where did he go?").question == "Where did he go?"
    assert read_question("Where did he go?", None).question == "Where did he go?"


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
        read_question("Who met him?", history)


def test_every_follow_up_of_the_article_conversation_set_reads_as_written():
    """Given right earlier answers, each follow-up reads as its `read_as` (compared as the eval does,
    without articles or punctuation)."""
    misread = []
    for conversation in load_conversations():
        history: list[tuple[str, str | None]] = []
        for turn in conversation.turns:
            if history:
                got = read_question(turn.question, history).question
                if normalize_answer(got) != normalize_answer(turn.read_as or turn.question):
                    misread.append((conversation.id, got))
            history.append((turn.question, turn.answers[0] if turn.answerable else None))
    assert not misread


@pytest.mark.parametrize(
    ("question", "history"),
    [
        ("What did they do?", [("Who joined?", "")]),  # an empty answer, from an API caller
        ("And '?", [("Who joined online?", "Hamada")]),  # an ellipsis of nothing
        ("they who (", [('" her \'s How', ""), ("who 1999 its their she", "")]),  # found by fuzzing
    ],
)
def test_odd_histories_and_follow_ups_are_read_without_failing(question, history):
    assert read_question(question, history).question


def test_a_leading_and_goes_where_a_question_of_its_own_reads_back():
    history = [("Who focus on the world as it presently is?", "pragmatists")]
    assert read_question("And how do idealists represent it?", history).question == (
        "How do idealists represent the world?"
    )


def test_else_asked_in_other_words_of_the_same_kind_is_past_the_last_answer():
    history = [("Which medications are potential triggers of asthma?", "aspirin and beta blockers")]
    reading = read_question("What else triggers it?", history)
    assert (reading.question, reading.besides) == ("What triggers asthma?", ("aspirin and beta blockers",))


def test_else_about_something_the_last_question_was_not_about_rules_out_no_answer():
    history = [("Which operation let the United States recruit von Braun?", "Operation Paperclip")]
    assert read_question("What else did the US acquire?", history).besides == ()
    history = [("Which medications are potential triggers of asthma?", "aspirin and beta blockers")]
    assert read_question("What else triggers it?", history).besides == ("aspirin and beta blockers",)
