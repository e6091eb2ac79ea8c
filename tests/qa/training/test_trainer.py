"""Training runs: a checkpointed run that is stopped and resumed ends where an uninterrupted one does."""

from __future__ import annotations

import json
import pytest
import torch
from safetensors.torch import load_file

from qa.training.trainer import ReaderTrainer


def test_run_writes_a_loadable_model_and_its_record(tiny_config, tmp_path):
    final = ReaderTrainer(tiny_config(tmp_path)).train()
    record = json.loads((final / "training.json").read_text())
    assert record["steps"] >= 2 and record["windows"] >= 9 and record["seconds"] > 0
    assert record["config"]["max_length"] == 64
    assert (final / "model.safetensors").is_file() and (final / "tokenizer.json").is_file()


def test_stopped_run_resumes_to_the_same_weights(tiny_config, tmp_path, monkeypatch):
    whole = ReaderTrainer(tiny_config(tmp_path / "whole", checkpoint_every=1)).train()

    save = ReaderTrainer._save_checkpoint

    def save_then_die(self, model, optimizer, scheduler, step, seconds):
        save(self, model, optimizer, scheduler, step, seconds)
        if step == 1:
            raise KeyboardInterrupt  # the process is stopped right after its first checkpoint

    monkeypatch.setattr(ReaderTrainer, "_save_checkpoint", save_then_die)
    with pytest.raises(KeyboardInterrupt):
        ReaderTrainer(tiny_config(tmp_path / "stopped", checkpoint_every=1)).train()
    monkeypatch.undo()
    assert json.loads((tmp_path / "stopped/checkpoint/state.json").read_text())["step"] == 1

    resumed = ReaderTrainer(tiny_config(tmp_path / "stopped", checkpoint_every=1)).train(resume=True)
    expected, got = load_file(whole / "model.safetensors"), load_file(resumed / "model.safetensors")
    assert expected.keys() == got.keys()
    for name in expected:
        torch.testing.assert_close(got[name], expected[name], msg=name)


def test_frozen_layers_do_not_change(tiny_config, tmp_path):
    base = tmp_path / "base"
    ReaderTrainer(tiny_config(base, epochs=0.5)).train()
    tuned = ReaderTrainer(tiny_config(tmp_path / "tuned", base_model=str(base / "final"), freeze_layers=1)).train()
    before, after = load_file(base / "final/model.safetensors"), load_file(tuned / "model.safetensors")
    for name in before:
        frozen = "embeddings." in name or ".layer.0." in name
        assert torch.equal(before[name], after[name]) == frozen, name
