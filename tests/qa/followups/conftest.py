"""Turns shared by the follow-up tests: hand-written (question, answer) pairs, no reader needed."""

import pytest


@pytest.fixture
def hayashi() -> tuple[str, str]:
    """Japan's foreign minister, asked and answered: the turn many histories open with."""
    return ("Who is Japan's foreign minister?", "Yoshimasa Hayashi")
