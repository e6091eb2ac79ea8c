"""Extractive question answering over your documents.

    from qa import QABot
    bot = QABot()                        # the bundled article, default models, cached index
    bot.ask("Who joined online?").text   # 'Yasukazu Hamada and Christine Lambrecht'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qa_index.errors import QAError

if TYPE_CHECKING:
    from qa.answers import Answer
    from qa.bot import BotSettings, QABot
    from qa.reader import Reader

__all__ = ["QABot", "BotSettings", "Answer", "Reader", "QAError"]

_LAZY = {"QABot": "qa.bot", "BotSettings": "qa.bot", "Answer": "qa.answers", "Reader": "qa.reader"}


def __getattr__(name: str):
    """Import the heavy modules (torch, transformers) only when they are used."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'qa' has no attribute {name!r}")
