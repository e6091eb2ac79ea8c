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
`en_core_web_sm` 3.8 pipeline, loaded once, on the first follow-up).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from itertools import takewhile
from typing import TYPE_CHECKING, Sequence

from qa_index.errors import QAError
from qa.expansions import asked_abbreviation
from qa.genders import HE, SHE, Genders, by_title
from qa.mentions import (
    INSTITUTION_NOUNS, IT, KIND_NOUNS, NUMBER, PERSON, PERSON_NOUNS, PLACE, PLACE_NOUNS, PLACING, SINGULAR, THING, TIME, WH,
    WORD_NOUNS,
    Mention, agrees, answer_mention, asked_phrase, asks_a_name, asks_circumstance, asks_name, asks_object, called_then,
    counted_phrase, defined_phrase, defines, is_plural, kind_of_span, may_be_person, named_in_answer, names_an_event,
    owned_by_answer, parse, pronoun_form, question_mentions, ranked_mentions, regnal_name, wh_token, with_of_phrase,
)
from qa.nations import is_country
from qa.spelling import english_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_THEY = frozenset({"they", "them", "their", "theirs"})
_POSSESSIVE = frozenset({"his", "hers", "its", "theirs"})
# what only people have: "their posts", "their villas" are no talks' or floors' ("its role" may be a body's)
_PEOPLES_OWN = frozenset(
    "post job occupation profession career salary nationality birthplace wife husband spouse villa".split()
)
_DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})
_ASKS_TIME = re.compile(r"^(?:since |until |till )?when\b|\bwhat (?:year|date|time|century|decade)\b")
# a time an answer runs on into: "pirates as early as 1603", "the Red Book in 1980"
_TRAILING_TIME = re.compile(
    r"\s+(?:as (?:early|late) as|in|on|by|since|around|about|until|from)\s+[\w ,.–-]*\b\d{3,4}s?\W*$", re.IGNORECASE
)
# the means an answer runs on into, which "How?" asks for: "energy consumption by reducing the need for lighting"
_TRAILING_MEANS = re.compile(r"\s+(?:by|through)\s+\w+ing\b.*$", re.IGNORECASE)
_GLOSS_NOUNS = frozenset({"meaning", "definition", "translation"})  # what an answer to "What is the meaning of X?" is
_SPOT_NOUNS = frozenset("area place spot location site part".split())  # where-answers that are no kind of place
_LOCATING = frozenset("in at on near by along around inside outside within beside across".split())
# what only a place has: "its capital" is a country's or a region's
_OF_A_PLACE = frozenset(
    "capital population border borders territory coastline climate flag anthem president economy currency "
    "geography weather season seasons rainfall temperature temperatures area".split()
)
# what only a place people live in has, not a river, lake or mountain ("its population" after "the Musi River")
_OF_A_POLITY = frozenset("capital population border borders territory flag anthem president economy currency".split())
_NATURAL_FEATURES = frozenset("river lake sea ocean mountain mountains mount bay gulf desert valley island".split())
# "In which city is it?", "On which coast is it located?": what "it" is, a place is in
_WHICH_PLACE = re.compile(rf"\b(?:which|what)\s+(?:{'|'.join(sorted(PLACE_NOUNS))})\b", re.IGNORECASE)
_LOCATED = frozenset("be lie locate situate".split())
_PROPER_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:an|ian|ean|ic|ish|ese)")  # "Mediterranean", "Arabic", "Japanese"
_IN_WHICH = re.compile(r"(?:in|on|at)\s+(?:which|what)\b", re.IGNORECASE)
# a question for how far something is, and the nouns that name bodies of people, which are nowhere
_DISTANCE = re.compile(r"\bhow\s+(?:far|close|near)\b|\bdistance\b", re.IGNORECASE)
_BODIES = frozenset(
    "government ministry agency department council committee party union association organization organisation "
    "administration cabinet movement alliance coalition federation league commission board army navy force group "
    "team network company corporation firm".split()
)
_A_PERSON_PRONOUN = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.IGNORECASE)
# "go there" is "go to" a place, "study there" "in" it
_MOTION_VERBS = frozenset(
    "go come move travel return fly sail emigrate migrate flee send bring walk drive ride head".split()
)
_PLACE_PREPOSITIONS = frozenset("in at on to from near".split())
# prepositions a lone question word may come with ("Into what?"), whose phrase an answer may have run on into
_PREPOSITIONS = frozenset("into onto to towards toward from with by for in on at under over through against among".split())
# capitalised words and nothing else: no "Luther's", which owns what follows it
_A_NAME = re.compile(r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*")
# a title: capitalised words and the small words between them ("Seven Lamps of Architecture")
_A_TITLE = re.compile(r"(?:The\s+)?[A-Z][\w'.-]*(?:\s+(?:(?:of|the|and|in|on|for|a)\s+)*[A-Z][\w'.-]*)*")
# "in London" of "Royal Albert Hall in London": a name's place, after a name
_IN_A_NAMED_PLACE = re.compile(r"^((?:the |The )?[A-Z][^,]*?)\s+(?:in|at|near)\s+[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*$")
# "the western German city of Munster": the name, without the words that place it (only where the noun
# and the name are one place: not "the capital of France", "the coast of China", "the Kurdish region of Iraq")
_PLACE_OF_A_NAME = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:city|town|village|port|island|state|province|county|district)\s+of\s+"
    r"([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*)$",
    re.IGNORECASE,
)
TURNS_BACK = 5  # a pronoun looks this many turns back, no further: older mentions are not what it means

