"""Abbreviations in a question, written as the documents write them: "G7" -> "Group of Seven".

A person asks about "the G7" where the text says "the Group of Seven nations", or about "the United
States" where it says "the U.S.". The reader matches the question's words against the text, and a
form the text never uses reads as a word it does not hold: on the bundled article "How many days did
the G7 ministerial meeting run?" abstains (margin -3.8) where "... the Group of Seven ministerial
meeting ...?" answers "two". So a question's abbreviation that the documents do not use becomes the
long form they do, and a long form they do not use becomes their abbreviation; where the documents
use both, or neither, or the match is not one phrase, the question stays as typed.

An abbreviation is a word of capitals and digits ("NATO", "G7", "U.S."); its long form, a run of
capitalised words (numbers for digits: "Seven" for 7), joined by spaces or hyphens and small words
like "of", whose initials spell it.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

_ABBREVIATION = re.compile(r"(?<![\w.])(?:(?:[A-Z]\.){2,}|[A-Z][A-Z0-9&]*[A-Z0-9])s?(?![\w-])")
_WORD = re.compile(r"[^\W\d_]+|\d+")
# may stand between the long form's words; "and" may not ("Thailand, Burma and Cambodia" is no "BC")
_JOINERS = {"of", "the", "for", "on", "in", "de"}
_QUESTION_WORDS = {"what", "which", "who", "whom", "whose", "when", "where", "why", "how"}
# a question about the abbreviation itself is not rewritten: "What does ACSA stand for?"
_ASKS_MEANING = re.compile(
    r"\b(?:stands? for|short for|abbreviat\w*|acronym|initials|mean)\b|^what (?:is|are|was) (?:an? |the )?\S+\?*$", re.I
)
_NUMBERS = {
    w: str(i) for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}


def _key(abbreviation: str) -> str:
    """The abbreviation without dots or a plural "s": "U.S." -> "US", "PPPs" -> "PPP"."""
    return abbreviation.replace(".", "").removesuffix("s")


def _units(key: str) -> list[str]:
    """What each word of a long form stands for: a capital letter or a number ("G7" -> G, 7)."""
    return re.findall(r"[A-Z]|\d+", key)


def _stands_for(word: str, unit: str) -> bool:
    if word.lower() in _JOINERS or word.lower() in _QUESTION_WORDS:  # "The Nile" does not spell "TN"
        return False
    if unit.isdigit():
        return word == unit or _NUMBERS.get(word.lower()) == unit
    return word[0] == unit and not word.isupper()  # a capitalised word, not another abbreviation


def _maybe_long_form(key: str) -> re.Pattern:
    """A pattern every long form of `key` matches (and a few phrases that are none): words starting with
    its capitals or naming its numbers, with joiners between them."""
    def word(unit: str) -> str:
        if not unit.isdigit():
            return rf"{unit}[^\W\d_]*"
        return rf"(?:{unit}|(?i:{'|'.join(w for w, n in _NUMBERS.items() if n == unit)}))"

    words = [word(unit) for unit in _units(key)]
    joiners = "|".join(sorted(_JOINERS))
    return re.compile(r"\b" + rf"(?:[ -](?:{joiners}))*[ -]".join(words) + r"\b")


def long_forms(key: str, text: str) -> list[str]:
    """The phrases of `text` whose initials spell the abbreviation `key` (without its dots)."""
    units = _units(key)
    if len(units) < 2 or "&" in key:
        return []
    words = list(_WORD.finditer(text))
    found = []
    for i, first in enumerate(words):
        if not _stands_for(first.group(), units[0]):
            continue
        matched, j = 1, i + 1
        while matched < len(units) and j < len(words):
            word, gap = words[j].group(), text[words[j - 1].end() : words[j].start()]
            if gap not in (" ", "-"):
                break
            if _stands_for(word, units[matched]):
                matched += 1
            elif word.lower() not in _JOINERS:
                break
            j += 1
        if matched == len(units) and not (_named_beside(text, words, i - 1, i) or _named_beside(text, words, j, j - 1)):
            found.append(text[first.start() : words[j - 1].end()])
    return found


def _named_beside(text: str, words: list[re.Match], beside: int, edge: int) -> bool:
    """Whether the word at `beside`, next to the phrase's word at `edge`, carries the name on: "Emergency
    Energy Conservation Act" is not "EEC" (the European Economic Community) and one more word."""
    if not 0 <= beside < len(words):
        return False
    left, right = sorted((words[beside], words[edge]), key=lambda m: m.start())
    word = words[beside].group()
    joined = text[left.end() : right.start()] in (" ", "-")
    return joined and word[0].isupper() and word.lower() not in _JOINERS | _QUESTION_WORDS


class Abbreviations:
    """Rewrites a question's abbreviations and long forms into the forms `texts` use."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts = list(texts)
        self._lower = "\n".join(self._texts).lower()
        self._used: dict[str, Counter[str]] = {}  # key -> the abbreviation as the texts write it
        for text in self._texts:
            for m in _ABBREVIATION.finditer(text):
                self._used.setdefault(_key(m.group()), Counter())[m.group()] += 1
        self._by_initial: dict[str, list[str]] = {}  # a long form in a question starts with its key's initial
        for key in self._used:
            self._by_initial.setdefault(key[0], []).append(key)
        self._spelled: dict[str, str] = {}

    def rewrite(self, question: str) -> str:
        """The question with each abbreviation or long form the texts do not use in the form they do."""
        if question.isupper() or _ASKS_MEANING.search(question):  # capitals: every word looks like one
            return question
        question = _ABBREVIATION.sub(lambda m: self._spelled_out(m.group()), question)
        initials = {m.group()[0] for m in _WORD.finditer(question) if m.group()[0].isupper()}
        for key in (k for initial in sorted(initials) for k in self._by_initial.get(initial, ())):
            for phrase in set(long_forms(key, question)):
                if phrase.lower() not in self._lower:
                    abbreviation = self._used[key].most_common(1)[0][0]
                    question = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", abbreviation, question)
        return question

    def _spelled_out(self, typed: str) -> str:
        """The texts' dotting of an abbreviation they write otherwise ("U.S." for "US"), or the one long
        form they write it out as; otherwise as typed."""
        forms = self._used.get(_key(typed))
        if forms:
            dotted = "." in typed
            if any(("." in form) == dotted for form in forms):
                return typed  # the texts use it as typed (a plural "s" aside)
            form = forms.most_common(1)[0][0]
            return form + "s" if typed.endswith("s") and not form.endswith("s") else form
        if len(_units(_key(typed))) < 3 and not re.search(r"\d", typed):
            return typed  # two letters stand for too much: "RB" is no "Rocky Boiman"
        if typed not in self._spelled:  # the texts are read once for each abbreviation
            maybe = _maybe_long_form(_key(typed))  # a quick scan first: most texts hold no such phrase
            found = Counter(p for text in self._texts if maybe.search(text) for p in long_forms(_key(typed), text))
            ranked = found.most_common(2)
            two_as_likely = len(ranked) > 1 and ranked[1][1] == ranked[0][1]  # not for us to choose
            self._spelled[typed] = typed if not ranked or two_as_likely else ranked[0][0]
        return self._spelled[typed]

    def unknown(self, question: str) -> list[str]:
        """The question's abbreviations that the texts do not use (a store bot looks them up in the chunks
        the question retrieves)."""
        return [m.group() for m in _ABBREVIATION.finditer(question) if _key(m.group()) not in self._used]
