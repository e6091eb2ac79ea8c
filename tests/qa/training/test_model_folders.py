"""Writing a model folder (shipping, averaging): the old model stays until the new one is in place,
and a destination that holds anything but a model is refused, never wiped."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Callable

import pytest

from qa import QAError
from qa.training.ship import ship_reader
from qa.training.soup import average_readers


@pytest.fixture(params=["ship-reader", "average-readers"])
def write(request, two_runs, squad_v1, squad_v2) -> Callable[[Path], object]:
    """A command that writes a model folder to the destination it is given."""
    if request.param == "ship-reader":
        return lambda dest: ship_reader(two_runs[0], str(squad_v1), str(squad_v2), dest=dest)
    return lambda dest: average_readers(two_runs, dest)


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_a_destination_holding_no_model_is_refused_untouched(write, tmp_path):
    outputs = tmp_path / "outputs"
    (outputs / "run" / "checkpoint").mkdir(parents=True)
    (outputs / "notes.txt").write_text("mine")
    with pytest.raises(QAError, match="not ours to replace"):
        write(outputs)
    assert (outputs / "notes.txt").read_text() == "mine" and (outputs / "run" / "checkpoint").is_dir()

    (tmp_path / "a file").write_text("mine")
    with pytest.raises(QAError, match="is a file"):
        write(tmp_path / "a file")
    assert (tmp_path / "a file").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a file", "outputs"]


def test_a_failed_swap_keeps_the_old_model_and_a_later_one_replaces_it(write, tmp_path, monkeypatch):
    dest = tmp_path / "model"
    write(dest)
    (dest / "from the old model.txt").write_text("old")
    before = _contents(dest)

    rename = Path.rename

    def fail_onto_dest(self: Path, target) -> Path:
        if Path(target) == dest and not (self / "from the old model.txt").exists():
            raise OSError("disk full")  # the new model cannot be put in place; the old one can
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", fail_onto_dest)
    with pytest.raises(OSError, match="disk full"):
        write(dest)
    assert _contents(dest) == before
    assert [p.name for p in tmp_path.iterdir()] == ["model"]  # no temp folder, nothing moved aside

    monkeypatch.undo()
    write(dest)
    assert (dest / "config.json").is_file() and not (dest / "from the old model.txt").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["model"]
    (tmp_path / "plain").mkdir()  # readable by whom a folder made the usual way is, not by its owner alone
    assert stat.S_IMODE(dest.stat().st_mode) == stat.S_IMODE((tmp_path / "plain").stat().st_mode)
