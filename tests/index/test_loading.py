"""Models read from disk open without transformers' "Loading weights" bar."""

from __future__ import annotations

import pytest
from transformers.utils import logging

from qa_index.loading import quiet_loading


@pytest.fixture
def bars_on():
    """Progress bars on, as on a terminal (the environment may have turned them off); restored after."""
    was = logging.is_progress_bar_enabled()
    logging.enable_progress_bar()
    yield
    if not was:
        logging.disable_progress_bar()


def test_bars_are_hidden_for_a_local_model_and_restored_after(tmp_path, bars_on):
    with quiet_loading(tmp_path):
        assert not logging.is_progress_bar_enabled()
    assert logging.is_progress_bar_enabled()


def test_bars_stay_for_a_download_from_a_hub(bars_on):
    with quiet_loading("someone/some-reader-on-the-hub"):
        assert logging.is_progress_bar_enabled()


def test_cli_answer_has_no_loading_bars(capfd, bars_on):
    from qa.cli import main

    assert main(["ask", "Who joined online?"]) == 0
    captured = capfd.readouterr()
    assert "Yasukazu Hamada and Christine Lambrecht" in captured.out
    assert "Loading weights" not in captured.err
