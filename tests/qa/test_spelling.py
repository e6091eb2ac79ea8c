"""Typos corrected toward the documents' words, and nothing else changed."""

import pytest

from qa.spelling import EnglishWords, Speller, english_words

TEXT = (
    "Japanese Foreign Minister Yoshimasa Hayashi met Annalena Baerbock in Munster. Japan's ministers and "
    "Germany's ministers met. Germany sent three "
    "Eurofighter jets to Japan. The foreign ministers of both countries met again; foreign policy was discussed."
)


@pytest.fixture(scope="module")
def speller():
    return Speller([TEXT], known={"who", "is", "the", "what", "did", "send", "to", "minister"})


@pytest.mark.parametrize(
    ("typed", "corrected"),
    [
        ("Who is the Japanese forein minister?", "Who is the Japanese foreign minister?"),  # a letter left out
        ("What did Germny send to Japan?", "What did Germany send to Japan?"),  # the case as typed
        ("WHAT DID GERMNAY SEND?", "WHAT DID GERMANY SEND?"),  # two letters swapped: one edit
        ("Where did Baerbok meet Hayshi's counterpart?", "Where did Baerbock meet Hayashi's counterpart?"),
        ("Who met Annalena Beerbocks?", "Who met Annalena Baerbock?"),  # a long word: two edits
        ("Who met Hayashi in Münster in 2022?", "Who met Hayashi in Munster in 2022?"),  # as the documents spell it
        ("Who is Japans foreign minister?", "Who is Japan's foreign minister?"),  # an apostrophe left out
        ("Which ministers met?", "Which ministers met?"),  # a plural the documents use stays one
    ],
)
def test_a_typo_becomes_the_nearest_word_of_the_documents(speller, typed, corrected):
    assert speller.correct(typed) == corrected


@pytest.mark.parametrize(
    "question",
    [
        "Who is Kishida?",  # a name the documents do not hold stays as typed
        "Was the summit eventful?",  # English, though not in the documents
        "Who is teh minister?",  # too short to guess from
        "Xermany?",  # a different first letter is another word
    ],
)
def test_words_that_are_english_unknown_names_or_short_are_left_alone(speller, question):
    assert speller.correct(question) == question


def test_unknown_words_are_those_neither_the_documents_nor_english_hold(speller):
    assert speller.unknown("What did Germny send to Japan in a hurry?") == ["Germny"]
    assert speller.unknown("Was the summit eventful, Hayashi?") == []
    assert Speller([], english=False).unknown("Who met Hayashi?") == ["Hayashi"]  # no documents: any name


def test_of_equally_near_words_the_more_frequent_wins():
    assert Speller(["the cart and the card, the card again"], english=False).correct("carx") == "card"


def test_english_word_forms_come_from_the_lemma_tables():
    words = EnglishWords(["subside", "airfield"], ["went"], [("ed", "e"), ("s", "")])
    assert all(w in words for w in ["subside", "subsided", "airfields", "went"])
    assert "subsidde" not in words and 3 not in words


def test_the_installed_spacy_model_gives_english_word_forms():
    words = english_words()
    assert words is not None
    assert all(w in words for w in ["eventful", "harmonized", "symptoms", "went"])
    assert "forein" not in words


def test_a_document_word_in_another_form_is_left_as_typed():
    speller = Speller(["Such policies reemerged during the movement."], known={"when", "did", "such", "policies"})
    assert speller.correct("When did such policies reemerge?") == "When did such policies reemerge?"
    assert speller.correct("When did such policies reemerje?") == "When did such policies reemerged?"  # a typo still is
