"""Follow-up questions: resolving a pronoun against the previous turn's answer.

"Where did she meet her Japanese counterpart?" after "Who is Germany's foreign
minister?" -> "Annalena Baerbock" becomes "Where did Annalena Baerbock meet her
Japanese counterpart?". Retrieval also sees the previous question, so the chunk
about the earlier subject is found. A question with no such pronoun stands alone.
"""

from __future__ import annotations

import re
from typing import Sequence

from qa.errors import QAError

Turn = tuple[str, str | None]

# Tried in this order: an earlier answer is most often the subject of the follow-up
# ("How many of them did it send?": "it" is the earlier answer, "them" something else).
_PRONOUNS = (
    (re.compile(r"\b(he|she|they|it)\b", re.IGNORECASE), "{}"),
    (re.compile(r"\b(his|hers|their|its)\b", re.IGNORECASE), "{}'s"),
    (re.compile(r"\b(him|them)\b", re.IGNORECASE), "{}"),
)


def _is_turn(turn: object) -> bool:
    """A [question, answer] pair: the answer is text, or None for a turn the bot abstained on."""
    return (
        isinstance(turn, (list, tuple))
        and len(turn) == 2
        and isinstance(turn[0], str)
        and (turn[1] is None or isinstance(turn[1], str))
    )


def _turns(history: object) -> list[Turn]:
    """History as (question, answer) turns; anything else (it may come from an API caller) raises QAError."""
    if history is None:
        return []
    if not isinstance(history, (list, tuple)):
        raise QAError(f"history must be a list of [question, answer] pairs, not {type(history).__name__}")
    for i, turn in enumerate(history, 1):
        if not _is_turn(turn):
            raise QAError(f"history entry {i} is not a [question, answer] pair of text (answer may be null): {turn!r:.80}")
    return [(question, answer) for question, answer in history]


def _last_answered(history: Sequence[Turn]) -> Turn | None:
    for question, answer in reversed(history):
        if answer:
            return question, answer
    return None


def resolve(question: str, history: Sequence[Turn]) -> tuple[str, str]:
    """(question for the reader, query for retrieval), given earlier (question, answer) turns.

    A malformed history raises QAError."""
    last = _last_answered(_turns(history))
    if last is None:
        return question, question
    earlier_question, earlier_answer = last
    for pattern, replacement in _PRONOUNS:
        rewritten = pattern.sub(lambda _: replacement.format(earlier_answer), question, count=1)
        if rewritten != question:
            return rewritten, f"{rewritten} {earlier_question}"
    return question, question  # nothing refers back: a question of its own
