"""Typos in a question, corrected toward the documents' own words: "forein minister" -> "foreign minister".

People type fast in a chat, and one typo costs the reader much (SQuAD dev, one typo a question: span
F1 84.4 -> 78.8, and twice the abstentions; see the README). A word is left alone when it is English
(the reader's vocabulary, or a word form of spaCy's English lemma tables) or the documents use it;
an unknown word becomes the nearest document word (one edit for short words, two for long ones,
the same first letter), the most frequent on a tie. A name the documents do not hold stays as
typed, so a question about someone absent is not turned into one about someone present.
"""

from __future__ import annotations

import importlib.util
import logging
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Container, Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from qa.mentions import SPACY_MODEL

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]+")
_ENDINGS = ("s", "es", "d", "ed", "ing")
_POSSESSIVE_S = ("'s", "\u2019s")
MIN_LENGTH = 4  # shorter words have too many neighbours to guess from
LONG_WORD = 8  # from this length two edits (a swap counts as one) are allowed


class EnglishWords:
    """Word forms of English: the base forms of spaCy's lemma tables, their irregular forms, and any
    word its suffix rules take to a base form ("subsided" -> "subside", "airfields" -> "airfield")."""

    def __init__(self, bases: Iterable[str], irregular: Iterable[str], rules: Iterable[tuple[str, str]]) -> None:
        self._bases = frozenset(bases)
        self._irregular = frozenset(irregular)
        self._rules = sorted(set(rules))

    @classmethod
    def from_lookups(cls, path: Path) -> "EnglishWords":
        """Read a spaCy lemmatizer's lookups.bin (tables keyed by part of speech, merged here)."""
        import srsly

        tables = srsly.read_msgpack(path)
        return cls(
            (word for words in tables["lemma_index"].values() for word in words),
            (form for forms in tables["lemma_exc"].values() for form in forms),
            ((old, new) for rules in tables["lemma_rules"].values() for old, new in rules),
        )

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if word in self._bases or word in self._irregular:
            return True
        return any(word.endswith(old) and word[: len(word) - len(old)] + new in self._bases for old, new in self._rules)


@lru_cache(maxsize=1)
def english_words() -> EnglishWords | None:
    """The English word forms of the spaCy model the project installs; None (with a warning) without it."""
    spec = importlib.util.find_spec(SPACY_MODEL)
    folders = [Path(p) for p in (spec.submodule_search_locations or [])] if spec else []
    found = next((f for folder in folders for f in folder.glob("*/lemmatizer/lookups/lookups.bin")), None)
    if found is None:
        log.warning("no English word list (%s's lemma tables): questions are read as typed", SPACY_MODEL)
        return None
    return EnglishWords.from_lookups(found)


class Speller:
    """Corrects the unknown words of a question toward the words of `texts`. A word in `known` (lower
    case: the reader's vocabulary) or, with `english`, one of English's word forms (`english_words`,
    read on the first word that needs it) is never corrected."""

    def __init__(self, texts: Iterable[str], known: Container[str] = frozenset(), english: bool = True) -> None:
        forms: Counter[str] = Counter()
        self._possessors: set[str] = set()  # names written with "'s": "Japans" is typed for "Japan's"
        for text in texts:  # one pass over the documents, which may be large
            for m in _WORD.finditer(text):
                forms[m.group()] += 1
                if text[m.end() : m.end() + 2] in _POSSESSIVE_S and m.group()[0].isupper():
                    self._possessors.add(m.group().lower())
        self._counts: Counter[str] = Counter()
        self._form: dict[str, str] = {}  # lower case -> the form the documents use most
        for form, count in forms.most_common():
            lower = form.lower()
            self._counts[lower] += count
            self._form.setdefault(lower, form)
        self._words = [w for w in self._counts if len(w) >= MIN_LENGTH - 1]
        self._known = known
        self._english = english

    def correct(self, question: str) -> str:
        """The question with each unknown word replaced by its nearest document word, if it has one."""
        return _WORD.sub(lambda m: self._corrected(m.group()), question)

    def unknown(self, question: str) -> list[str]:
        """The words of `question` that are neither the documents' nor English: the ones `correct`
        looks for a document word to replace with (none, for most questions)."""
        return [
            m.group() for m in _WORD.finditer(question)
            if len(m.group()) >= MIN_LENGTH and m.group().lower() not in self._counts and self._unknown(m.group().lower())
        ]

    def _unknown(self, lower: str) -> bool:
        return lower not in self._known and not (self._english and lower in (english_words() or ()))

    def _corrected(self, word: str) -> str:
        lower = word.lower()
        if len(word) < MIN_LENGTH or lower in self._counts:
            return word
        if lower.endswith("s") and lower[:-1] in self._possessors:  # an apostrophe left out
            return _as_typed(self._form[lower[:-1]], word) + "'s"
        if not self._unknown(lower):
            return word
        if any(form in self._counts for form in _other_forms(lower)):
            return word  # "reemerge" where the documents write "reemerged": the word, in the form the person meant
        limit = 2 if len(word) >= LONG_WORD else 1
        near = process.extract(lower, self._words, scorer=OSA.distance, score_cutoff=limit, limit=None)
        near = [(w, d) for w, d, _ in near if w[0] == lower[0]]
        if not near:
            return word
        best, _ = min(near, key=lambda pair: (pair[1], -self._counts[pair[0]], pair[0]))
        return _as_typed(self._form[best], word)


def _other_forms(word: str) -> set[str]:
    """The word with an inflection's ending added or taken off: "reemerge" -> "reemerged", "reemerges", ...."""
    added = {word + ending for ending in _ENDINGS}
    return added | {word[: -len(ending)] for ending in _ENDINGS if word.endswith(ending) and len(word) > len(ending) + 2}


def _as_typed(form: str, typed: str) -> str:
    """A document word as the documents write it ("Müntzer"), in the case the person typed."""
    if typed.isupper():
        return form.upper()
    return form[0].upper() + form[1:] if typed[0].isupper() else form.lower()
