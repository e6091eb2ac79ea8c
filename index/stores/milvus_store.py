"""The Milvus store: one client for a file on this machine (Milvus Lite), a server or a cluster.

The URI says which, as pymilvus names them: a path ending in `.db` is Milvus Lite (an embedded
implementation of Milvus's API), run in this process; `http(s)://host:port` is a Milvus standalone server or a distributed cluster. Search is
pushed down to the engine: dense and BM25 (a `BM25` function over the text field, computed by
Milvus) fused by reciprocal rank in one hybrid search, so a `qa` process holds no index state.

Two collections: `<name>` holds the chunks, each tagged with its document's digest, and
`<name>_documents` the digest of each document's committed version (Milvus wants a vector in
every collection, so it carries a two-number placeholder). A search keeps only chunks of
committed versions: a run killed between writing a document's chunks and committing them leaves
chunks no search returns, removed when the document is indexed again.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np

from qa_index.chunking import Chunk
from qa_index.errors import QAError
from qa_index.stores.base import RRF_K, Retrieved, StoreInfo, check_mode

log = logging.getLogger(__name__)


class _QuietFallback(logging.Filter):
    """Milvus Lite gives an iterator no server timestamp and pymilvus warns that it uses the client's
    clock, which is right for an embedded engine: that one warning is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("failed to get mvccTs")


logging.getLogger("pymilvus.client.iterator.query_iterator").addFilter(_QuietFallback())
INFO_PROPERTY = "qa.info"
TEXT_BYTES = 65_535  # Milvus's largest VARCHAR
ID_BYTES = 4_096
CANDIDATES = 20
HNSW = {"M": 32, "efConstruction": 128}
HNSW_EF = 64
# BM25 over words as our embedded store reads them: lower case, English stop words dropped, Snowball stems
ANALYZER = {
    "tokenizer": "standard",
    "filter": ["lowercase", {"type": "stop", "stop_words": ["_english_"]}, {"type": "stemmer", "language": "english"}],
}
CHUNK_FIELDS = ["document", "start", "end", "text", "paragraph", "digest"]


def is_milvus_uri(uri: str) -> bool:
    """Milvus Lite (a `.db` file) or a Milvus server (`http(s)://`); anything else is a FAISS folder."""
    return str(uri).endswith(".db") or str(uri).startswith(("http://", "https://"))


def _literal(value) -> str:
    """A string or list of strings as a Milvus filter literal (JSON's quoting is what its parser reads)."""
    return json.dumps(value)


