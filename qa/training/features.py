"""Turning SQuAD examples into tokenised training windows, with answer targets.

Every window gets a start/end token target; windows that do not hold the answer
point at [CLS] (position 0), which is how the reader learns to abstain. Besides
the windows SQuAD gives, `make_negatives` builds unanswerable examples: the
paragraph with its answer sentences removed (hard: same topic, no answer), a
different paragraph of the same article (easier), and, on request, the question with
a name or number swapped for one the paragraph never mentions (the hardest: the
paragraph still holds a plausible answer, as in SQuAD 2.0's adversarial questions).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import numpy as np
from transformers import PreTrainedTokenizerBase

from qa.squad import SquadExample

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
# a run of capitalised words (a name) or a number: what a swapped question replaces
_PHRASE = re.compile(r"\b[A-Z][\w'-]*(?: [A-Z][\w'-]*)*|\b\d[\d,.]*\d\b|\b\d\b")


def model_inputs(tokenizer: PreTrainedTokenizerBase) -> list[str]:
    """The inputs the model takes: BERT has token types, DistilBERT and RoBERTa do not."""
    return [n for n in ("input_ids", "token_type_ids", "attention_mask") if n in tokenizer.model_input_names]


def token_types(encoding) -> list[list[int]]:
    """The windows' token types, or zeros where the tokenizer has none (DistilBERT, RoBERTa)."""
    return encoding.get("token_type_ids") or [[0] * len(ids) for ids in encoding["input_ids"]]


@dataclass
class TrainFeatures:
    """Token ids and answer targets of every training window, unpadded; token types are zeros
    for a tokenizer without them (DistilBERT, RoBERTa), as the reader pads them."""

    input_ids: list[list[int]]
    token_type_ids: list[list[int]]
    start_positions: np.ndarray
    end_positions: np.ndarray

    def __len__(self) -> int:
        return len(self.input_ids)


def _without_answer_sentences(example: SquadExample) -> str | None:
    sentences = _SENTENCE_END.split(example.context)
    kept = [s for s in sentences if not any(a and a in s for a in example.answers)]
    if not kept or len(kept) == len(sentences):
        return None
    text = " ".join(kept)
    if any(a in text for a in example.answers):
        return None
    return text


def _phrases_by_title(examples: list[SquadExample]) -> dict[str, dict[bool, list[str]]]:
    """Every name and number of each article's paragraphs, split by kind (True: a number)."""
    found: dict[str, dict[bool, set[str]]] = {}
    for ex in examples:
        kinds = found.setdefault(ex.title, {True: set(), False: set()})
        for match in _PHRASE.finditer(ex.context):
            phrase, before = match.group(), ex.context[max(0, match.start() - 2) : match.start()]
            if phrase[0].isdigit() or (len(before) == 2 and (before[0].islower() or before[0] in ",;:")):
                kinds[phrase[0].isdigit()].add(phrase)  # names only from mid-sentence, not capitalised first words
    return {title: {kind: sorted(p) for kind, p in kinds.items()} for title, kinds in found.items()}


def _swapped_question(example: SquadExample, phrases: dict[bool, list[str]], rng: random.Random) -> str | None:
    """The question with a name or number it shares with its paragraph replaced by one of the
    same kind, from the same article, that the paragraph never mentions; None when there is none."""
    shared = [m for m in _PHRASE.finditer(example.question) if m.start() > 0 and m.group() in example.context]
    if not shared:
        return None
    match = rng.choice(shared)
    options = [p for p in phrases[match.group()[0].isdigit()] if p not in example.context]
    if not options:
        return None
    return example.question[: match.start()] + rng.choice(options) + example.question[match.end() :]


def make_negatives(
    examples: list[SquadExample], ratio: float, seed: int, swapped: float = 0.0
) -> list[SquadExample]:
    """Build about `ratio` unanswerable examples per answerable one; a share `swapped` of them
    by swapping a name or number in the question (where the question has one to swap)."""
    rng = random.Random(seed)
    by_title: dict[str, list[str]] = {}
    for ex in examples:
        contexts = by_title.setdefault(ex.title, [])
        if not contexts or contexts[-1] != ex.context:
            contexts.append(ex.context)
    phrases = _phrases_by_title(examples) if swapped else {}
    negatives = []
    for ex in examples:
        if rng.random() >= ratio:
            continue
        if swapped and rng.random() < swapped:
            question = _swapped_question(ex, phrases[ex.title], rng)
            if question:
                negatives.append(SquadExample(id=f"{ex.id}_neg", title=ex.title, question=question, context=ex.context))
                continue
        if rng.random() < 0.5:
            context = _without_answer_sentences(ex)
        else:
            others = [c for c in by_title.get(ex.title, []) if c != ex.context]
            context = rng.choice(others) if others else None
            if context and any(a in context for a in ex.answers):
                context = None
        if context:
            negatives.append(SquadExample(id=f"{ex.id}_neg", title=ex.title, question=ex.question, context=context))
    return negatives


def build_features(
    examples: list[SquadExample],
    tokenizer: PreTrainedTokenizerBase,
    max_length: int = 160,
    stride: int = 64,
    seed: int = 0,
    batch_size: int = 2000,
) -> TrainFeatures:
    """Tokenise question/context pairs into one training window each, with start/end targets.

    A long paragraph is cut into overlapping windows and one is kept at random:
    for an answerable question, one that holds the answer. Short windows make
    training on a CPU affordable; the reader reads longer ones at inference.
    """
    rng = random.Random(seed)
    ids: list[list[int]] = []
    types: list[list[int]] = []
    starts: list[int] = []
    ends: list[int] = []
    for offset in range(0, len(examples), batch_size):
        batch = examples[offset : offset + batch_size]
        enc = tokenizer(
            [ex.question.lstrip() for ex in batch],
            [ex.context for ex in batch],
            truncation="only_second",
            max_length=max_length,
            stride=stride,
            return_overflowing_tokens=True,
            return_offsets_mapping=True,
        )
        enc_types = token_types(enc)
        windows: dict[int, list[tuple[int, int, int]]] = {}
        for i, example_index in enumerate(enc["overflow_to_sample_mapping"]):
            ex = batch[example_index]
            start_tok = end_tok = 0
            if ex.answers:
                char_start = ex.answer_starts[0]
                char_end = char_start + len(ex.answers[0])
                seq = enc.sequence_ids(i)
                offsets = enc["offset_mapping"][i]
                ctx = [t for t, s in enumerate(seq) if s == 1]
                if offsets[ctx[0]][0] <= char_start and offsets[ctx[-1]][1] >= char_end:
                    start_tok = next(t for t in ctx if offsets[t][1] > char_start)
                    end_tok = next(t for t in reversed(ctx) if offsets[t][0] < char_end)
                if start_tok == 0:
                    continue
            windows.setdefault(example_index, []).append((i, start_tok, end_tok))
        for choices in windows.values():
            i, start_tok, end_tok = rng.choice(choices)
            ids.append(enc["input_ids"][i])
            types.append(enc_types[i])
            starts.append(start_tok)
            ends.append(end_tok)
    return TrainFeatures(ids, types, np.asarray(starts), np.asarray(ends))
