"""The turns of a chat so far: what a follow-up question is read against."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from qa.genders import Genders


TURNS_BACK = 5  # a pronoun looks this many turns back, no further: older mentions are not what it means


@dataclass(frozen=True)
class ChatTurn:
    """One exchange: the question as asked, as read, and the answer (None when the bot abstained)."""

    question: str
    read_as: str
    answer: str | None


class History:
    """The turns of one chat so far, and what the documents say of who is "he" or "she"."""

    def __init__(self, turns: Sequence[ChatTurn] = (), genders: Genders | None = None) -> None:
        self.turns: list[ChatTurn] = list(turns)
        self.genders = genders or Genders()  # without documents, a title in a name still tells
