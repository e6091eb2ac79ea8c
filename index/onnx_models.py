"""ONNX Runtime for our models: export once into the cache, check, then run without torch.

A model is exported from torch (and, for int8, quantised: dynamic, per channel) the first
time it is needed, into a folder of the cache named by everything that shapes the result
(the weights' identity, the precision, the exporter's version). The folder is built
beside its place and swapped in whole, under a file lock shared by processes, and holds
`check.json` only when the exported graph gave the torch model's results on probe inputs:
a folder without it is never used. Later starts open the graph with onnxruntime alone,
which imports in a few hundredths of a second where torch and transformers take seconds.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Callable, Sequence

from filelock import FileLock

from qa_index.errors import QAError
from qa_index.folders import default_cache_dir, file_identity, staged_folder

class GraphError(QAError):
    """An exported graph that could not be made, opened or trusted: the model itself may be fine."""


log = logging.getLogger(__name__)
GRAPH = "model.onnx"
CHECK = "check.json"
PRECISIONS = ("fp32", "int8")
# How each precision's graph is made: part of the cache key, so a changed recipe builds afresh
RECIPES = {"fp32": "torch.onnx opset 17", "int8": "dynamic int8 per channel, widening weights only"}


def weights_identity(folder: Path) -> str:
    """What identifies a local model's weights and config cheaply: each such file's `file_identity`."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in {".json", ".safetensors", ".bin"})
    return "\n".join(file_identity(path) for path in files)


def graph_folder(kind: str, source: str, precision: str) -> Path:
    """Where the graph of `source` (a local folder or a hub name) at `precision` is kept."""
    import onnxruntime

    folder = Path(source)
    identity = weights_identity(folder) if folder.is_dir() else source
    recipe = RECIPES.get(precision, precision)
    key = hashlib.sha256(f"{kind}|{identity}|{recipe}|onnxruntime {onnxruntime.__version__}".encode()).hexdigest()
    return default_cache_dir() / "onnx" / f"{kind}-{precision}-{key[:20]}"


def is_ready(folder: Path) -> bool:
    return (folder / GRAPH).is_file() and (folder / CHECK).is_file()


def build_graph(folder: Path, build: Callable[[Path], dict], rebuild: bool = False) -> Path:
    """The checked graph in `folder`, built by `build(graph_path) -> check record` where it is not there
    yet, or where `rebuild` says the one there is unreadable.

    `build` exports (and quantises) into the path it is given and raises QAError when the
    graph's results differ from the model's (a GraphError); nothing is kept then."""
    if is_ready(folder) and not rebuild:
        return folder / GRAPH
    folder.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(folder.parent / f".{folder.name}.lock")):
        if rebuild or not is_ready(folder):  # another process may have built it while this one waited
            log.warning("preparing %s for ONNX Runtime: once, about 10-20 s; kept in %s", folder.name.split("-")[0], folder)
            with staged_folder(folder, markers=(GRAPH, CHECK)) as staged:
                record = build(staged / GRAPH)
                (staged / CHECK).write_text(json.dumps(record, indent=2) + "\n")
    return folder / GRAPH


def export(module, example: Sequence, input_names: Sequence[str], output_names: Sequence[str], path: Path) -> None:
    """Export a torch module whose inputs and outputs are (batch, sequence[, ...]) tensors."""
    import warnings

    import torch

    axes = {name: {0: "batch", 1: "sequence"} for name in [*input_names, *output_names]}
    with torch.inference_mode(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tracer warns about every Python number it records
        try:
            torch.onnx.export(
                module, tuple(example), str(path), input_names=list(input_names), output_names=list(output_names),
                dynamic_axes=axes, opset_version=17, dynamo=False,
            )
        except Exception as exc:  # the exporter raises many types for operations it cannot write
            raise GraphError(f"could not export {type(module).__name__} to ONNX: {exc}") from exc


def widening_matmuls(path: Path) -> list[str]:
    """The graph's products with a weight matrix that keeps or widens the width (attention projections,
    a feed-forward layer's first half). Narrowing ones stay out of int8: a feed-forward layer's second
    half reads GELU's outputs, whose few large values set a dynamic scale that rounds the rest away,
    and a span head is tiny. Measured on 2,000 dev-v1.1 questions: every weight in int8, F1 -1.0
    against fp32; these only, -0.5; the products of two activations (attention scores) stay fp32 too."""
    import onnx

    graph = onnx.load(str(path), load_external_data=False).graph
    shapes = {w.name: tuple(w.dims) for w in graph.initializer}
    return [
        node.name
        for node in graph.node
        if node.op_type == "MatMul" and len(shape := shapes.get(node.input[1], ())) == 2 and shape[0] <= shape[1]
    ]


def quantize_int8(path: Path) -> None:
    """Replace a float graph by its dynamic int8 quantisation (weights int8 per channel, activations at
    run time) of its widening weight products (`widening_matmuls`)."""
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantized = path.with_suffix(".int8.onnx")
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    root.setLevel(logging.ERROR)  # it advises pre-processing, which changes nothing for these models
    try:
        quantize_dynamic(
            str(path), str(quantized), weight_type=QuantType.QInt8, per_channel=True, nodes_to_quantize=widening_matmuls(path)
        )
    except Exception as exc:  # the quantiser raises many types for graphs it cannot handle
        raise GraphError(f"could not quantise {path.name} to int8: {exc}") from exc
    finally:  # and it configures the root logger: put it back as it was
        root.setLevel(level)
        root.handlers[:] = handlers
    quantized.replace(path)


def open_built(folder: Path, build: Callable[[Path], dict], open_graph: Callable[[Path], object]):
    """`open_graph` over the checked graph in `folder`; a graph in the cache that cannot be opened
    (a damaged file) is built again once."""
    try:
        return open_graph(build_graph(folder, build))
    except GraphError:
        if not is_ready(folder):
            raise
    return open_graph(build_graph(folder, build, rebuild=True))


def open_session(path: Path, threads: int | None = None):
    """An onnxruntime CPU session over a graph file; a graph it cannot read is a GraphError."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads or (os.cpu_count() or 1)
    # Idle threads sleep rather than spin: a session's spinning threads otherwise keep the cores busy
    # for a while after each run and slow the next model (the embedder then the reader, every
    # question): about 1.7x slower end to end on 2 cores
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    try:
        return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own types for unreadable graphs
        raise GraphError(f"could not open the ONNX graph {path}: {exc}") from exc
