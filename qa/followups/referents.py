"""Who or what the earlier turns offer a pronoun beyond their ranked mentions: the people they answered
with, a pair told apart by gender, the two parties a "they" may mean, the name a question asked for."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.followups.history import TURNS_BACK, History
from qa.genders import by_title
from qa.mentions import (
    IT, NUMBER, PERSON, PLACE, SINGULAR, THING, TIME, Mention, agrees, answer_mention, asked_phrase, asks_a_name,
    asks_name, called_then, defined_phrase, parse, wh_token,
)
from qa.nations import is_country

if TYPE_CHECKING:
    from spacy.tokens import Doc


# a title: capitalised words and the small words between them ("Seven Lamps of Architecture")
_A_TITLE = re.compile(r"(?:The\s+)?[A-Z][\w'.-]*(?:\s+(?:(?:of|the|and|in|on|for|a)\s+)*[A-Z][\w'.-]*)*")

# "in London" of "Royal Albert Hall in London": a name's place, after a name
_IN_A_NAMED_PLACE = re.compile(r"^((?:the |The )?[A-Z][^,]*?)\s+(?:in|at|near)\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*$")

# "the western German city of Munster": the name, without the words that place it (only where the noun
# and the name are one place: not "the capital of France", "the coast of China", "the Kurdish region of Iraq")
_PLACE_OF_A_NAME = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:city|town|village|port|island|state|province|county|district)\s+of\s+"
    r"([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*)$",
    re.IGNORECASE,
)


def place_answered(history: History, ranked: list[Mention]) -> list[Mention]:
    """`ranked` with the last answer first where it is a place: "On which coast is it?" after "Where did
    the company establish its first factory?" asks about the place, not the company; without the
    place it is in ("Royal Albert Hall in London", "the western German city of Munster"), which the
    question asks for."""
    last = history.turns[-1]
    answer = answer_mention(parse(last.read_as), last.answer) if last.answer else None
    if answer is None or answer.kind != PLACE or answer not in ranked:
        return ranked
    text = _PLACE_OF_A_NAME.sub(r"\1", _IN_A_NAMED_PLACE.sub(r"\1", answer.text))
    return [replace(answer, text=text)] + [m for m in ranked if m != answer]


def a_city(history: History, mention: Mention) -> bool:
    """Whether a mention may be a city: a place, or a name the documents write as one, and no country."""
    placed = mention.kind == PLACE or mention.named and history.genders.is_placed(mention.text, False)
    return placed and not is_country(mention.text)


def placed_name(history: History, mention: Mention) -> bool:
    """A one-word name labelled a person that the documents write where a place goes and never call "he"
    or "she" ("Hull" of "in the Hull Blitz"): a place, whose "its" a question may ask about. Not for "it":
    "When did it open?" after "Which college does Eton co-sponsor?" is the college, not Eton."""
    one_word = mention.kind == PERSON and not mention.plural and " " not in mention.text and mention.text.istitle()
    return one_word and history.genders.of(mention.text) is None and history.genders.is_placed(mention.text, False)


def unplaced_name(history: History, mention: Mention) -> bool:
    """A one-word name labelled a place that the documents never write after "in", "at", "to" ..., and no
    country ("Japan", written only as "Japan's")."""
    one_word = mention.named and not mention.plural and " " not in mention.text and mention.text.istitle()
    return one_word and mention.kind == PLACE and not history.genders.is_placed(mention.text) and not is_country(mention.text)


def gender_of(history: History, name: str, answered: dict[str, str]) -> str | None:
    """A name's gender as the documents or its title tell, else as the question it answered asked for
    (`answered`, see `answered_genders`): "Louis VII of France" answering "Who was Eleanor's former
    husband?" is a "he"."""
    return history.genders.of(name) or answered.get(name)


def answered_genders(history: History) -> dict[str, str]:
    """The answers of recent turns whose question asked for a man or a woman ("husband", "Which king")."""
    found: dict[str, str] = {}
    for doc, answer in _recent_answers(history):
        asked = defined_phrase(doc) or asked_phrase(doc)
        gender = by_title(asked.text) if asked is not None else None
        if gender is not None:
            found[answer.text] = gender
    return found


def answered_people(history: History) -> set[str]:
    """The names that answered recent turns as one person."""
    return {a.text for _, a in _recent_answers(history) if a.kind == PERSON and a.named and not a.plural}


