"""Model soups: readers fine-tuned from the same model average into one, which ships with every run in its card."""

from __future__ import annotations

import json

import pytest
import torch
from safetensors.torch import load_file

from qa import QAError
from qa.training.ship import ship_reader
from qa.training.soup import average_readers
from qa.training.trainer import ReaderTrainer


def test_soup_is_the_mean_of_the_runs_and_ships_with_both(two_runs, squad_v1, squad_v2, tmp_path):
    soup = average_readers(two_runs, tmp_path / "soup")

    weights = [load_file(d / "model.safetensors") for d in (*two_runs, soup)]
    name = next(n for n in weights[0] if n.endswith("query.weight"))
    assert not torch.equal(weights[0][name], weights[1][name])
    assert torch.allclose(weights[2][name], (weights[0][name] + weights[1][name]) / 2, atol=1e-6)
    record = json.loads((soup / "training.json").read_text())
    assert [run["config"]["seed"] for run in record["soup"]] == [1, 2]

    ship_reader(soup, str(squad_v1), str(squad_v2), dest=tmp_path / "shipped")
    card = (tmp_path / "shipped" / "README.md").read_text()
    assert "stage 1, from the bundled all-MiniLM-L6-v2 encoder: the average of the weights of 2 runs" in card
    assert "seed 1;" in card and "seed 2;" in card


def test_runs_from_different_starts_are_refused(two_runs, tiny_config, tmp_path):
    other = ReaderTrainer(tiny_config(tmp_path / "other", base_model=str(two_runs[0]))).train()
    with pytest.raises(QAError, match="same model"):
        average_readers([two_runs[0], other], tmp_path / "soup")
    assert not (tmp_path / "soup").exists()


def test_a_single_or_untrained_model_is_refused(two_runs, tmp_path):
    with pytest.raises(QAError, match="at least two"):
        average_readers([two_runs[0]], tmp_path / "soup")
    with pytest.raises(QAError, match="training.json"):
        average_readers([two_runs[0], tmp_path], tmp_path / "soup")


def test_with_base_a_run_is_averaged_with_the_reader_it_was_fine_tuned_from(two_runs, tiny_config, squad_v1, squad_v2, tmp_path):
    start = two_runs[0]
    run = ReaderTrainer(tiny_config(tmp_path / "run", base_model=str(start), seed=3)).train()
    soup = average_readers([run], tmp_path / "soup", with_base=True)

    weights = [load_file(d / "model.safetensors") for d in (start, run, soup)]
    name = next(n for n in weights[0] if n.endswith("query.weight"))
    assert torch.allclose(weights[2][name], (weights[0][name] + weights[1][name]) / 2, atol=1e-6)
    assert json.loads((soup / "training.json").read_text())["with_base"] is True

    ship_reader(soup, str(squad_v1), str(squad_v2), dest=tmp_path / "shipped")
    card = (tmp_path / "shipped" / "README.md").read_text()
    assert "stage 2, from the stage 1 model: the average of the weights of the stage 1 model and 1 run(s) fine-tuned from it" in card


def test_with_base_a_bare_encoder_is_refused(two_runs, tmp_path):
    with pytest.raises(QAError, match="no span head"):
        average_readers([two_runs[0]], tmp_path / "soup", with_base=True)
    assert not (tmp_path / "soup").exists()
