"""Training runs: a checkpointed run that is stopped and resumed ends where an uninterrupted one does."""

from __future__ import annotations

import json
import os

import pytest
import torch
from pathlib import Path

from safetensors.torch import load_file
from transformers import AutoTokenizer, PreTrainedTokenizerBase

from qa import QAError, Reader
from qa.reader import SHIPPED_READER
from qa.training.trainer import ReaderTrainer


def test_run_writes_a_loadable_model_and_its_record(tiny_config, tmp_path):
    final = ReaderTrainer(tiny_config(tmp_path)).train()
    assert not (tmp_path / "checkpoint").exists()  # a complete run leaves nothing to resume
    record = json.loads((final / "training.json").read_text())
    assert record["steps"] >= 2 and record["windows"] >= 9 and record["seconds"] > 0
    assert record["config"]["max_length"] == 64
    assert (final / "model.safetensors").is_file() and (final / "tokenizer.json").is_file()


@pytest.fixture
def stopped(tiny_config, tmp_path, monkeypatch):
    """A run stopped right after its first checkpoint (every step is checkpointed)."""
    save = ReaderTrainer._save_checkpoint

    def save_then_die(self, model, optimizer, scheduler, step, seconds):
        save(self, model, optimizer, scheduler, step, seconds)
        if step == 1:
            raise KeyboardInterrupt

    monkeypatch.setattr(ReaderTrainer, "_save_checkpoint", save_then_die)
    with pytest.raises(KeyboardInterrupt):
        ReaderTrainer(tiny_config(tmp_path / "stopped", checkpoint_every=1)).train()
    monkeypatch.undo()
    assert json.loads((tmp_path / "stopped/checkpoint/state.json").read_text())["step"] == 1
    return tmp_path / "stopped"


def test_stopped_run_resumes_to_the_same_weights(stopped, tiny_config, tmp_path):
    whole = ReaderTrainer(tiny_config(tmp_path / "whole", checkpoint_every=1)).train()
    # how often it checkpoints does not change the run, so it may differ when resuming
    resumed = ReaderTrainer(tiny_config(stopped, checkpoint_every=3)).train(resume=True)
    expected, got = load_file(whole / "model.safetensors"), load_file(resumed / "model.safetensors")
    assert expected.keys() == got.keys()
    for name in expected:
        torch.testing.assert_close(got[name], expected[name], msg=name)


def test_resuming_with_other_settings_is_refused(stopped, tiny_config):
    checkpoint = (stopped / "checkpoint" / "state.json").read_text()
    with pytest.raises(QAError, match=r"learning_rate 0\.0001 \(now 0\.001\), max_length 64 \(now 96\)"):
        ReaderTrainer(tiny_config(stopped, checkpoint_every=1, learning_rate=1e-3, max_length=96)).train(resume=True)
    assert (stopped / "checkpoint" / "state.json").read_text() == checkpoint and not (stopped / "final").exists()


def test_resuming_with_the_same_data_written_another_way_continues(stopped, tiny_config, monkeypatch):
    config = tiny_config(stopped, checkpoint_every=1)
    monkeypatch.chdir(Path(config.data[0]).parent)
    config.data = [os.path.relpath(config.data[0])]  # relative now, absolute when the run started
    assert ReaderTrainer(config).train(resume=True).is_dir()


def test_resuming_without_a_checkpoint_is_refused(tiny_config, tmp_path):
    with pytest.raises(QAError, match="nothing to resume"):
        ReaderTrainer(tiny_config(tmp_path / "typo")).train(resume=True)
    assert not (tmp_path / "typo").exists()


def test_a_new_run_over_a_checkpoint_is_refused_and_the_checkpoint_kept(stopped, tiny_config):
    checkpoint = (stopped / "checkpoint" / "state.json").read_text()
    with pytest.raises(QAError, match="holds a checkpoint of an earlier run: continue it with --resume"):
        ReaderTrainer(tiny_config(stopped, checkpoint_every=1)).train()
    assert (stopped / "checkpoint" / "state.json").read_text() == checkpoint


def test_a_failed_write_of_the_final_model_keeps_the_previous_one(tiny_config, tmp_path, monkeypatch):
    final = ReaderTrainer(tiny_config(tmp_path)).train()
    before = {p.name: p.read_bytes() for p in final.iterdir()}

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(PreTrainedTokenizerBase, "save_pretrained", fail)  # after the new weights are written
    with pytest.raises(OSError, match="disk full"):
        ReaderTrainer(tiny_config(tmp_path, seed=7)).train()
    assert {p.name: p.read_bytes() for p in final.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["checkpoint", "final"]


def test_frozen_layers_do_not_change(tiny_config, tmp_path):
    base = tmp_path / "base"
    ReaderTrainer(tiny_config(base, epochs=0.5)).train()
    tuned = ReaderTrainer(tiny_config(tmp_path / "tuned", base_model=str(base / "final"), freeze_layers=1)).train()
    before, after = load_file(base / "final/model.safetensors"), load_file(tuned / "model.safetensors")
    for name in before:
        frozen = "embeddings." in name or ".layer.0." in name
        assert torch.equal(before[name], after[name]) == frozen, name


def _tiny_model(folder, config) -> str:
    """A tiny random QA model of another architecture, saved with the shipped tokenizer (without
    token types, as DistilBERT's and RoBERTa's have none): built offline in a second."""
    from transformers import AutoModelForQuestionAnswering

    tokenizer = AutoTokenizer.from_pretrained(str(SHIPPED_READER), model_input_names=["input_ids", "attention_mask"])
    config.vocab_size = tokenizer.vocab_size
    AutoModelForQuestionAnswering.from_config(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return str(folder)


def _distilbert(folder) -> str:
    from transformers import DistilBertConfig

    return _tiny_model(folder, DistilBertConfig(dim=32, n_layers=2, n_heads=2, hidden_dim=64))


def test_a_model_without_token_types_trains_and_freezes_its_lowest_layers(tiny_config, tmp_path):
    base = _distilbert(tmp_path / "distilbert")
    final = ReaderTrainer(tiny_config(tmp_path / "run", base_model=base, freeze_layers=1)).train()
    before, after = load_file(f"{base}/model.safetensors"), load_file(final / "model.safetensors")
    for name in before:
        frozen = "embeddings." in name or ".layer.0." in name
        assert torch.equal(before[name], after[name]) == frozen, name
    context = "Alexander Fleming discovered penicillin in 1928 in London."
    for span in Reader.load(final).read("Who discovered penicillin?", context, top_k=3).spans:
        assert context[span.start : span.end] == span.text


def test_freezing_layers_a_model_lacks_is_refused(tiny_config, tmp_path):
    from transformers import AlbertConfig

    albert = _tiny_model(
        tmp_path / "albert",
        AlbertConfig(embedding_size=16, hidden_size=32, num_hidden_layers=2, num_attention_heads=2, intermediate_size=64),
    )
    with pytest.raises(QAError, match="cannot find the embeddings and layers of a AlbertForQuestionAnswering"):
        ReaderTrainer(tiny_config(tmp_path / "albert run", base_model=albert, freeze_layers=1)).train()
    distilbert = _distilbert(tmp_path / "distilbert")
    with pytest.raises(QAError, match="cannot freeze 3 layers: the model has 2"):
        ReaderTrainer(tiny_config(tmp_path / "distilbert run", base_model=distilbert, freeze_layers=3)).train()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["albert", "distilbert"]
