"""Quality gates: CI fails when answers get worse. Raise them as the system improves.

The gates sit at what the shipped system measures (rounded down), so any drop fails CI.
One was lowered once, in a trade that is said in the git log: reading overlapping chunks
as one passage (qa.passages) raised article EM 77.6 -> 82.8, F1 83.3 -> 86.3 and no-answer
precision 63.6 -> 85.7, and cost one no-answer question (recall 50.0 -> 42.9). The product
target still unmet is no-answer recall 80; see the reader's model card.
"""

from __future__ import annotations

import pytest

from qa.evaluation.article_eval import evaluate_article, load_questions, write_report
from qa.evaluation.open_book import evaluate_open_book
from qa.evaluation.squad_eval import evaluate, reader_predictor
from qa.squad import load_squad, spread


# Measured on 2026-11-28, the same in bf16 and fp32 reading unless noted (article: F1 86.3,
# EM 82.8, no-answer precision 85.7 / recall 42.9; dev-v1.1 500: F1 81.6 bf16, 81.9 fp32;
# dev-v2.0 300 open book: F1 51.2 bf16, 50.9 with the embedder in fp32).
ARTICLE_F1, ARTICLE_EM = 86.0, 82.5
ARTICLE_NO_ANS_PRECISION, ARTICLE_NO_ANS_RECALL = 85.0, 42.0
SQUAD_V11_F1 = 81.5
OPEN_BOOK_V2_GATE = 48.2  # the measured figure minus 3 points, as the eval issue asks


@pytest.fixture(scope="module")
def article_scores(bot):
    return evaluate_article(bot, load_questions())


def test_question_set_is_large_and_varied():
    questions = load_questions()
    assert len(questions) >= 60
    assert sum(not q.answerable for q in questions) >= 12
    assert sum(bool(q.history) for q in questions) >= 5
    assert {"who", "what", "when", "where", "which", "how many", "why"} <= {q.type for q in questions}


def test_article_answers(article_scores):
    assert article_scores.f1 >= ARTICLE_F1, article_scores.misses
    assert article_scores.em >= ARTICLE_EM, article_scores.misses


def test_article_abstention(article_scores):
    assert article_scores.no_ans_precision >= ARTICLE_NO_ANS_PRECISION, article_scores.misses
    assert article_scores.no_ans_recall >= ARTICLE_NO_ANS_RECALL, article_scores.misses


def test_article_retrieval(article_scores):
    assert article_scores.recall_at_k >= 95


def test_article_report_is_written(article_scores, tmp_path):
    report = write_report(article_scores, tmp_path)
    assert "| f1 |" in report.read_text() and (tmp_path / "article-reliability.png").stat().st_size > 1000


def test_squad_v11_paragraph_level(reader, squad_dir):
    examples = spread(load_squad(squad_dir / "dev-v1.1.json.gz"), 500)
    scores = evaluate(examples, reader_predictor(reader, allow_abstain=False))
    print(f"dev-v1.1 500 paragraph-level: {scores.as_dict()}")
    assert scores.f1 >= SQUAD_V11_F1


def test_squad_v20_open_book(reader, squad_dir):
    corpus = load_squad(squad_dir / "dev-v2.0.json.gz")
    scores = evaluate_open_book(spread(corpus, 300), reader, corpus=corpus)
    print(f"dev-v2.0 300 open-book: {scores.as_dict()}")
    assert scores.f1 >= OPEN_BOOK_V2_GATE
