"""Stores: where a corpus's chunks and vectors live. `open_store(uri)` picks the engine from the URI."""

from __future__ import annotations

import os
from pathlib import Path

from qa_index.stores.base import IndexSettings, Retrieved, Store, StoreInfo
from qa_index.stores.faiss_store import FaissStore
from qa_index.stores.milvus_store import MilvusStore, is_milvus_uri

__all__ = ["FaissStore", "IndexSettings", "MilvusStore", "Retrieved", "Store", "StoreInfo", "is_milvus_uri", "open_store"]


def open_store(uri: str | Path, info: StoreInfo | None = None) -> Store:
    """The store at `uri`: a `.db` file is Milvus Lite, `http(s)://host:port` a Milvus server or cluster
    (its token, if it needs one, in $MILVUS_TOKEN), anything else a FAISS folder.

    Without `info` the store must exist; with it, a missing store is created and an existing one
    must have been built the same way (embedder, dimension, chunking, index kind)."""
    if is_milvus_uri(str(uri)):
        return MilvusStore(str(uri), info, token=os.environ.get("MILVUS_TOKEN", ""))
    return FaissStore.open(Path(uri), info)