def who_answered(history: History) -> Mention | None:
    """The answer to the last question, where it asked "who"."""
    last = history.turns[-1]
    doc = parse(last.read_as)
    wh = wh_token(doc)
    if not last.answer or wh is None or wh.lower_ not in ("who", "whom"):
        return None
    return answer_mention(doc, last.answer)


def named_subject(history: History) -> Mention | None:
    """The name that is the last question's subject, as a "they" (British English says it of a club or a firm),
    where the last answer was a time or a number, no thing that "they" may have meant ("Burnside" for "Which
    rules ...?")."""
    last = history.turns[-1]
    doc = parse(last.read_as)
    answered = answer_mention(doc, last.answer) if last.answer else None
    if last.answer and (answered is None or answered.kind not in (TIME, NUMBER)):
        return None
    subject = next((t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN"), None)
    name = next((e for e in doc.ents if subject is not None and e.start <= subject.i < e.end), None)
    if name is None or name.label_ in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
        return None
    return Mention(name.text, THING, plural=True, named=True)


def first_agreeing(history: History, pronoun: str, form: str, ranked: list[Mention]) -> Mention | None:
    """The first candidate that agrees with the pronoun, or for "he" or "she" the one of a pair of that
    gender where the pair comes first ("he" after "Who joined online?" -> "Yasukazu Hamada and Christine
    Lambrecht" is Hamada, not the man an older turn named)."""
    for mention in ranked:
        if agrees(pronoun, mention):
            return _whole_title(mention, ranked) if pronoun in IT else mention
        one = _one_of_a_pair(history, form, mention) if pronoun in SINGULAR else None
        if one is not None:
            return one
    return None


def name_answered(history: History, called: bool = False) -> Mention | None:
    """The answer to the last question, where it asked for a name: "What does it translate to?"
    after "What is the name of Nasser's brother?" -> "Izz al-Arab" means the name. `called`: only where it
    asked what something is called ("What was Kathmandu sometimes called during medieval times?"), not
    what a name means."""
    last = history.turns[-1]
    doc = parse(last.read_as)
    if not last.answer or not (asks_name(doc) or called_then(doc) if called else asks_a_name(doc)):
        return None
    return Mention(last.answer, THING, plural=False, named=True)


def two_parties(history: History, candidates: list[Mention]) -> Mention | None:
    """'They' with no group to stand for: the two most recent people (or else places) named apart; a
    name the documents call "he" or "she" is a person, however labelled ("West"; not a title, "Earl of
    Snowdon", which answered what he was created)."""
    people = [
        replace(m, kind=PERSON) if m.named and not by_title(m.text) and history.genders.of(m.text) else m
        for m in candidates
    ]
    for kind in (PERSON, PLACE):
        names = list(dict.fromkeys(m.text for m in people if m.kind == kind and not m.plural))
        if len(names) >= 2:
            return Mention(f"{names[0]} and {names[1]}", kind, plural=True, named=True)
    return None


def _recent_answers(history: History) -> list[tuple[Doc, Mention]]:
    """The recent turns' questions as read, each with its answer as a mention, where it is one."""
    answered = ((parse(turn.read_as), turn.answer) for turn in history.turns[-TURNS_BACK:] if turn.answer)
    return [(doc, mention) for doc, answer in answered if (mention := answer_mention(doc, answer)) is not None]


def _one_of_a_pair(history: History, form: str, pair: Mention) -> Mention | None:
    """The one person of the gender asked for in a list of two people ("Yasukazu Hamada and Christine
    Lambrecht" for "he", where the documents say "Hamada ... his")."""
    if not (pair.kind == PERSON and pair.plural and pair.named):
        return None
    people = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", pair.text) if p.strip()]
    fitting = [p for p in people if history.genders.of(p) == form]
    if len(people) == 2 and len(fitting) == 1:
        return Mention(fitting[0], PERSON, plural=False, named=True)
    return None


def _whole_title(mention: Mention, ranked: list[Mention]) -> Mention:
    """The title a name ends ("Architecture" of "Seven Lamps of Architecture"), one thing however plural its
    head, where one is among the candidates; else the mention."""
    for other in ranked:
        if other.named and other.text.endswith(f" of {mention.text}") and _A_TITLE.fullmatch(other.text):
            return replace(other, plural=False)
    return mention
