"""What questions and answers mention: kinds, number, salience and agreement, read without a model."""

import pytest

from qa.mentions import (
    PERSON, PLACE, THING, TIME, Mention, agrees, answer_mention, counted_phrase, load_parser, question_mentions,
)


def _answer(question: str, answer: str):
    return answer_mention(load_parser()(question), answer)


@pytest.mark.parametrize(
    ("question", "answer", "kind", "plural"),
    [
        ("Who joined online?", "Yasukazu Hamada and Christine Lambrecht", PERSON, True),
        ("Who established a station?", "Central Pacific Railroad", THING, False),  # an organisation
        ("When did the jets arrive?", "September", TIME, False),
        ("Where did they meet?", "Munster", PLACE, False),
        ("What did Germany send?", "three Eurofighter jets", THING, True),  # things, though it starts with a number
        ("Which satellite measured the dust?", "CALIPSO", THING, False),  # an acronym, tagged a plural noun
        ("Who was a leader of the party?", "Hugues", PERSON, False),  # a name, tagged a plural noun
        ("Who is the lead author of the report?", "Anthony Shorrocks", PERSON, False),  # a name ending in s
        ("Who demonstrated that there are infinitely many primes?", "Euclid", PERSON, False),  # tagged an adjective
        ("Who wrote several treatises on plants?", "Diocles of Carystus", PERSON, False),  # one person, several words
        ("Who founded the Kingdom of Sicily?", "Norman adventurers", PERSON, True),
        # one, as the question asks, and an organisation, whatever spaCy's label for it
        ("Which organization reported on the 85 wealthiest individuals?", "Oxfam", THING, False),
        ("Which countries have an ACSA with Japan?", "the United States", PLACE, True),  # several, as asked
        # one, as asked, though the tagger reads "encyclical" as an adverb and "vitae" as a Latin plural
        ("Which encyclical set out Paul VI's position on birth control?", "Humanae vitae", THING, False),
        ("Who secured the rights along with BT Group?", "BSkyB", THING, False),  # a name opening in capitals
        ("Who lifted the ban?", "UEFA", THING, False),  # a name in capitals: no person's
        ("Which song is Montana's state ballad?", "Montana Melody", THING, False),  # a song, whatever its label
        ("Which commentator said so?", "Maurus Servius Honoratus", PERSON, False),  # a person, by what he does
    ],
)
def test_an_answer_takes_its_kind_from_the_question_and_its_number_from_itself(question, answer, kind, plural):
    mention = _answer(question, answer)
    assert (mention.kind, mention.plural) == (kind, plural)


def test_an_answer_that_is_not_a_noun_phrase_is_no_mention():
    assert _answer("What will Japan and Germany do?", "conduct a seventh nuclear test") is None


def test_a_bare_common_noun_answer_is_mentioned_with_the():
    assert _answer("Which force attacked the fort?", "Spanish force").text == "the Spanish force"
    assert _answer("Who refined the work?", "John Mayow").text == "John Mayow"


def test_a_questions_mentions_come_subject_and_object_first_names_before_phrases():
    texts = [m.text for m in question_mentions(load_parser()("Which countries have an ACSA with Japan?"))]
    assert texts.index("an ACSA") < texts.index("Japan")
    texts = [m.text for m in question_mentions(load_parser()("What is oxygen's atomic number?"))]
    assert texts[0] == "oxygen"


@pytest.mark.parametrize(
    ("pronoun", "kind", "plural", "expected"),
    [
        ("he", PERSON, False, True), ("she", PERSON, True, False), ("it", THING, False, True),
        ("it", PLACE, False, True), ("it", PERSON, False, False), ("it", TIME, False, False),
        ("they", PERSON, True, True), ("they", THING, True, True), ("they", TIME, True, False),
    ],
)
def test_agreement(pronoun, kind, plural, expected):
    assert agrees(pronoun, Mention("x", kind, plural)) is expected


def test_they_may_stand_for_an_organisation_known_by_its_head_noun():
    administration = question_mentions(load_parser()("What did the Nixon Administration begin?"))[0]
    assert administration.body and agrees("they", administration) and agrees("it", administration)
    amazon = question_mentions(load_parser()("How many trees does the Amazon have?"))
    assert not any(m.body for m in amazon)  # an ORG label alone is not trusted


def test_a_name_answer_with_a_description_after_it_is_the_name():
    mention = _answer("Who lifted the five-year ban in 1990?", "UEFA, European football's governing body")
    assert (mention.text, mention.kind) == ("UEFA", THING)


def test_a_common_noun_and_the_name_after_it_are_one_mention_whatever_the_names_first_letter():
    question = load_parser()("Which phone is the sixth generation iPod Touch roughly on par with?")
    assert "the sixth generation iPod Touch" in [m.text for m in question_mentions(question)]


def test_the_noun_of_an_idiom_is_no_mention():
    for question in ("Which dialect did the mixture of Greek-speakers give birth to?", "Where did the battle take place?"):
        texts = [m.text for m in question_mentions(load_parser()(question))]
        assert not {"birth", "place"} & set(texts), texts


def test_one_capitalised_word_that_answers_who_is_a_person_however_tagged():
    question = load_parser()("Who was the showrunner when the show debuted in Britain?")
    assert answer_mention(question, "Lythgoe") == Mention("Lythgoe", PERSON, plural=False, named=True)


def test_an_answer_has_the_number_of_the_noun_asked_for_not_of_the_verb_the_parser_gave_it():
    question = load_parser()("In which 1961 case were such clauses held unenforceable?")
    assert not answer_mention(question, "Torcaso v. Watkins").plural
    question = load_parser()("Which justice quoted Thomas Jefferson in Everson v. Board of Education?")
    assert answer_mention(question, "Hugo Black").kind == PERSON


def test_a_names_number_after_it_is_in_the_mention():
    assert "Milestone 1" in [m.text for m in question_mentions(load_parser()("When was Milestone 1 leaked?"))]


def test_one_of_a_list_is_one_and_the_list_several():
    mentions = question_mentions(load_parser()("For how many days did Daniel and his friends receive their diet?"))
    plural = {m.text: m.plural for m in mentions}
    assert (plural["Daniel"], plural["Daniel and his friends"]) == (False, True)


def test_a_latin_singular_is_no_people_whatever_its_first_letters():
    mentions = question_mentions(load_parser()("Who wrote Vitruvius Britannicus?"))
    assert [m.plural for m in mentions if m.text == "Vitruvius Britannicus"] == [False]


def test_a_name_that_owns_what_a_question_asks_about_is_a_mention():
    mentions = question_mentions(load_parser()("What share of The Sun's readers are women?"))
    assert "The Sun" in [m.text for m in mentions]


def test_how_many_of_counts_the_phrase_after_of():
    question = load_parser()("How many of the 20 richest federal electorates are held by the Liberals?")
    assert [counted_phrase(c).text for c in question.noun_chunks if counted_phrase(c) is not None] == [
        "20 richest federal electorates"
    ]
