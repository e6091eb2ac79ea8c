"""Embeddings: unit-length float32 vectors, in fp32 or bf16, the same direction either way."""

import hashlib
from pathlib import Path

import numpy as np
import pytest

from index import embedder as module
from index.embedder import (
    BUNDLED_WEIGHTS, BUNDLED_WEIGHTS_SHA256, Embedder, check_weights, default_embedder_path,
)
from qa import QAError

TEXTS = ["Who joined online?", "The defence ministers, Yasukazu Hamada and Christine Lambrecht, joined online."]


def test_vectors_are_unit_length_float32_in_either_precision():
    fp32, bf16 = Embedder(precision="fp32").embed(TEXTS), Embedder(precision="bf16").embed(TEXTS)
    for vectors in (fp32, bf16):
        assert vectors.dtype == np.float32 and vectors.shape == (2, 384)
        assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert (fp32 * bf16).sum(axis=1).min() > 0.99


def test_unknown_precision_is_a_clear_error():
    with pytest.raises(QAError, match="precision"):
        Embedder(precision="int4").embed(["anything"])


def test_weights_are_checked_once_and_a_changed_file_is_refused(tmp_path, monkeypatch):
    weights, stamps = tmp_path / "model.safetensors", tmp_path / "checked"
    weights.write_bytes(b"the right weights")
    good = hashlib.sha256(b"the right weights").hexdigest()
    check_weights(weights, good, stamps)
    assert len(list(stamps.iterdir())) == 1

    real = module.file_sha256
    hashed: list[int] = []
    monkeypatch.setattr(module, "file_sha256", lambda path: hashed.append(1) or real(path))
    check_weights(weights, good, stamps)
    assert len(hashed) == 0, "the weights were found good before: only their stamp is read"

    weights.write_bytes(b"other weights, same path")
    with pytest.raises(QAError, match="not the expected ones"):
        check_weights(weights, good, stamps)
    with pytest.raises(QAError, match="missing"):
        check_weights(tmp_path / "nothing.safetensors", good, stamps)


def test_the_bundled_embedder_weights_are_the_hubs():
    check_weights(Path(default_embedder_path()) / BUNDLED_WEIGHTS, BUNDLED_WEIGHTS_SHA256)
