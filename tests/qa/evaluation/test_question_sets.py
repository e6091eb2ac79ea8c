"""The article's question sets are what the eval issue asks for: large, varied, written against the
article itself, split dev/test by type. These checks read the files; no model runs."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from qa_index.documents import bundled_article
from qa.evaluation.article_eval import load_conversations, load_questions

ARTICLE = bundled_article().text
TYPES = {"who", "what", "when", "where", "why", "how many", "which", "how"}
PRONOUNS = {"he", "she", "they", "his", "her", "their", "it", "them"}


@pytest.fixture(scope="module")
def questions():
    return load_questions()


@pytest.fixture(scope="module")
def conversations():
    return load_conversations()


def _sentences() -> list[str]:
    return [s for s in re.split(r"(?<=[.)])\s+(?=[A-Z(])", ARTICLE) if s.strip()]


def test_the_design_cards_example_is_in_the_set(questions):
    flagship = [q for q in questions if q.question == "Who joined online?"]
    assert flagship and flagship[0].answers[0] == "Yasukazu Hamada and Christine Lambrecht"


def test_size_types_and_unanswerable_questions(questions):
    assert len(questions) >= 100
    assert TYPES <= {q.type for q in questions if q.answerable}
    assert sum(not q.answerable for q in questions) >= 25
    assert len({q.question for q in questions}) == len(questions), "no question is asked twice"


def test_answers_are_spans_of_the_article_and_evidence_is_quoted(questions):
    for q in questions:
        if q.answerable:
            assert q.answers[0] in ARTICLE, q.id
            assert q.evidence and q.evidence in ARTICLE, q.id
        else:
            assert not q.answers and q.evidence is None, q.id


def test_every_sentence_the_caption_too_is_asked_about_twice(questions):
    sentences = _sentences()
    assert any(s.startswith("(Photo courtesy") for s in sentences)
    for sentence in sentences:
        asked = [q.id for q in questions if q.answerable and q.evidence in sentence]
        assert len(asked) >= 2, f"only {asked} ask about: {sentence[:60]}"


def test_at_least_half_the_answerable_questions_are_paraphrased(questions):
    answerable = [q for q in questions if q.answerable]
    assert sum(q.paraphrase for q in answerable) * 2 >= len(answerable)


def test_splits_are_halves_stratified_by_type(questions, conversations):
    halves = Counter(q.split for q in questions)
    assert abs(halves["dev"] - halves["test"]) <= 2
    for kind in {(q.type, q.answerable) for q in questions}:
        counts = Counter(q.split for q in questions if (q.type, q.answerable) == kind)
        assert abs(counts["dev"] - counts["test"]) <= 1, kind
    halves = Counter(c.split for c in conversations)
    assert abs(halves["dev"] - halves["test"]) <= 1


def test_conversations_cover_pronouns_ellipsis_abstention_and_topic_changes(conversations):
    assert len(conversations) >= 20
    assert all(2 <= len(c.turns) <= 4 for c in conversations)
    words = {w.lower() for c in conversations for t in c.turns[1:] for w in re.findall(r"[\w']+", t.question)}
    assert PRONOUNS <= words
    follow_ups = [t.question.lower() for c in conversations for t in c.turns[1:]]
    for ellipsis in ("and germany?", "why?", "when?"):
        assert ellipsis in follow_ups
    assert any(not t.answerable for c in conversations for t in c.turns[:-1]), "a follow-up after an abstained turn"
    assert any(t.read_as == t.question for c in conversations for t in c.turns[1:]), "a follow-up read as it is"
    for c in conversations:
        for t in c.turns:
            assert all(a in ARTICLE for a in t.answers[:1]), c.id
