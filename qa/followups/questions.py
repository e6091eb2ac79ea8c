"""What a question asks, read from its parse, where more than one way of reading a follow-up needs it:
whether it locates something, whether its "which" is inverted, an answer with the noun it asked for."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.followups.wording import modifies
from qa.genders import Genders
from qa.mentions import KIND_NOUNS, PLACE_NOUNS, parse, wh_token

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


# what only a place has: "its capital" is a country's or a region's
OF_A_PLACE = frozenset(
    "capital population border borders territory coastline climate flag anthem president economy currency "
    "geography weather season seasons rainfall temperature temperatures area".split()
)

# "In which city is it?", "On which coast is it located?": what "it" is, a place is in
_WHICH_PLACE = re.compile(rf"\b(?:which|what)\s+(?:{'|'.join(sorted(PLACE_NOUNS))})\b", re.IGNORECASE)

_LOCATED = frozenset("be lie locate situate".split())

_PROPER_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:an|ian|ean|ic|ish|ese)")  # "Mediterranean", "Arabic", "Japanese"

_IN_WHICH = re.compile(r"(?:in|on|at)\s+(?:which|what)\b", re.IGNORECASE)


def inverted_which(question: Doc) -> bool:
    """"Which county is Detroit the seat of?": a "which" phrase parsed as the subject of "be" with a name after
    it, which is what the question is about; so is "What are harmonics an important class of?", however parsed."""
    wh = wh_token(question)
    words = [t for t in question if not t.is_punct]
    # "What" first, "be" after it, an "of" left without its object at the end, and a subject between
    stranded_of = len(words) > 4 and words[-1].lower_ == "of" and not any(c.dep_ == "pobj" for c in words[-1].children)
    if stranded_of and wh is not None and wh.i == 0 and wh.lower_ == "what" and words[1].lemma_ == "be":
        return True
    if wh is None or wh.lower_ != "which" or wh.dep_ != "det" or wh.head.dep_ != "nsubj" or wh.head.head.lemma_ != "be":
        return False
    return any(t.dep_ == "attr" and t.pos_ == "PROPN" and t.head == wh.head.head for t in question)


def with_asked_noun(question: Doc, answer: str, genders: Genders) -> str:
    """An answer that only describes what a which/what question asked for, with its noun: "second" for "In
    which edition's preface ...?" is "the second edition", and so is one the documents write before the noun
    ("horse" for "In which latitudes ...?": "the horse latitudes"); any other answer as it is."""
    wh = wh_token(question)
    noun = question[wh.i + 1] if wh is not None and wh.i + 1 < len(question) else None
    # (a noun the tagger read as a verb, an auxiliary after it: "latitudes" of "In which latitudes is ...?")
    misread = noun is not None and noun.pos_ == "VERB" and noun.i + 1 < len(question) and question[noun.i + 1].pos_ == "AUX"
    if wh is None or wh.lower_ not in ("which", "what") or noun is None or not (noun.pos_ == "NOUN" or misread):
        return answer
    # (a word, or a name's adjective, "Mediterranean"; not a name, "the Andes mountain", "the CALIPSO satellite")
    # an adjective describes; a lower-case word the tagger took for a name ("tripedal") only where the documents,
    # if any, write it so ("magnesium" for "Which element ...?" is the element, not "the magnesium element")
    if not all(t.tag_ in ("JJ", "JJR", "JJS") for t in parse(answer) if not t.is_punct):
        describes = answer.islower() or _PROPER_ADJECTIVE.fullmatch(answer) is not None
        written = genders.writes_before(answer, noun.text)  # the documents are searched only for a non-adjective
        if not (modifies(answer) and (written or not genders.reads_documents) or describes and written):
            return answer
    if noun.lemma_.lower() in KIND_NOUNS:  # "What kind of climate ...?" -> "humid subtropical": the climate
        of = next((c for c in noun.children if c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if noun is None:
            return answer
    return f"the {answer} {noun.text}"


def locates(question: Doc) -> bool:
    """"Which county is Southampton in?", "In which ocean is Bermuda located?": a question for the place
    its subject is in ("Which city was Calvin's adopted home?" asks which city it was, and "Which town in Hanumangarh
    district was a capital ...?" which town: its "in" has an object of its own)."""
    return asks_where_it_is(question) and any(
        t.lemma_ in _LOCATED - {"be"} or (t.pos_ == "ADP" and t.lower_ in ("in", "on", "at", "near") and _asked_in(t))
        for t in question
    )


def _asked_in(preposition: Token) -> bool:
    """Whether a preposition's object is what the question asks: "In which ocean", or none ("is Bermuda in?")."""
    objects = [t for t in preposition.children if t.dep_ == "pobj"]
    return not objects or any(w.lower_ in ("which", "what") for o in objects for w in o.subtree)


def asks_where_it_is(question: Doc) -> bool:
    """"In which city is it?", "Which country is it located in?", "In which latitudes is it located?": a
    question for the place something is in."""
    located = any(t.lemma_ in _LOCATED and t.dep_ == "ROOT" for t in question)
    return located and bool(_WHICH_PLACE.search(question.text) or _IN_WHICH.match(question.text))
