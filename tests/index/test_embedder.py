"""Embeddings: unit-length float32 vectors from ONNX Runtime or sentence-transformers, the same direction either way."""

import hashlib
from pathlib import Path

import numpy as np
import pytest

from qa_index import embedder as module
from qa_index.embedder import (
    BUNDLED_WEIGHTS, BUNDLED_WEIGHTS_SHA256, Embedder, check_weights, default_embedder_path,
)
from qa import QAError

TEXTS = ["Who joined online?", "The defence ministers, Yasukazu Hamada and Christine Lambrecht, joined online."]


def test_vectors_are_unit_length_float32_from_every_backend():
    default = Embedder()
    onnx = default.embed(TEXTS)
    assert default.backend == "onnx", "the bundled model runs in ONNX Runtime by default"
    fp32 = Embedder(backend="torch", precision="fp32").embed(TEXTS)
    bf16 = Embedder(backend="torch", precision="bf16").embed(TEXTS)
    for vectors in (onnx, fp32, bf16):
        assert vectors.dtype == np.float32 and vectors.shape == (2, 384)
        assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert (onnx * fp32).sum(axis=1).min() > 0.9999
    assert (fp32 * bf16).sum(axis=1).min() > 0.99
    assert np.allclose(default.embed(TEXTS * 40)[:2], onnx, atol=1e-5), "batches of any size give the same vectors"


def test_a_folder_the_onnx_encoder_cannot_reproduce_runs_in_sentence_transformers(tmp_path):
    import shutil

    folder = tmp_path / "cls-pooled"
    shutil.copytree(default_embedder_path(), folder)
    pooling = folder / "1_Pooling" / "config.json"
    config = pooling.read_text().replace('"pooling_mode_cls_token": false', '"pooling_mode_cls_token": true')
    pooling.write_text(config.replace('"pooling_mode_mean_tokens": true', '"pooling_mode_mean_tokens": false'))
    assert not module.onnx_ready(folder) and module.onnx_ready(Path(default_embedder_path()))
    embedder = Embedder(str(folder))
    assert embedder.embed(TEXTS).shape == (2, 384) and embedder.backend == "torch"
    with pytest.raises(QAError, match="ONNX backend"):
        Embedder(str(folder), backend="onnx").embed(TEXTS)


def test_a_damaged_graph_in_the_cache_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    expected = Embedder().embed(TEXTS)
    (graph,) = tmp_path.glob("onnx/embedder-*/model.onnx")
    graph.write_bytes(b"\0" * 100)
    assert np.allclose(Embedder().embed(TEXTS), expected, atol=1e-5)


def test_unknown_precision_is_a_clear_error():
    with pytest.raises(QAError, match="precision"):
        Embedder(backend="torch", precision="int4").embed(["anything"])
    with pytest.raises(QAError, match="backend"):
        Embedder(backend="tensorflow")


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
