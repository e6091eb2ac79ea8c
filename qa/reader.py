"""The extractive reader: windows, span search, exact character offsets, calibrated scores.

`Reader.load()` opens the reader shipped in the package; `Reader.load(name)` opens any
Hugging Face question-answering model. A reading is batched over many (question,
context) pairs; long contexts are cut into overlapping windows, and every span maps
back to character offsets in its own context.
"""

from __future__ import annotations

import json
import math
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np
import torch
from transformers import AutoModelForQuestionAnswering, AutoTokenizer

from index.errors import QAError
from qa.frozen_graph import SpanLogits, frozen_forward
from index.hardware import pick_device, resolve_precision
from index.loading import quiet_loading

SHIPPED_READER = Path(__file__).parent / "models" / "reader"
CALIBRATION_FILE = "calibration.json"


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def _log_odds(p: float) -> float:
    return math.log(p / (1.0 - p))


@dataclass(frozen=True)
class Calibration:
    """Turns the best span's margin over the no-answer score into calibrated probabilities.

    `score(margin)` = sigmoid(slope * margin + intercept): the probability that the span is
    right. `no_answer(margin)` = sigmoid(no_answer_slope * margin + no_answer_intercept): the
    probability that the text holds no answer, the score of an abstention. Both were fitted
    where a share `prior` of the questions had no answer; given another share (a chat, where
    most questions have an answer), each is moved by Bayes' rule: the odds of "no answer"
    scale by the ratio of the two shares' odds, the odds of "right" by its inverse. The
    decision follows: abstain when "no answer" is the more likely of the two (`abstains`).
    The defaults (no fitted calibration) abstain when [CLS] beats the best span.

    A model folder holds two: one fitted on single paragraphs (the `Reader` alone) and one
    fitted on the bot's final decision over all windows and passages of open-book questions
    (`level="pipeline"`), since the best of several passages is a different quantity.
    """

    slope: float = 1.0
    intercept: float = 0.0
    no_answer_slope: float = -1.0
    no_answer_intercept: float = 0.0
    prior: float = 0.5

    def _shift(self, prior: float | None) -> float:
        """How much more likely 'no answer' is, in log odds, at `prior` than where the curves were fitted."""
        if prior is None or prior == self.prior:
            return 0.0
        if not 0.0 < prior < 1.0:
            raise QAError(f"the share of questions without an answer must be between 0 and 1, got {prior}")
        return _log_odds(prior) - _log_odds(self.prior)

    def score(self, margin: float, prior: float | None = None) -> float:
        """The probability that the span is right, where a share `prior` of questions has no answer."""
        return _sigmoid(self.slope * margin + self.intercept - self._shift(prior))

    def no_answer(self, margin: float, prior: float | None = None) -> float:
        """The probability that the text holds no answer, where a share `prior` of questions has none."""
        return _sigmoid(self.no_answer_slope * margin + self.no_answer_intercept + self._shift(prior))

    def abstains(self, margin: float, prior: float | None = None) -> bool:
        """Say 'no answer' when that is more likely right than the span."""
        return self.no_answer(margin, prior) > self.score(margin, prior)

    def fields(self) -> dict[str, float]:
        return {k: getattr(self, k) for k in ("slope", "intercept", "no_answer_slope", "no_answer_intercept", "prior")}

    @classmethod
    def load(cls, directory: Path, level: str = "reader") -> "Calibration":
        """The calibration stored with a model; `level` "pipeline" falls back to the reader's when absent."""
        path = directory / CALIBRATION_FILE
        if not path.is_file():
            return cls()
        try:
            data = json.loads(path.read_text())
            if level == "pipeline" and isinstance(data.get("pipeline"), dict):
                data = data["pipeline"]
            known = {k: float(data[k]) for k in cls().fields() if k in data}
            if not {"slope", "intercept"} <= set(known):
                raise KeyError("slope and intercept")
            if "no_answer_slope" not in known:  # a file without the no-answer curve: 1 - the answer score
                known |= {"no_answer_slope": -known["slope"], "no_answer_intercept": -known["intercept"]}
            return cls(**known)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise QAError(f"broken reader calibration file {path}: {exc}") from exc

    @staticmethod
    def save(directory: Path, reader: "Calibration", pipeline: "Calibration | None" = None, **extra: object) -> None:
        """Write the reader's calibration (and the pipeline's, when fitted) with any extra records."""
        payload: dict[str, object] = reader.fields()
        if pipeline is not None:
            payload["pipeline"] = pipeline.fields()
        (directory / CALIBRATION_FILE).write_text(json.dumps(payload | extra, indent=2) + "\n")


