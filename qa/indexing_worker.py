"""Indexing uploads in a child process at low CPU priority, so the questions of this process keep the CPU.

Embedding a large upload takes every core for minutes. Run in the page's own process it would
slow every chat (torch's threads are shared by the whole process); run here, in a child process
the scheduler serves last (`nice`), it takes only what questions leave. The child builds the
same cached index `QABot` would build for these files and settings, so the page's bot then
reopens it without embedding anything.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Callable, Sequence

from qa_index.chunking import ChunkingSettings
from qa_index.errors import QAError
from qa_index.stores import IndexSettings

NICENESS = 15
_PROGRESS = re.compile(r"embedding:.*?(\d+)/(\d+)")


def index_in_worker(
    paths: Sequence[Path], embedder: str, settings: IndexSettings, on_progress: Callable[[int, int], None] | None = None
) -> None:
    """Build the cached index of `paths` in a child process; `on_progress(done, total)` follows its embedding
    batches. Raises QAError with the child's message when it fails."""
    command = [sys.executable, "-m", "qa.indexing_worker", "--embedder", embedder,
               "--settings", json.dumps({"chunking": asdict(settings.chunking), "kind": settings.kind}),
               *map(str, paths)]
    with subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, bufsize=1) as child:
        tail: list[str] = []
        for line in _lines(child.stderr):
            if (match := _PROGRESS.search(line)) and on_progress:
                on_progress(int(match[1]), int(match[2]))
            elif line.strip():
                tail = (tail + [line.strip()])[-5:]
        if child.wait():
            errors = [t.removeprefix("qa: error: ") for t in tail if t.startswith("qa: error: ")]
            raise QAError(errors[-1] if errors else "indexing failed: " + " | ".join(tail)[-300:])


def _lines(stream):
    """tqdm ends its updates with carriage returns, not new lines: split on both."""
    buffer = ""
    while chunk := stream.read(256):
        buffer += chunk
        *lines, buffer = re.split(r"[\r\n]", buffer)
        yield from lines
    yield buffer


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build the cached index of files (the chat page's worker).")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--embedder", required=True)
    parser.add_argument("--settings", required=True, help="IndexSettings as JSON")
    args = parser.parse_args(argv)
    os.nice(NICENESS)
    from qa.bot import BotSettings, QABot

    raw = json.loads(args.settings)
    settings = IndexSettings(ChunkingSettings(**raw["chunking"]), raw["kind"])
    try:
        bot = QABot.from_paths(args.paths, embedder=args.embedder, settings=BotSettings(index=settings, progress=True))
        bot.store.count()
    except QAError as exc:
        print(f"qa: error: {exc}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
