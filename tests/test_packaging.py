"""What `pip install` puts into site-packages: the packages `qa` and `qa_index` (the repository's
index/ folder), with the shipped reader and the bundled article, and no module named as
commonly as `index` or `app`."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> list[str]:
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )
    if build.returncode:
        pytest.skip(f"no wheel could be built here: {build.stderr[-300:]}")
    (wheel,) = out.glob("*.whl")
    return zipfile.ZipFile(wheel).namelist()


def test_only_uncommon_top_level_names_are_installed(wheel_names):
    tops = {name.split("/")[0] for name in wheel_names if ".dist-info" not in name.split("/")[0]}
    assert tops == {"qa", "qa_index"}


def test_the_reader_and_the_article_are_installed(wheel_names):
    assert "qa_index/data/japan_germany_defence_2022-11-03.txt" in wheel_names
    for name in ("model.safetensors", "tokenizer.json", "calibration.json", "reader.json"):
        assert f"qa/models/reader/{name}" in wheel_names
