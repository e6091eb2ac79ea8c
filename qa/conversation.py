"""A conversation: follow-up questions read in the light of the turns before them.

"Where did he meet his German counterpart?" after "Who is Japan's foreign minister?" ->
"Yoshimasa Hayashi" is read as "Where did Yoshimasa Hayashi meet Yoshimasa Hayashi's German
counterpart?". The candidates a pronoun may stand for are the mentions of the earlier turns,
answers and questions both, most recent turn first: within a turn its answer (when it is a noun
phrase), then the phrases of its question, its subject and object before those under a
preposition, names before other phrases. A candidate must agree with the pronoun:

- he / she / him / his / her / hers: one person;
- they / them / their / theirs: a group (a plural noun, a list of names), or else the two most
  recent people (or places) named apart, "A and B";
- it / its: one thing, place or organisation, not a person, a date or a number.

A candidate already named in the question is skipped; so is the pronoun that is the subject of
a clause inside a question which names an agreeing antecedent before it ("What did the ministers
confirm they oppose?"). Ellipsis reuses the previous question as read: "And Germany?" swaps in
the new name for the one of its kind ("And the German one?" swaps "German" for "Japanese");
"Why?", "When?", "How?" swap in the new question word, and "How many?" counts what the last
answer named ("How many Eurofighter jets did Germany send?").
A question that stands on its own is left alone.

What a question or an answer mentions, and how it is told apart, is `qa.mentions` (spaCy's
`en_core_web_sm` 3.8 pipeline, loaded once, on the first follow-up); each way a follow-up points back
has its module in `qa.followups`, and this one puts them in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile
from typing import TYPE_CHECKING

from qa.followups.ellipsis import ELSE_INSIDE, resolve_ellipsis
from qa.followups.history import ChatTurn, History
from qa.followups.pointing import resolve_demonstratives, resolve_there
from qa.followups.pronouns import resolve_pronouns
from qa.followups.substitutes import done_again, one_named
from qa.followups.wording import same_words, says, upper_first
from qa.genders import Genders
from qa.mentions import parse, wh_token
from qa_index.errors import QAError

if TYPE_CHECKING:
    from spacy.tokens import Doc


# "Who else?", "And what else?", "Anyone else?", "Any others?": the last question, another answer
_ELSE = re.compile(
    r"^\s*(?:(?:and|but|so)\s+)?(?:(?:who|whom|what|where|when|which\s+[^\W\d_]+|anyone|anybody|anything|"
    r"anywhere|someone|something|somewhere)\s+else|(?:any\s+)?others?)\s*\??\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReadAs:
    """How a question is read: `question` for the reader, `query` for retrieval, and `besides` the
    answers already given that it asks past ("Who else?")."""

    question: str
    query: str
    besides: tuple[str, ...] = ()


class Conversation(History):
    """The turns of one chat and how each follow-up is read; `read` resolves, `add` records an exchange.

    Plain data in and out (`turns`), so a page or a CLI can keep it between requests."""

    @classmethod
    def from_history(cls, history: object, genders: Genders | None = None) -> "Conversation":
        """A conversation from earlier [question, answer] pairs, each question read as it would have been."""
        conversation = cls(genders=genders)
        for question, answer in check_history(history):
            conversation.add(question, conversation.read(question).question, answer)
        return conversation

    def add(self, question: str, read_as: str, answer: str | None) -> None:
        """Record an exchange: the question as asked and as read, and the answer (None where the bot abstained)."""
        self.turns.append(ChatTurn(question, read_as, answer))

    def read(self, question: str) -> ReadAs:
        """How to read `question` after the turns so far; a question of its own is read as it is."""
        if not self.turns:
            return ReadAs(question, question)
        previous = self.turns[-1]
        if _ELSE.match(question):  # "Who else?": the last question again, for an answer not given yet
            given = [t.answer for t in self._same_question() if t.answer]
            return ReadAs(previous.read_as, previous.read_as, tuple(dict.fromkeys(given)))
        inside = ELSE_INSIDE.search(question)
        if inside is not None:  # "Who else met in Munster?": the question asked before, past its answers
            plain = self.read(question[: inside.end(1)] + question[inside.end() :])
            given = [t.answer for t in self.turns if t.answer and same_words(t.read_as, plain.question)]
            # asked in other words, past the last answer: "What else triggers it?" after "Which medications are
            # potential triggers of asthma?" -> "aspirin and beta blockers"
            # (not after another kind of question, "When did a sales group introduce the PC?", nor where the answer
            # is what the question is now about: "What else can mediate them?" after "... reflexes")
            asked = wh_token(parse(previous.read_as))
            word = inside.group(1).split()[0].lower()
            same_kind = asked is not None and (asked.lower_ == word or {asked.lower_, word} == {"what", "which"})
            # (about what the last question was about: not "What else did the US acquire?" after "Which operation let
            # the United States recruit von Braun?", which shares no word with it)
            related = _shares_a_word(parse(plain.question), parse(previous.read_as))
            if not given and same_kind and related and previous.answer and not says(plain.question, previous.answer):
                given = [previous.answer]
            if given:
                return ReadAs(plain.question, plain.query, tuple(dict.fromkeys(given)))
        rewritten = resolve_ellipsis(question, previous)
        if rewritten is None:  # a question of its own, with words that point back
            own = _without_lead(question)
            done = one_named(done_again(own, previous) or own, previous.read_as)
            pointed = resolve_demonstratives(self, done) or done
            rewritten = resolve_pronouns(self, pointed) or pointed
            rewritten = question if rewritten == own else rewritten  # nothing read back: as asked, "And" too
        else:  # "And airside ones?" -> "What do airside ones include?"
            rewritten = one_named(rewritten, previous.read_as)
        rewritten = resolve_there(self, rewritten) or rewritten
        if rewritten == question:
            return ReadAs(question, question)
        return ReadAs(rewritten, f"{rewritten} {previous.read_as}")

    def _same_question(self) -> list[ChatTurn]:
        """The last turns that read as the last question did: a question and the "Who else?" after it."""
        last = self.turns[-1].read_as
        return list(takewhile(lambda turn: same_words(turn.read_as, last), reversed(self.turns)))[::-1]


def check_history(history: object) -> list[tuple[str, str | None]]:
    """History as (question, answer) pairs; anything else (it may come from an API caller) raises QAError."""
    if history is None:
        return []
    if not isinstance(history, (list, tuple)):
        raise QAError(f"history must be a list of [question, answer] pairs, not {type(history).__name__}")
    for i, turn in enumerate(history, 1):
        if not _is_pair(turn):
            raise QAError(f"history entry {i} is not a [question, answer] pair of text (answer may be null): {turn!r:.80}")
    return [(question, answer) for question, answer in history]


def read_question(question: str, history: object, genders: Genders | None = None) -> ReadAs:
    """How `question` is read after earlier [question, answer] pairs (see `Conversation`)."""
    return Conversation.from_history(history, genders).read(question)


def _is_pair(turn: object) -> bool:
    """A [question, answer] pair: the answer is text, or None for a turn the bot abstained on."""
    return (
        isinstance(turn, (list, tuple))
        and len(turn) == 2
        and isinstance(turn[0], str)
        and (turn[1] is None or isinstance(turn[1], str))
    )


def _shares_a_word(question: Doc, other: Doc) -> bool:
    """Whether two questions share a noun, name or verb (by lemma; "triggers it" and "triggers of asthma" do)."""
    def words(doc: Doc) -> set[str]:
        return {t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "PROPN", "VERB") and not t.is_stop}
    return bool(words(question) & words(other))


def _without_lead(question: str) -> str:
    """A question of its own without the "And" or "But" it opens with ("And how do idealists represent it?")."""
    lead = re.match(r"^\s*(?:and|but|so)\s+", question, re.IGNORECASE)
    rest = question[lead.end() :] if lead is not None else ""
    if not rest or not any(t.pos_ in ("VERB", "AUX") for t in parse(rest)):
        return question
    return upper_first(rest)
