"""Answers: the spans read in all passages ranked into one grounded answer with its evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Mapping, Sequence

from qa_index.chunking import Chunk, Sentence
from qa.answer_kinds import asks_for_a_thing, fitting
from qa.passages import Passage
from qa.calibration import Calibration
from qa.evaluation.metrics import normalize_answer
from qa.reader import Reading
from qa.roles import Office, asked_office, held_by, rules_out, titles


@dataclass(frozen=True)
class Candidate:
    """A span in a document: `document_text[start:end] == text`."""

    text: str
    score: float
    document: str
    start: int
    end: int
    margin: float  # the reader's margin over its no-answer score, which `score` calibrates


@dataclass(frozen=True)
class Answer:
    """The bot's answer, with offsets into its document.

    `score` is the calibrated probability that what the bot says is right: for an answer,
    that the answer is right; when it abstains (`text` None, `abstained` True), that the
    documents hold no answer. `evidence` is the sentence that holds the answer, or after an
    abstention the closest sentence (the one of the span the bot would have given).
    `confidence` puts the score in words. `chunks` are the retrieved chunks, best first; the
    reader read them with the chunks that overlap them in their document (see qa.passages).
    """

    question: str
    text: str | None
    score: float
    document: str | None = None
    start: int | None = None
    end: int | None = None
    evidence: str | None = None
    evidence_start: int | None = None
    chunks: tuple[Chunk, ...] = field(default=())
    alternatives: tuple[Candidate, ...] = field(default=())
    read_as: str | None = None  # the question as the bot read it, where a follow-up was resolved
    margin: float | None = None  # the best span's margin over the no-answer score (None: no span at all)
    paragraph: int | None = None  # the number (from 1) of the paragraph of `document` that `evidence` is in

    def __post_init__(self) -> None:
        if self.read_as is None:
            object.__setattr__(self, "read_as", self.question)

    @property
    def abstained(self) -> bool:
        return self.text is None

    @property
    def confidence(self) -> str:
        """The score in words: see `confidence_band`."""
        return confidence_band(self.score)

    @property
    def best_guess(self) -> str:
        """The answer, or when it abstains the span it would have given ("" if none): for v1.1-style scoring."""
        if self.text is not None:
            return self.text
        return self.alternatives[0].text if self.alternatives else ""

    @property
    def passage(self) -> Chunk | None:
        """The closest passage: the best retrieved chunk."""
        return self.chunks[0] if self.chunks else None

    def as_dict(self) -> dict:
        """The CLI's JSON shape."""
        return {
            "question": self.question,
            "read_as": self.read_as,
            "abstained": self.abstained,
            "answer": self.text,
            "score": round(self.score, 4),
            "confidence": self.confidence,
            "document": self.document,
            "start": self.start,
            "end": self.end,
            "evidence": self.evidence,
            "paragraph": self.paragraph,
            "alternatives": [{"answer": c.text, "score": round(c.score, 4)} for c in self.alternatives],
        }


# Where the bands start, on the calibrated score. Chosen so each band means what its words say
# on held-out SQuAD 2.0 open book: "confident" answers are right at least 4 times in 5.
BANDS = ((0.8, "confident"), (0.5, "likely"), (0.0, "not sure"))


def confidence_band(score: float) -> str:
    """'confident' (>= 0.8), 'likely' (>= 0.5) or 'not sure' (check the evidence): a calibrated score in words."""
    return next(name for floor, name in BANDS if score >= floor)


def merge_candidates(
    read: Sequence[Passage], readings: Sequence[Reading], calibration: Calibration, prior: float | None = None
) -> list[Candidate]:
    """Every span mapped to document offsets, best first, scored by the pipeline's `calibration` at `prior`.

    No two overlap: passages never overlap or touch (qa.passages) and a reading's spans never overlap."""
    return sorted(
        (
            Candidate(
                span.text, calibration.score(span.margin, prior), passage.document,
                passage.start + span.start, passage.start + span.end, span.margin,
            )
            for passage, reading in zip(read, readings)
            for span in reading.spans
        ),
        key=lambda c: -c.margin,
    )