class MilvusStore:
    """Chunks in a Milvus collection; see the module's docstring. `token`: for a server that asks for one."""

    def __init__(self, uri: str, info: StoreInfo | None = None, name: str = "qa_chunks", token: str = "") -> None:
        from pymilvus import MilvusClient
        from pymilvus.exceptions import MilvusException

        self.uri, self.name, self.documents_name = str(uri), name, f"{name}_documents"
        if self.uri.endswith(".db"):
            if info is None and not Path(self.uri).exists():  # opening would create it: say so instead
                raise QAError(f"no index in {self.uri}: build one with `qa index PATH --store {self.uri}`")
            Path(self.uri).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.client = MilvusClient(uri=self.uri, token=token)
            exists = self.client.has_collection(self.name)
        except (MilvusException, OSError, RuntimeError) as exc:
            hint = (
                ": another process may have it open (Milvus Lite lets one at a time; use a Milvus server for more),"
                " or it is not a Milvus Lite store" if self.uri.endswith(".db") else ""
            )
            raise QAError(f"could not open the Milvus store {self.uri} ({exc}){hint}") from exc
        if exists:
            stored = self.client.describe_collection(self.name).get("properties", {}).get(INFO_PROPERTY)
            if stored is None:
                raise QAError(f"{self.uri}: collection {self.name!r} was not made by this project")
            self.info = StoreInfo.from_dict(json.loads(stored))
            if info is not None:
                self.info.check(info, f"the Milvus store {self.uri}")
            for collection in (self.name, self.documents_name):  # a restarted engine holds them released
                self.client.load_collection(collection)
        elif info is None:
            raise QAError(f"no index in {self.uri}: build one with `qa index PATH --store {self.uri}`")
        else:
            self.info = info
            self._create()
        self._added: dict[str, tuple[str, int]] = {}  # document -> (digest, chunks), not yet committed
        self._deleted: set[str] = set()

    def _create(self) -> None:
        from pymilvus import DataType, Function, FunctionType

        schema = self.client.create_schema(auto_id=False)
        schema.add_field("id", DataType.VARCHAR, is_primary=True, max_length=ID_BYTES)
        schema.add_field("document", DataType.VARCHAR, max_length=ID_BYTES)
        schema.add_field("digest", DataType.VARCHAR, max_length=64)
        for number in ("start", "end", "paragraph"):
            schema.add_field(number, DataType.INT64)
        schema.add_field("text", DataType.VARCHAR, max_length=TEXT_BYTES, enable_analyzer=True, analyzer_params=ANALYZER)
        schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_field("vector", DataType.FLOAT_VECTOR, dim=self.info.dimension)
        schema.add_function(
            Function(name="bm25", function_type=FunctionType.BM25, input_field_names=["text"], output_field_names=["sparse"])
        )
        index = self.client.prepare_index_params()
        if self.info.settings.kind == "hnsw":
            index.add_index("vector", index_type="HNSW", metric_type="IP", params=HNSW)
        else:
            index.add_index("vector", index_type="FLAT", metric_type="IP")
        index.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")

        registry = self.client.create_schema(auto_id=False)
        registry.add_field("id", DataType.VARCHAR, is_primary=True, max_length=ID_BYTES)
        registry.add_field("digest", DataType.VARCHAR, max_length=64)
        registry.add_field("chunks", DataType.INT64)
        registry.add_field("placeholder", DataType.FLOAT_VECTOR, dim=2)
        registry_index = self.client.prepare_index_params()
        registry_index.add_index("placeholder", index_type="FLAT", metric_type="L2")

        self.client.create_collection(self.documents_name, schema=registry, index_params=registry_index)
        self.client.create_collection(self.name, schema=schema, index_params=index)
        # the description last: a collection without it was not finished, and is refused on open
        self.client.alter_collection_properties(self.name, properties={INFO_PROPERTY: json.dumps(self.info.as_dict())})

    def close(self) -> None:
        """Let go of the connection; for Milvus Lite also of its file, which one process at a time may open
        (other handles on the same file in this process stop working too)."""
        self.client.close()
        if self.uri.endswith(".db"):
            from milvus_lite.server_manager import server_manager_instance

            server_manager_instance.release_server(self.uri)

    # -- the store interface

    def documents(self) -> dict[str, str]:
        return {row["id"]: row["digest"] for row in self._registry('id != ""', ["digest"])}

    def count(self) -> int:
        return sum(row["chunks"] for row in self._registry('id != ""', ["chunks"]))

    def _registry(self, where: str, fields: list[str]) -> list[dict]:
        rows, iterator = [], self.client.query_iterator(self.documents_name, batch_size=1000, filter=where, output_fields=fields)
        try:
            while batch := iterator.next():
                rows.extend(batch)
        finally:
            iterator.close()
        return rows

    def add(self, document_id: str, digest: str, chunks: list[Chunk], vectors: np.ndarray) -> None:
        if len(chunks) != len(vectors):
            raise QAError(f"{len(vectors)} vectors for {len(chunks)} chunks of {document_id}")
        if len(document_id.encode()) > ID_BYTES:
            raise QAError(f"document id of {len(document_id.encode())} bytes is over Milvus's {ID_BYTES}")
        too_long = [c for c in chunks if len(c.text.encode()) > TEXT_BYTES]
        if too_long:
            raise QAError(f"{document_id}: a chunk of {len(too_long[0].text.encode())} bytes is over Milvus's {TEXT_BYTES}")
        # what a killed run left of this very version goes first
        self.client.delete(self.name, filter=f"document == {_literal(document_id)} and digest == {_literal(digest)}")
        rows = [
            {"id": f"{digest}:{n}", "document": c.document, "digest": digest, "start": c.start, "end": c.end,
             "paragraph": c.paragraph, "text": c.text, "vector": v.tolist()}
            for n, (c, v) in enumerate(zip(chunks, np.asarray(vectors, dtype=np.float32)))
        ]
        for i in range(0, len(rows), 1000):
            self.client.insert(self.name, rows[i : i + 1000])
        self._added[document_id] = (digest, len(chunks))
        self._deleted.discard(document_id)

    def delete(self, document_id: str) -> None:
        self._added.pop(document_id, None)
        self._deleted.add(document_id)

    def commit(self) -> None:
        """Register the added versions (from then on searches return them), then drop what they replace."""
        if self._added:
            self.client.upsert(
                self.documents_name,
                [{"id": d, "digest": digest, "chunks": n, "placeholder": [0.0, 0.0]} for d, (digest, n) in self._added.items()],
            )
        if self._deleted:
            self.client.delete(self.documents_name, filter=f"id in {_literal(sorted(self._deleted))}")
            self.client.delete(self.name, filter=f"document in {_literal(sorted(self._deleted))}")
        for document_id, (digest, _) in self._added.items():
            self.client.delete(self.name, filter=f"document == {_literal(document_id)} and digest != {_literal(digest)}")
        self.client.flush(self.name)
        self.client.flush(self.documents_name)
        self._added, self._deleted = {}, set()

    def search(self, vectors: np.ndarray, texts: list[str], k: int, mode: str = "fused") -> list[list[Retrieved]]:
        from pymilvus import AnnSearchRequest, RRFRanker

        check_mode(mode)
        depth = max(k, CANDIDATES)
        vectors = np.asarray(vectors, dtype=np.float32).tolist()
        dense_param = {"metric_type": "IP", "params": {"ef": max(HNSW_EF, depth)} if self.info.settings.kind == "hnsw" else {}}
        if mode == "dense":
            rows = self.client.search(
                self.name, data=vectors, anns_field="vector", search_params=dense_param, limit=depth, output_fields=CHUNK_FIELDS
            )
        else:
            requests = [
                AnnSearchRequest(data=vectors, anns_field="vector", param=dense_param, limit=depth),
                AnnSearchRequest(data=list(texts), anns_field="sparse", param={"metric_type": "BM25"}, limit=depth),
            ]
            rows = self.client.hybrid_search(
                self.name, requests, ranker=RRFRanker(RRF_K), limit=depth, output_fields=CHUNK_FIELDS
            )
        committed = self._committed({hit["entity"]["document"] for row in rows for hit in row})
        return [self._hits(row, committed, k, dense=mode == "dense") for row in rows]

    def _committed(self, documents: set[str]) -> dict[str, str]:
        if not documents:
            return {}
        rows = self.client.query(self.documents_name, filter=f"id in {_literal(sorted(documents))}", output_fields=["digest"])
        return {row["id"]: row["digest"] for row in rows}

    @staticmethod
    def _hits(row, committed: dict[str, str], k: int, dense: bool) -> list[Retrieved]:
        """The first k hits of committed document versions, as Retrieved chunks."""
        entities = [(hit["entity"], hit["distance"]) for hit in row]
        kept = [(e, d) for e, d in entities if committed.get(e["document"]) == e["digest"]][:k]
        return [
            Retrieved(Chunk(e["document"], e["start"], e["end"], e["text"], e["paragraph"]), float(d), rank if dense else None)
            for rank, (e, d) in enumerate(kept)
        ]