@dataclass(frozen=True)
class Span:
    """An answer span: `context[start:end] == text`; `score` is a calibrated probability."""

    text: str
    start: int
    end: int
    score: float
    margin: float


@dataclass(frozen=True)
class Reading:
    """What the reader found for one (question, context) pair: spans that do not overlap, best first."""

    spans: list[Span] = field(default_factory=list)
    abstained: bool = True
    no_answer: float = 1.0  # the probability that the context holds no answer

    @property
    def best(self) -> Span | None:
        """The answer, or None when the reader abstains."""
        return None if self.abstained or not self.spans else self.spans[0]


WINDOW_FILE = "reader.json"


def _window_settings(directory: Path) -> dict:
    """The window a shipped model was trained with (reader.json), so it reads as it learned."""
    path = directory / WINDOW_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text())
        return {k: int(data[k]) for k in ("max_length", "stride") if k in data}
    except (ValueError, TypeError) as exc:
        raise QAError(f"broken reader settings file {path}: {exc}") from exc


def model_inputs(tokenizer) -> list[str]:
    """The inputs the model takes: BERT has token types, DistilBERT and RoBERTa do not."""
    return [n for n in ("input_ids", "token_type_ids", "attention_mask") if n in tokenizer.model_input_names]


def token_types(encoding) -> list[list[int]]:
    """The windows' token types, or zeros where the tokenizer has none (DistilBERT, RoBERTa)."""
    return encoding.get("token_type_ids") or [[0] * len(ids) for ids in encoding["input_ids"]]


def pad_windows(input_ids: Sequence[list[int]], token_type_ids: Sequence[list[int]], pad_id: int) -> dict:
    """Token windows of different lengths as padded tensors with an attention mask."""
    width = max(len(ids) for ids in input_ids)
    ids = torch.full((len(input_ids), width), pad_id, dtype=torch.long)
    types = torch.zeros((len(input_ids), width), dtype=torch.long)
    mask = torch.zeros((len(input_ids), width), dtype=torch.long)
    for row, (window, window_types) in enumerate(zip(input_ids, token_type_ids)):
        ids[row, : len(window)] = torch.tensor(window)
        types[row, : len(window)] = torch.tensor(window_types)
        mask[row, : len(window)] = 1
    return {"input_ids": ids, "token_type_ids": types, "attention_mask": mask}


