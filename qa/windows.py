"""Cutting (question, context) pairs into model windows, and windows into padded batches.

The tokenizer is a Hugging Face `tokenizers.Tokenizer` read straight from a model's
tokenizer.json (transformers is imported only for a model that has none), so reading needs
neither torch nor transformers. A long context becomes overlapping windows, each holding the
question; every token keeps its character offsets in its own context.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np
from tokenizers import Tokenizer

from qa_index.errors import QAError
from qa.spans import Window

SETTINGS_FILE = "reader.json"


@dataclass(frozen=True)
class WindowSettings:
    """How contexts are cut into windows and how long an answer may be, in tokens, and how tightly
    a span is read (`shorten_within`, in logits).

    The defaults are the usual ones for SQuAD models on the hub; a model trained here
    records its own in reader.json (`load`), so it reads as it learned."""

    max_length: int = 384
    stride: int = 128
    max_question_tokens: int = 64
    max_answer_tokens: int = 30
    # a span is read as the shortest span inside it that scores within this many logits of it
    # (`qa.spans.shortest_within`); chosen on half of SQuAD v1.1 dev, see the README
    shorten_within: float = 0.4

    def __post_init__(self) -> None:
        if self.max_question_tokens < 1 or self.max_answer_tokens < 1:
            raise QAError("max_question_tokens and max_answer_tokens must be 1 or more")
        if not 0 <= self.shorten_within < 100:
            raise QAError(f"shorten_within must be 0 (off) or a small positive number of logits, got {self.shorten_within}")
        if self.max_length < 16:
            raise QAError(f"max_length {self.max_length} is too short for a question and a context: use 16 or more")
        if not 0 <= self.stride <= self.max_length - 8:
            raise QAError(f"stride {self.stride} must be 0 or more and leave room in a window of {self.max_length} tokens")

    @property
    def question_limit(self) -> int:
        """The longest question read, in tokens: `max_question_tokens`, or less where a window must still
        hold the stride's overlap, three special tokens and one new context token after it."""
        return max(1, min(self.max_question_tokens, self.max_length - self.stride - 4))

    @classmethod
    def load(cls, directory: Path, **overrides: float) -> "WindowSettings":
        """The settings recorded with a model (reader.json), where it has them, with `overrides` on top."""
        path = directory / SETTINGS_FILE
        recorded: dict[str, int] = {}
        if path.is_file():
            try:
                data = json.loads(path.read_text())
                recorded = {f.name: type(f.default)(data[f.name]) for f in fields(cls) if f.name in data}
            except (ValueError, TypeError) as exc:
                raise QAError(f"broken reader settings file {path}: {exc}") from exc
        return cls(**(recorded | overrides))


@dataclass
class Encoded:
    """The windows of a batch of pairs: token ids and types per window, and where each window's tokens sit."""

    input_ids: list[list[int]]
    token_type_ids: list[list[int]]
    windows: list[Window]


def load_tokenizer(name_or_path: str | Path) -> tuple[Tokenizer, int]:
    """A model's fast tokenizer and its padding id: from tokenizer.json where the folder has one."""
    folder = Path(name_or_path)
    if (folder / "tokenizer.json").is_file():
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        pad = "[PAD]"
        config = folder / "tokenizer_config.json"
        if config.is_file():
            try:
                value = json.loads(config.read_text()).get("pad_token", pad)
                pad = value.get("content", pad) if isinstance(value, dict) else str(value)
            except ValueError as exc:
                raise QAError(f"broken tokenizer config {config}: {exc}") from exc
        return tokenizer, tokenizer.token_to_id(pad) or 0
    from transformers import AutoTokenizer

    loaded = AutoTokenizer.from_pretrained(str(name_or_path))
    if not getattr(loaded, "is_fast", False):
        raise QAError(f"{name_or_path} has no fast tokenizer, which reading needs for character offsets")
    return loaded.backend_tokenizer, int(loaded.pad_token_id or 0)


# "And who plays Bond?": a chat's leading "and", "but", "so", "also" or "then", which SQuAD's questions never have
_LEADING_CONJUNCTION = re.compile(r"^(?:and|but|so|also|then)[,\s]+(?=\w)", re.IGNORECASE)


