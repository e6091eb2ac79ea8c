"""What a question's words say its answer cannot be."""

from __future__ import annotations

import pytest

from qa.answer_kinds import asks_for_a_thing, fitting
from qa.nations import country_names


@pytest.mark.parametrize(
    "question, answer",
    [
        ("In which Japanese port did the German frigate dock?", "Japan"),
        ("Which Japanese city will host the next meeting?", "Germany"),
        ("Which German state is Munster in?", "Germany"),
        ("What US state is it in?", "the United States"),
        ("Which town did they visit?", "Britain"),
        ("WHICH CITY hosted the talks?", "the UK"),
        ("How long did the talks last?", "Nov. 3, 2022"),
        ("how long was the war", "September 2017"),
        ("For how long did it run?", "3 November 2022"),
        ("Where was Schwarzenegger born?", "July 30, 1947"),  # a date is no place
        ("Where did it happen?", "in 1982"),
        ("Who is Yoshimasa Hayashi?", "Annalena Baerbock"),  # asks what he is, not for another person
        ("How many nuclear tests has North Korea conducted?", "seventh"),  # which one, not how many
        ("How many provinces were there in the 17th century?", "the 16th"),
    ],
)
def test_an_answer_of_the_wrong_kind_does_not_fit(question, answer):
    assert not fitting(question)(answer)


@pytest.mark.parametrize(
    "question, answer",
    [
        ("Which member state declined to sign the Social Charter?", "UK"),  # a member state is a country
        ("Which member state declined to sign the Social Charter?", "the United Kingdom"),
        ("WHICH CITY hosted the talks?", "Munster"),
        ("Which country hosted the talks?", "Germany"),
        ("Which city hosted the talks?", "Munster"),
        ("How long has the station broadcast?", "since 1951"),
        ("How long has it been in use?", "1957"),
        ("How long did the talks last?", "two hours"),
        ("How many Eurofighter jets did Germany send?", "three"),
        ("Which nuclear test would it be?", "seventh"),  # an ordinal answers "which"
        ("When were the talks held?", "Nov. 3, 2022"),
        ("Where and when did the investigation begin?", "1894"),  # asks for a date too
        ("Where did they meet?", "May Street"),
        ("Who did the Ottoman empire ally with?", "Germany"),  # a "who" may well be a country
        ("Who is Yoshimasa Hayashi?", "Japanese Foreign Minister"),
        ("Who is Hayashi?", "Yoshimasa Hayashi"),  # the same person, named in full
        ("Who is Japan's foreign minister?", "Yoshimasa Hayashi"),
        ("", ""),
    ],
)
def test_an_answer_the_question_leaves_open_fits(question, answer):
    assert fitting(question)(answer)


def test_a_name_typed_in_lower_case_is_known_by_how_the_text_writes_it():
    texts = ["Japanese Foreign Minister Yoshimasa Hayashi met Annalena Baerbock."]
    assert not fitting("who is yoshimasa hayashi", texts)("Annalena Baerbock")
    assert fitting("who is the foreign minister", texts)("Annalena Baerbock")  # an office, not a name
    assert fitting("Who is The Foreign Minister?", ["The Foreign Minister Yoshimasa Hayashi"])("Yoshimasa Hayashi")


PLACES = [
    "Hayashi met Baerbock in the western German city of Munster. They flew on to Munster, Germany, and to Paris.",
    "During a raid in downtown Mogadishu, US troops became trapped.",
]


@pytest.mark.parametrize(
    "question, answer, fits",
    [
        ("Which Japanese city will host the next meeting?", "Munster", False),  # the text puts it in Germany
        ("Which Japanese city will host the next meeting?", "Munster, Germany", False),
        ("Which German city hosted the talks?", "Munster", True),
        ("Which Germany city hosted the talks?", "Munster", True),  # a name and its adjective: one country
        ("Which city hosted the talks?", "Munster", True),  # no country asked about
        ("Which French city did they fly to?", "Paris", True),  # the text does not place it
        ("In what Somalian city were US troops trapped?", "Mogadishu", True),  # ", US troops" places nothing
    ],
)
def test_a_place_the_text_puts_in_another_country_does_not_fit(question, answer, fits):
    assert fitting(question, PLACES)(answer) is fits


@pytest.mark.parametrize(
    "question, answer, fits",
    [
        ("Which Japanese city will host the next meeting?", "Berlin", False),  # GeoNames: a German city only
        ("Which Japanese city will host the next meeting?", "Tokyo", True),
        ("Which American city did they fly to?", "Paris", True),  # Paris, Texas: a city of both
        ("Which French city did they fly to?", "Springfield", False),
        ("In what US city do they live?", "Springfield", True),
        ("In what New Mexico city did he live?", "Albuquerque", True),  # a state's word, no country's
        ("In what Indian municipality is it?", "Goa", True),  # GeoNames' Goa is a Philippine city: no check
        ("Which Japanese city hosted it?", "Kyodo", True),  # no city GeoNames knows
    ],
)
def test_a_city_the_text_does_not_place_is_placed_by_geonames(question, answer, fits):
    assert fitting(question, ["They met in Tokyo and Berlin."])(answer) is fits


@pytest.mark.parametrize(
    "question, answer, fits",
    [
        ("Which Asian country is among Japan's partners?", "Germany", False),
        ("Which Asian country is among Japan's partners?", "India", True),
        ("Which Asian country is among Japan's partners?", "Russia", True),  # on two continents
        ("Which European nations took part?", "the United States", False),
        ("Which European nation already has such an agreement?", "Britain", True),
        ("What African country borders it?", "Kenya", True),
        ("Which country is among Japan's partners?", "Germany", True),  # no continent asked about
    ],
)
def test_a_country_on_another_continent_than_asked_does_not_fit(question, answer, fits):
    assert fitting(question)(answer) is fits


def test_countries_are_known_by_the_names_people_use():
    names = country_names()
    assert {"germany", "japan", "russia", "britain", "united states", "korea, republic of"} <= names
    assert "munster" not in names and "tokyo" not in names


@pytest.mark.parametrize(
    "question, thing",
    [
        ("Which Japanese warship visited Germany?", True),
        ("In which city did they meet?", True),
        ("What weapons did Germany send?", True),
        ("Which minister joined online?", False),  # a person
        ("Which country's foreign minister met Hayashi?", False),
        ("Which team won?", False),  # a group of people
        ("What kind of pact is it?", False),
        ("What did Germany send?", False),  # no which-phrase
        ("Who joined online?", False),
    ],
)
def test_which_phrases_that_ask_for_a_thing(question, thing):
    assert asks_for_a_thing(question) is thing
