"""Pronouns read back: "he", "she", "it", "they" and their possessives replaced by the earlier mention
each stands for, the candidates filtered by agreement and by what the question says of them."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.expansions import asked_abbreviation
from qa.followups.candidates import earlier_mentions
from qa.followups.history import ChatTurn, History
from qa.followups.questions import OF_A_PLACE, asks_where_it_is, inverted_which
from qa.followups.referents import (
    a_city, answered_genders, answered_people, first_agreeing, gender_of, name_answered, named_subject, place_answered,
    placed_name, two_parties, unplaced_name, who_answered,
)
from qa.followups.wording import AMOUNT, SHARES, as_inserted, base_form, names_the_doing, same_words, says, starts_as_name
from qa.genders import HE, SHE, Genders
from qa.mentions import (
    IT, KIND_NOUNS, PERSON, PERSON_NOUNS, PLACE, PLACE_NOUNS, SINGULAR, THING, WH, Mention, agrees, asked_phrase, asks_name,
    counted_phrase, kind_of_span, may_be_person, names_an_event, parse, pronoun_form, ranked_mentions,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_THEY = frozenset({"they", "them", "their", "theirs"})

_POSSESSIVE = frozenset({"his", "hers", "its", "theirs"})

# what only people have: "their posts", "their villas" are no talks' or floors' ("its role" may be a body's)
_PEOPLES_OWN = frozenset(
    "post job occupation profession career salary nationality birthplace wife husband spouse villa".split()
)

# what only a place people live in has, not a river, lake or mountain ("its population" after "the Musi River")
_OF_A_POLITY = frozenset("capital population border borders territory flag anthem president economy currency".split())

_NATURAL_FEATURES = frozenset("river lake sea ocean mountain mountains mount bay gulf desert valley island".split())

# a question for how far something is, and the nouns that name bodies of people, which are nowhere
_DISTANCE = re.compile(r"\bhow\s+(?:far|close|near)\b|\bdistance\b", re.IGNORECASE)

_BODIES = frozenset(
    "government ministry agency department council committee party union association organization organisation "
    "administration cabinet movement alliance coalition federation league commission board army navy force group "
    "team network company corporation firm".split()
)

# what a person holds or is called, asked for as "Which post did he take?"
_TITLES = frozenset("title post office position role rank job".split())

# what classes a thing, asked for as "What family is it in?"
_CLASSES = frozenset("family class category genus order group".split())

_A_PERSON_PRONOUN = re.compile(r"\b(?:he|him|his|she|her|hers)\b", re.IGNORECASE)

# "the term Carnival": the word, where what is done to it is done to words; else what it names
_TERM = re.compile(r"^the\s+(?:term|word|name)\s+(\S.*)$", re.IGNORECASE)

# "the application of textual criticism": a verb's noun and what it is done to
_DONE_OF = re.compile(r"^the\s+(\w+)\s+of\s+(\S.*)$", re.IGNORECASE)

# what only a word is: derived, meant, spelled
_WORDS_ARE = frozenset("derive mean spell pronounce translate coin".split())

_SAID_OF_WORDS = frozenset(
    "use mean spell write pronounce call say derive come translate coin suggest propose choose introduce popularize".split()
)


def resolve_pronouns(history: History, question: str) -> str | None:
    """The question with each pronoun that points back replaced by the mention it stands for ("Where did he
    meet his German counterpart?" -> "Where did Yoshimasa Hayashi meet Yoshimasa Hayashi's German counterpart?");
    None where no pronoun was read back."""
    doc = parse(question)
    pronouns = [
        t for t in doc
        if t.tag_ in ("PRP", "PRP$") and (t.lower_ in SINGULAR or t.lower_ in IT or t.lower_ in _THEY)
    ]
    if not pronouns:
        return None
    people = answered_people(history)
    candidates = {
        # a name that answered as a person is one wherever the small model labels it otherwise ("Léon
        # Scott", a thing in "When did Léon Scott patent the phonautograph?"), and never an "it"
        subject: [
            replace(m, kind=PERSON) if m.text in people else m
            for m in found if not says(question, m.text) and not _named_again(doc, m)
        ]
        for subject, found in earlier_mentions(history, doc).items()
    }
    answered_last = history.turns[-1].answer
    previous = parse(history.turns[-1].read_as)
    if answered_last and _asks_for_more(doc, previous):
        # "Which are still phasing them out?" after "Which countries have already prohibited incandescent
        # bulbs?": a bare "which" asks for more of what answered, which its pronouns do not stand for
        candidates = {k: [m for m in found if not says(m.text, answered_last)] for k, found in candidates.items()}
    pieces, last = [], 0
    taken: dict[int, list[Mention]] = {}  # per verb, what its pronouns already stand for
    # within one question a referent is named once, its later pronouns read back to the name, and
    # pronouns of another person stand for something else: "he" and "her" are two people
    said_as: dict[str, str] = {}
    # and a possessive after a subject pronoun of its form is the subject's own: "How large was it at its peak?"
    subjects: dict[str, Mention] = {}
    answered = answered_genders(history)  # once per question, not once per candidate
    previous_verbs = {t.lemma_.lower() for t in previous if t.pos_ == "VERB"}
    # after "Which temple is Kathmandu named after?", only what "its" owns is the name's: what a verb is done to
    # is the answer, as for a subject ("Who built it?" asks of the temple)
    inverted = inverted_which(previous)
    # what the last question counted ("the categories" of "Into how many categories ...?"), which "they" may be
    counted = {f"the {c.text}" for c in map(counted_phrase, previous.noun_chunks) if c is not None}
    for pronoun in pronouns:
        does_it = pronoun.lower_ == "it" and pronoun.dep_ == "dobj" and pronoun.head.lemma_ == "do"
        # (not where it owns what the last question asked about: "its arrival" after "Which railroad arrived in
        # 1839?" is the railroad's, though "the town" comes before it in "What did the town become with its arrival?")
        event = _names_event_of(pronoun, previous_verbs)
        if _in_clause_antecedent(pronoun, doc, history.genders) and not event or does_it:
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
                replace(m, kind=PERSON) if starts_as_name(m.text) and gender_of(history, m.text, answered) == form else m
                for m in ranked if m.kind != PERSON or gender_of(history, m.text, answered) in (None, form)
                if not history.genders.is_group(m.text)  # "Beatles", whom the documents call "the Beatles"
            ]
            if not (pronoun.tag_ == "PRP$" and pronoun.head.lemma_.lower() in PERSON_NOUNS):
                ranked = _relatives_first(ranked, history.turns[-1].read_as)
            if answered_last and _asks_for(previous, _TITLES):  # "First Lord of the Treasury", which answered "What other
                # titles does the Prime Minister hold?", is what he is called, a man only where no other is named
                ranked = sorted(ranked, key=lambda m: same_words(m.text, answered_last))
        elif pronoun.lower_ in IT:  # not a name the documents call "he" or "she", however it is labelled
            # ("Jedlik"), unless a group ("Destiny's Child", whose "she" after it is its singer's)
            ranked = [m for m in ranked if m.body or not (starts_as_name(m.text) and history.genders.of(m.text))]
            term = name_answered(history) if pronoun.lower_ == "it" else None
            called = name_answered(history, called=True) if pronoun.head.lemma_.lower() in _WORDS_ARE else None
            if called is not None:
                # "From what is it derived?" after "What was Kathmandu called ...?" -> "Kantipur": the name
                ranked = [called] + [m for m in ranked if not same_words(m.text, called.text)]
            if term is not None:  # "it" after "What are the waiting areas ... called?" -> "concourses": the term,
                # one word however plural
                said = re.sub(r"^the\s+", "", term.text, flags=re.IGNORECASE)
                written = (said, f"the {said}")  # a name takes no "the" ("Grande Île")
                ranked = [
                    replace(m, plural=False) if any(same_words(m.text, w) for w in written) else m for m in ranked
                ]
            if pronoun.tag_ == "PRP$":  # "its housing stock" after "How many raids was Hull subjected to?"
                ranked = [replace(m, kind=PLACE) if placed_name(history, m) else m for m in ranked]
        elif pronoun.lower_ in _THEY:  # a word the documents write as a plural is a "they", whatever its tag
            # ("matua" for "Which class was located in the coastal villages?": "The matua were located ...")
            ranked = [
                replace(m, plural=True) if not m.plural and history.genders.writes_as_plural(m.text) else m
                for m in ranked
            ]
            # a share of them: "most of them" after "How many of the 20 richest federal electorates are held by ...?"
            share = pronoun.dep_ == "pobj" and pronoun.head.lower_ == "of" and pronoun.head.head.lower_ in SHARES
            if counted and (pronoun.dep_ == "nsubj" and pronoun.head.lemma_ == "be" or share):
                # "What were they?" after "Into how many categories did Plato group forms ...?": what was counted
                ranked = sorted(ranked, key=lambda m: m.text not in counted)
            elif counted and any(m.text in counted for m in ranked):  # and things counted before one body ("What do
                # they express?" after "Into how many core functions did the Air Force streamline ...?")
                ranked = sorted(ranked, key=lambda m: m.body and not m.plural)
        if pronoun.lower_ == "it" and pronoun.dep_ == "nsubjpass":
            ranked = _done_to_first(ranked, previous)
        said_again = _subject_said_again(pronoun, previous)
        if said_again is not None:  # "What were they plucked with?" after "What were pre-mandolin instruments strung
            # with?" -> "gut strings": a question said again of its subject, not of what answered
            ranked = sorted(ranked, key=lambda m: m.text.split()[-1] != said_again)
        if pronoun.lower_ == "their" and ranked and ranked[0].body and not ranked[0].plural:
            # several things named own what "their" owns before one body that answered: "their work" after
            # "Who appointed five Aboriginal Protectors?" -> "The British Colonial Office" is the protectors'
            several = next((m for m in ranked if m.plural and not m.body and not m.named), None)
            ranked = [several] + [m for m in ranked if m is not several] if several is not None else ranked
        of_a_kind = pronoun.lower_ == "its" and _asks_for(previous, KIND_NOUNS)
        classed = of_a_kind or pronoun.lower_ in IT and _asks_for(previous, _CLASSES, ("be", "belong"))
        if answered_last and classed:
            # "its two most powerful parties" after "What kind of party system does the United States have?" ->
            # "two-party": a kind describes what was asked about, which owns what "its" owns; and "it" after
            # "What family is the mandolin in?" -> "the lute family" is the mandolin, which the family classes
            ranked = sorted(ranked, key=lambda m: says(m.text, answered_last))
        owned = _what_a_place_has(pronoun)
        if owned is not None:
            # "What is its capital?": a place's, though an organisation answered last ("East African
            # Community"); a country of a plural name is an "it" too ("the Marshall Islands"), or a "they"
            singular = pronoun.lower_ in ("its", "it")
            if owned in _OF_A_POLITY:
                ranked = [m for m in ranked if m.text.split()[-1].lower() not in _NATURAL_FEATURES] or ranked
            places = [m for m in ranked if m.kind == PLACE and (singular or m.plural)]
            ranked = [replace(m, plural=m.plural and not singular) for m in places] or ranked
        if pronoun.lower_ == "it" and pronoun.dep_.startswith("nsubj") and asks_where_it_is(doc):
            ranked = place_answered(history, ranked)
        if pronoun.lower_ == "it" and pronoun.dep_ == "nsubj" and _said_to_be_a_place(pronoun):
            # "Which département is it the capital of?" after "What is Strasbourg the official seat of?" -> "the
            # European Parliament": a capital is a place, which the documents may place ("in Melbourne", a thing to
            # the small model), and no country
            ranked = sorted(ranked, key=lambda m: (not a_city(history, m), m.kind != PLACE))
        if pronoun.lower_ == "it" and (pronoun.dep_ == "nsubj" and _happens(pronoun.head) or _during(pronoun)):
            # "Where did it take place?" after "Which revolt did the Empire struggle with ...?": the revolt;
            # "during it" after "When did a severe depression end Melbourne's boosterism?": the depression
            ranked = sorted(ranked, key=lambda m: not names_an_event(m.text))
        if pronoun.lower_ == "it" and pronoun.dep_ == "nsubj" and pronoun.head.pos_ in ("VERB", "AUX"):
            # an amount does nothing: "What did it lack?" after "What was the range of the needle gun?" -> "600 m";
            # nor is it what rises ("By how much was it up?" after "What did total capacity exceed?" -> "1,360 GW")
            ranked = [m for m in ranked if not AMOUNT.match(m.text)]  # not "Nine Eyes", a name
            # and a name the documents say does it comes first: "How many regions does it consist of?" after "What
            # is the capital of Mali?" -> "Bamako" asks of Mali, which "consists of eight regions" (not a thing
            # described, "the company", which does most things)
            doing = pronoun.head.lemma_.lower()
            if ranked and not history.genders.writes_as_doing(ranked[0].text, doing):
                ranked = sorted(ranked, key=lambda m: not (m.named and history.genders.writes_as_doing(m.text, doing)))
        if pronoun.lower_ == "it" and pronoun.dep_.startswith("nsubj") and asks_name(doc):
            # "What was it called?" asks the name of what was only described ("its first training facility"
            # after "When did the CIA establish its first training facility?"), not of what a name names; but a name
            # that answered a which-question is the thing it asked for ("Koine Greek" for "Which dialect ...?")
            sought = answered_last and asked_phrase(previous) is not None
            ranked = sorted(ranked, key=lambda m: m.named and not (sought and says(m.text, answered_last)))
        if pronoun.lower_ == "it" and pronoun.dep_ == "nsubj" and _in_force(pronoun.head):
            # "When did it take effect?" after "When did the French Parliament pass a bill ...?": a law, no body
            ranked = sorted(ranked, key=lambda m: m.body or _names_a_body(m.text) or m.kind == PERSON)
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
        mention = mention or _said(pronoun, history.turns[-1]) or _each_other(pronoun, history.turns[-1])
        mention = mention or first_agreeing(history, pronoun.lower_, form, ranked)
        if mention is None and pronoun.lower_ in _THEY:  # else the one who answered "who" ("Mocama"), else
            # the name the last question was about, a team or a firm ("When did they win ...?" after "When was
            # Everton formed?"); a people that answered "who", a name the documents write after "the", before two
            # names apart ("Gallaeci" for "From whom does Galicia take its name?", not "Gallaeci and Galicia")
            answered_who = who_answered(history)
            a_people = answered_who is not None and history.genders.is_group(answered_who.text, any_ending=True)
            people = answered_who if a_people else None
            mention = people or two_parties(history, candidates[False]) or answered_who or named_subject(history)
            # else the kind of thing the last question asked about, as "an ISP" of "What is an ISP?": ISPs
            mention = mention or _kind_as_plural(previous)
        if mention is None and pronoun.lower_ in SINGULAR:  # else a one-word name, whatever its label, a
            # place's too where the documents never put it where a place goes ("Josip", labelled a place);
            # else a longer name ("Heitaro Nakajima", a thing to the small model; "Bermúdez" before "Spanish Empire")
            by_length = sorted(ranked, key=lambda m: " " in m.text)
            mention = next((m for m in by_length if may_be_person(m) or unplaced_name(history, m)), None)
        if mention is None and pronoun.lower_ in IT:  # else a name the small model took for a person's, which
            # the documents never call "he" or "she" ("Spectre", a film); else the name last asked for, a
            # word ("Izz al-Arab")
            mention = next((m for m in ranked if m.kind == PERSON and m.named and not m.plural), None)
            mention = mention or name_answered(history)
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
        text = _done_to(pronoun, text)
        pieces.append(question[last : pronoun.idx] + as_inserted(text, possessive, mention.plural))
        last = pronoun.idx + len(pronoun.text)
    return "".join(pieces) + question[last:] if pieces else None


def _done_to(pronoun: Token, text: str) -> str:
    """What the pronoun's verb is done to where the mention is that verb's own noun: "it" of "applying it" after
    "the application of textual criticism" is textual criticism (a noun that opens as the verb does)."""
    done = _DONE_OF.match(text)
    if done is None or pronoun.dep_ != "dobj" or pronoun.head.pos_ != "VERB":
        return text
    return done.group(2) if names_the_doing(done.group(1), base_form(pronoun.head).lower()) else text


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


def _asks_for(question: Doc, nouns: frozenset[str], verbs: tuple[str, ...] = ()) -> bool:
    """Whether the question phrase's noun is one of `nouns` (and, with `verbs`, its verb one of those): "What kind
    of party system ...?" is answered by a kind (KIND_NOUNS), "What other titles does the Prime Minister hold?" by
    what someone is called (_TITLES), "What family is the mandolin in?" by what classes a thing (_CLASSES with "be"
    or "belong"; not "Which class was located ...?", answered by one)."""
    asked = asked_phrase(question)
    return asked is not None and asked[-1].lemma_.lower() in nouns and (not verbs or asked.root.head.lemma_ in verbs)


def _asks_for_more(question: Doc, previous: Doc) -> bool:
    """Whether a question's subject is a bare "which" ("Which are ...?") after a question for a which-phrase."""
    which = next((t for t in question if t.lower_ == "which"), None)
    # (a verb right after it, not a noun the tagger may take for one: "Which consoles ...?", "Which of his books ...?")
    after = question[which.i + 1] if which is not None and which.i + 1 < len(question) else None
    bare = after is not None and (after.pos_ == "AUX" or after.tag_ in ("VBD", "VBN", "MD"))
    asked = asked_phrase(previous)
    return bare and asked is not None and asked[0].lower_ == "which"


def _kind_as_plural(question: Doc) -> Mention | None:
    """The plural of the one thing a question in the present names with "a" or "an", any of its kind ("an ISP" of
    "What is an ISP?" -> "ISPs"; not "a branch" of "Where did a branch of the family flee?", one branch)."""
    kinds = [c for c in question.noun_chunks if c[0].lower_ in ("a", "an") and len(c) > 1 and c.root.tag_ in ("NN", "NNP")]
    present = any(t.tag_ in ("VBZ", "VBP") for t in question)
    if len(kinds) != 1 or not present:
        return None
    words = kinds[0][1:].text
    plural = re.sub(r"(?<=[^aeiou])y$", "ie", words) + ("es" if re.search(r"(?:s|x|z|ch|sh)$", words) else "s")
    return Mention(plural, kind_of_span(kinds[0]), plural=True, named=kinds[0].root.pos_ == "PROPN")


def _in_force(verb: Token) -> bool:
    """"take effect", "come into force", "enter into force", "expire": what a law, treaty or status does."""
    objects = {c.lower_ for c in verb.children if c.dep_ == "dobj"}
    forced = any(c.lower_ == "into" and any(o.lower_ == "force" for o in c.children) for c in verb.children)
    lemma = verb.lemma_.lower()
    return lemma == "take" and "effect" in objects or lemma in ("come", "enter") and forced or lemma == "expire"


def _names_a_body(text: str) -> bool:
    """Whether a name has a word for a body of people in it, singular or plural ("Six Companies, Inc.")."""
    words = re.findall(r"[a-z]+", text.lower())
    return any(w in _BODIES or w.removesuffix("s") in _BODIES or w.removesuffix("ies") + "y" in _BODIES for w in words)


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


def _subject_said_again(pronoun: Token, previous: Doc) -> str | None:
    """The last word of the previous question's subject where a pronoun takes its place in a question of the same
    frame, the same question word, auxiliary and last preposition around another verb ("What were they plucked
    with?" after "What were pre-mandolin instruments strung with?" -> "instruments"), or "be" and the same last
    preposition; else None."""
    doc = pronoun.doc
    if pronoun.i < 2 or len(doc) < 4 or len(previous) < 4 or previous[0].lower_ not in WH:
        return None
    before = doc[pronoun.i - 1]
    same_frame = pronoun.i == 2 and doc[0].lower_ == previous[0].lower_ and before.lower_ == previous[1].lower_
    # or what something is of, asked with "be" both times ("How many uniformed services is it one of?" after "What
    # was the USAF initially part of?")
    copular = pronoun.head.lemma_ == "be" and previous[:].root.lemma_ == "be" and previous[1].lemma_ == "be"
    same_frame = before.pos_ == "AUX" and (same_frame or copular and before.lemma_ == "be")
    ends = [next((t for t in reversed(d) if not t.is_punct), None) for d in (doc, previous)]
    same_end = all(t is not None and t.pos_ == "ADP" for t in ends) and ends[0].lower_ == ends[1].lower_
    subject = next((c for c in previous.noun_chunks if c.start == 2), None)
    return subject.root.text if same_frame and same_end and subject is not None else None


def _is_subject(pronoun: Token) -> bool:
    """Whether a pronoun is its clause's subject, "it" of "Which trade body is it part of?" too (parsed as
    what "is" says of the question phrase)."""
    return pronoun.dep_ in ("nsubj", "nsubjpass") or pronoun.dep_ == "attr" and pronoun.head.lemma_ == "be"


def _what_a_place_has(pronoun: Token) -> str | None:
    """"capital" for "its" of "What is its capital?", "climate" for the subject of "have" in "What kind of
    climate does it have?" ("borders" of "Which countries does it share borders with?"), "capital" for the
    subject of "Which city does it claim as its capital?": what places have, where the pronoun stands for its
    owner; else None."""
    if pronoun.lower_ in ("its", "their"):
        owned = pronoun.head.lemma_.lower()
        return owned if owned in OF_A_PLACE else None
    # a subject owns what its clause's "its" owns: "Which city does it claim as its capital?"
    own = next((t for t in pronoun.head.subtree if t.tag_ == "PRP$" and t.i > pronoun.i), None)
    if pronoun.dep_ in ("nsubj", "nsubjpass") and own is not None and pronoun_form(own.text) == pronoun_form(pronoun.text):
        return _what_a_place_has(own)
    verb = pronoun.head
    if pronoun.lower_ not in ("it", "they") or pronoun.dep_ != "nsubj" or verb.lemma_ not in ("have", "share"):
        return None
    # "kind of climate" too
    had = (t.lemma_.lower() for c in verb.children if c.dep_ == "dobj" for t in c.subtree)
    return next((owned for owned in had if owned in OF_A_PLACE), None)


def _said_to_be_a_place(pronoun: Token) -> bool:
    """Whether a clause says its subject is a place: "is it the capital of", "was it a port"."""
    verb = pronoun.head
    return verb.lemma_ == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in PLACE_NOUNS for c in verb.children)


def _named_again(question: Doc, mention: Mention) -> bool:
    """Whether the question names the mention again by its head noun with only "the" ("the company" for
    "Stationers' Company of London" in "What did it give the company?"), so that a pronoun in it means something else."""
    # a bare "the company", not a description ("the highest court" of "When did it become the highest court?")
    nouns = {t.lower_ for t in question if t.tag_ == "NN" and [c.lower_ for c in t.children] == ["the"]}
    return bool(nouns) and parse(mention.text)[:].root.lower_ in nouns
