"""Shipping: a trained model goes into a folder as fp16 with its windows, calibration and a card of every stage."""

from __future__ import annotations

import json

import pytest
import torch
from safetensors.torch import load_file

from qa import QAError, Reader
from qa.training.ship import ship_reader
from qa.training.trainer import ReaderTrainer


def test_shipped_folder_loads_and_describes_every_stage(tiny_config, squad_v1, squad_v2, tmp_path):
    first = ReaderTrainer(tiny_config(tmp_path / "one", epochs=0.5)).train()
    second = ReaderTrainer(tiny_config(tmp_path / "two", base_model=str(first), max_length=96, stride=48)).train()

    scores = ship_reader(second, str(squad_v1), str(squad_v2), dest=tmp_path / "shipped")

    shipped = tmp_path / "shipped"
    assert not (tmp_path / "shipped.tmp").exists()
    assert {t.dtype for t in load_file(shipped / "model.safetensors").values()} == {torch.float16}
    assert json.loads((shipped / "reader.json").read_text()) == {"max_length": 96, "stride": 48}
    assert set(scores) == {"dev-v1.1", "dev-v2.0 held out", "dev-v2.0 held out, open book"}
    assert scores["dev-v1.1"]["n"] == 9 and "no_ans_acc" in scores["dev-v2.0 held out"]
    assert 0 <= scores["dev-v2.0 held out, open book"]["ece"] <= 1
    calibration = json.loads((shipped / "calibration.json").read_text())
    assert {"slope", "no_answer_slope", "prior"} <= set(calibration) <= set(calibration["pipeline"]) | {"pipeline", "scores", "precision"}
    card = (shipped / "README.md").read_text()
    assert "stage 1, from the bundled all-MiniLM-L6-v2 encoder" in card
    assert "stage 2, from the stage 1 model: max length 96" in card
    assert "Against the project's targets" in card

    reader = Reader.load(shipped)
    assert (reader.settings.max_length, reader.settings.stride) == (96, 48)
    context = "Alexander Fleming discovered penicillin in 1928 in London."
    for span in reader.read("Who discovered penicillin?", context, top_k=3).spans:
        assert context[span.start : span.end] == span.text and 0.0 <= span.score <= 1.0


def test_a_folder_without_a_training_record_is_refused(squad_v1, squad_v2, tmp_path):
    from qa.reader import SHIPPED_READER, load_torch_model

    load_torch_model(str(SHIPPED_READER), "fp32").model.save_pretrained(tmp_path / "model")
    with pytest.raises(QAError, match="training.json"):
        ship_reader(tmp_path / "model", str(squad_v1), str(squad_v2), dest=tmp_path / "shipped")
    assert not (tmp_path / "shipped").exists() and not (tmp_path / "shipped.tmp").exists()


def test_a_reader_trained_from_a_shipped_reader_keeps_every_stage(tiny_config, squad_v1, squad_v2, tmp_path):
    first = ReaderTrainer(tiny_config(tmp_path / "one", epochs=0.5)).train()
    ship_reader(first, str(squad_v1), str(squad_v2), dest=tmp_path / "shipped")

    again = ReaderTrainer(tiny_config(tmp_path / "again", base_model=str(tmp_path / "shipped"))).train()
    # trained in fp32 although the shipped weights it started from are fp16
    assert {t.dtype for t in load_file(again / "model.safetensors").values()} == {torch.float32}

    ship_reader(again, str(squad_v1), str(squad_v2), dest=tmp_path / "shipped again")
    record = json.loads((tmp_path / "shipped again" / "training.json").read_text())
    assert [stage["config"]["base_model"] for stage in record["stages"]][1:] == [str(tmp_path / "shipped")]
    card = (tmp_path / "shipped again" / "README.md").read_text()
    assert "stage 1, from the bundled all-MiniLM-L6-v2 encoder" in card
    assert "stage 2, from the stage 1 model" in card


def test_dev_v2_without_unanswerable_questions_is_refused_before_any_work(two_runs, squad_v1, squad_v2, tmp_path):
    with pytest.raises(QAError, match="no unanswerable questions: --dev-v2 takes a SQuAD v2.0 file"):
        ship_reader(two_runs[0], str(squad_v1), str(squad_v1), dest=tmp_path / "shipped")
    # four questions leave the held-out article (Danube) without an unanswerable one to measure
    with pytest.raises(QAError, match="held-out half"):
        ship_reader(two_runs[0], str(squad_v1), str(squad_v2), dest=tmp_path / "shipped", limit=4)
    assert not any(tmp_path.iterdir())
