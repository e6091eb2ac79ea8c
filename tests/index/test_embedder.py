"""Embeddings: unit-length float32 vectors, in fp32 or bf16, the same direction either way."""

import numpy as np
import pytest

from index.embedder import Embedder
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
