"""Offices named as the documents name them, through `OfficeNames.rewrite` and `OfficeNames.unknown`."""

from __future__ import annotations

import pytest

from qa.office_names import OfficeNames
from qa_index.documents import bundled_article

TEXTS = ["Foreign Minister Ana Silva met Defence Secretary Tom Bell; the defense chiefs talked. The Finance Minister stayed."]


@pytest.mark.parametrize(
    "question, read_as",
    [
        ("Who is the top diplomat?", "Who is the foreign minister?"),
        ("Where did the top diplomats meet?", "Where did the foreign ministers meet?"),  # the plural kept
        ("Who is the Minister of Foreign Affairs?", "Who is the Foreign Minister?"),  # the case as typed
        ("Who is the minister for foreign affairs?", "Who is the foreign minister?"),
        ("Who is the foreign minister?", "Who is the foreign minister?"),  # the texts' own name
        ("Who is the defence secretary?", "Who is the defence secretary?"),
        ("Who is the defense chief?", "Who is the defense chief?"),
        ("Who is the defense minister?", "Who is the defense chief?"),  # two names used once each: the first listed
        ("Who was the Minister of Finance?", "Who was the Finance Minister?"),
        ("Who is the home secretary?", "Who is the home secretary?"),  # an office the texts never name
        ("Who heads the top diplomatic service?", "Who heads the top diplomatic service?"),  # whole words only
    ],
)
def test_rewrite(question, read_as):
    assert OfficeNames(TEXTS).rewrite(question) == read_as


def test_the_bundled_article_names_its_ministers_foreign_and_defense_ministers():
    offices = OfficeNames([bundled_article().text])
    assert offices.rewrite("Who is Germany's top diplomat?") == "Who is Germany's foreign minister?"
    assert offices.rewrite("Who is Japan's defence secretary?") == "Who is Japan's defense minister?"
    assert offices.rewrite("Who is Japan's defense chief?") == "Who is Japan's defense chief?"


def test_unknown_lists_the_names_the_texts_never_use_longest_first():
    assert OfficeNames(TEXTS).unknown("Was the minister of defence the defence minister?") == [
        "minister of defence", "defence minister",
    ]
    assert OfficeNames([]).unknown("Who is the top diplomat?") == ["top diplomat"]  # no texts: to be looked up
    assert OfficeNames(TEXTS).unknown("Who is the foreign minister?") == []
