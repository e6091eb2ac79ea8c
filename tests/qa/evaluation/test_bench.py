"""`qa bench`: both readers timed over the same questions, with every figure the issue asks for."""

from __future__ import annotations

import pytest

from qa.evaluation.article_eval import load_questions
from qa.evaluation.bench import run_bench


def test_bench_reports_both_pipelines_on_the_same_questions():
    questions = [q for q in load_questions() if q.answerable and not q.history][:4]
    result = run_bench(questions, rounds=1).as_dict()
    assert result["questions"] == 4
    for key in ("p50_ms", "p95_ms", "baseline_p50_ms", "read_p50_ms", "baseline_read_p50_ms",
                "cold_start_s", "index_build_s", "peak_rss_mb"):
        assert result[key] > 0, key
    assert result["p95_ms"] >= result["p50_ms"]
    assert result["speedup"] == pytest.approx(result["baseline_p50_ms"] / result["p50_ms"])
    assert result["read_speedup"] == pytest.approx(result["baseline_read_p50_ms"] / result["read_p50_ms"])
    assert 0 <= result["f1"] <= 100 and 0 <= result["baseline_f1"] <= 100
