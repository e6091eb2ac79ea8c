"""Packaging a trained reader: calibrate, store as fp16 inside the package, measure, write its card."""

from __future__ import annotations

import json
from pathlib import Path

import torch
from transformers import AutoTokenizer

from qa_index.errors import QAError
from qa.evaluation.squad_eval import evaluate, reader_predictor
from qa.bot import CHAT_UNANSWERABLE_SHARE, BotSettings, QABot
from qa.evaluation.open_book import paragraph_documents
from qa.calibration import Calibration
from qa.reader import SHIPPED_READER, Reader, load_torch_model
from qa.windows import SETTINGS_FILE
from qa.squad import SquadExample, load_squad, spread
from qa.training.calibration import (
    decision_scores,
    fit_calibration,
    pipeline_decisions,
    reader_decisions,
    split_by_article,
)
from qa_index.folders import check_replaceable, staged_folder
from qa.training.trainer import TRAINING_FILE

CARD = """\
# Reader: all-MiniLM-L6-v2 fine-tuned for extractive QA with abstention

The project's own extractive reader, shipped inside the package and loaded offline by
`qa.Reader.load()`. BERT, 6 layers x 384, {parameters:.1f}M parameters, stored in fp16.

## Data
- Training: SQuAD v1.1 train and the SQuAD 2.0 training questions without an answer that
  `shared/data/squad/train-v2.0-partial.json.gz` holds (CC BY-SA 4.0), in the stages below,
  plus built unanswerable examples where a stage says so, with [CLS] as the no-answer target.
- Calibration: SQuAD v2.0 dev, the articles of every other title ({fit_n:,} questions).

## Recipe
{recipe}

## Scores (measured by `qa ship-reader`, reading in {precision}, official SQuAD normalisation)
| set | EM | F1 | HasAns F1 | NoAns acc | ECE | n | questions/s |
| --- | --- | --- | --- | --- | --- | --- | --- |
{rows}

SQuAD v1.1 is read with abstention off (every question there has an answer). SQuAD v2.0
is measured on the articles the calibration never saw ({held_n:,} questions), at its own share
of unanswerable questions: each question against its own paragraph with the reader's
calibration, and in open book (every paragraph of the file indexed, the bot's default
retrieval) with the pipeline's calibration.

## Calibration
A decision rests on the margin of the best span over the no-answer score; the reader says
"no answer" when that is more likely right than its best span.
- Reader (one paragraph): P(right) = sigmoid({slope:.3f} x margin + {intercept:.3f}),
  P(no answer) = sigmoid({no_slope:.3f} x margin + {no_intercept:.3f}).
- Pipeline (the bot's best span over all passages): P(right) = sigmoid({p_slope:.3f} x margin + {p_intercept:.3f}),
  P(no answer) = sigmoid({p_no_slope:.3f} x margin + {p_no_intercept:.3f}).

Both are fitted where {prior:.0%} of the questions have no answer (SQuAD 2.0 dev); for another
share the odds move by Bayes' rule (the bot assumes {chat:.0%} in a chat, `BotSettings.unanswerable_share`).

## Against the project's targets
- SQuAD v1.1 dev F1 {v1_f1:.1f}: target >= 81, {v1_verdict}.
- SQuAD v2.0 dev HasAns F1 {has_f1:.1f} and NoAns accuracy {no_acc:.1f}: targets >= 75 and >= 70, {v2_verdict}.
- SQuAD v2.0 dev open book F1 {open_f1:.1f}: target >= 62, {open_verdict}; ECE {open_ece:.3f}: target <= 0.05, {ece_verdict}.
"""

V1_F1_TARGET = 81.0
HAS_ANS_TARGET, NO_ANS_TARGET = 75.0, 70.0
OPEN_BOOK_TARGET, ECE_TARGET = 62.0, 0.05


def _row(name: str, d: dict) -> str:
    def cell(key: str, digits: int = 1) -> str:
        return "-" if d.get(key) is None else f"{d[key]:.{digits}f}"

    cells = [cell("em"), cell("f1"), cell("has_ans_f1"), cell("no_ans_acc"), cell("ece", 3), f"{d['n']:,}", cell("questions_per_s")]
    return f"| {name} | " + " | ".join(cells) + " |"


