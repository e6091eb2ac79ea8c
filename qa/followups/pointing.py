"""Words that point back without a pronoun: "that program", "the word", "that area" and "there", read as
the phrase or place the earlier turns named."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.followups.candidates import earlier_mentions
from qa.followups.history import History
from qa.followups.questions import locates, with_asked_noun
from qa.followups.wording import as_inserted, says
from qa.mentions import (
    INSTITUTION_NOUNS, PLACE, PLACE_NOUNS, THING, WORD_NOUNS, Mention, answer_mention, asked_phrase, asks_a_name, parse,
    question_mentions, wh_token,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


_DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})

_SPOT_NOUNS = frozenset("area place spot location site part".split())  # where-answers that are no kind of place

_LOCATING = frozenset("in at on near by along around inside outside within beside across".split())

# "go there" is "go to" a place, "study there" "in" it
_MOTION_VERBS = frozenset(
    "go come move travel return fly sail emigrate migrate flee send bring walk drive ride head".split()
)

_PLACE_PREPOSITIONS = frozenset("in at on to from near".split())

_ON_NOUNS = frozenset("island islands islet isle coast shore peninsula".split())  # places things are "on", not "in"


def resolve_demonstratives(history: History, question: str) -> str | None:
    """"that program" where an earlier turn named a program ("the federal-aid airport program"): the
    phrase it points back to, most recent first; "that year" after "1981" names no year, and stays."""
    doc = parse(question)
    pointers = [t for t in doc if t.dep_ == "det" and t.head.pos_ == "NOUN" and _points_back(t)]
    if not pointers:
        return None
    candidates = earlier_mentions(history, doc)[False]
    pieces, last = [], 0
    for pointer in pointers:
        # its noun, or one before it that the parser made a modifier ("this phone" of "did this phone cost")
        for noun in (t for t in doc[pointer.i + 1 : pointer.head.i + 1] if t.pos_ == "NOUN"):
            if pointer.lower_ == "the":  # only a word or a name the last turn gave: "the network" -> "Somtel Network"
                mention = _term_answered(history, noun) or _named_last(history, noun)
                mention = mention if mention is not None and not says(question, mention.text) else None
            else:
                named = (m for m in candidates if _headed_by(m.text, noun))
                mention = next((m for m in named if not says(question, m.text)), None)
                mention = mention or _answered_as(history, noun) or _place_answered_as(history, noun)
            if mention is not None:
                # "a new phone" is "the new phone" once it has been mentioned
                text = re.sub(r"^(?:a|an)\s", "the ", as_inserted(mention.text, False), flags=re.IGNORECASE)
                if mention.plural and noun.tag_ == "NN" and not says(text, "one of"):
                    text = f"one of {text}"  # "that use" of "silicate glasses' primary uses" is one of them
                pieces.append(question[last : pointer.idx] + text)
                last = noun.idx + len(noun.text)
                break
    return "".join(pieces) + question[last:] if pieces else None


def resolve_there(history: History, question: str) -> str | None:
    """"there" as the place the last turn answered with or named: "What did he take to go there?" after
    "Where did Popper go for a study visit?" -> "United Kingdom" reads "... to go to the United Kingdom?" (and
    "What does the air there do?" after "In which latitudes is the Sahara located?" -> "horse", "in the horse
    latitudes"); "in" where nothing moves ("What did he study there?"), "at" an institution, "on" an island. Not
    the "there" of "there is"."""
    doc = parse(question)
    # (or a noun's: "the air there")
    adverbs = (t for t in doc if t.lower_ == "there" and t.tag_ == "RB")
    there = next((t for t in adverbs if t.head.pos_ in ("VERB", "AUX") or t.dep_ == "advmod"), None)
    if there is None:
        return None
    last = history.turns[-1]
    asked = parse(last.read_as)
    wh = wh_token(asked)
    # the answer to "where", or to a which-question for a place ("In which latitudes is the Sahara located?")
    located = wh is not None and (wh.lower_ == "where" or locates(asked))
    answered = None
    if last.answer and located:
        answered = answer_mention(asked, with_asked_noun(asked, last.answer, history.genders))
    named = next((m for m in question_mentions(asked) if m.kind == PLACE and m.text not in question), None)
    place = answered or named
    if place is None:
        return None
    words = place.text.split()
    if words[0].lower() in _PLACE_PREPOSITIONS:
        words = words[1:]  # "in Vienna" answers "where" with its own preposition
    # "at" an institution: "What did he study there?" after "Trinity College, Cambridge"
    at = any(w.lower().strip(",") in INSTITUTION_NOUNS for w in words)
    on = words[-1].lower() in _ON_NOUNS  # "on the island"
    preposition = "to" if there.head.lemma_.lower() in _MOTION_VERBS else "at" if at else "on" if on else "in"
    after = question[there.idx + len(there.text) :]
    return f"{question[: there.idx]}{preposition} {as_inserted(' '.join(words), False)}{after}"


def _points_back(determiner: Token) -> bool:
    """"that", "this", "these" or "those" before a noun; or "the" before a bare noun ("What does the word
    mean?", "Where is the network based?"), which may name what the last turn named; not one before the noun it
    names ("the term publican", "the word publican", however parsed)."""
    if determiner.lower_ in _DEMONSTRATIVES:
        return True
    noun = determiner.head
    naming = noun.i + 1 < len(noun.doc) and noun.nbor().pos_ in ("NOUN", "PROPN")
    return determiner.lower_ == "the" and noun.tag_ == "NN" and len(list(noun.children)) == 1 and not naming


def _answered_as(history: History, noun: Token) -> Mention | None:
    """The last answer where the last question asked for one of `noun`: "that island" after "On which
    island is Alghero?" -> "Sardinia"."""
    last = history.turns[-1]
    asked = asked_phrase(parse(last.read_as)) if last.answer else None
    if asked is None or asked[-1].lemma_.lower() != noun.lemma_.lower():
        return None
    return answer_mention(parse(last.read_as), last.answer)


def _term_answered(history: History, noun: Token) -> Mention | None:
    """The last answer as the word it is, for "the word" or "that term" after a question that asked for a
    name: "the word zeitgebers" after "What are the cues that reset the rhythms called?"."""
    last = history.turns[-1]
    if noun.lemma_.lower() not in WORD_NOUNS or not last.answer or not asks_a_name(parse(last.read_as)):
        return None
    return Mention(f"the {noun.text} {last.answer}", THING, plural=False, named=True)


def _named_last(history: History, noun: Token) -> Mention | None:
    """A name the last turn gave, asked or answered, whose head is `noun`: "Somtel Network" for "the
    network" after "Which group acquired a majority stake in Somtel Network?"."""
    last = history.turns[-1]
    doc = parse(last.read_as)
    mentions = [answer_mention(doc, last.answer) if last.answer else None, *question_mentions(doc)]
    named = (m for m in mentions if m is not None and m.named)
    return next((m for m in named if parse(m.text)[:].root.lower_ == noun.lower_), None)


def _place_answered_as(history: History, noun: Token) -> Mention | None:
    """The place the last turn answered "where" with, for "that area" or "that region": "near the banks of
    the Nile River" is "the area near the banks of the Nile River"."""
    last = history.turns[-1]
    wh = wh_token(parse(last.read_as)) if last.answer else None
    if wh is None or wh.lower_ != "where" or noun.lemma_.lower() not in PLACE_NOUNS | _SPOT_NOUNS:
        return None
    answer = parse(last.answer)
    if answer[0].pos_ == "ADP" or answer[0].lower_ in _LOCATING:
        return Mention(f"the {noun.text} {last.answer}", PLACE)
    return answer_mention(parse(last.read_as), last.answer)


def _headed_by(phrase: str, noun: Token) -> bool:
    """Whether a phrase's head is `noun`, one or several ("silicate glasses' primary uses" for "that use"); the
    phrase's last word, which the small model misparses alone ("uses" as "us")."""
    words = re.findall(r"[^\W\d_]+", phrase.lower())
    lemma = noun.lemma_.lower()
    return bool(words) and (words[-1] in (lemma, f"{lemma}s", f"{lemma}es") or parse(phrase)[:].root.lemma_.lower() == lemma)
