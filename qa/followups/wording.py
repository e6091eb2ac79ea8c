"""Putting words into a question: a mention as it reads mid-question, a verb's base form, a first letter
in capitals; and comparing wordings (articles and punctuation aside)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.mentions import parse
from qa.spelling import english_words

if TYPE_CHECKING:
    from spacy.tokens import Token


# capitalised words and nothing else: no "Luther's", which owns what follows it
A_NAME = re.compile(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*")

# words for a share of a group: "most of Kathmandu's people", "most of them"
SHARES = frozenset("most many much some all few several half none each both".split())
_SHARE = "|".join(sorted(SHARES))

# a share of a group before what it is of ("most of Kathmandu's people"), and a phrase that names another share
SHARE_OF = re.compile(rf"\b(?:{_SHARE})\s+of\s+(?:the\s+)?$", re.IGNORECASE)
A_SHARE = re.compile(rf"^(?:the\s+)?(?:{_SHARE}|others?)\b", re.IGNORECASE)

# a time told from another, which takes no preposition: "a year later", "two days earlier", "the next year"
A_TIME_APART = re.compile(
    r"^(?:.+\s(?:later|earlier|ago|afterwards?)|(?:the\s+)?(?:next|following|previous)\s+\w+)$", re.IGNORECASE
)

# an amount, however the small model labels it: "only 600 m", "about 4,000", "$70 million"
AMOUNT = re.compile(
    r"^(?:the\s+)?(?:(?:only|about|around|some|nearly|almost|over|more than|less than)\s+)?[$£€]?\d", re.IGNORECASE
)


def as_inserted(text: str, possessive: bool, plural: bool = False) -> str:
    """A mention as it goes into the middle of a question: a leading article lower-cased, possessive
    marked ("Hayashi's", and "the talks'" for a plural in -s)."""
    first, _, rest = text.partition(" ")
    if rest and first in ("A", "An", "The"):
        text = f"{first.lower()} {rest}"
    if not possessive:
        return text
    return text + "'" if plural and text.endswith("s") else text + "'s"


def starts_as_name(text: str) -> bool:
    """Whether a phrase starts as a name does ("Jedlik"): not with an article, "A gene" capitalised as an answer's
    first word, nor "the IPCC", a body."""
    return text[:1].isupper() and text.split(maxsplit=1)[0] not in ("A", "An", "The")


def as_object(answer: str) -> str:
    """An answer as the object of the verb it answered: a bare verb as an infinitive ("Why?" after "What did
    Japan and Germany agree?" -> "enhance their defense cooperation": "... agree to enhance ...")."""
    first = parse(answer)[0]
    return f"to {answer}" if first.tag_ == "VB" and first.text.islower() else as_inserted(answer, False)


def modifies(answer: str) -> bool:
    """An answer that only describes what was asked for ("tripedal" for "What gait ...?", "humid subtropical",
    "second", "Spanish and Portuguese"): adjectives only, or lower-case words the tagger took for a name
    ("tripedal"), joined by "and" or "or"; not "The fundamental theorem of arithmetic", whose last word it tags
    an adjective."""
    words = [t for t in parse(answer) if not t.is_punct]
    joined = [t for t in words[1:-1] if t.lower_ in ("and", "or")]
    described = [t for t in words if t not in joined]
    return bool(words) and all(t.tag_ in ("JJ", "JJR", "JJS") or (t.tag_ == "NNP" and t.text.islower()) for t in described)


def says(question: str, words: str) -> bool:
    """Whether a question has these words in it, as words: "GE" is not in "fourth-largest"."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", question, re.IGNORECASE) is not None


def same_words(one: str, other: str) -> bool:
    """Two questions alike but for case, spacing and punctuation."""
    return re.findall(r"\w+", one.lower()) == re.findall(r"\w+", other.lower())


def base_form(verb: Token) -> str:
    """A verb's base form, the common spelling where spaCy's tables give a rarer one: "installed" ->
    "install", not "instal" (and "fulfil", "enrol"); "travelled" stays "travel", there being no "travell";
    and a past form the tagger left whole ("decreed", tagged present) as its stem."""
    lemma = verb.lemma_
    stem = untagged_past(verb)
    if stem is not None:
        return stem
    if verb.lower_.endswith("lled") and lemma.endswith("l") and not lemma.endswith("ll"):
        english = english_words()
        if english is not None and f"{lemma}l" in english:
            return f"{lemma}l"
    return lemma


def untagged_past(verb: Token) -> str | None:
    """The stem of a past form the tagger read as a present one and left whole ("decreed" of "Which president
    decreed ...?", tagged VBP with lemma "decreed", which no singular subject takes): "decree"; else None."""
    word = verb.lower_
    subject = next((t for t in verb.children if t.dep_ == "nsubj"), None)
    singular = subject is not None and subject.tag_ in ("NN", "NNP")
    if verb.tag_ != "VBP" or not singular or not word.endswith("ed") or verb.lemma_.lower() != word:
        return None
    english = english_words()
    return next((stem for stem in (word[:-1], word[:-2]) if english is not None and stem in english), None)


def upper_first(text: str) -> str:
    """The text with its first letter in capitals, the rest as written ("iPod" stays)."""
    return text[:1].upper() + text[1:]


def names_the_doing(noun: str, verb: str) -> bool:
    """Whether a noun names what a verb (its base form) does: it opens as the verb does ("invasion" of
    "invade", "application" of "apply", "election" of "elect")."""
    return noun.lower() != verb and noun.lower().startswith(verb[: max(4, len(verb) - 2)])
