"""The extractive reader: a model, a backend to run it, and span decoding with calibrated scores.

`Reader.load()` opens the reader shipped in the package; `Reader.load(name)` opens any
Hugging Face question-answering model. A reading is batched over many (question, context)
pairs: contexts are cut into overlapping windows (`qa.windows`), the backend gives each
window's start and end logits (`qa.backends`), and the decoder turns them into spans at
exact character offsets (`qa.spans`), scored by the model's calibration (`qa.calibration`).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

import numpy as np

from qa_index.errors import QAError
from qa_index.onnx_models import GraphError
from qa.backends import Backend, TorchBackend, onnx_backend
from qa.calibration import Calibration
from qa.spans import Candidate, merge_candidates, window_candidates
from qa.windows import WindowEncoder, WindowSettings, load_tokenizer, padded_batches

SHIPPED_READER = Path(__file__).parent / "models" / "reader"
PRECISIONS = ("auto", "fp32", "bf16", "int8")
BACKENDS = ("auto", "onnx", "torch")


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


class Reader:
    """An extractive QA model ready to read: load once, read many times, from any thread.

    `calibration` scores spans read in one context; `pipeline_calibration` scores the bot's
    final decision over all passages (see `Calibration`). `source` is the name or path it
    was loaded from; `backend.name` says how it runs ("onnx-int8", "torch-fp32", ...).
    """

    def __init__(
        self,
        backend: Backend,
        encoder: WindowEncoder,
        calibration: Calibration | None = None,
        pipeline_calibration: Calibration | None = None,
        source: str = "",
        batch_size: int = 32,
    ) -> None:
        self.backend = backend
        self.encoder = encoder
        self.calibration = calibration or Calibration()
        self.pipeline_calibration = pipeline_calibration or self.calibration  # for the bot's final decision
        self.source = source
        self.batch_size = batch_size

    @property
    def settings(self) -> WindowSettings:
        return self.encoder.settings

    @property
    def precision(self) -> str:
        return self.backend.name.rsplit("-", 1)[-1]

    @classmethod
    def load(
        cls, name_or_path: str | Path | None = None, precision: str = "auto", backend: str = "auto", **settings: float
    ) -> "Reader":
        """Load the shipped reader (default), or any Hugging Face QA model name or local path.

        `backend` "onnx" runs an ONNX Runtime graph exported into the cache on first use and
        checked against the model then; "torch" runs the model in transformers; "auto" is
        ONNX, falling back to torch (with a warning) where the export or its check fails.
        `precision`: "fp32", "int8" (ONNX only), "bf16" (torch only), or "auto": fp32 on
        ONNX (int8 is faster and as good on the article, but about half a point of F1 behind
        on SQuAD v1.1: see the README), bf16 on torch where the machine has it natively,
        else fp32. Window settings
        come from the model's reader.json when it has one; keyword arguments win.
        """
        if precision not in PRECISIONS:
            raise QAError(f"unknown precision {precision!r}: use one of {', '.join(PRECISIONS)}")
        if backend not in BACKENDS:
            raise QAError(f"unknown reader backend {backend!r}: use one of {', '.join(BACKENDS)}")
        if backend == "onnx" and precision == "bf16" or backend == "torch" and precision == "int8":
            raise QAError(f"the {backend} backend does not run {precision}: int8 is ONNX only, bf16 torch only")
        source, is_local = _locate(name_or_path)
        try:
            tokenizer, pad_id = load_tokenizer(source)
        except QAError:
            raise
        except Exception as exc:  # tokenizers and transformers raise many types for unreadable files
            raise QAError(f"could not load the reader's tokenizer from {source}: {exc}") from exc
        window = WindowSettings.load(Path(source), **settings) if is_local else WindowSettings(**settings)
        encoder = WindowEncoder(tokenizer, window, pad_id)
        calibrations = (Calibration.load(Path(source)), Calibration.load(Path(source), "pipeline")) if is_local else (None, None)
        return cls(_pick_backend(source, precision, backend, encoder), encoder, *calibrations, source=source)

    def read(self, question: str, context: str, top_k: int = 1) -> Reading:
        """Read one context for one question."""
        return self.read_batch([(question, context)], top_k=top_k)[0]

    def read_batch(self, pairs: Sequence[tuple[str, str]], top_k: int = 1) -> list[Reading]:
        """Read many (question, context) pairs in batched forward passes."""
        if not pairs:
            return []
        if top_k < 1:
            raise QAError(f"top_k must be 1 or more, got {top_k}")
        encoded = self.encoder.encode(pairs)
        candidates: list[list[Candidate]] = [[] for _ in pairs]
        for rows, arrays in padded_batches(encoded, self.batch_size, self.encoder.pad_id):
            starts, ends = self.backend(arrays)
            for row, index in enumerate(rows):
                window = encoded.windows[index]
                context = pairs[window.context][1]
                candidates[window.context].extend(
                    window_candidates(
                        starts[row], ends[row], window, context, self.settings.max_answer_tokens, top_k,
                        self.settings.shorten_within,
                    )
                )
        return [self._reading(merge_candidates(found, top_k), context) for found, (_, context) in zip(candidates, pairs)]

    def _reading(self, ranked: list[Candidate], context: str) -> Reading:
        spans = [Span(context[c.start : c.end], c.start, c.end, self.calibration.score(c.margin), c.margin) for c in ranked]
        if not spans:
            return Reading()
        return Reading(spans, self.calibration.abstains(spans[0].margin), self.calibration.no_answer(spans[0].margin))


def _locate(name_or_path: str | Path | None) -> tuple[str, bool]:
    """The model's path or hub name, and whether it is a local folder (checked to be a model's)."""
    if name_or_path is not None and not isinstance(name_or_path, Path) and not Path(name_or_path).exists():
        return str(name_or_path), False  # a hub name
    folder = Path(name_or_path) if name_or_path is not None else SHIPPED_READER
    if not folder.is_dir():
        hint = " (train it with `qa train-reader` and `qa ship-reader`)" if name_or_path is None else ""
        raise QAError(f"reader model directory not found: {folder}{hint}")
    if not (folder / "config.json").is_file():
        raise QAError(f"{folder} is not a model directory: config.json is missing")
    return str(folder), True


def load_torch_model(source: str, precision: str) -> TorchBackend:
    """The model in transformers, on the GPU where there is one, in fp32 or bf16."""
    import inspect

    import torch
    from transformers import AutoModelForQuestionAnswering

    from qa_index.hardware import pick_device
    from qa_index.loading import quiet_loading

    try:
        with quiet_loading(source):
            model = AutoModelForQuestionAnswering.from_pretrained(source, dtype=torch.float32)
    except Exception as exc:  # transformers raises many types for unreadable weights or configs
        raise QAError(f"could not load reader model from {source}: {exc}") from exc
    model = model.to(pick_device(), torch.bfloat16 if precision == "bf16" else torch.float32)
    takes = inspect.signature(model.forward).parameters
    return TorchBackend(model, [n for n in ("input_ids", "token_type_ids", "attention_mask") if n in takes])


def _pick_backend(source: str, precision: str, backend: str, encoder: WindowEncoder) -> Backend:
    """The backend `backend` and `precision` ask for; "auto" falls back from ONNX to torch with a warning."""
    from qa_index.hardware import resolve_precision  # imports torch only when asked to pick a torch precision

    if backend == "torch" or precision == "bf16":
        return load_torch_model(source, resolve_precision(precision))
    onnx_precision = "fp32" if precision == "auto" else precision
    try:
        return onnx_backend(
            source, onnx_precision, lambda: load_torch_model(source, "fp32"), lambda ref, got: check_graph(ref, got, encoder)
        )
    except GraphError as exc:
        if backend == "onnx":
            raise
        warnings.warn(f"the reader runs in torch: {exc}", stacklevel=3)
        return load_torch_model(source, "fp32" if precision == "int8" else resolve_precision(precision))


# Probe questions with one clear answer each, over contexts that need several windows
PROBES = (
    ("Who is the tower named after?", "The Eiffel Tower is a wrought-iron lattice tower in Paris. It is named after the "
     "engineer Gustave Eiffel, whose company designed and built it from 1887 to 1889."),
    ("When was the tower built?", "The Eiffel Tower is a wrought-iron lattice tower in Paris. It is named after the "
     "engineer Gustave Eiffel, whose company designed and built it from 1887 to 1889."),
    ("Who discovered penicillin?", "Penicillin was discovered in 1928 by Alexander Fleming, a Scottish physician, "
     "at St Mary's Hospital in London. " + "Later work made it a medicine used around the world. " * 40),
    ("What do bees make?", "Nothing here is about insects. " * 30 + "Honey bees make honey from the nectar of flowers."),
)


def _same_answer(expected: Reading, got: Reading, exact: bool) -> bool:
    """The same best spans; where `exact` is off, the same places in the text with edges that may move."""
    if len(expected.spans) != len(got.spans):
        return False
    pairs = list(zip(expected.spans, got.spans))
    if exact:
        return all((e.start, e.end) == (g.start, g.end) for e, g in pairs)
    return all(e.start < g.end and g.start < e.end for e, g in pairs)


def check_graph(reference: Backend, candidate: Backend, encoder: WindowEncoder) -> dict:
    """Refuse a graph unless it finds the model's best span for every probe question; a float graph
    must also give the same logits (to 1e-3). A quantised graph may move a span's edges (int8 read
    "honey" where the model read "honey from the nectar of flowers") but not the answer's place.
    Returns what was checked, for the cache's record."""
    exact = candidate.name.endswith("fp32")
    readings = [Reader(b, encoder).read_batch(list(PROBES)) for b in (reference, candidate)]
    for (question, _), expected, got in zip(PROBES, *readings):
        if not _same_answer(expected, got, exact):
            raise GraphError(f"the {candidate.name} graph reads {question!r} otherwise than the model")
    encoded = encoder.encode(list(PROBES))
    largest = 0.0
    for _, arrays in padded_batches(encoded, 8, encoder.pad_id):
        mask = arrays["attention_mask"].astype(bool)
        for want, have in zip(reference(arrays), candidate(arrays)):
            largest = max(largest, float(np.abs(want - have)[mask].max()))
    if exact and largest > 1e-3:
        raise GraphError(f"the {candidate.name} graph's logits differ from the model's by {largest:.4f}")
    return {"probes": len(PROBES), "best_spans": "same" if exact else "overlapping", "largest_logit_difference": largest}
