"""Models read from disk open without transformers' "Loading weights" bar."""

from __future__ import annotations

from transformers.utils import logging

from qa.loading import quiet_loading


def test_bars_are_hidden_for_a_local_model_and_restored_after(tmp_path):
    assert logging.is_progress_bar_enabled()
    with quiet_loading(tmp_path):
        assert not logging.is_progress_bar_enabled()
    assert logging.is_progress_bar_enabled()


def test_bars_stay_for_a_download_from_a_hub():
    with quiet_loading("someone/some-reader-on-the-hub"):
        assert logging.is_progress_bar_enabled()


def test_cli_answer_has_no_loading_bars(capfd):
    from qa.cli import main

    main(["ask", "Who joined online?"])
    captured = capfd.readouterr()
    assert "Yasukazu Hamada and Christine Lambrecht" in captured.out
    assert "Loading weights" not in captured.err
