"""The long form a question about an abbreviation asks for (`qa.expansions`), on hand-made spans."""

from __future__ import annotations

import pytest

from qa.answers import Candidate
from qa.expansions import asked_abbreviation, long_form, spelled_out
from qa.passages import Passage


@pytest.mark.parametrize(
    "question, abbreviation",
    [
        ("What does ACSA stand for?", "ACSA"),
        ("What does the acronym LEM stand for?", "LEM"),
        ('What does "TGIF" stand for?', "TGIF"),
        ("What did the LMP acronym stand for regarding the Block II launch positions?", "LMP"),
        ("What is QED short for?", "QED"),
        ("The ALU of a computer stands for what?", "ALU"),
        ("What does the acronym PCR expand to?", "PCR"),
        ("What is the full name of the EBRD?", "EBRD"),
        ("What does G7 mean?", "G7"),
        ("what does vBNS stand for", "vBNS"),
        ("What did the senators request of Caesar in order for him to stand for consul?", None),
        ("What does the ACSA allow?", None),
        ("What did the FCC chairman say both the internet and the first amendment stand for?", None),
        ("What does the ACSA mean for Japan?", None),
        ("What does abv stand for?", None),  # no capitals: too many words look like it
    ],
)
def test_the_abbreviation_a_question_asks_about(question, abbreviation):
    assert asked_abbreviation(question) == abbreviation


@pytest.mark.parametrize(
    "abbreviation, text, spelled",
    [
        ("ACSA", "sign a deal like the acquisition and cross-servicing agreement, or ACSA, the officials said",
         "acquisition and cross-servicing agreement"),  # lower case, "and" passed over, a hyphen's parts counted
        ("LGM", "At the Last Glacial Maximum (LGM) ice covered it.", "Last Glacial Maximum"),
        ("TARDIS", "the TARDIS (Time and Relative Dimension in Space) travels", "Time and Relative Dimension in Space"),
        ("CSM", "the Command/Service Module (CSM) flew", "Command/Service Module"),
        ("DETEC", "the Department of Environment, Transport, Energy and Communications (DETEC) runs it",
         "Department of Environment, Transport, Energy and Communications"),
        ("EOF", "a marker, EOF, or end-of-file, ends it", "end-of-file"),
        ("LEM", "the Lunar Excursion Module, also known as LEM, landed", "Lunar Excursion Module"),
        ("G7", "the Group of Seven (G7) met", "Group of Seven"),
        ("LMP", "Commander (CDR) Command Module Pilot (CMP) and Lunar Module Pilot (LMP)", "Lunar Module Pilot"),
        ("ACSA", "Japan has an ACSA with Britain and Australia, a deal of some standing.", None),  # not beside it
        ("ACSA", "an acquisition and cross-servicing agreement was signed; the ACSA took effect", None),
        ("AC", "alternating current and the AC grid", None),  # "and" stands between
    ],
)
def test_a_long_form_is_the_phrase_beside_the_abbreviation_whose_initials_spell_it(abbreviation, text, spelled):
    at = long_form(abbreviation, text)
    assert (text[at[0] : at[1]] if at else None) == spelled


TEXT = (
    "Tokyo and Berlin intend to sign a deal like the acquisition and cross-servicing agreement, or ACSA. "
    "An ACSA generally allows the two sides to share supplies."
)


def _candidate(text: str, passage: Passage, score: float = 0.6) -> Candidate:
    start = passage.text.index(text)
    return Candidate(text, score, passage.document, passage.start + start, passage.start + start + len(text), 1.0)


def test_a_span_in_the_sentence_that_spells_it_out_becomes_the_long_form_with_its_score():
    passage = Passage("doc", 100, 100 + len(TEXT), TEXT)
    best = _candidate("cross-servicing agreement", passage, score=0.55)
    got = spelled_out("What does ACSA stand for?", [best], [passage])
    assert [(c.text, c.score, c.start) for c in got] == [
        ("acquisition and cross-servicing agreement", 0.55, 100 + TEXT.index("acquisition"))
    ]


def test_a_best_span_elsewhere_becomes_the_long_form_a_passage_read_holds():
    other = Passage("other", 0, 30, "ACSA is a common kind of deal.")
    passage = Passage("doc", 0, len(TEXT), TEXT)
    best, second = _candidate("the two sides to share supplies", passage), _candidate("common kind of deal", other)
    got = spelled_out("What is ACSA short for?", [best, second], [other, passage])
    assert [(c.text, c.document) for c in got] == [
        ("acquisition and cross-servicing agreement", "doc"), ("common kind of deal", "other")
    ]


def test_other_questions_and_texts_that_spell_nothing_out_keep_their_spans():
    passage = Passage("doc", 0, len(TEXT), TEXT)
    best = _candidate("the two sides to share supplies", passage)
    assert spelled_out("What does an ACSA allow?", [best], [passage]) == [best]
    plain = Passage("doc", 0, 26, "An ACSA allows the sharing.")
    assert spelled_out("What does ACSA stand for?", [_candidate("the sharing", plain)], [plain])[0].text == "the sharing"
    assert spelled_out("What does ACSA stand for?", [], [passage]) == []
