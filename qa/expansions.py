"""The long form a question about an abbreviation asks for: "What does ACSA stand for?" -> "acquisition
and cross-servicing agreement".

Texts spell an abbreviation out beside it: "the acquisition and cross-servicing agreement, or ACSA",
"Lunar Excursion Module (LEM)", "ASCII, short for American Standard Code ...". The reader finds the
place but not always its edges ("cross-servicing agreement" on the bundled article, "Glacial Maximum"
for LGM, "modern alternating current" for AC), and a question worded otherwise ("What is ACSA short
for?") draws it to another sentence that names the abbreviation. So where a question asks what an
abbreviation stands for and a passage read spells it out, the answer is the phrase whose initials spell
it. The phrase must stand right beside the abbreviation: initials found anywhere else are no
spelling-out of it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Sequence

from qa.answers import Candidate
from qa.passages import Passage

# the abbreviation a question asks about: two capitals or more, in a word of letters, digits and dots
_ABBREVIATION = r"[\"'“‘]?(?-i:([\w.&]*[A-Z][\w.&]*[A-Z][\w.&]*|[A-Z][\w.&]*\d[\w.&]*))[\"'”’]?"
_ASKS = re.compile(
    rf"\b{_ABBREVIATION}(?: [\w'’]+){{0,4}} (?:stands?|stood|(?:is |was )?(?:short|an abbreviation|an acronym)) for\b"
    rf"|\b(?:acronym|abbreviation|initials) {_ABBREVIATION} (?:refers?|expands?) to\b"
    r"|^(?:what|which)\b.*?\b(?:full (?:name|form)|long form|meaning) of (?:the )?"
    rf"(?:acronym |abbreviation )?{_ABBREVIATION}"
    rf"|^what (?:does|did) (?:the )?(?:acronym |abbreviation )?{_ABBREVIATION} mean\W*$",
    re.IGNORECASE,
)
# small words a long form may pass over ("Time and Relative Dimension in Space" also spells with them)
_JOINERS = frozenset("of the and for on in to at by a an de du des la le et y und der die das von & or".split())
_WORD = re.compile(r"[^\W_]+(?:[-/&][^\W_]+)*|&")
# what may stand between a long form and its abbreviation: "(", ", or", ", also known as", quotes
_QUOTES = "\\s\"'“”‘’"
_BEFORE = re.compile(
    rf"^[{_QUOTES}]*(?:[(\[,–—:-]|\bor\b)?[{_QUOTES}]*"
    rf"(?:(?:or|also|known as|abbreviated(?: as| to)?|short|the)\b[{_QUOTES}]*)*$"
)
_AFTER = re.compile(
    rf"^[{_QUOTES}]*(?:[(\[,–—:-]|\bor\b)[{_QUOTES}]*(?:(?:or|i\.e\.|short for|stands? for|for|the)\b[{_QUOTES}]*)*$"
    r"|^\s+(?:stands?|is short) for\s+$"
)
# between a long form's words: "Transport, Energy", "Christ – Congregational"
_INSIDE = re.compile(r"^(?:\s*[,–—]?\s+|-)$")
_GAP_WORDS = 3  # words of the gap: "also known as"
_NUMBERS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}


def asked_abbreviation(question: str) -> str | None:
    """The abbreviation whose long form the question asks for ("What does the acronym LEM stand for?" ->
    "LEM"), or None."""
    found = _ASKS.search(question)
    if not found:
        return None
    return next(group for group in found.groups() if group)


def _units(abbreviation: str) -> tuple[str, ...]:
    """What each word of a long form stands for: a letter (any case) or a number: "G7" -> (g, 7)."""
    return tuple(re.findall(r"[a-z]|\d+", abbreviation.replace(".", "").lower()))


@lru_cache(maxsize=4096)
def _spells(words: tuple[str, ...], units: tuple[str, ...]) -> bool:
    """Whether `words` spell `units` with their initials, each word read whole ("cross-servicing": c) or
    by its parts ("cross-servicing": c, s), a small word counted or passed over, the first and last
    counted."""
    if not words:
        return not units
    word, rest = words[0], words[1:]
    whole, parts = word.lower(), re.split(r"[-/]", word.lower())
    readings = {(_initial(whole),), tuple(_initial(p) for p in parts)}
    if any(units[: len(r)] == r and (not rest or len(units) > len(r)) and _spells(rest, units[len(r):]) for r in readings):
        return True
    return whole in _JOINERS and bool(rest) and _spells(rest, units)


def _initial(word: str) -> str:
    """The unit a word stands for: its number ("seven" -> 7) or its first letter."""
    return _NUMBERS.get(word) or (word if word.isdigit() else word[:1])


def long_form(abbreviation: str, text: str) -> tuple[int, int] | None:
    """Where `text` spells the abbreviation out right beside it (before: "Lunar Excursion Module (LEM)";
    after: "LEM, or Lunar Excursion Module"): at the first place it is spelled out, the phrase nearest
    to it, and the shortest there. None where the text spells it out nowhere."""
    units = _units(abbreviation)
    if len(units) < 2:
        return None
    words = list(_WORD.finditer(text))
    most = 3 * len(units)
    for place in re.finditer(rf"(?<![\w.]){re.escape(abbreviation)}(?!\w)", text):
        before = [w for w in words if w.end() <= place.start()][-most - _GAP_WORDS :]
        after = [w for w in words if w.start() >= place.end()][: most + _GAP_WORDS]
        runs = [
            before[first : last + 1]
            for last in range(len(before) - 1, max(len(before) - 2 - _GAP_WORDS, -1), -1)
            for first in range(last, -1, -1)
            if _BEFORE.match(text[before[last].end() : place.start()])
        ] + [
            after[first : last + 1]
            for first in range(min(_GAP_WORDS + 1, len(after)))
            for last in range(first, len(after))
            if _AFTER.match(text[place.end() : after[first].start()])
        ]
        for run in runs:
            if _one_phrase(text, run) and _spells(tuple(w.group() for w in run), units):
                return run[0].start(), run[-1].end()
    return None


def _one_phrase(text: str, run: Sequence[re.Match]) -> bool:
    """Whether words make one phrase a long form can be: no bracket or stop between them ("Commander (CDR)
    Command Module Pilot" is none), and no small word at either end."""
    ends = (run[0].group().lower(), run[-1].group().lower())
    gaps = (text[a.end() : b.start()] for a, b in zip(run, run[1:]))
    return not set(ends) & _JOINERS and all(_INSIDE.match(gap) for gap in gaps)


def _same_sentence(text: str, start: int, end: int) -> bool:
    """Whether no sentence ends in text[start:end]."""
    return not re.search(r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]", text[start:end])


def spelled_out(question: str, candidates: Sequence[Candidate], read: Sequence[Passage]) -> list[Candidate]:
    """The candidates with each that lies in a sentence spelling out the abbreviation the question asks
    about made that long form, score kept. Where the best lies in no such sentence but a passage read
    spells it out, the best becomes that long form: the question asks for nothing else ("What is ACSA
    short for?" is read toward "ACSA generally allows ...")."""
    abbreviation = asked_abbreviation(question)
    forms = {p: at for p in read if (at := long_form(abbreviation, p.text))} if abbreviation and candidates else {}
    if not forms:
        return list(candidates)
    found = []
    for candidate in candidates:
        passage = next((p for p in forms if p.document == candidate.document and p.start <= candidate.start < p.end), None)
        if passage is not None and _same_sentence(passage.text, *_around(candidate, passage, forms[passage])):
            candidate = _placed(candidate, passage, forms[passage])
        found.append(candidate)
    if found[0] is candidates[0]:
        passage, at = next(iter(forms.items()))
        found[0] = _placed(candidates[0], passage, at)
    return found


def _around(candidate: Candidate, passage: Passage, at: tuple[int, int]) -> tuple[int, int]:
    """Where the candidate and the long form lie, both in all, in the passage."""
    return min(candidate.start - passage.start, at[0]), max(candidate.end - passage.start, at[1])


def _placed(candidate: Candidate, passage: Passage, at: tuple[int, int]) -> Candidate:
    """The candidate moved onto the long form at `at` in `passage`, its score kept."""
    return replace(
        candidate, text=passage.text[at[0] : at[1]], document=passage.document,
        start=passage.start + at[0], end=passage.start + at[1],
    )