def _stages(model_dir: Path) -> list[dict]:
    """The training records of a model and of every trained model it was fine-tuned from, oldest first.

    A training run leaves one record; a shipped reader carries the records of all its stages.
    """
    stages: list[dict] = []
    path = model_dir
    while (path / TRAINING_FILE).is_file():
        record = json.loads((path / TRAINING_FILE).read_text())
        if "stages" in record:
            return record["stages"] + stages
        stages.insert(0, record)
        path = Path(record["config"]["base_model"])
    return stages


def _run(stage: dict) -> str:
    """One training run: its settings, size, hardware and time."""
    cfg = stage["config"]
    data = cfg["data"] if isinstance(cfg["data"], list) else [cfg["data"]]
    files = ", ".join(Path(spec).name for spec in data)
    questions = f"{cfg['max_questions']:,}" if cfg["max_questions"] else "all"
    if cfg.get("max_answerable") is not None:
        questions += f" (at most {cfg['max_answerable']:,} answerable, every unanswerable one)"
    frozen = f"embeddings and the lowest {cfg['freeze_layers']} layers frozen" if cfg["freeze_layers"] else "nothing frozen"
    share = cfg.get("swapped_negatives", 0.0)
    swapped = f" ({share:.0%} of them a question with a swapped name or number)" if share else ""
    return (
        f"max length {cfg['max_length']}, stride {cfg['stride']}, "
        f"batch {cfg['batch_size']}, AdamW lr {cfg['learning_rate']}, linear decay with "
        f"{cfg['warmup_ratio']:.0%} warm-up, {cfg['epochs']} pass(es) over {questions} questions of {files}, "
        f"seed {cfg['seed']}; {frozen}; negatives: {cfg['negative_ratio']} per question{swapped}; "
        f"{stage['windows']:,} windows, {stage['steps']:,} steps; "
        f"{stage.get('hardware', 'unknown hardware')}, {stage.get('seconds', 0) / 60:.1f} minutes"
    )


def _recipe(stages: list[dict]) -> str:
    """One line per training stage for the model card; a soup lists the runs it averages."""
    lines = []
    for number, stage in enumerate(stages, 1):
        start = "the bundled all-MiniLM-L6-v2 encoder" if number == 1 else f"the stage {number - 1} model"
        if "soup" in stage:
            runs = stage["soup"]
            members = f"{start} and {len(runs)} run(s) fine-tuned from it" if stage.get("with_base") else f"{len(runs)} runs"
            lines.append(f"- stage {number}, from {start}: the average of the weights of {members} (a model soup):")
            lines.extend(f"  - {_run(run)}" for run in runs)
        else:
            lines.append(f"- stage {number}, from {start}: {_run(stage)}")
    return "\n".join(lines)


def _verdict(met: bool) -> str:
    return "met" if met else "not met"


def _dev_v2(dev_v2: str, limit: int | None) -> tuple[list[SquadExample], list[SquadExample]]:
    """The v2.0 questions as a calibration half and a held-out half; checked before anything is written,
    as the held-out half is measured on both its answerable and its unanswerable questions."""
    examples = spread(load_squad(dev_v2), limit)
    if not any(ex.is_impossible for ex in examples):
        raise QAError(f"{dev_v2} has no unanswerable questions: --dev-v2 takes a SQuAD v2.0 file")
    fit, held_out = split_by_article(examples)
    if {ex.is_impossible for ex in held_out} != {True, False}:
        raise QAError(
            f"the held-out half of {dev_v2} (every other article) needs answerable and unanswerable "
            "questions: use more questions (--limit) or a file with more articles"
        )
    return fit, held_out


