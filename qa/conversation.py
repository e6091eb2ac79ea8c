"""Follow-up questions: resolving a pronoun against the previous turn's answer.

"Where did she meet her Japanese counterpart?" after "Who is Germany's foreign
minister?" -> "Annalena Baerbock" becomes "Where did Annalena Baerbock meet her
Japanese counterpart?". Retrieval also sees the previous question, so the chunk
about the earlier subject is found. A question with no such pronoun stands alone.
"""

from __future__ import annotations

import re
from typing import Sequence

Turn = tuple[str, str | None]

_SUBJECT = re.compile(r"\b(he|she|they|it|him|them)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\b(his|hers|their|its)\b", re.IGNORECASE)


def _last_answered(history: Sequence[Turn]) -> Turn | None:
    for question, answer in reversed(history):
        if answer:
            return question, answer
    return None


def resolve(question: str, history: Sequence[Turn]) -> tuple[str, str]:
    """(question for the reader, query for retrieval), given earlier (question, answer) turns."""
    last = _last_answered(history or [])
    if last is None:
        return question, question
    earlier_question, earlier_answer = last
    rewritten = _SUBJECT.sub(earlier_answer, question, count=1)
    if rewritten == question:
        rewritten = _POSSESSIVE.sub(f"{earlier_answer}'s", question, count=1)
    if rewritten == question:
        return question, question  # nothing refers back: a question of its own
    return rewritten, f"{rewritten} {earlier_question}"