# words that name nothing alone: a span of only these (or of punctuation) answers no question
_EMPTY_WORDS = frozenset(
    "the a an of and or but in on at to for from by with as into than that this these those it its he him his "
    "she her hers they them their we us our you your i me my".split()
)


def _says_something(text: str) -> bool:
    """Whether a span holds a word that names something: not "the", "." or "of their" alone ("US" and
    "IT" in capitals do)."""
    return any(word.isupper() or word.lower() not in _EMPTY_WORDS for word in re.findall(r"[^\W_]+", text))


def checked(question: str, ranked: Sequence[Candidate], texts: Sequence[str]) -> list[Candidate]:
    """The candidates that can answer `question`, best first. A span of no word that names anything
    ("the", ".") is none; nor is a span of the wrong kind ("Germany" for "Which Japanese city ...?",
    see qa.answer_kinds), nor a person `texts` give another office
    ("Japanese Defense Minister Yasukazu Hamada" for "Japan's prime minister", see qa.roles). Where the
    reader's best was ruled out, the one person `texts` title with the office asked about takes its
    place and its score ("Germany's defense minister" -> Christine Lambrecht). A titled person is no
    answer to a question that asks for a thing ("Which Japanese warship visited Germany?")."""
    fits, office, thing = fitting(question, texts), asked_office(question), asks_for_a_thing(question)
    found = {c.text: titles(c.text, texts) for c in ranked} if office is not None or thing else {}
    kept = [
        c for c in ranked
        if _says_something(c.text) and fits(c.text) and not rules_out(office, found.get(c.text, ()))
        and not (thing and _titled_person(c.text, found))
    ]
    ruled_out_best = kept[:1] != list(ranked[:1])
    holder = held_by(office, {c.text: found[c.text] for c in kept}) if office is not None and ruled_out_best else None
    if holder is None:
        return kept
    first = next(c for c in kept if c.text == holder)
    return [replace(first, score=ranked[0].score, margin=ranked[0].margin)] + [c for c in kept if c is not first]


def _titled_person(text: str, found: Mapping[str, Sequence[Office]]) -> bool:
    """A name (capitalised words) that the texts give a person's title ("German Foreign Minister
    Annalena Baerbock"): no answer to a question that asks for a thing."""
    return bool(found.get(text)) and all(word[:1].isupper() for word in text.split())


def distinct_answers(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The best place of each answer (compared as SQuAD compares answers: without case, spacing, articles
    or punctuation): a name found in two passages, or read with and without its "the", is one answer to
    offer, not two."""
    seen: set[str] = set()
    kept = []
    for candidate in candidates:
        key = normalize_answer(candidate.text)
        if key not in seen:
            seen.add(key)
            kept.append(candidate)
    return kept


def not_given(candidates: Sequence[Candidate], given: Sequence[str]) -> list[Candidate]:
    """The candidates that are none of the answers already `given`, nor part of one, nor one with a
    given one inside, word for word: after "Annalena Baerbock" and "Yasukazu Hamada and Christine
    Lambrecht", "Who else?" is not answered by "Christine Lambrecht" or "Baerbock" ("Wuhan" is not "Wu")."""
    keys = [f" {normalize_answer(text)} " for text in given if normalize_answer(text)]
    return [
        c for c in candidates
        if not any(key in (mine := f" {normalize_answer(c.text)} ") or mine in key for key in keys)
    ]


def evidence_sentence(sentences: Sequence[Sentence], text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence(s) holding [start, end) and where they begin in the document."""
    covering = [s for s in sentences if s.start < end and start < s.end] or [Sentence(start, end)]
    first, last = covering[0].start, covering[-1].end
    return text[first:last], first
