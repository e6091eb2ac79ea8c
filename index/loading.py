"""Opening models quietly: transformers 5 draws a "Loading weights" bar for every model it
opens, which for a model read from local disk in a fraction of a second is only noise on
the command line and in the page's log. Downloads from a hub keep their progress bars."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def quiet_loading(name_or_path: str | Path) -> Iterator[None]:
    """Hide transformers' progress bars while a model is read from a local path."""
    from transformers.utils import logging

    if not Path(name_or_path).exists() or not logging.is_progress_bar_enabled():
        yield
        return
    logging.disable_progress_bar()
    try:
        yield
    finally:
        logging.enable_progress_bar()
