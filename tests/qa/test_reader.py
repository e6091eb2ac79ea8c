"""The shipped reader: offline loading, backends, spans, offsets, abstention, batching, broken models."""

from __future__ import annotations

import shutil

import pytest

from qa import QAError, Reader
from qa_index.hardware import native_bf16
from qa.calibration import Calibration

PARAGRAPH = (
    "The Eiffel Tower is a wrought-iron lattice tower on the Champ de Mars in Paris, France. "
    "It is named after the engineer Gustave Eiffel, whose company designed and built the tower "
    "from 1887 to 1889 for the World's Fair."
)


def test_shipped_reader_loads_offline_into_onnx_runtime(reader):
    assert reader.backend.name == "onnx-fp32"  # the default: the torch model's logits, faster
    assert 0 < reader.calibration.prior < 1 and 0 < reader.pipeline_calibration.prior < 1


def test_known_question_gives_the_right_span(reader):
    best = reader.read("Who is the Eiffel Tower named after?", PARAGRAPH).best
    assert best is not None and "Gustave Eiffel" in best.text
    assert 0.0 <= best.score <= 1.0


def test_offsets_slice_the_answer_exactly(reader):
    for question in ["Where is the Eiffel Tower?", "When was the tower built?", "What is the tower made of?"]:
        for span in reader.read(question, PARAGRAPH, top_k=3).spans:
            assert PARAGRAPH[span.start : span.end] == span.text


def test_a_reading_holds_distinct_answers_not_one_answer_read_many_ways(reader):
    spans = reader.read("Where is the Eiffel Tower?", PARAGRAPH, top_k=5).spans
    assert len(spans) == 5
    for i, a in enumerate(spans):
        for b in spans[i + 1 :]:
            assert a.end <= b.start or b.end <= a.start, (a.text, b.text)
    assert [s.margin for s in spans] == sorted((s.margin for s in spans), reverse=True)


def test_unrelated_question_abstains(reader):
    reading = reader.read("How many moons does Jupiter have?", PARAGRAPH)
    assert reading.abstained and reading.best is None


def test_long_context_is_read_in_windows_with_exact_offsets(reader):
    filler = " ".join(f"Sentence number {i} says nothing of interest about anything." for i in range(120))
    context = filler + " " + PARAGRAPH + " " + filler
    best = reader.read("Who is the Eiffel Tower named after?", context).best
    assert best is not None and "Gustave Eiffel" in best.text
    assert context[best.start : best.end] == best.text
    assert best.start > len(filler)


def test_batched_results_equal_single_results(reader):
    pairs = [
        ("Who is the Eiffel Tower named after?", PARAGRAPH),
        ("Where is the Eiffel Tower?", PARAGRAPH),
        ("How many moons does Jupiter have?", PARAGRAPH),
    ]
    batched = reader.read_batch(pairs, top_k=2)
    for (question, context), together in zip(pairs, batched):
        alone = reader.read(question, context, top_k=2)
        assert [(s.text, s.start, s.end) for s in alone.spans] == [(s.text, s.start, s.end) for s in together.spans]
        # bf16 rounds differently when a window is padded in a batch: same spans, scores within 1e-2
        tolerance = 1e-2 if reader.precision == "bf16" else 1e-4
        assert [s.score for s in alone.spans] == pytest.approx([s.score for s in together.spans], abs=tolerance)
        assert alone.abstained == together.abstained


def test_overlong_question_is_cut_with_a_warning(reader):
    with pytest.warns(UserWarning, match="longer than"):
        reading = reader.read("Who is the tower named after? " + "please " * 200, PARAGRAPH)
    assert all(PARAGRAPH[s.start : s.end] == s.text for s in reading.spans)


def test_missing_model_directory_is_a_clear_error(tmp_path):
    with pytest.raises(QAError, match="not found"):
        Reader.load(tmp_path / "nothing-here")


def test_corrupt_model_directory_is_a_clear_error(tmp_path):
    from qa.reader import SHIPPED_READER

    broken = tmp_path / "broken"
    shutil.copytree(SHIPPED_READER, broken)
    (broken / "model.safetensors").write_bytes(b"not a safetensors file")
    with pytest.raises(QAError, match="could not load reader"):
        Reader.load(broken)


