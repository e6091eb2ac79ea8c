"""Averaging the weights of readers fine-tuned from the same model (a "model soup").

Runs that start from the same weights stay in one basin of the loss, so their average
is a model of its own that often reads as well as the best run or better, at no extra
cost at inference (Wortsman et al., "Model soups", 2022). With `with_base` the model the
runs started from joins the average: a fine-tuned run pulled halfway back keeps much of
what the new data taught and less of what it cost (Wortsman et al., "Robust fine-tuning
of zero-shot models", 2022). The soup's training record keeps every run's record, so
`qa ship-reader` can describe it in the model card.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

import torch
from transformers import AutoModelForQuestionAnswering, AutoTokenizer

from qa_index.errors import QAError
from qa_index.folders import check_replaceable, staged_folder
from qa.training.trainer import TRAINING_FILE


def _record(model_dir: Path) -> dict:
    path = model_dir / TRAINING_FILE
    if not path.is_file():
        raise QAError(f"{model_dir} has no {TRAINING_FILE}: average models trained by `qa train-reader`")
    return json.loads(path.read_text())


def _mean(tensors: list[torch.Tensor]) -> torch.Tensor:
    """The average of a weight; integer buffers (position ids) are the same in every run."""
    return torch.stack(tensors).mean(dim=0) if tensors[0].is_floating_point() else tensors[0]


def _load_reader(source: str) -> torch.nn.Module:
    """A trained reader in fp32; a model without a span head (a bare encoder) is refused, not given a random one."""
    model, info = AutoModelForQuestionAnswering.from_pretrained(source, dtype=torch.float32, output_loading_info=True)
    if info["missing_keys"]:
        raise QAError(f"{source} is not a trained reader (it has no span head): only readers can be averaged")
    return model


def average_readers(model_dirs: Sequence[Path], output_dir: Path, with_base: bool = False) -> Path:
    """Write the uniform average of the readers in `model_dirs` to `output_dir`; returns it.

    `with_base` adds the model they were all fine-tuned from as one more member of the average.
    `output_dir` is replaced only once the soup is complete; a non-empty one must hold a model.
    """
    if len(model_dirs) + with_base < 2:
        raise QAError("a soup needs at least two models: two trained readers, or one and the model it started from")
    records = [_record(d) for d in model_dirs]
    bases = {r["config"]["base_model"] for r in records}
    windows = {(r["config"]["max_length"], r["config"]["stride"]) for r in records}
    if len(bases) != 1:
        raise QAError(f"only readers fine-tuned from the same model can be averaged; these start from {sorted(bases)}")
    if len(windows) != 1:
        raise QAError(f"the readers were trained on different windows {sorted(windows)}; pick runs that agree")
    check_replaceable(output_dir)

    members = [str(d) for d in model_dirs] + ([bases.pop()] if with_base else [])
    models = [_load_reader(m) for m in members]
    states = [m.state_dict() for m in models]
    soup = models[0]
    soup.load_state_dict({name: _mean([s[name] for s in states]) for name in states[0]})

    # only what the runs share: the model they start from and the window they were trained on
    config = {k: records[0]["config"][k] for k in ("base_model", "max_length", "stride")} | {"output_dir": str(output_dir)}
    with staged_folder(output_dir) as tmp:
        soup.save_pretrained(tmp)
        AutoTokenizer.from_pretrained(str(model_dirs[0])).save_pretrained(tmp)
        (tmp / TRAINING_FILE).write_text(json.dumps({"config": config, "soup": records, "with_base": with_base}, indent=2) + "\n")
    return output_dir
