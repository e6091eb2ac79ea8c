"""Span decoding: from a window's start and end logits to answer spans in its context's characters.

Pure NumPy, no model: `window_candidates` finds the best spans of one window, scored by
their margin over the window's no-answer ([CLS]) score; `merge_candidates` keeps the best
of all windows of a context, each answer once. Spans are snapped to whole words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

import numpy as np


_ARTICLES = {"The", "A", "An"}
_POSSESSIVE = re.compile(r"(?:['\u2019]s|(?<=s)['\u2019])$")  # "Area's", "Areas'"


@dataclass(frozen=True)
class Window:
    """One model window over a context: `context` is the context's index in the batch read,
    `offsets[t]` token t's (start, end) characters in that context, `in_context[t]` whether
    token t is a context token (not the question, a special token or padding)."""

    context: int
    offsets: np.ndarray
    in_context: np.ndarray


@dataclass(frozen=True)
class Candidate:
    """A span `[start, end)` of a context and its margin: the span's logit score minus no-answer's."""

    start: int
    end: int
    margin: float

    def overlaps(self, others: Sequence["Candidate"]) -> bool:
        return any(other.start < self.end and self.start < other.end for other in others)


def snap_to_words(context: str, start: int, end: int) -> tuple[int, int]:
    """Widen `[start, end)` to whole words: a span cut inside a word ("Lambrec" of "Lambrecht",
    where the model picked a word piece) takes the rest of it. Surrounding blanks are dropped."""
    while start > 0 and start < end and context[start].isalnum() and context[start - 1].isalnum():
        start -= 1
    while end < len(context) and start < end and context[end - 1].isalnum() and context[end].isalnum():
        end += 1
    while start < end and context[start].isspace():
        start += 1
    while end > start and context[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=64)
def _band(n: int, max_answer_tokens: int) -> np.ndarray:
    """Which (start, end) token pairs make a span: end not before start, at most `max_answer_tokens` long.
    Windows come in few lengths, so each mask is built once (read-only: it is shared)."""
    rows, cols = np.indices((n, n))
    band = (cols >= rows) & (cols - rows < max_answer_tokens)
    band.flags.writeable = False
    return band


def shortest_within(start: np.ndarray, end: np.ndarray, i: int, j: int, within: float) -> tuple[int, int]:
    """The shortest token span inside `[i, j]` that scores within `within` of `[i, j]` itself, the
    better scoring of equals. "defense chiefs, Yasukazu Hamada and Christine Lambrecht" is read as
    the names alone where the model starts at "Yasukazu" almost as readily as at "defense"."""
    if within <= 0 or i == j:
        return i, j
    scores = start[i : j + 1, None] + end[None, i : j + 1]
    rows, cols = np.indices(scores.shape)
    near = (cols >= rows) & (scores >= start[i] + end[j] - within)
    lengths = np.where(near, cols - rows, scores.shape[0])
    a, b = np.unravel_index(np.lexsort((-scores.ravel(), lengths.ravel()))[0], scores.shape)
    return i + int(a), i + int(b)


def whole_names(context: str, start: int, end: int, outer_end: int) -> tuple[int, int]:
    """Widen `[start, end)` up to `outer_end` so that it does not stop inside a name: a span read
    tightly as "Mount" inside "Mount Kenya" takes "Kenya" back. A name is a run of capitalised words
    one space apart, with no punctuation between them, a leading "The" or a possessive ("Bay Area's
    Levi's Stadium" is two). Only the end moves: a tight start drops a title ("Report", "Tunisian")
    that a name reads as well without."""
    words = [(end + m.start(), end + m.end()) for m in re.finditer(r"\S+", context[end:outer_end])]
    if not words or words[0][0] != end + 1 or context[end] != " ":
        return start, end
    last_word = context[max(start, context.rfind(" ", start, end) + 1) : end]
    named = last_word[:1].isupper() and last_word[-1].isalnum()
    if not named or last_word in _ARTICLES or _POSSESSIVE.search(last_word):
        return start, end
    for s, e in words:
        if not context[s].isupper() or s != end + 1:
            break
        possessive = _POSSESSIVE.search(context[s:e])
        end = s + possessive.start() if possessive else e
        while not context[end - 1].isalnum() and context[end - 1] != ")":  # "Kenya," ends at "Kenya"
            end -= 1
        if possessive or end < e:
            break
    return start, end


_PAIRS = {"(": ")", "[": "]", "\u201c": "\u201d", "\u2018": "\u2019"}


def without_stray_marks(context: str, start: int, end: int) -> tuple[int, int]:
    """Read `[start, end)` without a quotation mark or bracket whose partner lies outside it, or with the
    partner where it is the very next character: 'Aid Korea"' is shown as "Aid Korea", and
    'Aggression and Aid Korea"' right after its opening quote with that quote; a bracket closed inside
    ("Get Your Kicks on) Route 66") takes its opening one where that is the character just before.
    A pair inside the span ("the term \"Korean Conflict\"", "Edinburgh (Scotland)") stays, and so does
    a span that is nothing else."""
    original, text = (start, end), context[start:end]
    for opening, closing in (*_PAIRS.items(), ('"', '"')):
        paired = text.count(opening) == text.count(closing) if opening != closing else text.count('"') % 2 == 0
        if paired:
            continue
        if text.endswith(closing) and (opening == closing or opening not in text):
            start, end = (start - 1, end) if context[start - 1 : start] == opening else (start, end - 1)
        elif text.startswith(opening) and (opening == closing or closing not in text):
            start, end = (start, end + 1) if context[end : end + 1] == closing else (start + 1, end)
        elif opening != closing and text.count(closing) > text.count(opening) and context[start - 1 : start] == opening:
            start -= 1  # 'Get Your Kicks on) Route 66' right after its "(" takes it
        elif opening != closing and text.count(opening) > text.count(closing) and context[end : end + 1] == closing:
            end += 1
        text = context[start:end]
    return snap_to_words(context, start, end) if text.strip() else original


def _leaves_and_enters_brackets(text: str) -> bool:
    """Whether `text` closes a bracket it did not open and then opens another: it runs from one
    aside into the next ('screen, R) and his German counterpart Christine Lambrecht (on screen, L'),
    which is never an answer."""
    depth = lowest = 0
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            lowest = min(lowest, depth)
    return lowest < 0 and depth > lowest


def window_candidates(
    start_logits: np.ndarray,
    end_logits: np.ndarray,
    window: Window,
    context: str,
    max_answer_tokens: int,
    top_k: int,
    shorten_within: float = 0.0,
) -> list[Candidate]:
    """The `top_k` best spans of one window that do not overlap, best first.

    A span starts and ends on context tokens, holds at most `max_answer_tokens` tokens and
    never runs across a paragraph break or from one bracketed aside into the next. Spans
    that overlap a better one ("in person", "person", "met in person") are one answer read
    several ways: skipping them leaves room
    for real alternatives. Equal scores go to the earlier, then the shorter span. Each span
    found is read as the shortest span inside it within `shorten_within` of its score
    (`shortest_within`), keeping its margin: it is the same answer, read more tightly."""
    n = len(window.in_context)
    start = np.where(window.in_context, start_logits[:n], -np.inf)
    end = np.where(window.in_context, end_logits[:n], -np.inf)
    null = float(start_logits[0] + end_logits[0])
    scores = np.where(_band(n, max_answer_tokens), start[:, None] + end[None, :], -np.inf).ravel()
    finite = np.flatnonzero(np.isfinite(scores))  # at most max_answer_tokens per token: cheap to sort whole
    found: list[Candidate] = []
    read_as: list[Candidate] = []  # the spans found, as read: `found` holds them whole, for the overlap test
    for index in finite[np.argsort(-scores[finite], kind="stable")]:
        if len(found) == top_k:
            break
        i, j = divmod(int(index), n)
        char_start, char_end = snap_to_words(context, int(window.offsets[i][0]), int(window.offsets[j][1]))
        candidate = Candidate(char_start, char_end, float(scores[index]) - null)
        text = context[char_start:char_end]
        if not text or "\n\n" in text or _leaves_and_enters_brackets(text) or candidate.overlaps(found):
            continue
        found.append(candidate)
        a, b = shortest_within(start, end, i, j, shorten_within)
        tight_start, tight_end = without_stray_marks(context, *whole_names(
            context, *snap_to_words(context, int(window.offsets[a][0]), int(window.offsets[b][1])), char_end
        ))
        read_as.append(Candidate(tight_start, tight_end, candidate.margin) if tight_start < tight_end else candidate)
    return read_as


def merge_candidates(candidates: Sequence[Candidate], top_k: int) -> list[Candidate]:
    """The best `top_k` of a context's candidates from all its windows: where windows overlap,
    one answer found twice counts once, at its best margin."""
    ranked: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: -c.margin):
        if len(ranked) == top_k:
            break
        if not candidate.overlaps(ranked):
            ranked.append(candidate)
    return ranked