class Reader:
    """An extractive QA model with its tokenizer and calibration; load once, read many times.

    `calibration` scores spans read in one context; `pipeline_calibration` scores the bot's
    final decision over all passages (see `Calibration`). `source` is the name or path it was loaded from, `precision` how it runs ("fp32" or
    "bf16"); the window settings are in tokens. With `freeze` (the default) windows run
    through a frozen TorchScript graph of the model, checked against it at load; `graph`
    says which ran: "frozen", or "eager" where the model could not be traced. The graph
    holds the weights as they were at load: a changed `model` needs a new Reader.
    """

    def __init__(
        self,
        model: AutoModelForQuestionAnswering,
        tokenizer,
        calibration: Calibration | None = None,
        source: str = "",
        pipeline_calibration: Calibration | None = None,
        precision: str = "fp32",
        max_length: int = 256,
        stride: int = 96,
        max_question_tokens: int = 64,
        max_answer_tokens: int = 30,
        batch_size: int = 32,
        freeze: bool = True,
    ) -> None:
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.calibration = calibration or Calibration()
        self.pipeline_calibration = pipeline_calibration or self.calibration  # for the bot's final decision
        self.source = source
        self.precision = precision
        self.max_length = max_length
        self.stride = stride
        self.max_question_tokens = max_question_tokens
        self.max_answer_tokens = max_answer_tokens
        self.batch_size = batch_size
        self.device = next(model.parameters()).device
        self._inputs = model_inputs(tokenizer)
        frozen = frozen_forward(self.model, self._inputs) if freeze else None
        self._forward = frozen or SpanLogits(self.model, self._inputs)
        self.graph = "frozen" if frozen else "eager"
        full = np.ones((max_length, max_length), dtype=bool)
        self._band = np.triu(full) & ~np.triu(full, max_answer_tokens)
        self._lock = threading.Lock()  # the fast tokenizer's truncation state is not thread-safe

    @classmethod
    def load(cls, name_or_path: str | Path | None = None, precision: str = "auto", **settings) -> "Reader":
        """Load the shipped reader (default), or any Hugging Face QA model name or local path.

        `precision`: "auto" (the fastest the machine supports), "fp32" or "bf16". Window
        settings come from the model's reader.json when it has one; keyword arguments (the
        window settings, `freeze`) win.
        """
        precision = resolve_precision(precision)
        source = Path(name_or_path) if name_or_path is not None else SHIPPED_READER
        is_local = isinstance(name_or_path, Path) or name_or_path is None or Path(str(name_or_path)).exists()
        if is_local:
            if not source.is_dir():
                hint = " (train it with `qa train-reader` and `qa ship-reader`)" if name_or_path is None else ""
                raise QAError(f"reader model directory not found: {source}{hint}")
            if not (source / "config.json").is_file():
                raise QAError(f"{source} is not a model directory: config.json is missing")
        try:
            tokenizer = AutoTokenizer.from_pretrained(str(source))
            with quiet_loading(source):
                model = AutoModelForQuestionAnswering.from_pretrained(str(source), dtype=torch.float32)
        except Exception as exc:  # transformers raises many types for unreadable weights or configs
            raise QAError(f"could not load reader model from {source}: {exc}") from exc
        model = model.to(pick_device(), torch.bfloat16 if precision == "bf16" else torch.float32)
        calibration = Calibration.load(source) if is_local else Calibration()
        pipeline = Calibration.load(source, "pipeline") if is_local else Calibration()
        settings = (_window_settings(source) if is_local else {}) | settings
        return cls(
            model, tokenizer, calibration, source=str(source), precision=precision, pipeline_calibration=pipeline,
            **settings,
        )

    def read(self, question: str, context: str, top_k: int = 1) -> Reading:
        """Read one context for one question."""
        return self.read_batch([(question, context)], top_k=top_k)[0]

    def read_batch(self, pairs: Sequence[tuple[str, str]], top_k: int = 1) -> list[Reading]:
        """Read many (question, context) pairs in batched forward passes."""
        if not pairs:
            return []
        contexts = [c for _, c in pairs]
        with self._lock:
            questions = [self._fit_question(q) for q, _ in pairs]
            enc = self.tokenizer(
                questions,
                contexts,
                truncation="only_second",
                max_length=self.max_length,
                stride=self.stride,
                return_overflowing_tokens=True,
                return_offsets_mapping=True,
            )
            start_logits, end_logits = self._logits(enc["input_ids"], token_types(enc))
        candidates: list[list[Span]] = [[] for _ in pairs]
        for window, pair_index in enumerate(enc["overflow_to_sample_mapping"]):
            sequence_ids = enc.sequence_ids(window)
            candidates[pair_index].extend(
                self._window_spans(
                    start_logits[window],
                    end_logits[window],
                    enc["offset_mapping"][window],
                    sequence_ids,
                    contexts[pair_index],
                    top_k,
                )
            )
        return [self._reading(spans, top_k) for spans in candidates]

    def _fit_question(self, question: str) -> str:
        ids = self.tokenizer(question, add_special_tokens=False, return_offsets_mapping=True)
        if len(ids["input_ids"]) <= self.max_question_tokens:
            return question
        cut = ids["offset_mapping"][self.max_question_tokens - 1][1]
        warnings.warn(
            f"question is longer than {self.max_question_tokens} tokens; only its first part is read",
            stacklevel=3,
        )
        return question[:cut]

    @torch.inference_mode()
    def _logits(self, input_ids: list[list[int]], token_type_ids: list[list[int]]) -> tuple[list, list]:
        """Forward all windows, longest first, in batches of similar length; returns per-window logit arrays."""
        order = sorted(range(len(input_ids)), key=lambda i: -len(input_ids[i]))
        starts: list = [None] * len(input_ids)
        ends: list = [None] * len(input_ids)
        pad = self.tokenizer.pad_token_id
        for rows in self._similar_lengths(order, [len(ids) for ids in input_ids]):
            batch = pad_windows([input_ids[i] for i in rows], [token_type_ids[i] for i in rows], pad)
            start, end = self._forward(*(batch[name].to(self.device) for name in self._inputs))
            s, e = start.float().cpu().numpy(), end.float().cpu().numpy()
            for r, i in enumerate(rows):
                n = len(input_ids[i])
                starts[i], ends[i] = s[r, :n], e[r, :n]
        return starts, ends

    def _similar_lengths(self, order: list[int], lengths: list[int]) -> list[list[int]]:
        """Cut longest-first windows into batches that waste at most a fifth of their tokens on padding."""
        batches: list[list[int]] = []
        for i in order:
            if batches and len(batches[-1]) < self.batch_size and lengths[i] >= 0.8 * lengths[batches[-1][0]]:
                batches[-1].append(i)
            else:
                batches.append([i])
        return batches

    def _window_spans(
        self,
        start: np.ndarray,
        end: np.ndarray,
        offsets: list[tuple[int, int]],
        sequence_ids: list[int | None],
        context: str,
        top_k: int,
    ) -> list[Span]:
        """The best spans of one window that do not overlap, scored by their margin over its [CLS] (no answer) score.

        Spans that overlap a better one ("in person", "person", "met in person") are one
        answer read three ways: skipping them leaves room for the real alternatives."""
        in_context = np.array([s == 1 for s in sequence_ids])
        null = float(start[0] + end[0])
        s = np.where(in_context, start, -np.inf)
        e = np.where(in_context, end, -np.inf)
        n = len(s)
        scores = np.where(self._band[:n, :n], s[:, None] + e[None, :], -np.inf).ravel()
        finite = np.flatnonzero(np.isfinite(scores))  # at most max_answer_tokens per token: cheap to sort whole
        spans: list[Span] = []
        for index in finite[np.argsort(-scores[finite])]:
            if len(spans) == top_k:
                break
            value = scores[index]
            i, j = divmod(int(index), n)
            char_start, char_end = offsets[i][0], offsets[j][1]
            if "\n\n" in context[char_start:char_end] or _overlaps(char_start, char_end, spans):
                continue  # an answer never runs across a paragraph break, nor overlaps a better one
            margin = float(value) - null
            spans.append(Span(context[char_start:char_end], char_start, char_end, self.calibration.score(margin), margin))
        return spans

    def _reading(self, spans: list[Span], top_k: int) -> Reading:
        """Merge the spans of all windows: spans that overlap count once, at their best margin; best first."""
        ranked: list[Span] = []
        for span in sorted(spans, key=lambda sp: -sp.margin):
            if len(ranked) == top_k:
                break
            if not _overlaps(span.start, span.end, ranked):
                ranked.append(span)
        abstained = not ranked or self.calibration.abstains(ranked[0].margin)
        no_answer = self.calibration.no_answer(ranked[0].margin) if ranked else 1.0
        return Reading(ranked, abstained, no_answer)


def _overlaps(start: int, end: int, spans: Sequence[Span]) -> bool:
    return any(span.start < end and start < span.end for span in spans)