def ship_reader(
    model_dir: Path, dev_v1: str, dev_v2: str, dest: Path = SHIPPED_READER, limit: int | None = None
) -> dict:
    """Calibrate the model in `model_dir`, write it to `dest` in fp16 with its card; return the scores.

    `limit` spreads that many questions over each dev file, for a quick dry run. `dest` is
    replaced only once the new model is complete; a non-empty `dest` must hold a model.
    """
    stages = _stages(model_dir)
    if not stages:
        raise QAError(f"{model_dir} has no {TRAINING_FILE}: ship a model trained by `qa train-reader`")
    check_replaceable(dest)
    fit, held_out = _dev_v2(dev_v2, limit)
    v1_examples = spread(load_squad(dev_v1), limit)
    with staged_folder(dest) as tmp:
        scores = _package(model_dir, stages, tmp, fit, held_out, v1_examples)
    return scores


def _package(
    model_dir: Path,
    stages: list[dict],
    tmp: Path,
    fit: list[SquadExample],
    held_out: list[SquadExample],
    v1_examples: list[SquadExample],
) -> dict:
    """Write the fp16 model into `tmp`, calibrate and measure it there, and write its card; return the scores."""
    trained = load_torch_model(str(model_dir), "fp32").model
    parameters = sum(t.numel() for t in trained.parameters()) / 1e6
    trained.to(torch.float16).save_pretrained(tmp)
    AutoTokenizer.from_pretrained(str(model_dir)).save_pretrained(tmp)
    cfg = stages[-1]["config"]
    window = {"max_length": cfg["max_length"], "stride": cfg["stride"]}
    (tmp / SETTINGS_FILE).write_text(json.dumps(window, indent=2) + "\n")
    (tmp / TRAINING_FILE).write_text(json.dumps({"stages": stages}, indent=2) + "\n")

    reader = Reader.load(tmp)  # calibrated and measured as the product runs it
    paragraph_fit, paragraph_held = reader_decisions(reader, fit), reader_decisions(reader, held_out)
    reader.calibration = fit_calibration(paragraph_fit)
    # open book as SQuAD 2.0 asks it: the decisions at the file's own share of unanswerable questions
    bot = QABot(
        paragraph_documents(fit + held_out), reader=reader, cache_dir=False,
        settings=BotSettings(unanswerable_share=None),
    )
    open_fit, open_held = pipeline_decisions(bot, fit), pipeline_decisions(bot, held_out)
    reader.pipeline_calibration = fit_calibration(open_fit)

    v1 = evaluate(v1_examples, reader_predictor(reader, allow_abstain=False)).as_dict()
    paragraph = decision_scores(paragraph_held, reader.calibration)
    open_book = decision_scores(open_held, reader.pipeline_calibration)
    scores = {"dev-v1.1": v1, "dev-v2.0 held out": paragraph, "dev-v2.0 held out, open book": open_book}
    Calibration.save(tmp, reader.calibration, reader.pipeline_calibration, scores=scores, precision=reader.precision)
    c, p = reader.calibration, reader.pipeline_calibration
    (tmp / "README.md").write_text(
        CARD.format(
            parameters=parameters,
            fit_n=len(fit),
            held_n=len(held_out),
            precision=reader.precision,
            recipe=_recipe(stages),
            rows="\n".join(_row(k, v) for k, v in scores.items()),
            slope=c.slope, intercept=c.intercept, no_slope=c.no_answer_slope, no_intercept=c.no_answer_intercept,
            p_slope=p.slope, p_intercept=p.intercept, p_no_slope=p.no_answer_slope,
            p_no_intercept=p.no_answer_intercept, prior=p.prior, chat=CHAT_UNANSWERABLE_SHARE,
            v1_f1=v1["f1"],
            v1_verdict=_verdict(v1["f1"] >= V1_F1_TARGET),
            has_f1=paragraph["has_ans_f1"],
            no_acc=paragraph["no_ans_acc"],
            v2_verdict=_verdict(paragraph["has_ans_f1"] >= HAS_ANS_TARGET and paragraph["no_ans_acc"] >= NO_ANS_TARGET),
            open_f1=open_book["f1"],
            open_verdict=_verdict(open_book["f1"] >= OPEN_BOOK_TARGET),
            open_ece=open_book["ece"],
            ece_verdict=_verdict(open_book["ece"] <= ECE_TARGET),
        )
    )
    return scores
