"""The peer to measure against: Haystack's TransformersExtractiveReader over the same model.

Needs the bench extra (`pip install 'qa-chatbot[bench]'`); only benchmarks use it.
"""

from __future__ import annotations

from typing import Sequence

import torch

from qa_index.errors import QAError
from qa.reader import Reader
from qa.squad import SquadExample


PEER_PRECISIONS = ("fp32", "bf16")  # its default, and its fastest setting on some CPUs


class HaystackReader:
    """Reads a question against contexts with Haystack's reader, the same model and window settings as ours,
    at `precision` "fp32" (its default) or "bf16" (`model_kwargs={"dtype": torch.bfloat16}`)."""

    def __init__(self, reader: Reader, precision: str = "fp32") -> None:
        if precision not in PEER_PRECISIONS:
            raise QAError(f"Haystack's reader runs here in {' or '.join(PEER_PRECISIONS)}, not {precision}")
        self.precision = precision
        try:
            from haystack import Document
            from haystack_integrations.components.readers.transformers import TransformersExtractiveReader
        except ImportError as exc:
            raise QAError("the baseline needs the bench extra: pip install 'qa-chatbot[bench]'") from exc
        self._document = Document
        self._reader = TransformersExtractiveReader(
            model=reader.source,
            token=None,
            top_k=1,
            no_answer=False,
            max_seq_length=reader.settings.max_length,
            stride=reader.settings.stride,
            model_kwargs={"dtype": torch.bfloat16 if precision == "bf16" else torch.float32},
        )
        self._reader.warm_up()

    def answer(self, question: str, contexts: Sequence[str]) -> tuple[str, float]:
        """The best span over all contexts ("" when none) and Haystack's score for it."""
        result = self._reader.run(query=question, documents=[self._document(content=c) for c in contexts], top_k=1)
        found = [(a.data, float(a.score)) for a in result["answers"] if a.data]
        return found[0] if found else ("", 0.0)

    def predictor(self):
        """A SQuAD predictor: each question against its own paragraph."""

        def predict(examples: Sequence[SquadExample]) -> list[tuple[str, float]]:
            return [self.answer(ex.question, [ex.context]) for ex in examples]

        return predict
