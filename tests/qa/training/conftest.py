"""A tiny SQuAD-format corpus, so training and shipping can run end to end in seconds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# title -> [(paragraph, [(question, answer or None for unanswerable)])]
CORPUS = {
    "Eiffel Tower": [
        (
            "The Eiffel Tower is a wrought-iron lattice tower on the Champ de Mars in Paris. "
            "It is named after the engineer Gustave Eiffel, whose company built it from 1887 to 1889.",
            [
                ("Who is the tower named after?", "Gustave Eiffel"),
                ("Where is the Eiffel Tower?", "the Champ de Mars in Paris"),
                ("What is the tower made of?", "wrought-iron"),
                ("How tall is the tower's flagpole?", None),
            ],
        )
    ],
    "Danube": [
        (
            "The Danube is the second-longest river in Europe. It rises in the Black Forest "
            "and flows into the Black Sea after passing through ten countries.",
            [
                ("Where does the Danube rise?", "the Black Forest"),
                ("Into which sea does the Danube flow?", "the Black Sea"),
                ("How many countries does the Danube pass through?", "ten"),
                ("Who named the Danube?", None),
            ],
        )
    ],
    "Penicillin": [
        (
            "Alexander Fleming discovered penicillin in 1928 at St Mary's Hospital in London. "
            "He shared the Nobel Prize in 1945 with Howard Florey and Ernst Chain.",
            [
                ("Who discovered penicillin?", "Alexander Fleming"),
                ("When was penicillin discovered?", "1928"),
                ("Where was penicillin discovered?", "St Mary's Hospital in London"),
                ("What did Fleming eat that day?", None),
            ],
        )
    ],
}


def write_squad(path: Path, with_unanswerable: bool) -> Path:
    """Write CORPUS as a SQuAD v1.1 file (answerable only) or a v2.0 file (with unanswerable questions)."""
    data = []
    for title, paragraphs in CORPUS.items():
        out = []
        for context, questions in paragraphs:
            qas = []
            for i, (question, answer) in enumerate(questions):
                if answer is None and not with_unanswerable:
                    continue
                answers = [] if answer is None else [{"text": answer, "answer_start": context.index(answer)}]
                qas.append({"id": f"{title}-{i}", "question": question, "answers": answers, "is_impossible": answer is None})
            out.append({"context": context, "qas": qas})
        data.append({"title": title, "paragraphs": out})
    path.write_text(json.dumps({"version": "v2.0" if with_unanswerable else "1.1", "data": data}))
    return path


@pytest.fixture(scope="session")
def squad_v1(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_squad(tmp_path_factory.mktemp("squad") / "tiny-v1.1.json", with_unanswerable=False)


@pytest.fixture(scope="session")
def squad_v2(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_squad(tmp_path_factory.mktemp("squad") / "tiny-v2.0.json", with_unanswerable=True)


@pytest.fixture(scope="session")
def tiny_config(squad_v1: Path):
    """Settings for a training run over the tiny corpus that takes seconds: `tiny_config(output_dir, **overrides)`."""
    from qa.training.trainer import TrainConfig

    def make(output_dir: Path, **overrides) -> TrainConfig:
        settings = dict(max_length=64, stride=32, batch_size=4, negative_ratio=0.5, checkpoint_every=100, bf16=False)
        return TrainConfig(data=str(squad_v1), output_dir=str(output_dir), **(settings | overrides))

    return make


@pytest.fixture(scope="session")
def two_runs(tiny_config, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two short runs from the same encoder with different seeds: what a soup averages."""
    from qa.training.trainer import ReaderTrainer

    root = tmp_path_factory.mktemp("runs")
    first = ReaderTrainer(tiny_config(root / "a", seed=1)).train()
    second = ReaderTrainer(tiny_config(root / "b", seed=2, epochs=2.0)).train()
    return first, second
