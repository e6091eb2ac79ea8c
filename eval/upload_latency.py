"""Question latency while a large upload is indexed: idle, beside the page's worker process, and beside
indexing in the same process (how the page indexed before), all in one run.

    python eval/upload_latency.py [--mib 1.0] [--json OUT]

The upload is real text: SQuAD train paragraphs, as many as make `--mib` MiB, in one .txt file.
Questions are the article eval's, asked for as long as each indexing runs, with `--pause` seconds
between them (a person reads an answer before asking again; back to back, a low-priority worker
would barely run at all).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from qa import QABot
from qa.evaluation.article_eval import load_questions
from qa.indexing_worker import index_in_worker
from qa.squad import load_squad

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "squad" / "train-v1.1.json.gz"


def _upload(folder: Path, mib: float, tag: str) -> Path:
    """A .txt of SQuAD train paragraphs, about `mib` MiB; `tag` makes each file's content (and index) its own."""
    text, size, path = [tag], 0, folder / f"upload-{tag}.txt"
    for context in dict.fromkeys(ex.context for ex in load_squad(TRAIN)):
        text.append(context)
        size += len(context.encode()) + 2
        if size >= mib * 2**20:
            break
    path.write_text("\n\n".join(text), encoding="utf-8")
    return path


def _ask_while(bot: QABot, questions: list[str], busy: threading.Thread | None, pause: float) -> list[float]:
    """Latencies (ms) of questions asked in turn: one pass when idle, else until `busy` ends."""
    ms, i = [], 0
    while (busy.is_alive() if busy else i < len(questions)):
        started = time.perf_counter()
        bot.ask(questions[i % len(questions)])
        ms.append(1000 * (time.perf_counter() - started))
        i += 1
        time.sleep(pause)
    return ms


def _during(bot: QABot, questions: list[str], indexing: threading.Thread, pause: float) -> dict:
    """Question latencies while `indexing` runs, and how long it ran."""
    started = time.perf_counter()
    indexing.start()
    row = _summary(_ask_while(bot, questions, indexing, pause))
    indexing.join()
    return row | {"index_s": round(time.perf_counter() - started, 1)}


def _summary(ms: list[float]) -> dict:
    p50, p95 = np.percentile(ms, [50, 95])
    return {"p50_ms": round(float(p50), 1), "p95_ms": round(float(p95), 1), "questions": len(ms)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=float, default=1.0)
    parser.add_argument("--pause", type=float, default=1.0, help="seconds between questions")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    bot = QABot().warm_up()
    questions = [q.question for q in load_questions()][:40]
    bot.ask(questions[0])
    result = {"idle": _summary(_ask_while(bot, questions, None, args.pause))}
    with tempfile.TemporaryDirectory() as folder:
        upload = _upload(Path(folder), args.mib, "worker")
        worker = threading.Thread(
            target=index_in_worker, args=([upload], bot.embedder.name_or_path, bot.settings.index)
        )
        result["worker"] = _during(bot, questions, worker, args.pause)

        same = _upload(Path(folder), args.mib, "in-process")
        inline = threading.Thread(
            target=lambda: QABot.from_paths([same], reader=bot.reader, embedder=bot.embedder, settings=bot.settings).warm_up()
        )
        result["in_process"] = _during(bot, questions, inline, args.pause)
    for name in ("worker", "in_process"):
        result[name]["p50_vs_idle"] = round(result[name]["p50_ms"] / result["idle"]["p50_ms"], 2)
    result["upload_mib"] = args.mib
    for name, row in result.items():
        print(f"{name:10s} {row}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