# "Who else?", "And what else?", "Anyone else?", "Any others?": the last question, another answer
_ELSE = re.compile(
    r"^\s*(?:(?:and|but|so)\s+)?(?:(?:who|whom|what|where|when|which\s+[^\W\d_]+|anyone|anybody|anything|"
    r"anywhere|someone|something|somewhere)\s+else|(?:any\s+)?others?)\s*\??\s*$",
    re.IGNORECASE,
)
# "Who else met ...?", "What else did they agree?": a question of its own that asks past earlier answers
_ELSE_INSIDE = re.compile(
    r"\b(who|whom|what|where|which\s+[^\W\d_]+|how\s+many\s+[^\W\d_]+)\s+else\b", re.IGNORECASE
)
# "What was it named after?", "Where did its name come from?": of a name, not of who gave it
_NAMING = re.compile(r"\b(?:(?:re)?named|called|dubbed)\s+(?:after|for)\b|\bits\s+name\b", re.IGNORECASE)
_ELLIPSIS_LEAD = re.compile(r"^\s*(?:and|but|so|what about|how about)\s+", re.IGNORECASE)
# "Why?", "And when exactly?", "Against whom?", "Since when?", "Instead of what?", "By whose vote?", "And how many acres?",
# "With what share of the vote?"
_LONE_WH = re.compile(
    r"^\s*(?:(?:and|but|so)\s+)?"
    r"((?:(?:mainly|mostly|chiefly|primarily|largely|usually|roughly)\s+)?"  # "Mainly where?"
    r"(?:(?:according\s+to|instead\s+of|against|with|within|without|by|to|toward|towards|for|from|since|until|in|"
    r"inside|outside|"
    r"on|at|about|around|after|before|of|as|into|over|under|during|through|throughout|among|between|across|along|"
    r"near|behind|beyond|via|upon|amid|amidst|despite|following|unlike|like|besides|beside|alongside|regarding|"
    r"concerning)\s+"
    # "By the union of which churches?", "At the request of whom?", "As part of what?", "With programs in what?"
    r"(?:(?:the\s+)?[^\W\d_]+\s+(?:of|in|on|for)\s+)?)?"
    # "And how many Copa del Rey trophies?": what is counted, a name of three words and its noun
    r"(?:why|when|where|how\s+(?:many|much)(?:\s+[^\W\d_]+){0,4}|how\s+(?:long|often|far)|how|whom|who|"
    r"whose\s+[^\W\d_]+|"
    # "With what share of the vote?": a phrase with its "of"
    # (a word may have hyphens: "In which by-election?")
    r"(?:which|what)\s+(?!(?:about|for|if|then|exactly|is|was|are|were|did|do|does)\b)[^\W\d_]+(?:-[^\W\d_]+)*"
    r"(?:\s+[^\W\d_]+(?:-[^\W\d_]+)*)?"
    r"(?:\s+of\s+(?:the\s+)?[^\W\d_]+)?|"
    r"what))"  # "And in which country?"
    r"\s*(?:then|exactly)?\s*\??\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ChatTurn:
    """One exchange: the question as asked, as read, and the answer (None when the bot abstained)."""

    question: str
    read_as: str
    answer: str | None


@dataclass(frozen=True)
class ReadAs:
    """How a question is read: `question` for the reader, `query` for retrieval, and `besides` the
    answers already given that it asks past ("Who else?")."""

    question: str
    query: str
    besides: tuple[str, ...] = ()


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


def _said(pronoun: Token, previous: ChatTurn) -> Mention | None:
    """"it" as the object of a verb whose object was a clause in the previous question: "When did he
    prove it?" after "Who proved that air is necessary for combustion?" means that air is."""
    if pronoun.lower_ != "it" or pronoun.dep_ != "dobj":
        return None
    doc = parse(previous.read_as)
    for verb in (t for t in doc if t.lemma_ == pronoun.head.lemma_ and t.pos_ == "VERB"):
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is not None:
            text = doc[clause.left_edge.i : clause.right_edge.i + 1].text
            return Mention(text, THING, plural=False, named=False)
    return None


def _each_other(pronoun: Token, previous: ChatTurn) -> Mention | None:
    """"they" with the verb the previous question asked with a subject and an object, now with none: the two
    did it with each other ("When did they meet?" after "Through whom did Picasso meet Matisse?" -> Picasso
    and Matisse; a question word among them is its answer)."""
    verb = pronoun.head
    if pronoun.lower_ != "they" or pronoun.dep_ != "nsubj" or any(c.dep_ == "dobj" for c in verb.children):
        return None
    doc = parse(previous.read_as)
    before = next((t for t in doc if t.pos_ == "VERB" and t.lemma_ == verb.lemma_), None)
    roles = {c.dep_: c for c in before.children if c.dep_ in ("nsubj", "dobj")} if before is not None else {}
    if len(roles) < 2:
        return None
    parties = []
    for word in (roles["nsubj"], roles["dobj"]):
        if word.lower_ in WH and previous.answer:
            parties.append(previous.answer)
        elif word.pos_ in ("NOUN", "PROPN") and not any(t.lower_ in WH for t in word.lefts):
            parties.append(doc[word.left_edge.i : word.i + 1].text)
        else:
            return None
    return Mention(" and ".join(parties), kind_of_span(doc[roles["nsubj"].i : roles["nsubj"].i + 1]), plural=True)


def _in_clause_antecedent(pronoun: Token, doc: Doc, genders: Genders) -> bool:
    """An agreeing phrase comes before the pronoun in the question itself, and the pronoun is a possessive
    ("When did Japan and Germany agree to enhance their cooperation?") or the subject of a clause inside
    the question ("What did the ministers confirm they oppose?"). An object may not refer to its own
    clause's subject ("Which nations has Japan concluded it with?"), so it looks back in the conversation;
    nor may "his" refer to a woman the documents call "she" ("What did Victoria do after his death?")."""
    possessive = pronoun.tag_ == "PRP$" or pronoun.lower_ in _POSSESSIVE
    inner_subject = pronoun.dep_ in ("nsubj", "nsubjpass") and pronoun.head.dep_ != "ROOT"
    if not (possessive or inner_subject):
        return False
    # a subject or object before it, not a name under a preposition: "its" in "How many of Germany's
    # cities does its instance pass through?" is not Germany
    before = [m for rank, m in ranked_mentions(doc[: pronoun.i].as_doc()) if rank[1] == 0]
    # nor the noun its own relative clause hangs on: "it" in "the area it is located in" is not the area
    relative = pronoun.head.head if inner_subject and pronoun.head.dep_ == "relcl" else None
    before = [m for m in before if relative is None or m.text.split()[-1] != relative.text]
    form = pronoun_form(pronoun.text)
    return any(
        agrees(pronoun.lower_, m) and genders.of(m.text) in (None, form) and _may_own(pronoun, m) for m in before
    )


def _points_back(determiner: Token) -> bool:
    """"that", "this", "these" or "those" before a noun; or "the" before a bare noun ("What does the word
    mean?", "Where is the network based?"), which may name what the last turn named."""
    if determiner.lower_ in _DEMONSTRATIVES:
        return True
    noun = determiner.head
    return determiner.lower_ == "the" and noun.tag_ == "NN" and len(list(noun.children)) == 1


def _names_event_of(pronoun: Token, verbs: set[str]) -> bool:
    """Whether a possessive owns the noun of one of `verbs` ("its arrival" after "... arrived ...?"): the
    event asked about before, whose doer the pronoun stands for."""
    noun = pronoun.head
    if not (pronoun.tag_ == "PRP$" and noun.pos_ == "NOUN"):
        return False
    word = noun.lemma_.lower()
    return any(len(os.path.commonprefix([word, verb])) >= max(4, len(verb) - 2) for verb in verbs)


def _abbreviation_asked(question: str, pronoun: Token, mention: Mention) -> bool:
    """Whether the question asks what `mention` stands for once it is put in for `pronoun` ("What does it
    stand for?" and "FASPS")."""
    put = question[: pronoun.idx] + mention.text + question[pronoun.idx + len(pronoun.text) :]
    return asked_abbreviation(put) == mention.text


def _may_own(pronoun: Token, mention: Mention) -> bool:
    """Whether what a possessive pronoun owns may be the mention's: "their posts" and "their villas" are
    people's, no unnamed thing's ("the talks", "splendid mosaic floors")."""
    if pronoun.head.lemma_.lower() not in _PEOPLES_OWN:
        return True
    return mention.kind == PERSON or mention.named or mention.body


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

    def __init__(self, turns: Sequence[ChatTurn] = (), genders: Genders | None = None) -> None:
        self.turns: list[ChatTurn] = list(turns)
        self.genders = genders or Genders()  # without documents, a title in a name still tells

    @classmethod
    def from_history(cls, history: object, genders: Genders | None = None) -> "Conversation":
        """A conversation from earlier [question, answer] pairs, each question read as it would have been."""
        conversation = cls(genders=genders)
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
        if _ELSE.match(question):  # "Who else?": the last question again, for an answer not given yet
            given = [t.answer for t in self._same_question() if t.answer]
            return ReadAs(previous.read_as, previous.read_as, tuple(dict.fromkeys(given)))
        inside = _ELSE_INSIDE.search(question)
        if inside is not None:  # "Who else met in Munster?": the question asked before, past its answers
            plain = self.read(question[: inside.end(1)] + question[inside.end() :])
            given = [t.answer for t in self.turns if t.answer and _same_words(t.read_as, plain.question)]
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
            if not given and same_kind and related and previous.answer and not _says(plain.question, previous.answer):
                given = [previous.answer]
            if given:
                return ReadAs(plain.question, plain.query, tuple(dict.fromkeys(given)))
        rewritten = self._ellipsis(question, previous)
        if rewritten is None:  # a question of its own, with words that point back
            own = _without_lead(question)
            done = _one_named(_done(own, previous) or own, previous.read_as)
            pointed = self._demonstratives(done) or done
            rewritten = self._pronouns(pointed) or pointed
            rewritten = question if rewritten == own else rewritten  # nothing read back: as asked, "And" too
        else:  # "And airside ones?" -> "What do airside ones include?"
            rewritten = _one_named(rewritten, previous.read_as)
        rewritten = self._there(rewritten) or rewritten
        if rewritten == question:
            return ReadAs(question, question)
        return ReadAs(rewritten, f"{rewritten} {previous.read_as}")

    def _same_question(self) -> list[ChatTurn]:
        """The last turns that read as the last question did: a question and the "Who else?" after it."""
        last = self.turns[-1].read_as
        return list(takewhile(lambda turn: _same_words(turn.read_as, last), reversed(self.turns)))[::-1]

    def _candidates(self, question: Doc) -> dict[bool, list[Mention]]:
        """Mentions of the earlier turns, most recent turn first: its answer, then its question's phrases
        (after its subject and object where the answer is a where, when, why or how). Keyed by whether
        the pronoun is a subject: for one, the last question's subject comes before an answer that was
        its object ("Why did it give it to Spain?" after "Which territory did France cede to Spain?"
        starts with France), or the object of its preposition where `question` asks with the same verb
        ("When did he serve under him?" after "Who did Kerry serve under?" starts with Kerry)."""
        found: dict[bool, list[Mention]] = {False: [], True: []}
        # (not for what a name was given: "What was it named after?" after "What did Boston's settlers first
        # call the area?" -> "Trimountaine" is the name, not who gave it)
        named_after = _NAMING.search(question.text) is not None
        for back, turn in enumerate(reversed(self.turns[-TURNS_BACK:])):
            doc = parse(turn.read_as)
            answer = answer_mention(doc, _with_asked_noun(doc, turn.answer, self.genders)) if turn.answer else None
            ranked = ranked_mentions(doc)
            # (not where the answer is its value: "it" after "What is the refraction index of glass?" -> "1.5" is the index)
            described = _described(doc) if turn.answer and not _AMOUNT.match(turn.answer) else None
            if described is not None:
                # "the function" of "What is the function of the brain?" is what the answer gave, no thing of
                # its own: "What chemicals does it secrete?" asks of the brain
                # (with its "of" phrase too where the answer names it: "the molecular unit of heredity" -> "A gene";
                # not where it lists kinds of it, "igneous, sedimentary, and metamorphic")
                ranked = [
                    (rank, m) for rank, m in ranked
                    if not (m.text == described.text or answer is not None and m.text.startswith(f"{described.text} "))
                ]
            if described is not None and described.root.lemma_.lower() in _GLOSS_NOUNS:
                answer = None  # "robbery or illegal violence at sea", the meaning of piracy, is words about it, no thing
            owned = owned_by_answer(doc, turn.answer) if answer is not None else None
            # "primality" answers "What is the property ... called?"; "king of Judea" answering "Who was Herod
            # Antipas?" names no one, its "Judea" aside: it describes him, who stays the topic
            named = answer is not None and (answer.named or asks_name(doc))
            names_it = named and (asks_name(doc) or not _describes(turn.answer))
            alias = defined_phrase(doc) if names_it else None
            if alias is not None and is_plural(alias) == answer.plural:
                # "Japan's foreign minister" is Yoshimasa Hayashi, not someone else for "him"; a name that
                # answers a plural in part ("Treaty on European Union") leaves the plural for "they"
                ranked = [(rank, m) for rank, m in ranked if m.text != alias.text]
            places = _treated_as_places(doc)  # "Bermuda" of "In which ocean is Bermuda located?", whatever its label
            phrases = [replace(m, kind=PLACE) if m.text in places else m for _, m in ranked]
            core = sum(1 for rank, _ in ranked if rank[1] == 0)  # the question's subject and object
            # the main clause's subject, not one of a clause inside ("after the Soviet Union launched ...")
            subjects = [c.text for c in doc.noun_chunks if c.root.dep_ in ("nsubj", "nsubjpass") and c.root.head.dep_ == "ROOT"]
            # where the parser found none, a name alone between the auxiliary and the verb ("Whom did
            # Schwarzenegger replace ...?"; not "Bank of America", whose "America" alone is no subject)
            between = _between_auxiliary_and_verb(doc)
            no_main_verb = between and any(t.dep_ == "ROOT" and t.lower_ in ("did", "does", "do") for t in doc)
            if no_main_verb and (_A_NAME.fullmatch(between) or _unparsed_subject(doc, between)):
                # with no main verb found, a phrase that runs on from a name into a verb before its preposition
                # is none ("Joe Simon team" of "Who did Joe Simon team with?"): the name alone is
                phrases = [m for m in phrases if not _runs_into_a_verb(m.text, between, doc)]
            if between and between not in {m.text for m in phrases} and _A_NAME.fullmatch(between) and not any(
                t.ent_type_ == "NORP" for t in parse(between)
            ):
                # a name the parser put in no phrase of its own ("Spalding win" of "How many games did Spalding
                # win?", "Spalding" an adjective) is still the subject; not a people's adjective ("Genoese traders")
                kind = PERSON if regnal_name(between) else THING  # "Charles V" of "What did Charles V issue ...?"
                phrases, core = [Mention(between, kind, plural=False, named=True)] + phrases, core + 1
            elif between and between not in {m.text for m in phrases} and _unparsed_subject(doc, between):
                # nor a subject the parser ran into its verb ("Gothic architecture" of "During which period did Gothic
                # architecture flourish?", "flourish" a noun, and of "Where did Gothic architecture originate?")
                subject = parse(between)[:]
                phrases, core = [Mention(between, kind_of_span(subject), is_plural(subject))] + phrases, core + 1
            subjects = subjects or ([between] if between in {m.text for m in phrases} else [])
            if answer is None:  # the question's phrases alone, read as for an answered one
                phrases = _asked_first(doc, phrases) if turn.answer is None else phrases
                for mentions in found.values():
                    mentions.extend(phrases)
                continue
            # the answer to "Where is the main campus?" is a circumstance of the question's subject and
            # object, which stay the topic: "How big is it?" asks about the campus; so is the subject of
            # "What is the Amazon rainforest?" when the answer describes it ("a moist broadleaf forest")
            # rather than names it ("Yoshimasa Hayashi")
            # "Which county is Southampton in?" leaves Southampton the topic too ("How far is it from London?")
            # (not where the answer names what the question described: "churches" for "the greatest number of
            # surviving Gothic buildings" is what "they" means next)
            described_named = described is not None
            topic_first = (
                asks_circumstance(doc) or _locates(doc) or (defines(doc) and not names_it and not described_named)
                or _as_what(doc)
            )
            # "its" after "Which county is Detroit the seat of?" is Detroit's; a subject "it" after "Which river is
            # Detroit a major port on?" is the river ("What does it connect ...?")
            inverted = _inverted_which(doc)
            # "Sciarra", then "Sciarra's funeral"; but "they" after "Which university's researchers ...?" are the
            # researchers before the university
            answered = [answer] if owned is None else [owned, answer] if owned.plural else [answer, owned]
            inner = named_in_answer(answer.text)  # "Osman I" of "the name of Osman I", after the answer
            answered += [inner] if inner is not None else []
            object_answered = back == 0 and not named_after and (asks_object(doc) or _same_verb_asked_past(doc, question))
            # "What was it first developed to help launch?" after "Who developed the ski-jump ramp?": what
            # a verb was done to, done to again, is its object, not who did it
            patient = _object_done_to_again(doc, question) if back == 0 else None
            # "also" asks the same again of whoever it was asked of, not of the answer: "Which trade body is it
            # also part of?" after "Which investment bank is Estonia a part of?" asks of Estonia
            again = back == 0 and _asks_again(question) and not _asks_subject(doc)
            for subject, mentions in found.items():
                if subject and again:
                    mentions.extend(phrases + answered)
                    continue
                if patient is not None and subject == patient[1]:
                    first = [m for m in phrases if m.text in patient[0]][:1]
                    mentions.extend(first + [m for m in phrases if m not in first] + answered)
                    continue
                if subject and object_answered and not topic_first:
                    # its subject (and what is in it) only: "What does it provide?" after "What may teachers
                    # use to facilitate student learning?" -> "a lesson plan" is the plan, not the learning
                    first = [m for m in phrases if any(m.text in subject_text for subject_text in subjects)]
                    mentions.extend(first + answered + [m for m in phrases if m not in first])
                    continue
                at = core if topic_first or (inverted and not subject) else 0
                mentions.extend(phrases[:at] + answered + phrases[at:])
        return found

    def _demonstratives(self, question: str) -> str | None:
        """"that program" where an earlier turn named a program ("the federal-aid airport program"): the
        phrase it points back to, most recent first; "that year" after "1981" names no year, and stays."""
        doc = parse(question)
        pointers = [t for t in doc if t.dep_ == "det" and t.head.pos_ == "NOUN" and _points_back(t)]
        if not pointers:
            return None
        candidates = self._candidates(doc)[False]
        pieces, last = [], 0
        for pointer in pointers:
            # its noun, or one before it that the parser made a modifier ("this phone" of "did this phone cost")
            for noun in (t for t in doc[pointer.i + 1 : pointer.head.i + 1] if t.pos_ == "NOUN"):
                if pointer.lower_ == "the":  # only a word or a name the last turn gave: "the network" -> "Somtel Network"
                    mention = self._term_answered(noun) or self._named_last(noun)
                    mention = mention if mention is not None and not _says(question, mention.text) else None
                else:
                    named = (m for m in candidates if _headed_by(m.text, noun))
                    mention = next((m for m in named if not _says(question, m.text)), None)
                    mention = mention or self._answered_as(noun) or self._place_answered_as(noun)
                if mention is not None:
                    # "a new phone" is "the new phone" once it has been mentioned
                    text = re.sub(r"^(?:a|an)\s", "the ", _as_inserted(mention.text, False), flags=re.IGNORECASE)
                    if mention.plural and noun.tag_ == "NN" and not _says(text, "one of"):
                        text = f"one of {text}"  # "that use" of "silicate glasses' primary uses" is one of them
                    pieces.append(question[last : pointer.idx] + text)
                    last = noun.idx + len(noun.text)
                    break
        return "".join(pieces) + question[last:] if pieces else None

    def _answered_as(self, noun: Token) -> Mention | None:
        """The last answer where the last question asked for one of `noun`: "that island" after "On which
        island is Alghero?" -> "Sardinia"."""
        last = self.turns[-1]
        asked = asked_phrase(parse(last.read_as)) if last.answer else None
        if asked is None or asked[-1].lemma_.lower() != noun.lemma_.lower():
            return None
        return answer_mention(parse(last.read_as), last.answer)

    def _term_answered(self, noun: Token) -> Mention | None:
        """The last answer as the word it is, for "the word" or "that term" after a question that asked for a
        name: "the word zeitgebers" after "What are the cues that reset the rhythms called?"."""
        last = self.turns[-1]
        if noun.lemma_.lower() not in WORD_NOUNS or not last.answer or not asks_a_name(parse(last.read_as)):
            return None
        return Mention(f"the {noun.text} {last.answer}", THING, plural=False, named=True)

    def _named_last(self, noun: Token) -> Mention | None:
        """A name the last turn gave, asked or answered, whose head is `noun`: "Somtel Network" for "the
        network" after "Which group acquired a majority stake in Somtel Network?"."""
        last = self.turns[-1]
        doc = parse(last.read_as)
        mentions = [answer_mention(doc, last.answer) if last.answer else None, *question_mentions(doc)]
        named = (m for m in mentions if m is not None and m.named)
        return next((m for m in named if parse(m.text)[:].root.lower_ == noun.lower_), None)

    def _place_answered_as(self, noun: Token) -> Mention | None:
        """The place the last turn answered "where" with, for "that area" or "that region": "near the banks of
        the Nile River" is "the area near the banks of the Nile River"."""
        last = self.turns[-1]
        wh = wh_token(parse(last.read_as)) if last.answer else None
        if wh is None or wh.lower_ != "where" or noun.lemma_.lower() not in PLACE_NOUNS | _SPOT_NOUNS:
            return None
        answer = parse(last.answer)
        if answer[0].pos_ == "ADP" or answer[0].lower_ in _LOCATING:
            return Mention(f"the {noun.text} {last.answer}", PLACE)
        return answer_mention(parse(last.read_as), last.answer)

    def _pronouns(self, question: str) -> str | None:
        doc = parse(question)
        pronouns = [
            t for t in doc
            if t.tag_ in ("PRP", "PRP$") and (t.lower_ in SINGULAR or t.lower_ in IT or t.lower_ in _THEY)
        ]
        if not pronouns:
            return None
        people = self._answered_people()
        candidates = {
            # a name that answered as a person is one wherever the small model labels it otherwise ("Léon
            # Scott", a thing in "When did Léon Scott patent the phonautograph?"), and never an "it"
            subject: [
                replace(m, kind=PERSON) if m.text in people else m
                for m in found if not _says(question, m.text) and not _named_again(doc, m)
            ]
            for subject, found in self._candidates(doc).items()
        }
        answered_last = self.turns[-1].answer
        if answered_last and _asks_for_more(doc, parse(self.turns[-1].read_as)):
            # "Which are still phasing them out?" after "Which countries have already prohibited incandescent
            # bulbs?": a bare "which" asks for more of what answered, which its pronouns do not stand for
            candidates = {k: [m for m in found if not _says(m.text, answered_last)] for k, found in candidates.items()}
        pieces, last = [], 0
        taken: dict[int, list[Mention]] = {}  # per verb, what its pronouns already stand for
        # within one question a referent is named once, its later pronouns read back to the name, and
        # pronouns of another person stand for something else: "he" and "her" are two people
        said_as: dict[str, str] = {}
        # and a possessive after a subject pronoun of its form is the subject's own: "How large was it at its peak?"
        subjects: dict[str, Mention] = {}
        answered = self._answered_genders()  # once per question, not once per candidate
        previous_verbs = {t.lemma_.lower() for t in parse(self.turns[-1].read_as) if t.pos_ == "VERB"}
        # after "Which temple is Kathmandu named after?", only what "its" owns is the name's: what a verb is done to
        # is the answer, as for a subject ("Who built it?" asks of the temple)
        inverted = _inverted_which(parse(self.turns[-1].read_as))
        for pronoun in pronouns:
            does_it = pronoun.lower_ == "it" and pronoun.dep_ == "dobj" and pronoun.head.lemma_ == "do"
            # (not where it owns what the last question asked about: "its arrival" after "Which railroad arrived in
            # 1839?" is the railroad's, though "the town" comes before it in "What did the town become with its arrival?")
            event = _names_event_of(pronoun, previous_verbs)
            if _in_clause_antecedent(pronoun, doc, self.genders) and not event or does_it:
                continue  # "did they do it?": "it" is what was done, not a thing named
            # a verb's subject and object are two things: "Why did it give it to Spain?", "When did he
            # serve under him?"
            verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
            others = [] if pronoun.tag_ == "PRP$" else taken.setdefault(verb.i, [])
            form = pronoun_form(pronoun.text)
            ranked = [
                m for m in candidates[_is_subject(pronoun) or inverted and pronoun.dep_ == "dobj"]
                if said_as.get(m.text, form) == form and m not in others and _may_own(pronoun, m)
            ]
            if form in (HE, SHE):  # not a person the documents or a title give the other gender, and a
                # name they give this one is a person, however labelled ("Victoria", read as a place)
                ranked = [
                    replace(m, kind=PERSON) if _starts_as_name(m.text) and self._gender(m.text, answered) == form else m
                    for m in ranked if m.kind != PERSON or self._gender(m.text, answered) in (None, form)
                    if not self.genders.is_group(m.text)  # "Beatles", whom the documents call "the Beatles"
                ]
                if not (pronoun.tag_ == "PRP$" and pronoun.head.lemma_.lower() in PERSON_NOUNS):
                    ranked = _relatives_first(ranked, self.turns[-1].read_as)
            elif pronoun.lower_ in IT:  # not a name the documents call "he" or "she", however it is labelled
                # ("Jedlik"), unless a group ("Destiny's Child", whose "she" after it is its singer's)
                ranked = [m for m in ranked if m.body or not (_starts_as_name(m.text) and self.genders.of(m.text))]
                term = self._name_answered() if pronoun.lower_ == "it" else None
                called = self._name_answered(called=True) if pronoun.head.lemma_.lower() in _WORDS_ARE else None
                if called is not None:
                    # "From what is it derived?" after "What was Kathmandu called ...?" -> "Kantipur": the name
                    ranked = [called] + [m for m in ranked if not _same_words(m.text, called.text)]
                if term is not None:  # "it" after "What are the waiting areas ... called?" -> "concourses": the term,
                    # one word however plural
                    said = re.sub(r"^the\s+", "", term.text, flags=re.IGNORECASE)
                    written = (said, f"the {said}")  # a name takes no "the" ("Grande Île")
                    ranked = [
                        replace(m, plural=False) if any(_same_words(m.text, w) for w in written) else m for m in ranked
                    ]
                if pronoun.tag_ == "PRP$":  # "its housing stock" after "How many raids was Hull subjected to?"
                    ranked = [replace(m, kind=PLACE) if self._placed_name(m) else m for m in ranked]
            if pronoun.lower_ == "it" and pronoun.dep_ == "nsubjpass":
                ranked = _done_to_first(ranked, parse(self.turns[-1].read_as))
            if pronoun.lower_ == "their" and ranked and ranked[0].body and not ranked[0].plural:
                # several things named own what "their" owns before one body that answered: "their work" after
                # "Who appointed five Aboriginal Protectors?" -> "The British Colonial Office" is the protectors'
                several = next((m for m in ranked if m.plural and not m.body and not m.named), None)
                ranked = [several] + [m for m in ranked if m is not several] if several is not None else ranked
            owned = _what_a_place_has(pronoun)
            if owned is not None:
                # "What is its capital?": a place's, though an organisation answered last ("East African
                # Community"); a country of a plural name is an "it" too ("the Marshall Islands"), or a "they"
                singular = pronoun.lower_ in ("its", "it")
                if owned in _OF_A_POLITY:
                    ranked = [m for m in ranked if m.text.split()[-1].lower() not in _NATURAL_FEATURES] or ranked
                places = [m for m in ranked if m.kind == PLACE and (singular or m.plural)]
                ranked = [replace(m, plural=m.plural and not singular) for m in places] or ranked
            if pronoun.lower_ == "it" and pronoun.dep_.startswith("nsubj") and _asks_where_it_is(doc):
                ranked = self._place_answered(ranked)
            if pronoun.lower_ == "it" and pronoun.dep_ == "nsubj" and _said_to_be_a_place(pronoun):
                # "Which département is it the capital of?" after "What is Strasbourg the official seat of?" -> "the
                # European Parliament": a capital is a place, which the documents may place ("in Melbourne", a thing to
                # the small model), and no country
                ranked = sorted(ranked, key=lambda m: (not self._a_city(m), m.kind != PLACE))
            if pronoun.lower_ == "it" and (pronoun.dep_ == "nsubj" and _happens(pronoun.head) or _during(pronoun)):
                # "Where did it take place?" after "Which revolt did the Empire struggle with ...?": the revolt;
                # "during it" after "When did a severe depression end Melbourne's boosterism?": the depression
                ranked = sorted(ranked, key=lambda m: not names_an_event(m.text))
            if pronoun.lower_ == "it" and pronoun.dep_ == "nsubj" and pronoun.head.pos_ in ("VERB", "AUX"):
                # an amount does nothing: "What did it lack?" after "What was the range of the needle gun?" -> "600 m";
                # nor is it what rises ("By how much was it up?" after "What did total capacity exceed?" -> "1,360 GW")
                ranked = [m for m in ranked if not _AMOUNT.match(m.text)]  # not "Nine Eyes", a name
                # and a name the documents say does it comes first: "How many regions does it consist of?" after "What
                # is the capital of Mali?" -> "Bamako" asks of Mali, which "consists of eight regions" (not a thing
                # described, "the company", which does most things)
                doing = pronoun.head.lemma_.lower()
                if ranked and not self.genders.writes_as_doing(ranked[0].text, doing):
                    ranked = sorted(ranked, key=lambda m: not (m.named and self.genders.writes_as_doing(m.text, doing)))
            if pronoun.lower_ == "it" and pronoun.dep_.startswith("nsubj") and asks_name(doc):
                # "What was it called?" asks the name of what was only described ("its first training facility"
                # after "When did the CIA establish its first training facility?"), not of what a name names
                ranked = sorted(ranked, key=lambda m: m.named)
            if pronoun.lower_ == "it" and _DISTANCE.search(question):
                # "How far is it from Dushanbe?" after "... did the Government of India rebuild the Ayni Air
                # Base?": a body of people ("Six Companies, Inc.") is nowhere, the base is somewhere
                ranked = sorted(ranked, key=lambda m: _names_a_body(m.text))
            if pronoun.lower_ == "it":
                # "What does it stand for?" asks of an abbreviation, whatever its label ("FASPS", a person to the
                # small model), before "a defect" the same question named
                spelled = [replace(m, kind=THING) for m in ranked if _abbreviation_asked(question, pronoun, m)]
                ranked = spelled + [m for m in ranked if m.text not in {s.text for s in spelled}]
            mention = subjects.get(form) if pronoun.tag_ == "PRP$" else None
            mention = mention or _said(pronoun, self.turns[-1]) or _each_other(pronoun, self.turns[-1])
            mention = mention or self._first_agreeing(pronoun.lower_, form, ranked)
            if mention is None and pronoun.lower_ in _THEY:  # else the one who answered "who" ("Mocama"), else
                # the name the last question was about, a team or a firm ("When did they win ...?" after "When was
                # Everton formed?")
                mention = self._two_parties(candidates[False]) or self._who_answered() or self._named_subject()
            if mention is None and pronoun.lower_ in SINGULAR:  # else a one-word name, whatever its label, a
                # place's too where the documents never put it where a place goes ("Josip", labelled a place);
                # else a longer name ("Heitaro Nakajima", a thing to the small model; "Bermúdez" before "Spanish Empire")
                by_length = sorted(ranked, key=lambda m: " " in m.text)
                mention = next((m for m in by_length if may_be_person(m) or self._unplaced_name(m)), None)
            if mention is None and pronoun.lower_ in IT:  # else a name the small model took for a person's, which
                # the documents never call "he" or "she" ("Spectre", a film); else the name last asked for, a
                # word ("Izz al-Arab")
                mention = next((m for m in ranked if m.kind == PERSON and m.named and not m.plural), None)
                mention = mention or self._name_answered()
            if mention is None:
                continue
            others.append(mention)
            if pronoun.dep_ in ("nsubj", "nsubjpass"):
                subjects.setdefault(form, mention)
            if mention.text in said_as:
                continue  # "Where did she meet her counterpart?" names her once, not twice
            said_as[mention.text] = form
            possessive = pronoun.tag_ == "PRP$" or pronoun.lower_ in _POSSESSIVE
            # a thing once mentioned is the thing: "When did it arrive?" after "A German frigate" -> "the German frigate"
            text = re.sub(r"^(?:a|an)\s", "the ", mention.text, flags=re.IGNORECASE)
            term = _TERM.match(text)
            if term is not None and not possessive and pronoun.head.lemma_.lower() not in _SAID_OF_WORDS:
                text = term.group(1)  # "celebrate it" after "the term Carnival" is Carnival; "use it", the term
            pieces.append(question[last : pronoun.idx] + _as_inserted(text, possessive, mention.plural))
            last = pronoun.idx + len(pronoun.text)
        return "".join(pieces) + question[last:] if pieces else None

    def _there(self, question: str) -> str | None:
        """"there" as the place the last turn answered with or named: "What did he take to go there?" after
        "Where did Popper go for a study visit?" -> "United Kingdom" reads "... to go to the United Kingdom?" (and
        "What does the air there do?" after "In which latitudes is the Sahara located?" -> "horse", "in the horse
        latitudes"); "in" where nothing moves ("What did he study there?"), "at" an institution. Not the "there" of
        "there is"."""
        doc = parse(question)
        # (or a noun's: "the air there")
        adverbs = (t for t in doc if t.lower_ == "there" and t.tag_ == "RB")
        there = next((t for t in adverbs if t.head.pos_ in ("VERB", "AUX") or t.dep_ == "advmod"), None)
        if there is None:
            return None
        last = self.turns[-1]
        asked = parse(last.read_as)
        wh = wh_token(asked)
        # the answer to "where", or to a which-question for a place ("In which latitudes is the Sahara located?")
        located = wh is not None and (wh.lower_ == "where" or _locates(asked))
        answered = None
        if last.answer and located:
            answered = answer_mention(asked, _with_asked_noun(asked, last.answer, self.genders))
        named = next((m for m in question_mentions(asked) if m.kind == PLACE and m.text not in question), None)
        place = answered or named
        if place is None:
            return None
        words = place.text.split()
        if words[0].lower() in _PLACE_PREPOSITIONS:
            words = words[1:]  # "in Vienna" answers "where" with its own preposition
        # "at" an institution: "What did he study there?" after "Trinity College, Cambridge"
        at = any(w.lower().strip(",") in INSTITUTION_NOUNS for w in words)
        preposition = "to" if there.head.lemma_.lower() in _MOTION_VERBS else "at" if at else "in"
        after = question[there.idx + len(there.text) :]
        return f"{question[: there.idx]}{preposition} {_as_inserted(' '.join(words), False)}{after}"

    def _place_answered(self, ranked: list[Mention]) -> list[Mention]:
        """`ranked` with the last answer first where it is a place: "On which coast is it?" after "Where did
        the company establish its first factory?" asks about the place, not the company; without the
        place it is in ("Royal Albert Hall in London", "the western German city of Munster"), which the
        question asks for."""
        last = self.turns[-1]
        answer = answer_mention(parse(last.read_as), last.answer) if last.answer else None
        if answer is None or answer.kind != PLACE or answer not in ranked:
            return ranked
        text = _PLACE_OF_A_NAME.sub(r"\1", _IN_A_NAMED_PLACE.sub(r"\1", answer.text))
        return [replace(answer, text=text)] + [m for m in ranked if m != answer]

    def _a_city(self, mention: Mention) -> bool:
        """Whether a mention may be a city: a place, or a name the documents write as one, and no country."""
        placed = mention.kind == PLACE or mention.named and self.genders.is_placed(mention.text, False)
        return placed and not is_country(mention.text)

    def _placed_name(self, mention: Mention) -> bool:
        """A one-word name labelled a person that the documents write where a place goes and never call "he"
        or "she" ("Hull" of "in the Hull Blitz"): a place, whose "its" a question may ask about. Not for "it":
        "When did it open?" after "Which college does Eton co-sponsor?" is the college, not Eton."""
        one_word = mention.kind == PERSON and not mention.plural and " " not in mention.text and mention.text.istitle()
        return one_word and self.genders.of(mention.text) is None and self.genders.is_placed(mention.text, False)

    def _unplaced_name(self, mention: Mention) -> bool:
        """A one-word name labelled a place that the documents never write after "in", "at", "to" ..., and no
        country ("Japan", written only as "Japan's")."""
        one_word = mention.named and not mention.plural and " " not in mention.text and mention.text.istitle()
        return one_word and mention.kind == PLACE and not self.genders.is_placed(mention.text) and not is_country(mention.text)

    def _gender(self, name: str, answered: dict[str, str]) -> str | None:
        """A name's gender as the documents or its title tell, else as the question it answered asked for
        (`answered`, see `_answered_genders`): "Louis VII of France" answering "Who was Eleanor's former
        husband?" is a "he"."""
        return self.genders.of(name) or answered.get(name)

    def _recent_answers(self) -> list[tuple[Doc, Mention]]:
        """The recent turns' questions as read, each with its answer as a mention, where it is one."""
        answered = ((parse(turn.read_as), turn.answer) for turn in self.turns[-TURNS_BACK:] if turn.answer)
        return [(doc, mention) for doc, answer in answered if (mention := answer_mention(doc, answer)) is not None]

    def _answered_genders(self) -> dict[str, str]:
        """The answers of recent turns whose question asked for a man or a woman ("husband", "Which king")."""
        found: dict[str, str] = {}
        for doc, answer in self._recent_answers():
            asked = defined_phrase(doc) or asked_phrase(doc)
            gender = by_title(asked.text) if asked is not None else None
            if gender is not None:
                found[answer.text] = gender
        return found

    def _answered_people(self) -> set[str]:
        """The names that answered recent turns as one person."""
        return {a.text for _, a in self._recent_answers() if a.kind == PERSON and a.named and not a.plural}

    def _who_answered(self) -> Mention | None:
        """The answer to the last question, where it asked "who"."""
        last = self.turns[-1]
        doc = parse(last.read_as)
        wh = wh_token(doc)
        if not last.answer or wh is None or wh.lower_ not in ("who", "whom"):
            return None
        return answer_mention(doc, last.answer)

    def _named_subject(self) -> Mention | None:
        """The name that is the last question's subject, as a "they" (British English says it of a club or a firm),
        where the last answer was a time or a number, no thing that "they" may have meant ("Burnside" for "Which
        rules ...?")."""
        last = self.turns[-1]
        doc = parse(last.read_as)
        answered = answer_mention(doc, last.answer) if last.answer else None
        if last.answer and (answered is None or answered.kind not in (TIME, NUMBER)):
            return None
        subject = next((t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN"), None)
        name = next((e for e in doc.ents if subject is not None and e.start <= subject.i < e.end), None)
        if name is None or name.label_ in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
            return None
        return Mention(name.text, THING, plural=True, named=True)

    def _first_agreeing(self, pronoun: str, form: str, ranked: list[Mention]) -> Mention | None:
        """The first candidate that agrees with the pronoun, or for "he" or "she" the one of a pair of that
        gender where the pair comes first ("he" after "Who joined online?" -> "Yasukazu Hamada and Christine
        Lambrecht" is Hamada, not the man an older turn named)."""
        for mention in ranked:
            if agrees(pronoun, mention):
                return _whole_title(mention, ranked) if pronoun in IT else mention
            one = self._one_of_a_pair(form, mention) if pronoun in SINGULAR else None
            if one is not None:
                return one
        return None

    def _one_of_a_pair(self, form: str, pair: Mention) -> Mention | None:
        """The one person of the gender asked for in a list of two people ("Yasukazu Hamada and Christine
        Lambrecht" for "he", where the documents say "Hamada ... his")."""
        if not (pair.kind == PERSON and pair.plural and pair.named):
            return None
        people = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", pair.text) if p.strip()]
        fitting = [p for p in people if self.genders.of(p) == form]
        if len(people) == 2 and len(fitting) == 1:
            return Mention(fitting[0], PERSON, plural=False, named=True)
        return None

    def _name_answered(self, called: bool = False) -> Mention | None:
        """The answer to the last question, where it asked for a name: "What does it translate to?"
        after "What is the name of Nasser's brother?" -> "Izz al-Arab" means the name. `called`: only where it
        asked what something is called ("What was Kathmandu sometimes called during medieval times?"), not
        what a name means."""
        last = self.turns[-1]
        doc = parse(last.read_as)
        if not last.answer or not (asks_name(doc) or called_then(doc) if called else asks_a_name(doc)):
            return None
        return Mention(last.answer, THING, plural=False, named=True)

    def _two_parties(self, candidates: list[Mention]) -> Mention | None:
        """'They' with no group to stand for: the two most recent people (or else places) named apart; a
        name the documents call "he" or "she" is a person, however labelled ("West"; not a title, "Earl of
        Snowdon", which answered what he was created)."""
        people = [
            replace(m, kind=PERSON) if m.named and not by_title(m.text) and self.genders.of(m.text) else m
            for m in candidates
        ]
        for kind in (PERSON, PLACE):
            names = list(dict.fromkeys(m.text for m in people if m.kind == kind and not m.plural))
            if len(names) >= 2:
                return Mention(f"{names[0]} and {names[1]}", kind, plural=True, named=True)
        return None

    def _ellipsis(self, question: str, previous: ChatTurn) -> str | None:
        """'Why?' or 'And Germany?': the previous question as read, with a new question word or name."""
        # "When?" after "What else happened in Munster?" asks when what happened there happened, no "else"
        previous = replace(previous, read_as=_ELSE_INSIDE.sub(r"\1", previous.read_as))
        lone = _LONE_WH.match(question)
        if lone and _asks_a_phrase(lone.group(1)):
            first, *more = lone.group(1).split()
            word = " ".join([first.lower(), *more])  # "which German city", as typed after its first word
            answer = previous.answer
            if answer is not None and _ASKS_TIME.search(word):
                # "Since when?" after "pirates as early as 1603": the time the reader ran on into is what is asked now
                answer = _TRAILING_TIME.sub("", answer) or answer
            if answer is not None and word == "how":  # and so is the means, for "How?"
                answer = _TRAILING_MEANS.sub("", answer) or answer
            preposition = first.lower()
            if answer is not None and preposition in _PREPOSITIONS and f" {preposition} " in answer:
                # and so is a phrase of the preposition asked with: "Into what?" after "territories of ... into
                # German and Soviet spheres of influence"
                answer = answer[: answer.index(f" {preposition} ")]
            return _with_question_word(parse(previous.read_as), word, answer)
        lead = _ELLIPSIS_LEAD.match(question)
        if not lead:
            return None
        rest = question[lead.end() :].strip().rstrip("?").strip()
        asked = wh_token(parse(previous.read_as))
        first = rest.split(maxsplit=1)
        if asked is not None and len(first) == 2 and first[0].lower() == asked.lower_:
            rest = first[1]  # "And why the North Siders?" after "Why are the Cubs called the Lovable Losers?"
        doc = parse(rest)
        # (a capitalised word before a name is in it: "Turing" of "Turing Awards", tagged a verb)
        verbs = [
            t for t in doc if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound")
            and not (t.text[:1].isupper() and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN")
        ]
        if not rest or verbs or any(t.lower_ in WH for t in doc):
            return None  # "And what did that make clear?" is a question of its own ("Turing Award winners" is not)
        name = re.sub(r"(?:'s|')$", "", rest).strip()
        if not name:
            return None
        new = parse(name)
        prev = parse(previous.read_as)
        relative = _relative(new, prev)
        if relative is not None:  # "And his father's?" after "What was Bell's mother's name?": Bell's father
            end = relative.idx + len(relative.text)
            return previous.read_as[: relative.idx] + new[:].root.text + previous.read_as[end:]
        owner = _possessor(prev) if name != rest else None
        if owner is not None:  # "And the Broncos'?" after "What was the Panthers' record?": the owner swaps
            return previous.read_as[: owner.start_char] + name + previous.read_as[owner.end_char :]
        old = _owned_phrase(prev) if len(new) > 1 and new[0].tag_ == "PRP$" else None
        if old is not None:  # "And its interior?" after "What is Neptune's atmosphere composed of?": the same owner's
            owner = _possessor(prev)
            return previous.read_as[: prev[owner.end].idx + len(prev[owner.end].text)] + " " + new[1:].text + (
                previous.read_as[old.end_char :]
            )
        owned, old = (_owned_phrase(new), _owned_phrase(prev)) if name == rest else (None, None)
        if owned is not None and old is not None and owned.end_char == len(name):
            # "And Germany's defense minister?" after "Who is Japan's prime minister?": the whole phrase swaps
            return previous.read_as[: old.start_char] + name[owned.start_char :] + previous.read_as[old.end_char :]
        degree = _superlative(new)
        old_degree = _superlative(prev) if degree is not None else None
        if old_degree is not None and all(t.pos_ == "DET" or t in degree or t.ent_type_ == "ORDINAL" for t in new):
            # "And the oldest?" after "When did Bermuda become the most populous British Overseas Territory?"; "And
            # the second largest?" after "What is the largest order of mammals?" -> "the second largest order ..."
            ranked = new[next(t.i for t in new if t.pos_ != "DET") :]
            return previous.read_as[: old_degree.start_char] + ranked.text + previous.read_as[old_degree.end_char :]
        described = new[:].root.pos_ == "ADJ" and not any(t.pos_ in ("NOUN", "PROPN") for t in new)
        predicate = _predicate(prev) if described else None
        if predicate is not None:  # "And too modest?" after "... thought the goal was about right?"
            return previous.read_as[: predicate.start_char] + name + previous.read_as[predicate.end_char :]
        swapped = _phrase_swapped(prev, new) if len(new) > 1 and new[0].pos_ == "ADP" else None
        if swapped is not None:
            end = swapped.right_edge
            return previous.read_as[: swapped.idx] + name + previous.read_as[end.idx + len(end.text) :]
        # a name of the same label swaps in, an adjective included: "And the German one?" after
        # "Who is the Japanese defense minister?" -> "Who is the German defense minister?"
        # of several, the one in the same place: "And the British colonies?" swaps "French" in "the
        # French colonies", not "European" in "European settlers"
        pairs = [
            (n, e) for n in new.ents for e in prev.ents
            if e.label_ == n.label_ and e.text != n.text and is_plural(e) == is_plural(n)
        ]
        pair = min(pairs, key=lambda p: p[0].root.head.lemma_ != p[1].root.head.lemma_, default=None)
        if pair is not None:  # with its adjectives: "And to Iceland?" after "... to northwestern Russia?"
            name_ent, old_ent = pair
            start = _modified(old_ent)
            before = next((t for t in reversed(prev) if t.idx + len(t.text) <= start), None)
            unplaced = _A_TIME_APART.match(name) is not None  # "a year later" takes no "in"
            if (new[0].pos_ == "ADP" or unplaced) and before is not None and before.pos_ == "ADP":
                # "And from 1927 to 1929?" after "... develop in 1926?": the whole phrase, its preposition too;
                # "And a year later?" after "Who occupied Estonia in 1940?" -> "... occupied Estonia a year later?"
                return previous.read_as[: before.idx] + name + previous.read_as[old_ent.end_char :]
            name_text = name[_modified(name_ent) : name_ent.end_char]
            if re.search(r"\bthe\s+$", previous.read_as[:start], re.IGNORECASE):
                name_text = re.sub(r"^the\s+", "", name_text, flags=re.IGNORECASE)  # one "the", not "the the"
            return previous.read_as[:start] + name_text + previous.read_as[old_ent.end_char :]
        described = _described_again(prev, new)
        if described is not None:  # "And the southern one?" after "... marks the northern limit?": the southern limit
            return previous.read_as[: described[0]] + described[2] + previous.read_as[described[1] :]
        counted = next((c for c in map(counted_phrase, prev.noun_chunks) if c is not None), None)
        # a name's plural the tagger reads as a singular name ("Turing Awards" after "How many Nobel Prizes ...?")
        named_plural = counted is not None and all(
            t[-1].text[:1].isupper() and t[-1].text.endswith("s") for t in (new, counted)
        )
        if counted is not None and (is_plural(new[:]) or named_plural):
            # "And Fields Medalists?" after "How many Nobel laureates ...?" counts something else; after
            # "How many chloroplasts per cell can algae have?", "And plants like wheat?" asks of other owners
            # (owners written as the new phrase is: not "IBM's employees" for "And Turing Awards?")
            owners = (
                c for c in prev.noun_chunks
                if c.root.dep_ in ("nsubj", "nsubjpass") and counted_phrase(c) is None and is_plural(c)
                and not any(t.lower_ in WH for t in c) and not (named_plural and not c.root.text[:1].isupper())
            )
            swapped = next(owners, counted)
            return previous.read_as[: swapped.start_char] + name + previous.read_as[swapped.end_char :]
        # "And in health-related fields?": a phrase under a preposition takes the old one's place, preposition and all
        lead = len(new) > 1 and new[0].pos_ == "ADP"
        core = new[1:] if lead else new[:]
        kind = kind_of_span(core)  # its head's: "the average for the third quarter" is no date
        # a phrase of the kind, of the same number first ("And arcs of volcanoes?" after "What were mid-ocean
        # ridges explained as?", "And in health-related fields?" after "... in the Imperial household?")
        plural = is_plural(core)
        mentions = question_mentions(prev)
        kin = [m for m in mentions if m.kind == kind and m.text != name]
        target = min(kin, key=lambda m: m.plural != plural, default=None)
        names = [m for m in mentions if _A_NAME.fullmatch(m.text) and m.text != name]
        if target is None and _A_NAME.fullmatch(name) and len(names) == 1:
            # a name for the one name asked about, whatever the small model labels either ("And Bristol?", an
            # organisation to it, after "How many times was London attacked?")
            target = names[0]
        unnamed = [m for m in mentions if not m.named and m.plural == plural and m.text != name]
        if target is None and not _A_NAME.fullmatch(name) and len(unnamed) == 1:
            # a thing for the one thing of its number asked about, whatever their kinds ("And the discs?" after
            # "Who produced the players?", the players a person's noun to the rules)
            target = unnamed[0]
        found = re.search(rf"\b{re.escape(target.text)}\b", previous.read_as) if target is not None else None
        if found is None:
            return None
        start, end = found.start(), found.end()
        before = next((t for t in reversed(prev) if t.idx + len(t.text) <= start), None)
        if lead and before is not None and before.pos_ == "ADP":
            start = before.idx
        elif lead:  # a phrase under a preposition takes no subject's or object's place: it is added ("And in
            # World War II?" after "What were mechanical analog computers later used for?")
            return re.sub(r"\s*\?*$", f" {name}?", previous.read_as, count=1)
        share = _SHARE_OF.search(previous.read_as[:start])
        if share is not None and _A_SHARE.match(name):
            start = share.start()  # "And many others?" after "What religion do most of Kathmandu's people follow?"
        after = next((t for t in prev if t.idx >= end), None)
        if re.search(r"\sof\s", name) and after is not None and after.lower_ == "of" and after.idx - end <= 1:
            # a phrase with its own "of" takes the old one's with it: "And the end of the Republic?" after "When is the
            # overthrow of the Roman Kingdom traditionally dated?"
            end = after.right_edge.idx + len(after.right_edge.text)
        return previous.read_as[:start] + name + previous.read_as[end:]


# a share of a group ("most of Kathmandu's people"), and a phrase that names another share ("many others")
_SHARE_OF = re.compile(r"\b(?:most|many|some|all|few|half|much|none|each)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_A_SHARE = re.compile(r"^(?:the\s+)?(?:most|many|some|all|few|half|much|none|each|others?)\b", re.IGNORECASE)


# words that place a name within a larger one; the small parser reads "northwestern" as a verb


def _described_again(previous: Doc, new: Doc) -> tuple[int, int, str] | None:
    """For "the southern one" (adjectives and "one"): the start and end of the adjectives of the last phrase
    in `previous` that has some, and the new adjectives to put there ("the northern limit" -> "the southern
    limit"); None for any other phrase."""
    adjectives = [t for t in new[:-1] if t.pos_ == "ADJ"]
    if new[-1].lower_ not in ("one", "ones") or not adjectives or any(t.pos_ not in ("DET", "ADJ") for t in new[:-1]):
        return None
    described = [
        [t for t in chunk if t.dep_ == "amod" and t.head == chunk.root and t.pos_ == "ADJ"]
        for chunk in previous.noun_chunks if not any(t.lower_ in WH for t in chunk)
    ]
    old = next((found for found in reversed(described) if found), None)
    if old is None:
        return None
    return old[0].idx, old[-1].idx + len(old[-1].text), " ".join(t.text for t in adjectives)


def _modified(name: Span) -> int:
    """Where a name starts with the adjectives right before it that modify it ("northwestern Russia")."""
    start = name.start
    while start > 0 and (
        (name.doc[start - 1].dep_ == "amod" and name.doc[start - 1].head in name)
        or PLACING.fullmatch(name.doc[start - 1].text)
    ):
        start -= 1
    return name.doc[start].idx


def _asks_a_phrase(words: str) -> bool:
    """Whether a question word's phrase asks nothing of its own: "why", "in which country", not
    "what releases them" or "what happened", whose verb makes a question that stands alone."""
    doc = parse(words)
    # the word after "which" is its noun, however tagged alone ("which churches" as a verb)
    nouns = {t.i + 1 for t in doc if t.lower_ == "which"}
    # "according" of "according to whom" is a preposition's, however tagged, and so is "following" before a
    # question word ("Following what?")
    prepositions = ("according", "following")
    asking = [t for t in doc if t.lower_ not in WH and t.i not in nouns and t.lower_ not in prepositions]
    return not any(t.pos_ in ("VERB", "AUX", "PRON") for t in asking)


def _with_question_word(previous: Doc, word: str, answer: str | None) -> str:
    """The previous question asking `word` instead: "When did they meet?" -> "Why did they meet?".

    Where the previous question word was its subject ("Which country sent jets?"), its answer takes
    that place: "Why did Germany send jets?"."""
    wh = wh_token(previous)
    if wh is None:
        return f"{_upper_first(word)} {previous.text}"
    # "which battle", "how many troops", "whose supervision": the question word with its noun
    owner = wh.lower_ == "whose" and wh.dep_ == "poss"
    # "What did the Estonian SSR issue in 1988?", its verb read as a noun whose determiner "What" is: "What" alone
    # is the question phrase, and the verb's object
    misread = wh.dep_ == "det" and wh.i + 1 < len(previous) and previous[wh.i + 1].lemma_ == "do" and wh.head.i > wh.i + 1
    phrase_end = (
        wh.head.i + 1 if (wh.dep_ == "det" and not misread) or owner or wh.head.lower_ in ("many", "much") else wh.i + 1
    )
    if wh.lower_ in ("which", "what") and wh.i + 1 < len(previous) and previous[wh.i + 1].pos_ == "NOUN":
        phrase_end = max(phrase_end, wh.i + 2)  # "In which battle", however "which" is parsed
    after = next((c for c in previous.noun_chunks if c.start == wh.i + 1 and c.root.pos_ == "NOUN"), None)
    if wh.lower_ in ("which", "what") and after is not None:
        phrase_end = max(phrase_end, after.end)  # "Which Spanish explorer", "which" parsed apart from its phrase
    kind = previous[phrase_end - 1] if wh.lower_ in ("which", "what") and phrase_end > wh.i + 1 else None
    if kind is not None and kind.lemma_.lower() in KIND_NOUNS:
        phrase_end = with_of_phrase(previous, phrase_end, kind)  # "What kind of climate": the kind and its noun
    if wh.i + 1 < len(previous) and previous[wh.i + 1].lower_ in ("many", "much", "long", "often", "far"):
        phrase_end = max(phrase_end, wh.i + 2)
        chunk = next((c for c in previous.noun_chunks if c.start <= wh.i + 1 < c.end), None)
        if chunk is not None and previous[wh.i + 1].lower_ in ("many", "much"):
            phrase_end = max(phrase_end, chunk.end)  # "How many U.S. troops", the name inside it too
            phrase_end = with_of_phrase(previous, phrase_end, chunk.root)  # "How many pairs of legs": all of it
        elif phrase_end < len(previous) and previous[phrase_end].pos_ == "NOUN":
            phrase_end += 1
        elif phrase_end < len(previous) and previous[phrase_end].lower_ in ("back", "ago", "away"):
            phrase_end += 1  # "How far back", "How long ago": one question phrase
    # its preposition, however parsed ("With whom", its "With" read as a conjunction)
    fronted = wh.i > 0 and (previous[wh.i - 1].dep_ == "prep" or previous[wh.i - 1].pos_ in ("ADP", "SCONJ"))
    start = wh.i - 1 if fronted else wh.i
    if fronted and start > 0 and previous[start - 1].lower_ == "according":
        start -= 1  # "According to whom": one preposition of two words
    phrase = previous[start:phrase_end]
    rest = previous[phrase_end:]
    counting = word.lower() in ("how many", "how much")
    how_many = wh.lower_ == "how" and wh.i + 1 < len(previous) and previous[wh.i + 1].lower_ in ("many", "much")
    # "How much has Madonna earned ...?" asks for an object as "How much did ..." does; "Which countries have
    # signed ...?" for a subject
    counted_object = how_many and len(rest) > 2 and rest[0].lower_ in ("has", "have", "had")
    counted_object = counted_object and rest[1].pos_ not in ("VERB", "AUX")
    asked_a_phrase = (wh.lower_ in ("which", "what") or how_many) and len(phrase) > 1 and start == wh.i
    words = word.split()
    another = len(words) > 1 and words[0] in ("which", "what") or len(words) > 2 and words[0] == "how"
    if asked_a_phrase and not counting and another:
        # "And which broadcast networks?" after "Which film studio does Comcast operate?" asks for another
        # one: "Which broadcast networks does Comcast operate?"; so do "And how many acres?" and "And which
        # aircraft?" after "Which ship is Southampton associated with?"
        return f"{_upper_first(word)} {rest.text}"
    # "Which country does not celebrate Carnival?" asks for its subject: "does" runs on into "not" or the verb
    subject_asked = len(rest) > 1 and (rest[1].lower_ in ("not", "n't") or rest[1].pos_ == "VERB")
    if len(rest) > 1 and (rest[0].lower_ in ("do", "does", "did") and not subject_asked or counted_object) and answer:
        if wh.lower_ == "what" and len(phrase) == 1 and rest[-2].lemma_ == "do" and rest[-2].i > rest[0].i:
            done = _did(answer)  # "What did the frigate do?" -> "made a port call": "When did the frigate make ...?"
            if done is not None:
                return f"{_upper_first(word)} {previous[phrase_end : rest[-2].i].text} {done}{rest[-1].text}"
        if asked_a_phrase:
            # "Which jets did Germany send to Japan?" asked for an object, however parsed: "How many jets did
            # Germany send to Japan?", "When did Germany send the Eurofighter jets to Japan?"; after "How
            # many jets ...?" -> "three", "When did Germany send three jets to Japan?"
            nouns = previous[wh.i + (2 if how_many else 1) : phrase_end]
            noun = nouns.text
            if counting:
                return f"{_upper_first(word)} {noun} {rest.text}"
            # the answer goes after the verb whose object the question phrase was ("Which war did Nasser
            # launch to regain lost territory?" -> "... launch the War of Attrition to regain ..."), else the last
            head = phrase.root.head  # the object's head is its verb, however tagged ("launch" as a noun)
            verbs = [t for t in reversed(rest) if t.pos_ == "VERB" and t.i > rest[0].i and t.dep_ != "amod"]
            verb = head if phrase.root.dep_ == "dobj" and head.i > rest[0].i else next(iter(verbs), None)
            if verb is None:  # a verb the tagger misread ("open" of "What store did Ray West open ...?", an adjective),
                # the last of the words so misread ("launch" of "... did the French military launch ...?", a noun)
                misread = {t.i for t in rest[1:] if t.text.islower() and t.pos_ in ("NOUN", "ADJ")}
                verb = previous[min(misread)] if misread else None
                while verb is not None and verb.i + 1 in misread:
                    verb = previous[verb.i + 1]
            # a preposition left without its object, the question phrase ("Which country did the empire ally with
            # in the early 20th century?"): the answer goes after it
            stranded = _stranded(previous, wh)
            verb = stranded if stranded is not None and not (verb is not None and verb.i > stranded.i) else verb
            if verb is not None:
                verb = _with_particle(verb)  # "set up", "give back": the answer after the particle
                at = verb.idx + len(verb.text)
                inserted = _with_its_noun(answer, nouns) if how_many or _modifies(answer) else _as_inserted(answer, False)
                return f"{_upper_first(word)} {previous.text[rest.start_char : at]} {inserted}{previous.text[at:]}"
    # "whom" is an object, however parsed ("Whom did Napoleon declare King of Spain?" with "Whom" a subject)
    # "Which Spanish explorer sighted ...?": the phrase's own head, where "which" was parsed apart from it
    asked_head = [after.root] if after is not None and after.end <= phrase_end and start == wh.i else []
    heads = (phrase.root, wh, *asked_head)
    # (not a lone question word the parser made the subject of an auxiliary: "What have personal videoconferencing
    # systems become ...?" asks what they became)
    of_auxiliary = len(phrase) == 1 and wh.dep_ == "nsubj" and wh.head.dep_ in ("aux", "auxpass")
    of_auxiliary = of_auxiliary and wh.head.head.i > wh.head.i
    subject = any(t.dep_ in ("nsubj", "nsubjpass") for t in heads) and wh.lower_ != "whom" and not of_auxiliary
    # adverbs before the verb stay before it: "Who first suggested ...?" -> "When did X first suggest ...?"
    adverbs = next((k for k, t in enumerate(rest) if t.pos_ != "ADV"), len(rest))
    if subject and answer and adverbs < len(rest) and rest[adverbs].pos_ in ("VERB", "AUX"):
        verb = rest[adverbs]
        before, tail = rest[:adverbs].text, rest[adverbs + 1 :].text
        # a count goes in with what it counted: "How many people speak Afrikaans?" -> "at least 16 million people"
        inserted = _with_its_noun(answer, previous[wh.i + 2 : phrase_end]) if how_many else _as_inserted(answer, False)
        if verb.pos_ == "AUX":  # "Which country is poised ..." -> "Why is North Korea poised ..."
            return " ".join(f"{_upper_first(word)} {verb.text} {inserted} {before} {tail}".split())
        # a past form the tagger read as a present one ("decreed" of "Which president decreed ...?") is past
        past = verb.tag_ == "VBD" or _untagged_past(verb) is not None
        aux = "did" if past else "does" if verb.tag_ == "VBZ" else "do"
        text = f"{_upper_first(word)} {aux} {inserted} {before} {_base_form(verb)} {tail}"
        return " ".join(text.split())
    verb = phrase.root.head
    # a verb tagged otherwise that has the question word for its object is one ("own" of "What did they own?", an adjective)
    verbal = verb.pos_ == "VERB" or verb.dep_ == "ROOT" and phrase.root.dep_ == "dobj"
    last_verb = verbal and verb.i >= phrase_end and not any(t.pos_ == "VERB" for t in previous[verb.i + 1 :])
    at = None  # where the answer goes in, in the old question word's place
    object_person = wh.lower_ == "whom" or wh.lower_ == "who" and wh.dep_ == "dobj"
    # "What did Ancient Egyptians use copper for?": the object of its last preposition, however parsed
    stranded = _stranded(previous, wh) is not None
    # the verb whose object the question word was, where the answer may take its place
    one_word = answer and len(phrase) == 1 and not (counting or stranded)
    gap = _object_gap(previous, phrase.root, last_verb) if one_word else None
    if misread and answer and not counting:
        at = wh.head.idx + len(wh.head.text)  # "During which event did the Estonian SSR issue X in 1988?"
    elif gap is not None:
        # "What did he reform?" -> "the curriculum" -> "When?": the answer takes the object's place,
        # "When did he reform the curriculum?"
        verb = gap
        end = _with_particle(verb)
        # "What did family members call Madonna?" -> "Little Nonni": the answer after the verb's other object
        other = next((t for t in previous[end.i + 1 :] if t.head == verb and t.dep_ in ("dobj", "oprd")), None)
        end = other.right_edge if other is not None else end
        at = end.idx + len(end.text)
    elif object_person and answer and len(phrase) == 1 and (main := _main_verb(previous, wh)) is not None:
        at = main.idx + len(main.text)  # "When?" after "Whom did Napoleon declare King of Spain?" -> "... declare Joseph King ..."
    elif (end := _stranded(previous, wh)) is not None and answer and len(phrase) == 1 and not counting:
        at = end.idx + len(end.text)  # "What is Japan concerned about?" -> "Why is Japan concerned about X?"
    elif answer and (of_auxiliary or len(phrase) == 1 and wh.dep_ == "attr" and wh.head.pos_ == "VERB"):
        # "... become affordable for the general public?", "Why did the city become a port in 1900?"
        end = _with_particle(wh.head.head if of_auxiliary else wh.head)
        at = end.idx + len(end.text)
    elif wh.dep_ == "attr" and wh.head.lemma_ == "be" and answer and len(answer.split()) <= 6 and len(phrase) == 1:
        # "Why?" after "What are the Doctor's companions usually?" -> "humans": "... usually humans?"
        # but a name answering "Who was ...?" is the subject: "In which by-election?" after "Who was the first
        # Lib-Lab candidate to stand?" -> "... was George Odger the first Lib-Lab candidate to stand?"
        named = wh.lower_ == "who" and _starts_as_name(answer)
        end = wh.head if named else [t for t in previous if not t.is_punct][-1]
        at = end.idx + len(end.text) if named or end.i > wh.head.i + 1 else None
    if at is not None:
        text = f"{previous[:start].text} {word} {previous.text[rest.start_char : at]} {_as_object(answer)}"
        return _upper_first(text.strip() + previous.text[at:])
    numbered = next((c for c in rest.noun_chunks if c[0].pos_ == "NUM" and len(c) > 1), None) if counting else None
    if numbered is not None and len(phrase) == 1:
        # "How many?" after "When did Germany send three Eurofighter jets?": the jets are counted
        word = f"{word} {numbered[1:].text}"
        rest_text = (previous.text[rest.start_char : numbered.start_char] + previous.text[numbered.end_char :]).strip()
        return _upper_first(" ".join(f"{previous[:start].text} {word} {rest_text}".split()).replace(" ?", "?"))
    if counting and len(phrase) == 1 and answer:
        word = f"{word} {_counted(answer)}".strip()  # "How many?" after "What did Germany send?" -> three jets
    text = (previous[:start].text + " " + word + " " + rest.text).strip()
    a_person_kept = wh.lower_ in ("who", "whom", "whose") and word.split()[0].lower() != previous[start].lower_
    if start < wh.i and answer and len(answer.split()) <= 6 and (a_person_kept or parse(word)[0].pos_ != "ADP"):
        # "Why?" after "In what language were the classes held?" -> "German": "... held in German?"; "In which
        # year?" after "With whom did Albert play at Wimbledon?" -> "... at Wimbledon with Louis Greig?", and
        # after "Under whose supervision ...?" -> "... under Karl Bühler's supervision?"
        end = len(text.rstrip("?!. "))
        owned = answer
        if owner:  # "the Senate's" answers "By whose vote ...?" as "Karl Bühler" does
            bare = re.sub(r"(?:['\u2019]s|['\u2019])$", "", answer)
            owned = f"{_as_inserted(bare, True)} {previous[wh.i + 1 : phrase_end].text}"
        text = f"{text[:end]} {previous[start : wh.i].text.lower()} {owned}{text[end:]}"
    elif answer and word.lower().startswith("instead of"):
        # "Instead of what?" asks for what the answer stands in place of: "Instead of what do some viruses store
        # their genome in RNA?" after "Where do some viruses store their genome?" -> "in RNA"
        placed = answer if wh.lower_ != "where" or parse(answer)[0].pos_ == "ADP" else f"in {answer}"
        end = len(text.rstrip("?!. "))
        text = f"{text[:end]} {_as_inserted(placed, False)}{text[end:]}"
    return _upper_first(text)


# a time told from another, which takes no preposition: "a year later", "two days earlier", "the next year"
_A_TIME_APART = re.compile(
    r"^(?:.+\s(?:later|earlier|ago|afterwards?)|(?:the\s+)?(?:next|following|previous)\s+\w+)$", re.IGNORECASE
)
# an amount, however the small model labels it: "only 600 m", "about 4,000", "$70 million"
_AMOUNT = re.compile(
    r"^(?:the\s+)?(?:(?:only|about|around|some|nearly|almost|over|more than|less than)\s+)?[$£€]?\d", re.IGNORECASE
)
# "the term Carnival": the word, where what is done to it is done to words; else what it names
_TERM = re.compile(r"^the\s+(?:term|word|name)\s+(\S.*)$", re.IGNORECASE)
# what only a word is: derived, meant, spelled
_WORDS_ARE = frozenset("derive mean spell pronounce translate coin".split())
_SAID_OF_WORDS = frozenset(
    "use mean spell write pronounce call say derive come translate coin suggest propose choose".split()
)
_WHICH_ONE = re.compile(r"^\s*(?:(?:and|but|so)\s+)?(which|what)\s+(ones?)\b", re.IGNORECASE)


def _shares_a_word(question: Doc, other: Doc) -> bool:
    """Whether two questions share a noun, name or verb (by lemma; "triggers it" and "triggers of asthma" do)."""
    def words(doc: Doc) -> set[str]:
        return {t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "PROPN", "VERB") and not t.is_stop}
    return bool(words(question) & words(other))


def _asks_for_more(question: Doc, previous: Doc) -> bool:
    """Whether a question's subject is a bare "which" ("Which are ...?") after a question for a which-phrase."""
    which = next((t for t in question if t.lower_ == "which"), None)
    # (a verb right after it, not a noun the tagger may take for one: "Which consoles ...?", "Which of his books ...?")
    after = question[which.i + 1] if which is not None and which.i + 1 < len(question) else None
    bare = after is not None and (after.pos_ == "AUX" or after.tag_ in ("VBD", "VBN", "MD"))
    asked = asked_phrase(previous)
    return bare and asked is not None and asked[0].lower_ == "which"


def _one_named(question: str, previous: str) -> str:
    """"Which one occupies ...?" after "Which town blocks ...?": "Which town occupies ...?", the noun the last
    question asked for in its "one"'s place ("ones" for a plural; "What kind" names no noun). Any other
    "ones" is the last question's first plural noun: "What do busy ones have?" after "What do most of the
    world's airports lack?" asks about busy airports."""
    one = _WHICH_ONE.match(question)
    asked = asked_phrase(parse(previous)) if one is not None else None
    if asked is not None and asked[-1].lemma_.lower() not in KIND_NOUNS:
        if is_plural(asked[1:]) == (one.group(2).lower() == "ones"):
            return f"{question[: one.end(1)]} {asked[1:].text}{question[one.end() :]}"
    ones = re.search(r"\bones\b", question, re.IGNORECASE)
    if ones is None:
        return question
    doc = parse(previous)
    noun = next((t for t in doc if t.tag_ == "NNS" and t.text.islower() and t.dep_ != "compound"), None)
    return question if noun is None else f"{question[: ones.start()]}{noun.text}{question[ones.end() :]}"


def _without_lead(question: str) -> str:
    """A question of its own without the "And" or "But" it opens with ("And how do idealists represent it?")."""
    lead = re.match(r"^\s*(?:and|but|so)\s+", question, re.IGNORECASE)
    rest = question[lead.end() :] if lead is not None else ""
    if not rest or not any(t.pos_ in ("VERB", "AUX") for t in parse(rest)):
        return question
    return _upper_first(rest)


_DO_IT = re.compile(r"\b(did|does|do)\s+(\S.*?)\s+do\s+(?:it|so|this|that)\b", re.IGNORECASE)


def _done(question: str, previous: ChatTurn) -> str | None:
    """"How did he do it?" after "Who revived idealism in 18th-century Europe?": what was done, as the last
    question said it ("How did he revive idealism in 18th-century Europe?"), with the answer where the
    question asked for the verb's object ("Why do they do it?" after "What do capitalist firms substitute
    for labor inputs?" -> "capital equipment": "Why do they substitute capital equipment for labor inputs?")."""
    do_it = _DO_IT.search(question)
    if do_it is None:
        return None
    doc = parse(previous.read_as)
    verb = next((t for t in doc if t.dep_ == "ROOT" and t.pos_ == "VERB" and t.lemma_ != "do"), None)
    if verb is None:
        return None
    wh = wh_token(doc)
    asked_object = wh is not None and wh.head == verb and wh.dep_ == "dobj" and previous.answer
    # with the adverbs right before it ("formally declared an end to ...")
    first = verb.i
    while first > 0 and doc[first - 1].dep_ == "advmod" and doc[first - 1].head == verb and doc[first - 1].lower_ not in WH:
        first -= 1
    done = " ".join([*(t.text for t in doc[first : verb.i]), _base_form(verb)])
    done += f" {_as_object(previous.answer)}" if asked_object else ""
    done = (done + previous.read_as[verb.idx + len(verb.text) :]).rstrip(" ?!.")
    return f"{question[: do_it.start(2)]}{do_it.group(2)} {done}{question[do_it.end() :]}"


def _names_a_body(text: str) -> bool:
    """Whether a name has a word for a body of people in it, singular or plural ("Six Companies, Inc.")."""
    words = re.findall(r"[a-z]+", text.lower())
    return any(w in _BODIES or w.removesuffix("s") in _BODIES or w.removesuffix("ies") + "y" in _BODIES for w in words)


def _inverted_which(question: Doc) -> bool:
    """"Which county is Detroit the seat of?": a "which" phrase parsed as the subject of "be" with a name after
    it, which is what the question is about."""
    wh = wh_token(question)
    if wh is None or wh.lower_ != "which" or wh.dep_ != "det" or wh.head.dep_ != "nsubj" or wh.head.head.lemma_ != "be":
        return False
    return any(t.dep_ == "attr" and t.pos_ == "PROPN" and t.head == wh.head.head for t in question)


def _as_what(question: Doc) -> bool:
    """"What did he establish himself as?", "What did she serve as?": the answer is what the subject was, a
    role, and the subject stays the topic ("Who was his son?" asks about him, not the role)."""
    words = [t for t in question if not t.is_punct]
    if len(words) < 3 or words[-1].lower_ != "as":
        return False
    return any(t.lower_ in _REFLEXIVES for t in words) or any(t.lemma_ in _ROLE_VERBS and t.pos_ == "VERB" for t in words)


_REFLEXIVES = frozenset("himself herself itself themselves".split())
_ROLE_VERBS = frozenset("serve work act".split())


def _headed_by(phrase: str, noun: Token) -> bool:
    """Whether a phrase's head is `noun`, one or several ("silicate glasses' primary uses" for "that use"); the
    phrase's last word, which the small model misparses alone ("uses" as "us")."""
    words = re.findall(r"[^\W\d_]+", phrase.lower())
    lemma = noun.lemma_.lower()
    return bool(words) and (words[-1] in (lemma, f"{lemma}s", f"{lemma}es") or parse(phrase)[:].root.lemma_.lower() == lemma)


def _whole_title(mention: Mention, ranked: list[Mention]) -> Mention:
    """The title a name ends ("Architecture" of "Seven Lamps of Architecture"), one thing however plural its
    head, where one is among the candidates; else the mention."""
    for other in ranked:
        if other.named and other.text.endswith(f" of {mention.text}") and _A_TITLE.fullmatch(other.text):
            return replace(other, plural=False)
    return mention


def _describes(answer: str) -> bool:
    """Whether an answer describes rather than names: its first word after an article is in lower case
    ("king of Judea", whatever name follows; not "The College Dropout"), and it is no value ("only 600 m")."""
    words = [w for w in answer.split() if w.lower() not in ("a", "an", "the")]
    return bool(words) and words[0][:1].isalpha() and words[0][:1].islower() and not re.search(r"\d", answer)


def _starts_as_name(text: str) -> bool:
    """Whether a phrase starts as a name does ("Jedlik"): not with an article, "A gene" capitalised as an answer's
    first word, nor "the IPCC", a body."""
    return text[:1].isupper() and text.split(maxsplit=1)[0] not in ("A", "An", "The")


def _described(question: Doc) -> Span | None:
    """The X of "What is X?" where X is a thing told by what it does or where it ranks ("the function of the
    brain", "the most complex organ in a vertebrate's body"), which its answer names; not a thing the
    question asks about ("the rainforest", "the Amazon rainforest")."""
    wh = wh_token(question)
    phrase = defined_phrase(question) if wh is not None and wh.lower_ == "what" and defines(question) else None
    if phrase is None or phrase[0].lower_ != "the" or phrase.root.pos_ != "NOUN":
        return None
    told = any(t.dep_ == "prep" for t in phrase.root.children) or any(t.tag_ in ("JJS", "RBS") for t in phrase)
    return phrase if told else None


def _with_asked_noun(question: Doc, answer: str, genders: Genders) -> str:
    """An answer that only describes what a which/what question asked for, with its noun: "second" for "In
    which edition's preface ...?" is "the second edition", and so is one the documents write before the noun
    ("horse" for "In which latitudes ...?": "the horse latitudes"); any other answer as it is."""
    wh = wh_token(question)
    noun = question[wh.i + 1] if wh is not None and wh.i + 1 < len(question) else None
    # (a noun the tagger read as a verb, an auxiliary after it: "latitudes" of "In which latitudes is ...?")
    misread = noun is not None and noun.pos_ == "VERB" and noun.i + 1 < len(question) and question[noun.i + 1].pos_ == "AUX"
    if wh is None or wh.lower_ not in ("which", "what") or noun is None or not (noun.pos_ == "NOUN" or misread):
        return answer
    # (a word, or a name's adjective, "Mediterranean"; not a name, "the Andes mountain", "the CALIPSO satellite")
    # an adjective describes; a lower-case word the tagger took for a name ("tripedal") only where the documents,
    # if any, write it so ("magnesium" for "Which element ...?" is the element, not "the magnesium element")
    if not all(t.tag_ in ("JJ", "JJR", "JJS") for t in parse(answer) if not t.is_punct):
        describes = answer.islower() or _PROPER_ADJECTIVE.fullmatch(answer) is not None
        written = genders.writes_before(answer, noun.text)  # the documents are searched only for a non-adjective
        if not (_modifies(answer) and (written or not genders.reads_documents) or describes and written):
            return answer
    if noun.lemma_.lower() in KIND_NOUNS:  # "What kind of climate ...?" -> "humid subtropical": the climate
        of = next((c for c in noun.children if c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if noun is None:
            return answer
    return f"the {answer} {noun.text}"


def _as_object(answer: str) -> str:
    """An answer as the object of the verb it answered: a bare verb as an infinitive ("Why?" after "What did
    Japan and Germany agree?" -> "enhance their defense cooperation": "... agree to enhance ...")."""
    first = parse(answer)[0]
    return f"to {answer}" if first.tag_ == "VB" and first.text.islower() else _as_inserted(answer, False)


def _with_its_noun(answer: str, nouns: Span) -> str:
    """An answer with the noun its question asked for ("three" jets), once: "three pairs" of legs; a kind
    with the noun of its kind ("humid subtropical" climate)."""
    if len(nouns) > 2 and nouns[0].lemma_.lower() in KIND_NOUNS and nouns[1].lower_ == "of":
        nouns = nouns[2:]
    if nouns and answer.split()[-1].lower() == nouns[0].lower_:
        return f"{answer} {nouns[1:].text}".strip()
    return f"{answer} {nouns.text}".strip()


def _modifies(answer: str) -> bool:
    """An answer that only describes what was asked for ("tripedal" for "What gait ...?", "humid subtropical",
    "second"): adjectives only, or lower-case words the tagger took for a name ("tripedal"); not "The
    fundamental theorem of arithmetic", whose last word it tags an adjective."""
    words = [t for t in parse(answer) if not t.is_punct]
    return bool(words) and all(t.tag_ in ("JJ", "JJR", "JJS") or (t.tag_ == "NNP" and t.text.islower()) for t in words)


def _locates(question: Doc) -> bool:
    """"Which county is Southampton in?", "In which ocean is Bermuda located?": a question for the place
    its subject is in ("Which city was Calvin's adopted home?" asks which city it was)."""
    return _asks_where_it_is(question) and any(
        t.lemma_ in _LOCATED - {"be"} or (t.pos_ == "ADP" and t.lower_ in ("in", "on", "at", "near")) for t in question
    )


def _treated_as_places(question: Doc) -> set[str]:
    """The names a question treats as places, however labelled: the subject it locates ("Bermuda" of "In
    which ocean is Bermuda located?", labelled a person) and the owner of a place's property ("Bermuda's
    economy")."""
    places = {
        t.text for t in question
        if t.dep_ == "poss" and t.pos_ == "PROPN" and t.head.lemma_.lower() in _OF_A_PLACE
    }
    if _locates(question):
        subjects = (t for t in question if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN")
        places |= {question[t.left_edge.i : t.i + 1].text for t in subjects}
    return places


def _runs_into_a_verb(phrase: str, name: str, question: Doc) -> bool:
    """Whether `phrase` is `name` and one word more, a lower-case one a preposition follows ("Joe Simon team" of
    "Who did Joe Simon team with?", "GE release" of "How many pounds did GE release into the air?")."""
    rest = phrase[len(name) :].split() if phrase.startswith(f"{name} ") else []
    if len(rest) != 1 or not rest[0].islower():
        return False
    return any(t.text == rest[0] and t.i + 1 < len(question) and question[t.i + 1].pos_ == "ADP" for t in question)


def _relatives_first(ranked: list[Mention], previous: str) -> list[Mention]:
    """`ranked` with a relative of a name before the name where the previous question asked about the
    relative's own things or about the relative alone: "he" after "What was Burke's father's profession?" or
    "Where was Karl's father from?" is the father (not after "What did Burke's father want him to read?",
    read as "... want Burke to read?"). Not where the pronoun owns a relative itself: "her
    father's parents" after "What was Madonna's mother's ancestry?" are Madonna's."""
    ordered = list(ranked)
    for mention in ranked:
        owner, _, relative = mention.text.rpartition("'s ")
        # the relative's own things asked about, or the relative alone: "Where was Karl's father from?"
        alone = bool(owner) and mention.text in previous and previous.count(owner) == 1
        alone = alone and not _A_PERSON_PRONOUN.search(previous)
        if relative.lower() not in PERSON_NOUNS or not (f"{mention.text}'s " in previous or alone):
            continue
        named = next((m for m in ordered if m.text == owner), None)
        if named is not None and ordered.index(named) < ordered.index(mention):
            ordered.remove(mention)
            ordered.insert(ordered.index(named), mention)
    return ordered


def _happens(verb: Token) -> bool:
    """"happen", "occur", "take place": a verb only events are the subject of."""
    place = any(t.dep_ == "dobj" and t.lower_ == "place" for t in verb.children)
    return verb.lemma_ in ("happen", "occur") or verb.lemma_ == "take" and place


def _during(pronoun: Token) -> bool:
    """"it" of "during it" or "throughout it": a time something happened in."""
    return pronoun.dep_ == "pobj" and pronoun.head.lower_ in ("during", "throughout")


def _done_to_first(ranked: list[Mention], previous: Doc) -> list[Mention]:
    """`ranked` with what the previous question's verb was done to before who did it, for a passive "it": "What
    was it deployed as?" after "Where did Nintendo unveil the American version of its Famicom?" is the version."""
    root = previous[:].root
    if any(t.dep_ == "auxpass" for t in root.children):
        return ranked  # "When was Cyprus granted independence?": its subject was done to, not a doer
    doer = next((c for c in previous.noun_chunks if c.root.dep_ == "nsubj" and c.root.head == root), None)
    done_to = next((c for c in previous.noun_chunks if c.root.dep_ == "dobj" and c.root.head == root), None)
    if doer is None or done_to is None:
        return ranked
    first = next((m for m in ranked if m.text == doer.text), None)
    second = next((m for m in ranked if m.text == done_to.text), None)
    if first is None or second is None or ranked.index(second) < ranked.index(first):
        return ranked
    ordered = [m for m in ranked if m is not second]
    ordered.insert(ordered.index(first), second)
    return ordered


def _is_subject(pronoun: Token) -> bool:
    """Whether a pronoun is its clause's subject, "it" of "Which trade body is it part of?" too (parsed as
    what "is" says of the question phrase)."""
    return pronoun.dep_ in ("nsubj", "nsubjpass") or pronoun.dep_ == "attr" and pronoun.head.lemma_ == "be"


def _asks_again(question: Doc) -> bool:
    """Whether the question says "also" or "too": the same asked again of the same one."""
    return any(t.lower_ in ("also", "too") and t.pos_ == "ADV" for t in question)


def _asks_subject(question: Doc) -> bool:
    """Whether the question word (or its phrase) is the subject of a verb other than "be": "Who founded
    Apple?", not "Which investment bank is Estonia a part of?", whose subject is Estonia however parsed."""
    wh = wh_token(question)
    if wh is None:
        return False
    head = wh.head if wh.dep_ == "det" else wh
    return head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ != "be"


def _predicate(doc: Doc) -> Span | None:
    """What a clause says its subject is, an adjective with its adverbs ("about right" of "... the goal was about
    right?"), where there is one."""
    said = next((t for t in doc if t.dep_ in ("acomp", "oprd") and t.pos_ == "ADJ"), None)
    return doc[said.left_edge.i : said.right_edge.i + 1] if said is not None else None


def _superlative(doc: Doc) -> Span | None:
    """The first superlative of `doc`: "oldest", or "most populous" with its "most"."""
    for token in doc:
        if token.tag_ == "JJS":
            return doc[token.i : token.i + 1]
        if token.tag_ == "RBS" and token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "ADJ":
            return doc[token.i : token.i + 2]
    return None


def _what_a_place_has(pronoun: Token) -> str | None:
    """"capital" for "its" of "What is its capital?", "climate" for the subject of "have" in "What kind of
    climate does it have?" ("borders" of "Which countries does it share borders with?"), "capital" for the
    subject of "Which city does it claim as its capital?": what places have, where the pronoun stands for its
    owner; else None."""
    if pronoun.lower_ in ("its", "their"):
        owned = pronoun.head.lemma_.lower()
        return owned if owned in _OF_A_PLACE else None
    # a subject owns what its clause's "its" owns: "Which city does it claim as its capital?"
    own = next((t for t in pronoun.head.subtree if t.tag_ == "PRP$" and t.i > pronoun.i), None)
    if pronoun.dep_ in ("nsubj", "nsubjpass") and own is not None and pronoun_form(own.text) == pronoun_form(pronoun.text):
        return _what_a_place_has(own)
    verb = pronoun.head
    if pronoun.lower_ not in ("it", "they") or pronoun.dep_ != "nsubj" or verb.lemma_ not in ("have", "share"):
        return None
    # "kind of climate" too
    had = (t.lemma_.lower() for c in verb.children if c.dep_ == "dobj" for t in c.subtree)
    return next((owned for owned in had if owned in _OF_A_PLACE), None)


def _said_to_be_a_place(pronoun: Token) -> bool:
    """Whether a clause says its subject is a place: "is it the capital of", "was it a port"."""
    verb = pronoun.head
    return verb.lemma_ == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in PLACE_NOUNS for c in verb.children)


def _asks_where_it_is(question: Doc) -> bool:
    """"In which city is it?", "Which country is it located in?", "In which latitudes is it located?": a
    question for the place something is in."""
    located = any(t.lemma_ in _LOCATED and t.dep_ == "ROOT" for t in question)
    return located and bool(_WHICH_PLACE.search(question.text) or _IN_WHICH.match(question.text))


def _main_verb(question: Doc, wh: Token) -> Token | None:
    """The question's main verb after its question word, with its particle ("set up"), if it has one."""
    # a verb the tagger read as a noun is one where it is the root ("persuade" of "Who did Prince Albert persuade ...?")
    roots = [t for t in question[wh.i + 1 :] if t.dep_ == "ROOT"]
    if roots and roots[0].i == wh.i + 1 and roots[0].lower_ in ("do", "does", "did"):
        # "did" read as the main verb of "Whom did Emomali Rahmon defeat?", its "defeat" a noun under it
        roots = [t for t in roots[0].children if t.i > roots[0].i and t.text.islower() and t.dep_ != "punct"] or roots
    verb = next((t for t in roots if t.pos_ == "VERB" or t.pos_ == "NOUN" and t.text.islower()), None)
    return _with_particle(verb) if verb is not None else None


def _with_particle(verb: Token) -> Token:
    """The last word of a verb with its particles: "up" of "set up", "back" of "give back"."""
    doc = verb.doc
    while verb.i + 1 < len(doc) and doc[verb.i + 1].dep_ == "prt":
        verb = doc[verb.i + 1]
    return verb


def _object_gap(question: Doc, asked: Token, last_verb: bool) -> Token | None:
    """The verb whose object the question word is, after which its answer goes: its own where it is the
    question's last verb; the verb of a clause under it that has no object ("What do supporters argue DST
    decreases?", the small model hanging "What" on "argue"); its own where what follows is a purpose with its
    own object ("What did the Romans build to defend the border?"). None where it is no verb's object."""
    verb = asked.head
    if asked.dep_ != "dobj" and not (asked.dep_ == "pobj" and verb.pos_ == "VERB"):
        return None
    if last_verb:
        return verb
    later = [t for t in question[verb.i + 1 :] if t.pos_ == "VERB"]
    if not later or verb.pos_ != "VERB":
        return None
    objects = ("dobj", "ccomp", "xcomp")
    if later[0].dep_ == "ccomp" and later[0].head == verb and not any(c.dep_ in objects for c in later[0].children):
        return later[0] if len(later) == 1 else None
    purposes = all(
        t.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        and any(c.dep_ == "dobj" for c in t.children)
        for t in later if t.head == verb
    )
    return verb if purposes and asked.dep_ == "dobj" and all(t.head == verb or t.head in later for t in later) else None


def _did(answer: str) -> str | None:
    """What was done, as it follows "did": "made a port call in Japan" -> "make a port call in Japan";
    None for an answer that does not start with a verb."""
    doc = parse(answer)
    if not len(doc) or doc[0].pos_ != "VERB":
        return None
    return f"{doc[0].lemma_}{doc[0].whitespace_}{doc[1:].text}".strip()


def _same_verb_asked_past(previous: Doc, question: Doc) -> bool:
    """Whether `previous` asked for the object of a preposition left at its end ("Who did Kerry serve
    under?") and `question` asks with the same verb: its subject is the subject again, not the answer."""
    wh = wh_token(previous)
    stranded = wh is not None and wh.dep_ == "pobj" and wh.i < wh.head.i
    return stranded and previous[:].root.lemma_ == question[:].root.lemma_


def _asked_first(question: Doc, phrases: list[Mention]) -> list[Mention]:
    """An unanswered question's phrases, led by the one it asked for: its which-phrase where that is its
    subject ("How small do its members measure?" after "Which genus has members among the smallest
    bacteria?" asks of the genus), or the X of "What was X?" ("How much of it ...?" after "What was the
    CIA's fiscal 2013 budget?" asks of the budget)."""
    sought = asked_phrase(question)
    if sought is not None and sought[-1].dep_ in ("nsubj", "nsubjpass"):
        noun = question[sought.start + 1 : sought.end]
        return [Mention(f"the {noun.text}", kind_of_span(noun), is_plural(noun))] + phrases
    defined = defined_phrase(question) if defines(question) else None
    return phrases if defined is None else sorted(phrases, key=lambda m: m.text != defined.text)


def _object_done_to_again(previous: Doc, question: Doc) -> tuple[set[str], bool] | None:
    """The object of the previous question's verb where `question` says the same verb with a pronoun for
    its object, or in the passive for its subject ("When was it built?" after "Who built the first
    carrier?"): the pronoun is what was done to, not the answer, who did it. Its wordings, with whether
    the pronoun is a subject."""
    verb = question[:].root
    pronouns = [t.dep_ for t in verb.children if t.tag_ == "PRP"]
    passive = any(t.dep_ == "auxpass" for t in verb.children) and ("nsubj" in pronouns or "nsubjpass" in pronouns)
    # (the verb as said, where the tagger took a base form for a past: "found" of "When did he found it?")
    root = previous[:].root
    said = (_base_form(verb), verb.lower_)
    # the verb again, its main one or one under it ("When was it adopted?" after "Which group supported adopting
    # the bitterroot ...?"), or the main one's noun ("the Soviet invasion of it")
    verbs = [root] + [t for t in previous if t.pos_ == "VERB" and t != root]
    again = next((t for t in verbs if _base_form(t) in said), None) if passive or "dobj" in pronouns else None
    done = again if again is not None else root if _done_as_a_noun(question, _base_form(root)) else None
    if done is None:
        return None
    objects = [t for t in done.children if t.dep_ == "dobj" and not any(w.lower_ in WH for w in t.subtree)]
    if not objects:
        return None
    # the phrase with what hangs on it ("the modern capital of Armenia"), or its noun phrase alone
    whole = previous[objects[0].left_edge.i : objects[0].right_edge.i + 1].text
    chunk = next((c.text for c in previous.noun_chunks if c.root == objects[0]), whole)
    return {whole, chunk}, passive


def _done_as_a_noun(question: Doc, verb: str) -> bool:
    """"the Soviet invasion of it" after "When did Germany invade Poland?": the verb's noun, with a pronoun
    for what it is done to (a noun that opens as the verb does: "invasion", "conquest", "election")."""
    stem = verb[: max(4, len(verb) - 2)]
    return any(
        t.pos_ == "NOUN" and t.lower_ != verb and t.lower_.startswith(stem) and t.lemma_.lower() not in PERSON_NOUNS
        and any(of.lower_ == "of" and any(p.tag_ == "PRP" for p in of.children) for of in t.children)
        for t in question
    )


def _phrase_swapped(previous: Doc, phrase: Doc) -> Token | None:
    """The preposition of the previous question whose phrase a new one under a preposition takes the place
    of: the one phrase under the same preposition ("And during his acting career?" after "What was he
    nicknamed during his bodybuilding days?"), else the one phrase under the main verb where no phrase of
    the new one's preposition is there ("And with Destiny's Child?" after "How many records has Beyoncé
    sold as a solo artist?")."""
    word = phrase[0].lower_
    same = [t for t in previous if t.dep_ == "prep" and t.lower_ == word]
    if len(same) == 1:
        return same[0]
    under_verb = [
        t for t in previous
        if t.dep_ == "prep" and t.head.dep_ == "ROOT" and not any(w.lower_ in WH for w in t.subtree)
    ]
    return under_verb[0] if not same and len(under_verb) == 1 else None


def _between_auxiliary_and_verb(question: Doc) -> str | None:
    """The words between a question's auxiliary and its main verb: its subject, where
    the parser may have found none ("Whom did Schwarzenegger replace ...?", "Schwarzenegger" a compound;
    "Who did Beyoncé portray ...?", with "did" the main verb and "portray" a noun)."""
    aux = next((t for t in question if t.dep_ in ("aux", "auxpass") or t.lower_ in ("did", "does", "do")), None)
    if aux is None:
        return None
    # a noun modifying the next is none ("architecture" of "did Gothic architecture flourish", "flourish" a noun too)
    verb = next(
        (
            t for t in question[aux.i + 1 :]
            if t.pos_ == "VERB" or (t.pos_ == "NOUN" and t.text.islower() and t.dep_ != "compound")
        ),
        None,
    )
    return question[aux.i + 1 : verb.i].text if verb is not None and aux.i + 1 < verb.i else None


def _unparsed_subject(question: Doc, between: str) -> bool:
    """Whether the words between the auxiliary and the verb of a question the parser found no subject in are a
    noun phrase (nouns, adjectives, a determiner): its subject."""
    # none, or only the verb itself read as the subject's noun ("emerge" of "did a first settlement emerge in ...")
    if any(t.dep_ in ("nsubj", "nsubjpass") and not _verb_read_as_noun(question, t, between) for t in question):
        return False
    words = parse(between)
    # a plural before another noun is a subject and its verb ("glaciers store" of "When do glaciers store water?")
    plural_inside = any(t.tag_ == "NNS" for t in words[:-1])
    nominal = all(t.pos_ in ("NOUN", "PROPN", "ADJ", "DET") for t in words)
    return words[-1].pos_ in ("NOUN", "PROPN") and nominal and not plural_inside


def _verb_read_as_noun(question: Doc, token: Token, between: str) -> bool:
    """Whether `token`, right after `between`, is the question's verb read as a noun: no verb comes after it
    (not "premiere" of "Where was the world premiere held?")."""
    return f"{between} {token.text}" in question.text and not any(t.pos_ == "VERB" for t in question[token.i + 1 :])


def _named_again(question: Doc, mention: Mention) -> bool:
    """Whether the question names the mention again by its head noun with only "the" ("the company" for
    "Stationers' Company of London" in "What did it give the company?"), so that a pronoun in it means something else."""
    # a bare "the company", not a description ("the highest court" of "When did it become the highest court?")
    nouns = {t.lower_ for t in question if t.tag_ == "NN" and [c.lower_ for c in t.children] == ["the"]}
    return bool(nouns) and parse(mention.text)[:].root.lower_ in nouns


def _says(question: str, words: str) -> bool:
    """Whether a question has these words in it, as words: "GE" is not in "fourth-largest"."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", question, re.IGNORECASE) is not None


def _same_words(one: str, other: str) -> bool:
    """Two questions alike but for case, spacing and punctuation."""
    return re.findall(r"\w+", one.lower()) == re.findall(r"\w+", other.lower())


def _possessor(question: Doc) -> Span | None:
    """"the Panthers" of "What was the Panthers' regular season record?": the first phrase a question
    writes with a possessive "'s" or "'", without it."""
    mark = next((t for t in question if t.tag_ == "POS" and t.i > 0), None)
    if mark is None:
        return None
    owner = question[mark.i - 1]
    return question[owner.left_edge.i : mark.i] if owner.left_edge.i < mark.i else None


def _owned_phrase(question: Doc) -> Span | None:
    """"Japan's prime minister" of "Who is Japan's prime minister?": the first possessive phrase
    through the noun it owns; None where the possessive owns nothing after it."""
    owner = _possessor(question)
    if owner is None:
        return None
    owned = owner.root.head
    return question[owner.start : owned.i + 1] if owned.i > owner.end else None


def _relative(new: Doc, question: Doc) -> Token | None:
    """"mother" of "What was Bell's mother's name?" for "And his father's?": the person a question names by
    a relation to an owner, for an ellipsis that names another relation of the same owner by a pronoun."""
    root = new[:].root
    if root.lemma_.lower() not in PERSON_NOUNS or not any(t.tag_ == "PRP$" for t in root.children):
        return None
    return next(
        (t for t in question if t.pos_ == "NOUN" and t.lemma_.lower() in PERSON_NOUNS and t.lower_ != root.lower_
         and any(c.dep_ == "poss" for c in t.children)),
        None,
    )


def _stranded(question: Doc, wh: Token) -> Token | None:
    """The preposition a question ends on, whose object its question word is ("Who did they fight
    against?", "What is Japan concerned about?"), or one left without its object before another phrase; else None."""
    words = [t for t in question if not t.is_punct]
    last = words[-1] if words else None
    if last is not None and last.pos_ == "ADP" and last.i > wh.i:
        return None if any(t.dep_ == "pobj" and t.i != wh.i for t in last.children) else last
    # or one with no object before another phrase: "Who did England lose 4–1 to in 2010?", "Which country did the
    # empire ally with in the early 20th century?"
    return next((t for t in question[wh.i + 1 : -1] if t.dep_ == "prep" and t.pos_ == "ADP" and not list(t.children)), None)


def _base_form(verb: Token) -> str:
    """A verb's base form, the common spelling where spaCy's tables give a rarer one: "installed" ->
    "install", not "instal" (and "fulfil", "enrol"); "travelled" stays "travel", there being no "travell";
    and a past form the tagger left whole ("decreed", tagged present) as its stem."""
    lemma = verb.lemma_
    stem = _untagged_past(verb)
    if stem is not None:
        return stem
    if verb.lower_.endswith("lled") and lemma.endswith("l") and not lemma.endswith("ll"):
        english = english_words()
        if english is not None and f"{lemma}l" in english:
            return f"{lemma}l"
    return lemma


def _untagged_past(verb: Token) -> str | None:
    """The stem of a past form the tagger read as a present one and left whole ("decreed" of "Which president
    decreed ...?", tagged VBP with lemma "decreed", which no singular subject takes): "decree"; else None."""
    word = verb.lower_
    subject = next((t for t in verb.children if t.dep_ == "nsubj"), None)
    singular = subject is not None and subject.tag_ in ("NN", "NNP")
    if verb.tag_ != "VBP" or not singular or not word.endswith("ed") or verb.lemma_.lower() != word:
        return None
    english = english_words()
    return next((stem for stem in (word[:-1], word[:-2]) if english is not None and stem in english), None)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _counted(answer: str) -> str:
    """What an answer counts: "Eurofighter jets" of "three Eurofighter jets"; "" when it is a bare number."""
    doc = parse(answer)
    if doc[:].root.pos_ not in ("NOUN", "PROPN") or any(e.label_ in ("DATE", "TIME") for e in doc.ents):
        return ""  # "September" answered a "when": nothing to count
    start = next((t.i for t in doc if t.dep_ not in ("det", "nummod", "quantmod", "predet") and t.pos_ != "NUM"), len(doc))
    return doc[start:].text


def read_question(question: str, history: object, genders: Genders | None = None) -> ReadAs:
    """How `question` is read after earlier [question, answer] pairs (see `Conversation`)."""
    return Conversation.from_history(history, genders).read(question)