def as_asked(question: str) -> str:
    """The question as readers are trained to see it: SQuAD's questions end in "?", people's often
    do not ("who joined online"), and a reader reads the bare form worse (dev-v1.1, 1,500 questions,
    "?" taken off: F1 81.74 -> 81.57, EM 73.93 -> 73.40; put back: 81.71 / 73.87). Nor do they open
    with "And" as a chat's follow-up may ("And who plays Bond?"; 600 dev-v1.1 questions, "And " put
    before each: F1 84.38 -> 82.97), so that goes."""
    question = question.strip()
    bare = _LEADING_CONJUNCTION.sub("", question)
    question = bare[:1].upper() + bare[1:] if bare != question else question
    return question + "?" if question[-1:].isalnum() else question


class WindowEncoder:
    """Turns (question, context) pairs into windows of at most `settings.max_length` tokens.

    A question ending in a word gets a question mark (`as_asked`); questions longer than
    `settings.max_question_tokens` are cut (with a warning). Safe to
    share between threads: the tokenizers' settings are fixed at construction."""

    def __init__(self, tokenizer: Tokenizer, settings: WindowSettings, pad_id: int = 0) -> None:
        self.settings = settings
        self.pad_id = pad_id
        self._questions = Tokenizer.from_str(tokenizer.to_str())
        self._questions.no_truncation()
        self._questions.no_padding()
        self._pairs = Tokenizer.from_str(tokenizer.to_str())
        self._pairs.no_padding()
        self._pairs.enable_truncation(settings.max_length, stride=settings.stride, strategy="only_second")

    def words(self) -> frozenset[str]:
        """The whole words of the tokenizer's vocabulary, lower case: English it knows as one piece."""
        pieces = (token.lstrip("\u2581\u0120") for token in self._questions.get_vocab())
        return frozenset(p.lower() for p in pieces if p.isalpha())

    def _fit_question(self, question: str) -> str:
        question = as_asked(question)
        tokens = self._questions.encode(question, add_special_tokens=False)
        limit = self.settings.question_limit
        if len(tokens.ids) <= limit:
            return question
        warnings.warn(f"question is longer than {limit} tokens; only its first part is read", stacklevel=4)
        return question[: tokens.offsets[limit - 1][1]]

    def encode(self, pairs: Sequence[tuple[str, str]]) -> Encoded:
        """Every window of every pair, in pair order."""
        encoded = Encoded([], [], [])
        questions = [self._fit_question(q) for q, _ in pairs]
        for index, first in enumerate(self._pairs.encode_batch(list(zip(questions, (c for _, c in pairs))))):
            for window in [first, *first.overflowing]:
                encoded.input_ids.append(window.ids)
                encoded.token_type_ids.append(window.type_ids)
                encoded.windows.append(
                    Window(index, np.asarray(window.offsets, dtype=np.int64), np.asarray(window.sequence_ids) == 1)
                )
        return encoded


def padded_batches(encoded: Encoded, batch_size: int, pad_id: int) -> Iterator[tuple[list[int], dict[str, np.ndarray]]]:
    """Windows longest first in batches of similar length (at most a fifth of a batch is padding),
    as (window indices, padded int64 arrays with an attention mask)."""
    lengths = [len(ids) for ids in encoded.input_ids]
    batches: list[list[int]] = []
    for i in sorted(range(len(lengths)), key=lambda i: -lengths[i]):
        if batches and len(batches[-1]) < batch_size and lengths[i] >= 0.8 * lengths[batches[-1][0]]:
            batches[-1].append(i)
        else:
            batches.append([i])
    for rows in batches:
        width = lengths[rows[0]]
        arrays = {
            "input_ids": np.full((len(rows), width), pad_id, dtype=np.int64),
            "token_type_ids": np.zeros((len(rows), width), dtype=np.int64),
            "attention_mask": np.zeros((len(rows), width), dtype=np.int64),
        }
        for r, i in enumerate(rows):
            n = lengths[i]
            arrays["input_ids"][r, :n] = encoded.input_ids[i]
            arrays["token_type_ids"][r, :n] = encoded.token_type_ids[i]
            arrays["attention_mask"][r, :n] = 1
        yield rows, arrays
