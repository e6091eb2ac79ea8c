"""Stores of both engines, for the behaviour tests every store must pass."""

from __future__ import annotations

import pytest

from qa_index.stores import IndexSettings, StoreInfo, open_store

ENGINES = ["faiss", "milvus"]


@pytest.fixture(params=ENGINES)
def engine(request) -> str:
    if request.param == "milvus":
        pytest.importorskip("pymilvus", reason="Milvus needs the milvus extra: pip install '.[milvus]'")
        pytest.importorskip("milvus_lite", reason="Milvus Lite needs the milvus extra: pip install '.[milvus]'")
    return request.param


@pytest.fixture
def store_uri(engine, tmp_path):
    """A store's URI in a folder (default: this test's): a folder for FAISS, a `.db` file for Milvus Lite."""

    def uri(folder=None) -> str:
        folder = folder or tmp_path
        return str(folder / ("store.db" if engine == "milvus" else "store"))

    return uri


@pytest.fixture
def make_store(store_uri, embedder):
    """open_store(this test's store, the bundled embedder's info), with the index settings given."""

    def make(settings: IndexSettings | None = None, folder=None):
        info = StoreInfo(embedder.name, embedder.dimension, settings or IndexSettings())
        return open_store(store_uri(folder), info)

    return make
