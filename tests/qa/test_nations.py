"""Countries as questions and texts name them, through `qa.nations`."""

from __future__ import annotations

import pytest

from qa.nations import is_country, is_nation, same_nation


@pytest.mark.parametrize("word", ["Germany", "German", "Germany's", "Japanese", "French", "Dutch", "British", "US"])
def test_names_and_adjectives_of_countries_are_nations(word):
    assert is_nation(word)


@pytest.mark.parametrize("word", ["Munster", "city", "the", "Hayashi"])
def test_other_words_are_not(word):
    assert not is_nation(word)


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Japan", "Japanese", True),
        ("Germany's", "German", True),
        ("France", "French", True),  # the adjective shares too few letters: listed
        ("British", "England", True),
        ("American", "US", True),
        ("Japanese", "German", False),
        ("French", "Spanish", False),
        ("Norway", "Norwegian", True),
        ("Austria", "Australia", False),
        ("Austrian", "Australian", False),
        ("Niger", "Nigeria", False),
    ],
)
def test_same_nation(a, b, same):
    assert same_nation(a, b) is same


def test_a_country_is_all_of_its_name():
    assert is_country("the United Kingdom") and is_country("Germany") and is_country("Korea, Republic of")
    assert not is_country("German") and not is_country("Munster, Germany")
