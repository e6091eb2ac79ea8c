"""The bundled article's hand-written question set: scores, misses by cause, a report and a plot."""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from qa.answers import Answer
from qa.bot import QABot
from qa.errors import QAError
from qa.evaluation.metrics import best_scores, percent

QUESTIONS = Path(__file__).resolve().parents[2] / "eval" / "article.jsonl"


@dataclass(frozen=True)
class EvalQuestion:
    id: str
    question: str
    answers: tuple[str, ...]
    answerable: bool
    type: str
    paraphrase: bool = False
    history: tuple[tuple[str, str], ...] = ()


@dataclass
class Outcome:
    """One question's result; `cause` names why it missed (None when right); `retrieved`: an expected
    answer was inside a chunk the bot read."""

    id: str
    question: str
    expected: list[str]
    got: str | None
    score: float
    em: float
    f1: float
    correct: bool
    cause: str | None
    ms: float
    retrieved: bool


@dataclass
class ArticleScores:
    """Percentages over the set; EM/F1 over answerable questions, latency per question."""

    em: float
    f1: float
    no_ans_precision: float
    no_ans_recall: float
    recall_at_k: float
    p50_ms: float
    p95_ms: float
    n: int
    outcomes: list[Outcome] = field(default_factory=list, repr=False)

    def as_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if k != "outcomes"}

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.correct]


def _question(row: dict) -> EvalQuestion:
    """One JSONL row as a question; a missing field raises KeyError."""
    return EvalQuestion(
        id=row["id"],
        question=row["question"],
        answers=tuple(row["answers"]),
        answerable=row["answerable"],
        type=row["type"],
        paraphrase=row.get("paraphrase", False),
        history=tuple((q, a) for q, a in row.get("history", [])),
    )


def load_questions(path: Path = QUESTIONS) -> list[EvalQuestion]:
    """The question set, one JSON object a line; a missing, empty or malformed file raises QAError naming it.

    The set lives in the repository (eval/), not in an installed package, so an install passes its own path."""
    path = Path(path)
    if not path.is_file():
        raise QAError(
            f"question set not found: {path}; give the path of the repository's eval/article.jsonl"
            " (qa eval article --questions PATH)"
        )
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        questions = [_question(json.loads(line)) for line in lines if line.strip()]
    except KeyError as exc:
        raise QAError(f"{path}: a question lacks the field {exc}") from exc
    except (ValueError, TypeError, AttributeError) as exc:
        raise QAError(f"{path}: not a JSONL question set ({exc})") from exc
    if not questions:
        raise QAError(f"question set is empty: {path}")
    return questions


def _outcome(q: EvalQuestion, answer: Answer, ms: float) -> Outcome:
    em, f1 = best_scores(answer.text or "", q.answers if q.answerable else [])
    retrieved = any(a in c.text for a in q.answers for c in answer.chunks)
    if q.answerable:
        correct = f1 >= 0.5
        cause = None if correct else ("retrieval" if not retrieved else "abstention" if answer.abstained else "reader span")
    else:
        correct = answer.abstained
        cause = None if correct else "abstention"
    return Outcome(q.id, q.question, list(q.answers), answer.text, answer.score, em, f1, correct, cause, ms, retrieved)


def evaluate_article(bot: QABot, questions: list[EvalQuestion]) -> ArticleScores:
    """Ask every question one at a time (as a chat would), timing each."""
    bot.warm_up()
    bot.ask(questions[0].question)  # the first call pays one-off costs; keep them out of the latency
    outcomes = []
    for q in questions:
        started = time.perf_counter()
        answer = bot.ask(q.question, history=list(q.history))
        outcomes.append(_outcome(q, answer, 1000 * (time.perf_counter() - started)))
    answerable = [o for o, q in zip(outcomes, questions) if q.answerable]
    unanswerable = [o for o, q in zip(outcomes, questions) if not q.answerable]
    abstained = [q.answerable for o, q in zip(outcomes, questions) if o.got is None]
    ms = np.array([o.ms for o in outcomes])
    return ArticleScores(
        em=100 * float(np.mean([o.em for o in answerable])),
        f1=100 * float(np.mean([o.f1 for o in answerable])),
        no_ans_precision=percent([not answerable for answerable in abstained]) or 0.0,
        no_ans_recall=percent([o.correct for o in unanswerable]) or 0.0,
        recall_at_k=percent([o.retrieved for o in answerable]) or 0.0,
        p50_ms=float(np.percentile(ms, 50)),
        p95_ms=float(np.percentile(ms, 95)),
        n=len(questions),
        outcomes=outcomes,
    )


def reliability_plot(outcomes: list[Outcome], path: Path, buckets: int = 5) -> None:
    """Accuracy per confidence bucket against the diagonal of perfect calibration."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    scores = np.array([o.score for o in outcomes])
    right = np.array([o.correct for o in outcomes], dtype=float)
    edges = np.linspace(0, 1, buckets + 1)
    which = np.clip(np.digitize(scores, edges) - 1, 0, buckets - 1)
    centres = (edges[:-1] + edges[1:]) / 2
    accuracy = [right[which == b].mean() if (which == b).any() else np.nan for b in range(buckets)]
    counts = [int((which == b).sum()) for b in range(buckets)]
    fig, ax = plt.subplots(figsize=(5, 4))
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect calibration")
    ax.bar(centres, accuracy, width=1 / buckets * 0.9, alpha=0.7, label="accuracy")
    for x, y, c in zip(centres, accuracy, counts):
        if c:
            ax.annotate(f"n={c}", (x, y), ha="center", va="bottom", fontsize=8)
    ax.set(xlabel="confidence (score)", ylabel="accuracy", xlim=(0, 1), ylim=(0, 1.05), title="Reliability: article set")
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def write_report(scores: ArticleScores, directory: Path) -> Path:
    """Markdown report with the figures, the plot and every miss; returns its path."""
    directory.mkdir(parents=True, exist_ok=True)
    plot = directory / "article-reliability.png"
    reliability_plot(scores.outcomes, plot)
    lines = [
        "# Article eval",
        "",
        "| metric | value |",
        "| --- | --- |",
        *(f"| {k} | {v:.1f} |" if isinstance(v, float) else f"| {k} | {v} |" for k, v in scores.as_dict().items()),
        "",
        f"![reliability]({plot.name})",
        "",
        f"## Misses ({len(scores.misses)})",
        "",
        "| id | cause | question | expected | got | score |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for o in sorted(scores.misses, key=lambda o: (o.cause or "", o.id)):
        expected = " / ".join(o.expected) or "(no answer)"
        lines.append(f"| {o.id} | {o.cause} | {o.question} | {expected} | {o.got or '(abstained)'} | {o.score:.2f} |")
    report = directory / "article-eval.md"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return report
