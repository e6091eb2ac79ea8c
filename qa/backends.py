"""Running a question-answering model: padded windows in, start and end logits out, as NumPy.

Two backends: `TorchBackend` (transformers, eager, fp32 or bf16) and `OnnxBackend` (ONNX
Runtime, fp32 or int8). `onnx_graph` exports a torch model once into the cache and keeps the
graph only when it reads like the model on probe questions (see `check_graph`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from qa_index.errors import QAError
from qa_index.onnx_models import export, graph_folder, open_built, open_session, quantize_int8

OUTPUTS = ("start_logits", "end_logits")


class Backend(Protocol):
    """What the reader runs: `name` says which ("torch-fp32", "onnx-int8", ...)."""

    name: str
    input_names: tuple[str, ...]

    def __call__(self, arrays: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """Start and end logits (float32, batch x tokens) of padded int64 windows."""
        ...


class TorchBackend:
    """A transformers `AutoModelForQuestionAnswering`, eager, in the dtype it was loaded in."""

    def __init__(self, model, input_names: Sequence[str]) -> None:
        import torch

        self.model = model.eval()
        self.input_names = tuple(input_names)
        self.device = next(model.parameters()).device
        self.name = "torch-bf16" if next(model.parameters()).dtype == torch.bfloat16 else "torch-fp32"

    def __call__(self, arrays: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        import torch

        with torch.inference_mode():
            out = self.model(**{n: torch.from_numpy(arrays[n]).to(self.device) for n in self.input_names})
        return out.start_logits.float().cpu().numpy(), out.end_logits.float().cpu().numpy()


class OnnxBackend:
    """An exported graph run by ONNX Runtime on the CPU.

    The int8 graph quantises activations with a scale taken from the whole input, so a window
    read in a batch would score differently from the same window read alone: it runs each
    window by itself, without padding (about a tenth slower than a batch, and the same
    question always gets the same answer)."""

    def __init__(self, graph: Path, precision: str) -> None:
        self.session = open_session(graph)
        self.input_names = tuple(i.name for i in self.session.get_inputs())
        self.name = f"onnx-{precision}"
        self._window_by_window = precision == "int8"

    def __call__(self, arrays: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        feeds = {n: arrays[n] for n in self.input_names}
        if not self._window_by_window:
            start, end = self.session.run(list(OUTPUTS), feeds)
            return start, end
        start = np.full(arrays["input_ids"].shape, -np.inf, dtype=np.float32)
        end = start.copy()
        for row, length in enumerate(arrays["attention_mask"].sum(axis=1)):
            one = {n: a[row : row + 1, :length] for n, a in feeds.items()}
            start[row, :length], end[row, :length] = (out[0] for out in self.session.run(list(OUTPUTS), one))
        return start, end


def onnx_backend(source: str, precision: str, load_torch, check) -> OnnxBackend:
    """The model at `source` run from its checked graph in the cache, exported on first use.

    `load_torch()` gives the torch backend to export (only called when the graph is not there);
    `check(reference, candidate)` raises GraphError unless the graph reads as the model does."""

    def build(path: Path) -> dict:
        import torch

        reference: TorchBackend = load_torch()
        # attention written out as plain matrix products: the int8 graph quantises them too (about
        # 1.5x faster than the fused attention kernel's graph here), the float graph is unchanged
        reference.model.set_attn_implementation("eager")

        class Logits(torch.nn.Module):  # positional inputs and a tuple out, as the exporter needs
            def __init__(self) -> None:
                super().__init__()
                self.model = reference.model

            def forward(self, *inputs):
                out = self.model(**dict(zip(reference.input_names, inputs)))
                return out.start_logits, out.end_logits

        example = tuple(torch.ones(2, 16, dtype=torch.long) for _ in reference.input_names)
        export(Logits().eval(), example, reference.input_names, OUTPUTS, path)
        if precision == "int8":
            quantize_int8(path)
        return check(reference, OnnxBackend(path, precision))

    if precision not in ("fp32", "int8"):
        raise QAError(f"ONNX Runtime runs the reader in fp32 or int8, not {precision}")
    return open_built(graph_folder("reader", source, precision), build, lambda graph: OnnxBackend(graph, precision))
