"""`qa bench`: latency, cold start, index build and memory on the bundled article, against Haystack's reader."""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field

import numpy as np

from qa_index.indexing import cached_store, store_info
from qa.bot import QABot
from qa_index.errors import QAError
from qa.evaluation.article_eval import EvalQuestion
from qa.evaluation.metrics import best_scores
from qa.passages import passages

_COLD_START = """
from qa import QABot
answer = QABot().ask("Who joined online?")
print(answer.text, flush=True)
"""


@dataclass
class BenchResult:
    """Milliseconds per question end to end (retrieval + reading) and reading alone, ours and the peer's.

    The peer is retrieval + Haystack's reader over the same chunks, timed in the same run at its
    default precision (fp32: `baseline_*`) and at each setting it has; `baseline_best_*` is its
    fastest, and `speedup_vs_best` ours against that one."""

    p50_ms: float
    p95_ms: float
    baseline_p50_ms: float
    baseline_p95_ms: float
    baseline_best_p50_ms: float
    baseline_best_precision: str
    speedup: float
    speedup_vs_best: float
    read_p50_ms: float  # the reader alone over the retrieved chunks (joined as QABot joins them), without retrieval
    baseline_read_p50_ms: float
    baseline_best_read_p50_ms: float
    read_speedup: float
    read_speedup_vs_best: float
    f1: float
    baseline_f1: float
    baseline_best_f1: float
    cold_start_s: float
    index_build_s: float
    peak_rss_mb: float
    questions: int
    backend: str
    baseline_p50_ms_by_precision: dict[str, float]

    def as_dict(self) -> dict:
        return asdict(self)


def _cold_start(runs: int = 3) -> tuple[float, float]:
    """Median seconds from a new process's start to its first answer (index cached) over `runs`
    processes, since one start varies by a few tenths on a busy machine; and their peak RSS in MB.

    The clock stops when the answer is printed, not when the process has exited: the
    interpreter's teardown of torch and transformers takes about another second here,
    after the user already has the answer."""
    seconds = []
    for _ in range(runs):
        # its warnings go to a file, not a pipe nobody reads while it starts (a full pipe would stall it)
        with tempfile.TemporaryFile("w+") as errors:
            started = time.perf_counter()
            with subprocess.Popen([sys.executable, "-c", _COLD_START], stdout=subprocess.PIPE, stderr=errors, text=True) as child:
                answered = child.stdout.readline()
                seconds.append(time.perf_counter() - started)
                child.wait(timeout=300)
            if child.returncode or not answered.strip():
                errors.seek(0)
                raise RuntimeError(f"the cold-start process failed: {errors.read().strip()[-500:]}")
    return float(np.median(seconds)), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run_bench(questions: list[EvalQuestion], rounds: int = 2) -> BenchResult:
    """Time every question `rounds` times through our pipeline and through retrieval + Haystack's
    reader at each of its precisions, interleaved question by question so all see the same machine."""
    from qa.evaluation.baseline import PEER_PRECISIONS, HaystackReader

    if rounds < 1:
        raise QAError(f"the bench needs 1 or more rounds, got {rounds}")
    bot = QABot().warm_up()
    started = time.perf_counter()
    cached_store(bot.documents, bot.embedder, store_info(bot.embedder, bot.settings.index), None)
    index_build_s = time.perf_counter() - started
    peers = {precision: HaystackReader(bot.reader, precision) for precision in PEER_PRECISIONS}
    for peer in peers.values():
        peer.answer(questions[0].question, [bot.documents[0].text])
    bot.ask(questions[0].question)
    ours, read = _Timings(), _Timings()
    peer_total = {p: _Timings() for p in peers}
    peer_read = {p: _Timings() for p in peers}
    for round_ in range(rounds):
        for q in questions:
            t0 = time.perf_counter()
            answer = bot.ask(q.question)
            ours.add(time.perf_counter() - t0, q, answer.best_guess, scored=round_ == 0)
            t0 = time.perf_counter()
            bot.reader.read_batch([(q.question, p.text) for p in passages([h.chunk for h in bot.retrieve(q.question)])],
                                  top_k=bot.settings.alternatives + 1)  # as QABot reads: overlapping chunks joined
            read.add(time.perf_counter() - t0)
            for precision, peer in peers.items():
                t0 = time.perf_counter()
                hits = bot.retrieve(q.question)
                t1 = time.perf_counter()
                text, _ = peer.answer(q.question, [h.chunk.text for h in hits])
                t2 = time.perf_counter()
                peer_total[precision].add(t2 - t0, q, text, scored=round_ == 0)
                peer_read[precision].add(t2 - t1)
    best = min(peers, key=lambda p: peer_total[p].p50)
    default = PEER_PRECISIONS[0]
    cold, peak = _cold_start()
    return BenchResult(
        p50_ms=ours.p50,
        p95_ms=ours.p95,
        baseline_p50_ms=peer_total[default].p50,
        baseline_p95_ms=peer_total[default].p95,
        baseline_best_p50_ms=peer_total[best].p50,
        baseline_best_precision=best,
        speedup=peer_total[default].p50 / ours.p50,
        speedup_vs_best=peer_total[best].p50 / ours.p50,
        read_p50_ms=read.p50,
        baseline_read_p50_ms=peer_read[default].p50,
        baseline_best_read_p50_ms=peer_read[best].p50,
        read_speedup=peer_read[default].p50 / read.p50,
        read_speedup_vs_best=peer_read[best].p50 / read.p50,
        f1=ours.f1,
        baseline_f1=peer_total[default].f1,
        baseline_best_f1=peer_total[best].f1,
        cold_start_s=cold,
        index_build_s=index_build_s,
        peak_rss_mb=peak,
        questions=len(ours.ms),
        backend=bot.reader.backend.name,
        baseline_p50_ms_by_precision={p: t.p50 for p, t in peer_total.items()},
    )


@dataclass
class _Timings:
    """One pipeline's times (ms) and, on the first round, its answers' F1 on answerable questions."""

    ms: list[float] = field(default_factory=list)
    f1s: list[float] = field(default_factory=list)

    def add(self, seconds: float, question: EvalQuestion | None = None, answer: str = "", scored: bool = False) -> None:
        """One timing; with `scored`, also the F1 of `answer` when `question` has one."""
        self.ms.append(1000 * seconds)
        if scored and question is not None and question.answerable:
            self.f1s.append(best_scores(answer, question.answers)[1])

    @property
    def p50(self) -> float:
        return float(np.percentile(self.ms, 50))

    @property
    def p95(self) -> float:
        return float(np.percentile(self.ms, 95))

    @property
    def f1(self) -> float:
        return 100 * float(np.mean(self.f1s)) if self.f1s else 0.0
