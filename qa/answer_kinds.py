"""Whether a span can answer what a question asks for, where that is plain from the words alone.

The reader picks the best-scoring span; when the text holds no answer of the asked kind it still
scores something, often a name of the wrong kind: "Which Japanese city will host the next
meeting?" -> "Germany", "How long did the talks last?" -> "Nov. 3, 2022", "Who is Yoshimasa
Hayashi?" -> "Annalena Baerbock". The checks are narrow enough to rule out no right best span of
7,000 SQuAD dev questions (README, "Answer kinds"): a city, town, port or a country's state is not a
country, a Japanese city is none the text (or where it is silent, GeoNames) places in Germany, an Asian
country is none GeoNames puts in Europe, a duration is not a calendar date, a
place not a date, a count is not an ordinal, "Who is <name>?" is not answered by another name, and a
thing ("Which Japanese warship ...?") not by a person the text gives a title (`asks_for_a_thing`,
checked with qa.roles in qa.answers).
A span that fails one is no candidate; the next one that passes is judged by the usual abstention
rule, so the bot often says the text does not say.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from qa.gazetteer import CONTINENTS, continent_of, countries_with_city
from qa.mentions import PERSON_NOUNS
from qa.nations import is_country, is_nation, same_nation

_LOCALITIES = "|".join(
    "city cities town towns port ports village villages capital province provinces prefecture county district "
    "municipality".split()
)
# "which Japanese port", "what city", "in which German state": the words between the question
# word and the noun are its modifiers. A state counts only with a capitalised modifier ("German
# state", "US state"): "Which member state ...?" asks for a country.
_ASKS_LOCALITY = re.compile(
    rf"\b(?i:which|what)\s+(?:[\w'-]+\s+){{0,2}}?(?i:{_LOCALITIES})\b"
    r"|\b(?i:which|what)\s+(?:[\w'-]+\s+)?[A-Z][\w'-]*\s+(?i:state|states|region|regions)\b"
)
# "Which Japanese city ...?", "What is Brazil's capital?": group 1 may name the locality's country
_ASKS_LOCALITY_OF = re.compile(rf"\b(?i:which|what)\s+(?:[\w'-]+\s+)?([A-Z][\w'\u2019-]*)\s+(?i:{_LOCALITIES})\b")
# "Which Japanese city ...?" as GeoNames can check it: a city, town or port, its country's word
# alone ("New Mexico city" is a state's, "Indian municipality" no GeoNames city)
_ASKS_CITY_OF = re.compile(
    r"\b(?i:which|what)\s+(?:[a-z][\w'-]*\s+)?([A-Z][\w'\u2019-]*)\s+(?i:city|cities|town|towns|port|ports|capital)\b"
)
# "Which Asian country ...?": group 1 names the continent it asks about
_ASKS_COUNTRY_ON = re.compile(
    rf"\b(?i:which|what)\s+(?:[\w'-]+\s+)?({'|'.join(n.title() for n in CONTINENTS)})\s+(?i:countr(?:y|ies)|nations?)\b"
)
_ASKS_DURATION = re.compile(r"^\W*(?:for\s+)?how\s+long\b", re.IGNORECASE)
# "Where was he born?" asks for a place ("Where and when ...?" for a date too)
_ASKS_PLACE = re.compile(r"^\W*(?:(?:from|to)\s+)?where\b(?!.*\bwhen\b)", re.IGNORECASE)
_ASKS_COUNT = re.compile(r"\bhow\s+many\b", re.IGNORECASE)
# "seventh" says which one, not how many: "How many nuclear tests has North Korea conducted?" is not
# answered by "a seventh nuclear test" it is poised to conduct
_ORDINAL = re.compile(
    r"^\W*(?:the\s+|a\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\d+(?:st|nd|rd|th))\W*$",
    re.IGNORECASE,
)
# "Who is Yoshimasa Hayashi?": the whole question asks who a named person is
_WHO_IS_NAME = re.compile(r"^\W*who\s+(?:is|was)\s+((?:[^\W\d_][\w.'-]*\s*){1,5})\?*\s*$", re.IGNORECASE)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# a day of a month ("Nov. 3", "3 November") or a month and year ("September 2017"), not "since 2001"
_CALENDAR_DATE = re.compile(rf"\b{_MONTH}\s+\d{{1,4}}\b|\b\d{{1,2}}\s+{_MONTH}(?:\s|$)", re.IGNORECASE)
# a span that is a date and nothing else: "July 30, 1947", "in 1982", "September", "the 1990s"
_DATE = rf"(?:the\s+)?\d{{3,4}}s?|{_MONTH}(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?"
_ONLY_A_DATE = re.compile(rf"^\W*(?:(?:in|on|by|since|from|until)\s+)?(?:{_DATE})\W*$", re.IGNORECASE)
_SPAN_OF_TIME = re.compile(r"^\W*(?:since|from|until|till|between|for|over|through|after|before)\b", re.IGNORECASE)


def _is_another_person(answer: str, name: str) -> bool:
    """Whether `answer` is a person's name, all of it, sharing no word with `name` ("Yoshimasa Hayashi"
    is "Hayashi")."""
    from qa.mentions import parse

    ents = parse(answer).ents
    whole = len(ents) == 1 and ents[0].label_ == "PERSON" and ents[0].text == answer.strip()
    return whole and not set(answer.lower().split()) & set(name.lower().split())


def _placed_in(answer: str, texts: Sequence[str]) -> list[str]:
    """The countries `texts` (and the answer itself) place a locality in, as they write them: "German"
    of "the western German city of Munster", "Germany" of "Munster, Germany"."""
    place = re.escape(answer.split(",")[0].strip())
    if not place:
        return []
    described = re.compile(
        rf"\b([A-Z][\w'\u2019-]*)\s+(?:[a-z][\w-]*\s+)?(?i:{_LOCALITIES})\s+of\s+{place}\b"  # German city of Munster
        rf"|\b{place},\s+([A-Z][\w'\u2019-]*)(?=\s*(?:[,.;:)?!]|$))"  # Munster, Germany, (not "Mogadishu, US troops")
    )
    found = (m.group(1) or m.group(2) for text in (*texts, answer) for m in described.finditer(text))
    return [word for word in found if is_nation(word)]


def _is_name(words: str, texts: Sequence[str]) -> bool:
    """Whether `words` are a name: capitalised as typed, or wherever `texts` write them ("yoshimasa hayashi");
    never "the foreign minister" or "Foreign Minister", an office."""
    lower = words.lower().split()
    if lower[0] in ("the", "a", "an", "his", "her", "their", "its") or lower[-1] in PERSON_NOUNS:
        return False
    if all(w[:1].isupper() for w in words.split()):
        return True
    written = [m.group() for text in texts for m in re.finditer(rf"\b{re.escape(words)}\b", text, re.IGNORECASE)]
    return bool(written) and all(w[:1].isupper() for found in written for w in found.split())


# "Which Japanese warship ...?" asks for a thing: a which/what phrase of up to three words, none a
# person's ("Which minister"), a group's ("Which team") or a kind's ("What kind of"); "What did ...?" is none
_WHICH_PHRASE = re.compile(r"^\W*(?:[\w'-]+\s+)?(?:which|what)\s+([\w'-]+(?:\s+[\w'-]+){0,2})", re.IGNORECASE)
_NOT_A_PHRASE = frozenset("is was are were did does do has have had can could will would should may might of".split())
_NOT_A_THING = frozenset("kind type sort name one group team company organization organisation party member body".split())


def asks_for_a_thing(question: str) -> bool:
    """Whether a "Which ...?" or "What ...?" phrase asks for a thing, not a person or a group of people."""
    phrase = _WHICH_PHRASE.match(question)
    if phrase is None:
        return False
    words = [w.lower().removesuffix("'s") for w in phrase.group(1).split()]
    if words[0] in _NOT_A_PHRASE:
        return False
    return not any(w in PERSON_NOUNS or w.removesuffix("s") in PERSON_NOUNS or w in _NOT_A_THING for w in words)


def fitting(question: str, texts: Sequence[str] = ()) -> Callable[[str], bool]:
    """The test an answer to `question` must pass, read from the question once for all its candidates:
    False for a country where it asks for a city, town, port or a country's state, and for a place
    `texts` put in another country than the one it asks about ("Which Japanese city?": "the German
    city of Munster", "Munster, Germany"); for a calendar date where it asks "how long", and for a
    date alone where it asks "where"; for an ordinal ("seventh") where it asks "how many"; for another
    person's name where it asks "Who is <name>?", which asks what the person is (a name as typed, or as
    `texts` write it). True whenever the question's words leave it open."""
    locality = bool(_ASKS_LOCALITY.search(question))
    duration = bool(_ASKS_DURATION.search(question))
    place = bool(_ASKS_PLACE.search(question))
    count = bool(_ASKS_COUNT.search(question))
    who = _WHO_IS_NAME.match(question)
    person = who.group(1).strip() if who and _is_name(who.group(1).strip(), texts) else None
    of = _ASKS_LOCALITY_OF.search(question)
    country = of.group(1) if of and is_nation(of.group(1)) else None
    city_of = _ASKS_CITY_OF.search(question)
    city_country = city_of.group(1) if city_of and is_nation(city_of.group(1)) else None
    on = _ASKS_COUNTRY_ON.search(question)
    continent = CONTINENTS[on.group(1).lower()] if on else None

    def fits(answer: str) -> bool:
        if locality and is_country(answer):
            return False
        if continent and is_country(answer) and continent_of(answer) not in (None, continent):
            return False
        placed = _placed_in(answer, texts) if country else []
        if placed and not any(same_nation(country, nation) for nation in placed):
            return False
        # where the texts do not place it, the countries with a city of its name (GeoNames)
        known = countries_with_city(answer) if city_country and not placed else []
        if known and not any(same_nation(city_country, nation) for nation in known):
            return False
        if duration and _CALENDAR_DATE.search(answer) and not _SPAN_OF_TIME.search(answer):
            return False
        if place and _ONLY_A_DATE.match(answer):
            return False
        if count and _ORDINAL.match(answer):
            return False
        return not (person and _is_another_person(answer, person))

    return fits
