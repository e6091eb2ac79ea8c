"""Reading SQuAD-format JSON (plain, gzip, or an http(s) URL) into flat examples."""

from __future__ import annotations

import gzip
import json
import urllib.request
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from qa_index.errors import QAError

SQUAD_V11_TRAIN_URL = "https://rajpurkar.github.io/SQuAD-explorer/dataset/train-v1.1.json"


@dataclass(frozen=True)
class SquadExample:
    """One question about one paragraph; `answers` is empty when it is unanswerable."""

    id: str
    title: str
    question: str
    context: str
    answers: tuple[str, ...] = ()
    answer_starts: tuple[int, ...] = field(default=())

    @property
    def is_impossible(self) -> bool:
        return not self.answers


def _read_bytes(source: str | Path) -> bytes:
    text = str(source)
    if text.startswith(("http://", "https://")):
        try:
            with urllib.request.urlopen(text, timeout=60) as response:
                return response.read()
        except OSError as exc:
            raise QAError(f"could not download SQuAD data from {text}: {exc}") from exc
    path = Path(source)
    if not path.is_file():
        raise QAError(f"SQuAD file not found: {path}")
    return path.read_bytes()


def _examples(data: list[dict]) -> list[SquadExample]:
    """Flatten SQuAD's articles -> paragraphs -> questions; a missing field raises KeyError."""
    examples = []
    for article in data:
        for paragraph in article["paragraphs"]:
            context = paragraph["context"]
            for qa in paragraph["qas"]:
                answers = [] if qa.get("is_impossible") else qa["answers"]
                examples.append(
                    SquadExample(
                        id=qa["id"],
                        title=article.get("title", ""),
                        question=qa["question"],
                        context=context,
                        answers=tuple(a["text"] for a in answers),
                        answer_starts=tuple(a["answer_start"] for a in answers),
                    )
                )
    return examples


def load_squad(source: str | Path) -> list[SquadExample]:
    """Load every question of a SQuAD v1.1 or v2.0 file, in file order; a broken or empty file raises QAError."""
    raw = _read_bytes(source)
    try:
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        examples = _examples(json.loads(raw.decode("utf-8"))["data"])
    except KeyError as exc:
        raise QAError(f"{source} is not SQuAD JSON: missing field {exc}") from exc
    except (OSError, EOFError, zlib.error, ValueError, TypeError, AttributeError) as exc:
        raise QAError(f"{source} is not SQuAD JSON: {exc}") from exc
    if not examples:
        raise QAError(f"{source} holds no questions")
    return examples


def spread(examples: list[SquadExample], n: int | None) -> list[SquadExample]:
    """`n` examples evenly spaced over the list (all of them when n is None): every article is sampled."""
    if n is not None and n < 1:
        raise QAError(f"the question limit must be 1 or more, got {n}")
    if n is None or n >= len(examples):
        return examples
    step = len(examples) / n
    return [examples[int(i * step)] for i in range(n)]
