"""The bundled article's hand-written question sets, split dev/test/blind: scores, misses by cause, a report.

Two sets, both written against the article itself (`eval/`): single questions (`article.jsonl`)
and conversations of 2-4 turns (`article_conversations.jsonl`), asked as a chat through
`QABot.chat`. Each row carries its part (`split`): tune on dev, gate and report on test. The
blind part was written later, after the rest had been tuned, and run before anything was
changed for it: its first run measures questions nothing was tuned on (the README gives it).
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, TypeVar

import numpy as np

from qa.answers import Answer
from qa.bot import QABot
from qa.mentions import load_parser
from qa_index.errors import QAError
from qa.evaluation.metrics import (
    best_scores,
    brier_score,
    ece_by_chance,
    expected_calibration_error,
    normalize_answer,
    percent,
)

EVAL_DIR = Path(__file__).resolve().parents[2] / "eval"
QUESTIONS = EVAL_DIR / "article.jsonl"
CONVERSATIONS = EVAL_DIR / "article_conversations.jsonl"
SPLITS = ("dev", "test", "blind")

T = TypeVar("T")


@dataclass(frozen=True)
class EvalQuestion:
    """A question with its reference answers (none when the article does not say)."""

    id: str
    question: str
    answers: tuple[str, ...]
    answerable: bool
    type: str
    split: str
    paraphrase: bool = False
    evidence: str | None = None  # the article's words the answer comes from


@dataclass(frozen=True)
class EvalTurn:
    """One turn of a conversation; `read_as` is how a follow-up should be read when the turns before it were right."""

    question: str
    answers: tuple[str, ...]
    answerable: bool
    read_as: str | None = None


@dataclass(frozen=True)
class EvalConversation:
    id: str
    kind: str  # what it tests ("he: the last answer", "ellipsis: Why?" ...)
    split: str
    turns: tuple[EvalTurn, ...]


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
    read_as: str | None = None


@dataclass
class ArticleScores:
    """Percentages over one half of the set; EM/F1 over answerable questions, latency per question,
    `ece` the expected calibration error of the scores (10 bins), `ece_by_chance` the one a perfectly
    calibrated bot would show at the same scores (on 57 questions about 0.1), `brier` their Brier score,
    conversations by their last turn."""

    split: str
    em: float
    f1: float
    no_ans_precision: float
    no_ans_recall: float
    recall_at_k: float
    ece: float
    ece_by_chance: float
    brier: float
    conversations: float
    p50_ms: float
    p95_ms: float
    n: int
    n_conversations: int
    outcomes: list[Outcome] = field(default_factory=list, repr=False)
    conversation_outcomes: list[Outcome] = field(default_factory=list, repr=False)

    def as_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if k not in ("outcomes", "conversation_outcomes")}

    @property
    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes + self.conversation_outcomes if not o.correct]


def _question(row: dict) -> EvalQuestion:
    return EvalQuestion(
        id=row["id"],
        question=row["question"],
        answers=tuple(row["answers"]),
        answerable=row["answerable"],
        type=row["type"],
        split=row["split"],
        paraphrase=row.get("paraphrase", False),
        evidence=row.get("evidence"),
    )


def _conversation(row: dict) -> EvalConversation:
    turns = tuple(
        EvalTurn(t["question"], tuple(t["answers"]), t["answerable"], t.get("read_as")) for t in row["turns"]
    )
    if len(turns) < 2:
        raise ValueError(f"conversation {row['id']} has fewer than two turns")
    return EvalConversation(row["id"], row["kind"], row["split"], turns)


def _load(path: Path, parse: Callable[[dict], T], what: str, hint: str) -> list[T]:
    """Rows of a JSONL set; a missing, empty or malformed file raises QAError naming it.

    The sets live in the repository (eval/), not in an installed package, so an install passes its own path."""
    path = Path(path)
    if not path.is_file():
        raise QAError(f"{what} not found: {path}; give the path of the repository's eval/{path.name} ({hint})")
    try:
        rows = [parse(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except KeyError as exc:
        raise QAError(f"{path}: a row lacks the field {exc}") from exc
    except (ValueError, TypeError, AttributeError) as exc:
        raise QAError(f"{path}: not a JSONL {what} ({exc})") from exc
    if not rows:
        raise QAError(f"{what} is empty: {path}")
    bad = sorted({getattr(r, "split") for r in rows} - set(SPLITS))
    if bad:
        raise QAError(f"{path}: unknown split(s) {bad}: use dev, test or blind")
    return rows


def load_questions(path: Path = QUESTIONS) -> list[EvalQuestion]:
    """The single-question set, one JSON object a line."""
    return _load(path, _question, "question set", "qa eval article --questions PATH")


def load_conversations(path: Path = CONVERSATIONS) -> list[EvalConversation]:
    """The conversation set, one conversation (its turns in order) a line."""
    return _load(path, _conversation, "conversation set", "qa eval article --conversations PATH")


def _outcome(id_: str, answers: tuple[str, ...], answerable: bool, answer: Answer, ms: float) -> Outcome:
    em, f1 = best_scores(answer.text or "", answers if answerable else [])
    retrieved = any(a in c.text for a in answers for c in answer.chunks)
    if answerable:
        correct = f1 >= 0.5
        cause = None if correct else ("retrieval" if not retrieved else "abstention" if answer.abstained else "reader span")
    else:
        correct = answer.abstained
        cause = None if correct else "abstention"
    return Outcome(
        id_, answer.question, list(answers), answer.text, answer.score, em, f1, correct, cause, ms, retrieved,
        read_as=answer.read_as,
    )


def _timed(ask: Callable[[], Answer]) -> tuple[Answer, float]:
    started = time.perf_counter()
    answer = ask()
    return answer, 1000 * (time.perf_counter() - started)


def _play(bot: QABot, conversation: EvalConversation) -> Outcome:
    """Ask a conversation's turns as a chat; the outcome is its last turn's. A last turn read otherwise than
    its `read_as` while the turns before it were right is a resolution miss; after a wrong turn, 'earlier turn'."""
    chat = bot.chat()
    earlier_right = True
    for i, turn in enumerate(conversation.turns):
        answer, ms = _timed(lambda: chat.ask(turn.question))
        outcome = _outcome(f"{conversation.id}.{i + 1}", turn.answers, turn.answerable, answer, ms)
        last = i == len(conversation.turns) - 1
        if not last:
            earlier_right = earlier_right and outcome.correct
            continue
        if not outcome.correct:
            misread = turn.read_as is not None and normalize_answer(turn.read_as) != normalize_answer(answer.read_as)
            outcome.cause = ("resolution" if earlier_right else "earlier turn") if misread else outcome.cause
        return outcome
    raise AssertionError("unreachable: a conversation has turns")


def _scores(split: str, outcomes: list[Outcome], answerable: list[bool], conversations: list[Outcome]) -> ArticleScores:
    right = [o for o, a in zip(outcomes, answerable) if a]
    wrong = [o for o, a in zip(outcomes, answerable) if not a]
    abstained = [a for o, a in zip(outcomes, answerable) if o.got is None]
    ms = np.array([o.ms for o in outcomes])
    return ArticleScores(
        split=split,
        em=100 * float(np.mean([o.em for o in right])) if right else 0.0,
        f1=100 * float(np.mean([o.f1 for o in right])) if right else 0.0,
        no_ans_precision=percent([not a for a in abstained]) or 0.0,
        no_ans_recall=percent([o.correct for o in wrong]) or 0.0,
        recall_at_k=percent([o.retrieved for o in right]) or 0.0,
        ece=expected_calibration_error([o.score for o in outcomes], [o.correct for o in outcomes]),
        ece_by_chance=ece_by_chance([o.score for o in outcomes]),
        brier=brier_score([o.score for o in outcomes], [o.correct for o in outcomes]),
        conversations=percent([o.correct for o in conversations]) or 0.0,
        p50_ms=float(np.percentile(ms, 50)),
        p95_ms=float(np.percentile(ms, 95)),
        n=len(outcomes),
        n_conversations=len(conversations),
        outcomes=outcomes,
        conversation_outcomes=conversations,
    )


def evaluate_article(
    bot: QABot, questions: list[EvalQuestion], conversations: list[EvalConversation] = ()
) -> dict[str, ArticleScores]:
    """Ask every question one at a time (as a chat would), timing each, and play every conversation;
    scores for each part present: dev, test and blind."""
    bot.warm_up()
    bot.ask(questions[0].question)  # the first call pays one-off costs; keep them out of the latency
    if conversations:
        load_parser()  # loaded on the first follow-up: keep that out of the latency too
    outcomes = [
        _outcome(q.id, q.answers, q.answerable, *_timed(lambda q=q: bot.ask(q.question))) for q in questions
    ]
    played = [(c.split, _play(bot, c)) for c in conversations]
    present = {q.split for q in questions}
    return {
        split: _scores(
            split,
            [o for o, q in zip(outcomes, questions) if q.split == split],
            [q.answerable for q in questions if q.split == split],
            [o for s, o in played if s == split],
        )
        for split in SPLITS
        if split in present
    }


def reliability_plot(outcomes: list[Outcome], path: Path, title: str = "test half", bins: int = 10) -> None:
    """Accuracy per confidence bin against the diagonal of perfect calibration; the title gives the ECE and
    the one a perfectly calibrated bot would show by chance at the same scores."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    scores = np.array([o.score for o in outcomes])
    right = np.array([o.correct for o in outcomes], dtype=float)
    edges = np.linspace(0, 1, bins + 1)
    which = np.clip(np.digitize(scores, edges) - 1, 0, bins - 1)
    centres = (edges[:-1] + edges[1:]) / 2
    accuracy = [right[which == b].mean() if (which == b).any() else np.nan for b in range(bins)]
    counts = [int((which == b).sum()) for b in range(bins)]
    ece = expected_calibration_error(scores.tolist(), right.tolist())
    chance = ece_by_chance(scores.tolist(), bins)
    heading = f"Reliability, article {title}: ECE {ece:.3f}\n(a perfectly calibrated bot's by chance: {chance:.3f})"
    fig, ax = plt.subplots(figsize=(5, 4))
    ax.plot([0, 1], [0, 1], "--", color="grey", label="perfect calibration")
    ax.bar(centres, accuracy, width=1 / bins * 0.9, alpha=0.7, label="accuracy")
    for x, y, c in zip(centres, accuracy, counts):
        if c:
            ax.annotate(f"{c}", (x, y), ha="center", va="bottom", fontsize=7)
    ax.set(
        xlabel="score (probability that what the bot says is right)", ylabel="fraction right", xlim=(0, 1),
        ylim=(0, 1.08), title=heading,
    )
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def write_report(halves: dict[str, ArticleScores], directory: Path) -> Path:
    """Markdown report with every part's figures, the test half's plot and every miss; returns its path."""
    directory.mkdir(parents=True, exist_ok=True)
    plot = directory / "article-reliability.png"
    test = halves.get("test") or next(iter(halves.values()))
    reliability_plot(test.outcomes, plot, f"{test.split} half")
    metrics = list(test.as_dict())
    metrics.remove("split")
    lines = [
        "# Article eval",
        "",
        "| metric | " + " | ".join(halves) + " |",
        "| --- |" + " --- |" * len(halves),
        *(
            f"| {m} | " + " | ".join(_cell(h.as_dict()[m]) for h in halves.values()) + " |"
            for m in metrics
        ),
        "",
        f"![reliability]({plot.name})",
    ]
    for name, half in halves.items():
        lines += [
            "",
            f"## Misses, {name} half ({len(half.misses)})",
            "",
            "| id | cause | question | read as | expected | got | score |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for o in sorted(half.misses, key=lambda o: (o.cause or "", o.id)):
            expected = " / ".join(o.expected) or "(no answer)"
            read_as = o.read_as if o.read_as != o.question else ""
            lines.append(
                f"| {o.id} | {o.cause} | {o.question} | {read_as} | {expected} | {o.got or '(abstained)'} | {o.score:.2f} |"
            )
    report = directory / "article-eval.md"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return report


def _cell(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) and value < 1 else f"{value:.1f}" if isinstance(value, float) else str(value)
