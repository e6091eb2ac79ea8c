"""`qa bench`: latency, cold start, index build and memory on the bundled article, against Haystack's reader."""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass

import numpy as np

from index.indexing import cached_store, store_info
from qa.bot import QABot
from index.errors import QAError
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
    p50_ms: float
    p95_ms: float
    baseline_p50_ms: float
    baseline_p95_ms: float
    speedup: float
    read_p50_ms: float  # the reader alone over the retrieved chunks (joined as QABot joins them), without retrieval
    baseline_read_p50_ms: float
    read_speedup: float
    f1: float
    baseline_f1: float
    cold_start_s: float
    index_build_s: float
    peak_rss_mb: float
    questions: int

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
    """Time every question `rounds` times through our pipeline and through retrieval + Haystack's reader."""
    from qa.evaluation.baseline import HaystackReader

    if rounds < 1:
        raise QAError(f"the bench needs 1 or more rounds, got {rounds}")
    bot = QABot().warm_up()
    started = time.perf_counter()
    cached_store(bot.documents, bot.embedder, store_info(bot.embedder, bot.settings.index), None)
    index_build_s = time.perf_counter() - started
    haystack = HaystackReader(bot.reader)

    bot.ask(questions[0].question)
    haystack.answer(questions[0].question, [bot.documents[0].text])
    ours_ms, base_ms, read_ms, base_read_ms, ours_f1, base_f1 = [], [], [], [], [], []
    for round_ in range(rounds):
        for q in questions:
            t0 = time.perf_counter()
            answer = bot.ask(q.question)
            t1 = time.perf_counter()
            hits = bot.retrieve(q.question)
            t2 = time.perf_counter()
            baseline, _ = haystack.answer(q.question, [h.chunk.text for h in hits])
            t3 = time.perf_counter()
            read = passages([h.chunk for h in hits])  # as QABot reads them: overlapping chunks joined
            bot.reader.read_batch([(q.question, p.text) for p in read], top_k=bot.settings.alternatives + 1)
            t4 = time.perf_counter()
            ours_ms.append(1000 * (t1 - t0))
            base_ms.append(1000 * (t3 - t1))
            base_read_ms.append(1000 * (t3 - t2))
            read_ms.append(1000 * (t4 - t3))
            if round_ == 0 and q.answerable:
                ours_f1.append(best_scores(answer.best_guess, q.answers)[1])
                base_f1.append(best_scores(baseline, q.answers)[1])
    p50, p95 = np.percentile(ours_ms, [50, 95])
    b50, b95 = np.percentile(base_ms, [50, 95])
    r50, br50 = np.median(read_ms), np.median(base_read_ms)
    cold, peak = _cold_start()
    return BenchResult(
        p50_ms=float(p50),
        p95_ms=float(p95),
        baseline_p50_ms=float(b50),
        baseline_p95_ms=float(b95),
        speedup=float(b50 / p50),
        read_p50_ms=float(r50),
        baseline_read_p50_ms=float(br50),
        read_speedup=float(br50 / r50),
        f1=100 * float(np.mean(ours_f1)),
        baseline_f1=100 * float(np.mean(base_f1)),
        cold_start_s=cold,
        index_build_s=index_build_s,
        peak_rss_mb=peak,
        questions=len(ours_ms),
    )
