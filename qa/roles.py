"""An office a question asks about against the titles the text gives a person.

"Who is Japan's prime minister?" asks for a prime minister of Japan. The reader often answers with
the name it finds next to "minister" ("Yasukazu Hamada"), though the text calls him "Japanese
Defense Minister Yasukazu Hamada". A person whose every title in the text names another office of
the same kind (a defense minister for a prime minister) or another country (a Japanese minister for
Germany's) is not the answer. Where the kinds differ ("chancellor" against "Minister", "top
diplomat" against "Foreign Minister") nothing is decided: a paraphrase is not a contradiction.
A counterpart holds the office of the titled person before it ("... and his German counterpart
Christine Lambrecht": a German defense minister), and the one person titled with exactly the office
asked about is who holds it (`held_by`; `qa.answers.checked` uses all of this).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from qa.mentions import PERSON_NOUNS, defined_phrase, parse
from qa.nations import is_nation, same_nation

# the capitalised words written right before a name: "Japanese Defense Minister " of "... Yasukazu Hamada"
_TITLE_BEFORE = re.compile(r"(?:^|[^\w'-])((?:[A-Z][\w'-]*\s+){1,4})$")
_WHO_IS = re.compile(r"\W*who(?:\s+is|\s+was|'s)\b", re.IGNORECASE)
# "his German counterpart, " right before a name, and a capitalised title followed by a name
_COUNTERPART = re.compile(r"\b(?:his|her|their|its)\s+(?:([A-Z][\w'-]*)\s+)?counterparts?,?\s+$")
_TITLED_NAME = re.compile(r"((?:[A-Z][\w'-]*\s+){1,4})(?=[A-Z][\w'-]*\s+[A-Z])")
_SAME_WORD = 5  # "defense" and "defence" are one word


@dataclass(frozen=True)
class Office:
    """An office: its head noun ("minister"), its other words ("defense"), and its country, as written."""

    head: str
    words: frozenset[str] = frozenset()
    nation: str | None = None

    def matches(self, other: "Office") -> bool:
        """Whether `other` is this office, word for word, of the same country ("German Defense Minister"
        for "Germany's defense minister")."""
        return (
            self.head == other.head and bool(self.nation and other.nation)
            and len(self.words) == len(other.words) and not self.contradicts(other)
        )

    def contradicts(self, other: "Office") -> bool:
        """Whether `other` is another office of the same kind, or of another country."""
        if self.head != other.head:
            return False
        if self.nation and other.nation and not same_nation(self.nation, other.nation):
            return True
        return bool(self.words and other.words) and not all(
            any(_shared(word, theirs, _SAME_WORD) for theirs in other.words) for word in self.words
        )


def _shared(a: str, b: str, length: int) -> bool:
    """The same word, or two that share their first `length` letters (all of the shorter one's, if fewer)."""
    n = min(length, len(a), len(b))
    return a == b or (n == length and a[:n] == b[:n])


def asked_office(question: str) -> Office | None:
    """The office a "Who is X?" question asks about ("Japan's prime minister", "the German defense
    minister", "the defense minister of Germany"); None for any other question."""
    if not _WHO_IS.match(question):  # most questions: no parse (spaCy loads on the first that needs it)
        return None
    doc = parse(question)
    phrase = defined_phrase(doc)
    if phrase is None or phrase.root.lemma_.lower() not in PERSON_NOUNS:
        return None
    nation, words = None, set()
    for token in phrase:
        if token.i == phrase.root.i or token.is_punct or token.pos_ in ("DET", "PART"):
            continue
        if token.ent_type_ in ("GPE", "NORP") or (token.text[:1].isupper() and is_nation(token.lower_)):
            nation = token.lower_
        elif token.pos_ in ("ADJ", "NOUN", "PROPN"):
            words.add(token.lower_)
    of = phrase.end < len(doc) and doc[phrase.end].lower_ == "of"
    if of and nation is None:  # "the defense minister of Germany"
        country = next((t for t in doc[phrase.end + 1 :] if t.ent_type_ in ("GPE", "NORP")), None)
        nation = country.lower_ if country is not None else None
    return Office(phrase.root.lemma_.lower(), frozenset(words), nation)


def titles(name: str, texts: Iterable[str]) -> list[Office]:
    """The offices `texts` give `name`: in a title right before it ("Japanese Defense Minister Yasukazu
    Hamada"), or as the counterpart of someone titled before it in the sentence ("Japanese Foreign
    Minister Yoshimasa Hayashi met with his German counterpart, Annalena Baerbock": a German foreign minister)."""
    found = []
    for text in texts:
        for match in re.finditer(re.escape(name), text):
            before = text[max(0, match.start() - 240) : match.start()]
            title = _office(_TITLE_BEFORE.search(before[-80:]))
            counterpart = _COUNTERPART.search(before)
            if title is None and counterpart is not None:
                sentence = re.split(r"[.!?]\s", before[: counterpart.start()])[-1]
                offices = (_office(m) for m in reversed(list(_TITLED_NAME.finditer(sentence))))
                other = next((o for o in offices if o is not None), None)  # the nearest titled person
                nation = counterpart.group(1).lower() if counterpart.group(1) else None
                title = Office(other.head, other.words, nation) if other is not None else None
            if title is not None:
                found.append(title)
    return found


def _office(title: re.Match | None) -> Office | None:
    """The office of a title's words ("Japanese Defense Minister"), if they end in one."""
    words = [w for w in title.group(1).lower().split() if w not in ("the", "a", "an")] if title else []
    if not words or words[-1] not in PERSON_NOUNS:
        return None
    nations = [w for w in words[:-1] if is_nation(w)]
    rest = frozenset(w for w in words[:-1] if w not in nations)
    return Office(words[-1], rest, nations[0] if nations else None)


def rules_out(office: Office | None, found: Sequence[Office]) -> bool:
    """Whether every title `found` for a name (see `titles`) names an office other than the one asked about."""
    return office is not None and bool(found) and all(office.contradicts(title) for title in found)


def held_by(office: Office | None, found: Mapping[str, Sequence[Office]]) -> str | None:
    """The one name whose titles (`found`, by name) give exactly the office asked about; None if none or several."""
    if office is None:
        return None
    holders = [name for name, offices in found.items() if any(office.matches(title) for title in offices)]
    return holders[0] if len(holders) == 1 else None
