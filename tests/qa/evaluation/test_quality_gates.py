"""Quality gates: CI fails when answers get worse. Raise them as the system improves.

The article gates are on the test half of the article's question sets (the dev half is for
tuning); they sit at what the shipped system measures there (rounded down), so a drop fails CI.

Lowered once, in a trade said in the git log: the reader trained on SQuAD 2.0's unanswerable
questions (stage 3) took open-book dev-v2.0 from F1 48 to 64 and the article's ECE from 0.33 to
0.15, and cost the article test half F1 76.4 -> 72.1, EM 71.4 -> 64.3 and no-answer P/R 60 -> 53,
and 0.8 F1 on the dev-v1.1 subset (81.6 -> 80.8; 81.8 -> 81.4 on the whole file).
Stage 4 (stage 3 averaged with a longer run from it) raised every article gate and the open-book
one; its dev-v1.1 figure went up on the whole file (81.4 -> 81.7) and down on this 500-question
subset (80.8 -> 80.4), so that gate sits at what the subset measures now.
Reading each span as the shortest span inside it that scores within 0.4 logits of it raised the
article test EM (64.3 -> 66.7) and F1 (74.2 -> 74.6), the subset (80.4 -> 81.1) and open book
(68.1 -> 68.4); the gates moved up with them.
Dropping spans of the wrong kind (a country for "Which German state ...?", qa.answer_kinds) raised
the test half's no-answer precision / recall (62.5 / 66.7 -> 66.7 / 80.0) and lowered its ECE
(0.094 -> 0.078); the gates moved up with them. Ruling out people the text titles with another
office (qa.roles) moved the test half's ECE to 0.075; giving a counterpart the office of the titled
person before it, and the one person titled with the asked office the place of a ruled-out best,
made c09 ("And Germany?" -> Christine Lambrecht) right: conversations 91.7 -> 100.
Reading an abbreviation as the article writes it ("G7" -> "Group of Seven", qa.abbreviations) raised
the test half's F1 / EM (74.6 / 66.7 -> 77.0 / 69.0) and no-answer precision (66.7 -> 70.6), and moved
every score it touched the right way (the Brier score fell, 0.157 -> 0.150), yet the ECE rose (0.075
-> 0.095): a079, now answered right at 0.65, joined a bin of answers already right more often than
scored. Ten bins over 57 questions move like that, so the ECE gate sits at 0.10 and the Brier score,
which has no bins, is gated too. A perfectly calibrated bot would show a median ECE of 0.104 at the
test half's scores (`ece_by_chance`): the gate cannot sit much lower without failing on luck.
"""

from __future__ import annotations

import pytest

from qa.bot import BotSettings
from qa.evaluation.article_eval import evaluate_article, load_conversations, load_questions, write_report
from qa.evaluation.open_book import evaluate_open_book
from qa.evaluation.squad_eval import evaluate, reader_predictor
from qa.squad import load_squad, spread

# Measured on 2026-12-02 with the shipped reader (stage 4, spans read tightly, offices named as the article
# names them; see README "Where it stands").
# Test half: F1 79.3, EM 71.4, no-answer precision 75.0 / recall 80.0, conversations 100, ECE 0.108, Brier 0.147;
# dev-v1.1 500 paragraph level F1 81.1; dev-v2.0 300 open book F1 68.4 (at its own share of unanswerable questions).
ARTICLE_F1, ARTICLE_EM = 78.8, 70.9
ARTICLE_NO_ANS_PRECISION, ARTICLE_NO_ANS_RECALL = 74.5, 79.0
ARTICLE_CONVERSATIONS = 99.0
# 57 questions: a perfectly calibrated bot shows an ECE of about 0.106 at these scores (`ece_by_chance`),
# so the ECE gate sits just above that, and the Brier score (less noisy at this size) just above its figure
ARTICLE_ECE, ARTICLE_BRIER = 0.115, 0.150
SQUAD_V11_F1 = 80.8  # 81.1 measured: room for another CPU's last digits
OPEN_BOOK_V2_GATE = 65.4  # the measured figure minus 3 points, as the eval issue asks


@pytest.fixture(scope="module")
def halves(bot):
    return evaluate_article(bot, load_questions(), load_conversations())


@pytest.fixture(scope="module")
def test_half(halves):
    return halves["test"]


def test_every_part_is_measured(halves):
    assert set(halves) == {"dev", "test", "blind"}
    for half in halves.values():
        print(f"article {half.split}: {half.as_dict()}")


def test_article_answers(test_half):
    assert test_half.f1 >= ARTICLE_F1, test_half.misses
    assert test_half.em >= ARTICLE_EM, test_half.misses


def test_article_abstention(test_half):
    assert test_half.no_ans_precision >= ARTICLE_NO_ANS_PRECISION, test_half.misses
    assert test_half.no_ans_recall >= ARTICLE_NO_ANS_RECALL, test_half.misses


def test_article_conversations(test_half):
    assert test_half.conversations >= ARTICLE_CONVERSATIONS, [o for o in test_half.conversation_outcomes if not o.correct]


def test_article_calibration(test_half):
    assert test_half.ece <= ARTICLE_ECE
    assert test_half.brier <= ARTICLE_BRIER


def test_article_retrieval(test_half):
    assert test_half.recall_at_k >= 95


def test_article_report_is_written(halves, tmp_path):
    report = write_report(halves, tmp_path)
    text = report.read_text()
    assert "| f1 |" in text and "Misses, test half" in text
    assert (tmp_path / "article-reliability.png").stat().st_size > 1000


def test_squad_v11_paragraph_level(reader, squad_dir):
    examples = spread(load_squad(squad_dir / "dev-v1.1.json.gz"), 500)
    scores = evaluate(examples, reader_predictor(reader, allow_abstain=False))
    print(f"dev-v1.1 500 paragraph-level: {scores.as_dict()}")
    assert scores.f1 >= SQUAD_V11_F1


def test_squad_v20_open_book(reader, squad_dir):
    corpus = load_squad(squad_dir / "dev-v2.0.json.gz")
    settings = BotSettings(unanswerable_share=None)  # SQuAD 2.0 at its own share of unanswerable questions
    scores = evaluate_open_book(spread(corpus, 300), reader, corpus=corpus, settings=settings)
    print(f"dev-v2.0 300 open-book: {scores.as_dict()}")
    assert scores.f1 >= OPEN_BOOK_V2_GATE