def test_directory_without_config_is_a_clear_error(tmp_path):
    (tmp_path / "weights.bin").write_bytes(b"\0")
    with pytest.raises(QAError, match="config.json"):
        Reader.load(tmp_path)


@pytest.mark.parametrize(("backend", "precision"), [("torch", "fp32"), ("torch", "bf16"), ("onnx", "int8")])
def test_every_backend_and_precision_finds_the_same_answers(reader, backend, precision):
    other = Reader.load(backend=backend, precision=precision)
    assert other.backend.name == f"{backend}-{precision}"
    pairs = [
        ("Who is the Eiffel Tower named after?", PARAGRAPH),
        ("When was the tower built?", PARAGRAPH[:90]),  # a shorter window, padded in the batch
        ("When was the tower built?", PARAGRAPH),
        ("How many moons does Jupiter have?", PARAGRAPH),
    ]
    readings = reader.read_batch(pairs)
    assert [r.abstained for r in readings] == [False, True, False, True]
    for ours, theirs in zip(readings, other.read_batch(pairs)):
        assert ours.abstained == theirs.abstained
        if not ours.abstained:  # an abstention's spans are far below [CLS] (margins near -20): any may come first
            assert [(s.start, s.end) for s in ours.spans] == [(s.start, s.end) for s in theirs.spans]


def test_the_onnx_graph_gives_the_models_logits():
    torch_reader, onnx_reader = Reader.load(backend="torch", precision="fp32"), Reader.load(backend="onnx", precision="fp32")
    pairs = [("Who is the Eiffel Tower named after?", PARAGRAPH), ("When was it built?", PARAGRAPH[:90])]
    for a, b in zip(torch_reader.read_batch(pairs, top_k=3), onnx_reader.read_batch(pairs, top_k=3)):
        assert [s.margin for s in a.spans] == pytest.approx([s.margin for s in b.spans], abs=1e-3)


def test_onnx_sessions_leave_the_cores_idle_between_runs(reader):
    """The reader and the embedder run one after the other on every question: a session whose idle
    threads spin keeps the cores busy into the other's run (1.7x slower end to end on 2 cores)."""
    from qa_index.embedder import Embedder

    embedder = Embedder()
    embedder.embed(["warm"])
    sessions = [reader.backend.session, embedder.model.session]
    for session in sessions:
        assert session.get_session_options().get_session_config_entry("session.intra_op.allow_spinning") == "0"


def test_a_damaged_graph_in_the_cache_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    Reader.load(backend="onnx", precision="fp32")
    (graph,) = tmp_path.glob("onnx/reader-fp32-*/model.onnx")
    graph.write_bytes(b"not a graph")
    again = Reader.load(backend="onnx", precision="fp32")
    assert again.read("Who is the Eiffel Tower named after?", PARAGRAPH).best.text == "Gustave Eiffel"
    assert graph.stat().st_size > 1_000_000


def test_int8_reads_each_window_alone_so_a_batch_does_not_change_a_score():
    int8 = Reader.load(precision="int8")
    pairs = [("Who is the Eiffel Tower named after?", PARAGRAPH), ("When was it built?", PARAGRAPH[:90])]
    alone = [int8.read(q, c, top_k=2) for q, c in pairs]
    for single, batched in zip(alone, int8.read_batch(pairs, top_k=2)):
        assert [(s.start, s.end, s.score) for s in single.spans] == [(s.start, s.end, s.score) for s in batched.spans]


def test_int8_quantises_the_widening_weight_products_and_keeps_the_rest_in_fp32():
    import onnx

    from qa.reader import SHIPPED_READER
    from qa_index.onnx_models import GRAPH, graph_folder

    Reader.load(precision="int8")
    graph = onnx.load(str(graph_folder("reader", str(SHIPPED_READER), "int8") / GRAPH)).graph
    weights = {w.name: tuple(w.dims) for w in graph.initializer}
    float_products = [weights.get(n.input[1]) for n in graph.node if n.op_type == "MatMul"]
    assert sum(n.op_type == "MatMulInteger" for n in graph.node) == 6 * 5  # q, k, v, attention out, FFN in
    # each layer's FFN out (1536 -> 384) and the span head (384 -> 2) stay fp32, as do the attention scores
    assert sorted(w for w in float_products if w) == [(384, 2)] + [(1536, 384)] * 6
    assert float_products.count(None) == 6 * 2


