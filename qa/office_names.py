"""Offices in a question, named as the documents name them: "top diplomat" -> "foreign minister".

News English names one office many ways: Germany's "top diplomat" is its "foreign minister", Japan's
"defence secretary" its "defense minister". The reader matches the question's words against the
text, and a name of the office the text never uses reads as words it does not hold: on the bundled
article "Who is Germany's top diplomat?" abstains where "Who is Germany's foreign minister?" answers
"Annalena Baerbock". So a question's name for an office that the documents never use becomes the
name of the same office they use most; where they use none of its names, or the question's own,
the question stays as typed. The names are the common ones of national cabinet offices; a name
with another meaning in some countries ("secretary of state", "chancellor") or outside politics
("premier"), or one office's name for another's in some countries ("head of government"), is not
among them.
"""

from __future__ import annotations

import re
from typing import Iterable

# each a set of names of one office, the usual one first (the pick where the documents use two as often)
OFFICES: tuple[tuple[str, ...], ...] = (
    (
        "foreign minister", "top diplomat", "chief diplomat", "foreign secretary", "foreign affairs minister",
        "minister of foreign affairs", "minister for foreign affairs",
    ),
    (
        "defense minister", "defence minister", "defense chief", "defence chief", "defense secretary",
        "defence secretary", "minister of defense", "minister of defence", "minister for defence",
        "secretary of defense",
    ),
    (
        "finance minister", "minister of finance", "finance chief", "treasury secretary",
        "secretary of the treasury", "chancellor of the exchequer",
    ),
    ("interior minister", "minister of the interior", "home minister", "home secretary"),
)


def _pattern(name: str) -> re.Pattern:
    """The name as words, in any case, singular or plural ("top diplomats"; group 1 is the plural "s")."""
    words = r"\s+".join(re.escape(w) for w in name.split())
    plural = "" if name.endswith("s") else "(s?)"
    return re.compile(rf"(?<![\w-]){words}{plural}(?![\w-])", re.IGNORECASE)


_SMALL = {"of", "for", "the"}  # not capitalised in a title: "Minister of Defence"
_PATTERNS = {name: _pattern(name) for names in OFFICES for name in names}


class OfficeNames:
    """Rewrites the office names of a question into the names `texts` use for those offices."""

    def __init__(self, texts: Iterable[str]) -> None:
        texts = list(texts)
        counts = {name: sum(len(pattern.findall(t)) for t in texts) for name, pattern in _PATTERNS.items()}
        self._used = {name for name, n in counts.items() if n}
        self._named: dict[str, str] = {}  # a name the texts never use -> the one they use most for its office
        for names in OFFICES:
            most = max(counts[name] for name in names)
            if most:
                pick = next(name for name in names if counts[name] == most)
                self._named |= {name: pick for name in names if name not in self._used}

    def rewrite(self, question: str) -> str:
        """The question with each office name the texts never use written as the one they use most."""
        for name in self.unknown(question):
            if name in self._named:
                question = _PATTERNS[name].sub(lambda m, name=name: _as_typed(m, self._named[name]), question)
        return question

    def unknown(self, question: str) -> list[str]:
        """The office names in the question that the texts never use (a store bot looks them up in the
        chunks the question retrieves), longest first: "minister of defence" before a name inside it."""
        found = [name for name, pattern in _PATTERNS.items() if name not in self._used and pattern.search(question)]
        return sorted(found, key=len, reverse=True)


def _as_typed(typed: re.Match, name: str) -> str:
    """`name` in the case and number of what was typed: "Top Diplomats" -> "Foreign Ministers"."""
    words = typed.group().split()
    titled = all(w[:1].isupper() for w in words if w.lower() not in _SMALL)
    written = " ".join(w if w in _SMALL else w.capitalize() for w in name.split()) if titled else name
    return written + ("s" if typed.lastindex and typed.group(1) else "")