def test_a_graph_that_reads_otherwise_is_refused_and_auto_falls_back_to_torch(tmp_path, monkeypatch):
    import qa.reader

    from qa_index.onnx_models import GraphError

    def refuse(reference, candidate, encoder):
        raise GraphError(f"the {candidate.name} graph reads a probe otherwise than the model")

    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(qa.reader, "check_graph", refuse)
    with pytest.raises(QAError, match="otherwise than the model"):
        Reader.load(backend="onnx")
    assert not list(tmp_path.glob("onnx/reader-*/model.onnx"))  # nothing unchecked is kept
    with pytest.warns(UserWarning, match="runs in torch"):
        fallback = Reader.load()
    # torch's own "auto" precision: bf16 where the CPU has it natively (AVX512-BF16), else fp32
    assert fallback.backend.name == ("torch-bf16" if native_bf16() else "torch-fp32")


@pytest.mark.parametrize(("backend", "precision"), [("onnx", "bf16"), ("torch", "int8")])
def test_a_precision_the_backend_cannot_run_is_refused(backend, precision):
    with pytest.raises(QAError, match="int8 is ONNX only"):
        Reader.load(backend=backend, precision=precision)


def test_top_k_below_one_is_refused(reader):
    with pytest.raises(QAError, match="top_k"):
        reader.read("Who?", PARAGRAPH, top_k=0)


def test_unknown_precision_is_refused():
    with pytest.raises(QAError, match="unknown precision"):
        Reader.load(precision="fp8")


def test_spans_do_not_cross_paragraph_breaks(reader):
    context = "Defence cooperation\n\nMUNSTER - Japan and Germany agreed on Thursday to deepen defence cooperation."
    for span in reader.read("What did Japan and Germany agree to deepen?", context, top_k=5).spans:
        assert "\n\n" not in span.text


def test_a_model_without_token_types_reads_with_exact_offsets(tmp_path):
    """Any Hugging Face QA model: DistilBERT takes no token_type_ids (a tiny random one here, offline)."""
    from transformers import AutoTokenizer, DistilBertConfig, DistilBertForQuestionAnswering

    from qa.reader import SHIPPED_READER

    tokenizer = AutoTokenizer.from_pretrained(str(SHIPPED_READER), model_input_names=["input_ids", "attention_mask"])
    config = DistilBertConfig(vocab_size=tokenizer.vocab_size, dim=32, n_layers=1, n_heads=2, hidden_dim=64)
    DistilBertForQuestionAnswering(config).save_pretrained(tmp_path)
    tokenizer.save_pretrained(tmp_path)
    for backend in ("torch", "onnx"):
        reader = Reader.load(tmp_path, backend=backend, precision="fp32")
        assert reader.backend.input_names == ("input_ids", "attention_mask")
        reading = reader.read("Who is the Eiffel Tower named after?", PARAGRAPH, top_k=3)
        assert reading.spans and all(PARAGRAPH[s.start : s.end] == s.text for s in reading.spans)


def test_calibration_moves_with_the_share_of_unanswerable_questions():
    fitted = Calibration(slope=0.3, intercept=-0.3, no_answer_slope=-0.25, no_answer_intercept=0.0, prior=0.5)
    for margin in (-5.0, 0.0, 3.0, 10.0):
        assert fitted.score(margin, 0.5) == fitted.score(margin)
        assert fitted.score(margin, 0.2) > fitted.score(margin) > fitted.score(margin, 0.8)
        assert fitted.no_answer(margin, 0.2) < fitted.no_answer(margin) < fitted.no_answer(margin, 0.8)
        assert fitted.abstains(margin, 0.2) == (fitted.no_answer(margin, 0.2) > fitted.score(margin, 0.2))
    # a margin where half and half would abstain is answered where few questions lack an answer
    assert fitted.abstains(0.5) and not fitted.abstains(0.5, 0.1)
    with pytest.raises(QAError, match="between 0 and 1"):
        fitted.score(0.0, 1.5)


def test_a_reader_without_a_fitted_calibration_abstains_when_no_answer_beats_the_span():
    default = Calibration()
    assert default.abstains(-0.1) and not default.abstains(0.1)
