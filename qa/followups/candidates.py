"""The mentions of the earlier turns a pronoun may stand for, most recent turn first and ranked within
each turn: its answer, its question's subject and object, then the phrases under a preposition."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.followups.history import TURNS_BACK, History
from qa.followups.questions import OF_A_PLACE, inverted_which, locates, with_asked_noun
from qa.followups.wording import AMOUNT, A_NAME, base_form, modifies, names_the_doing
from qa.mentions import (
    PERSON, PERSON_NOUNS, PLACE, THING, WH, Mention, answer_mention, asked_phrase, asks_circumstance, asks_name,
    asks_object, defined_phrase, defines, is_plural, kind_of_span, named_in_answer, owned_by_answer, parse,
    ranked_mentions, regnal_name, wh_token,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_GLOSS_NOUNS = frozenset({"meaning", "definition", "translation"})  # what an answer to "What is the meaning of X?" is

# "What was it named after?", "Where did its name come from?": of a name, not of who gave it
_NAMING = re.compile(r"\b(?:(?:re)?named|called|dubbed)\s+(?:after|for)\b|\bits\s+name\b", re.IGNORECASE)

_REFLEXIVES = frozenset("himself herself itself themselves".split())

_ROLE_VERBS = frozenset("serve work act".split())


def earlier_mentions(history: History, question: Doc) -> dict[bool, list[Mention]]:
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
    for back, turn in enumerate(reversed(history.turns[-TURNS_BACK:])):
        doc = parse(turn.read_as)
        answer = answer_mention(doc, with_asked_noun(doc, turn.answer, history.genders)) if turn.answer else None
        ranked = ranked_mentions(doc)
        # (not where the answer is its value: "it" after "What is the refraction index of glass?" -> "1.5" is the index)
        described = _described(doc) if turn.answer and not AMOUNT.match(turn.answer) else None
        if described is not None:
            # "the function" of "What is the function of the brain?" is what the answer gave, no thing of
            # its own: "What chemicals does it secrete?" asks of the brain
            # (with its "of" phrase too where the answer names it: "the molecular unit of heredity" -> "A gene", or
            # says what it does: "a primary purpose of testing" -> "(to) detect software failures"; not where it
            # lists kinds of it, "igneous, sedimentary, and metamorphic")
            names_it = answer is not None or not modifies(turn.answer)
            ranked = [
                (rank, m) for rank, m in ranked
                if not (m.text == described.text or names_it and m.text.startswith(f"{described.text} "))
            ]
        if described is not None and described.root.lemma_.lower() in _GLOSS_NOUNS:
            answer = None  # "robbery or illegal violence at sea", the meaning of piracy, is words about it, no thing
        owned = owned_by_answer(doc, turn.answer) if answer is not None else None
        # "primality" answers "What is the property ... called?"; "king of Judea" answering "Who was Herod
        # Antipas?" names no one, its "Judea" aside: it describes him, who stays the topic
        named = answer is not None and (answer.named or asks_name(doc))
        names_it = named and (asks_name(doc) or not _describes(turn.answer))
        alias = defined_phrase(doc) if names_it else None
        # a name asked for another name ("What was Tuvalu formerly known as?" -> "the Ellice Islands") stays the
        # topic, the name it goes by now
        renamed = alias is not None and asks_name(doc) and alias.root.pos_ == "PROPN"
        if alias is not None and is_plural(alias) == answer.plural and not renamed:
            # "Japan's foreign minister" is Yoshimasa Hayashi, not someone else for "him"; a name that
            # answers a plural in part ("Treaty on European Union") leaves the plural for "they"; the answer is
            # what it names, a person where that is one ("the pub landlord", what "the owner" is known as, a "him")
            if any(m.text == alias.text and m.kind == PERSON for _, m in ranked):
                answer = replace(answer, kind=PERSON)
            ranked = [(rank, m) for rank, m in ranked if m.text != alias.text]
        places = _treated_as_places(doc)  # "Bermuda" of "In which ocean is Bermuda located?", whatever its label
        phrases = [replace(m, kind=PLACE) if m.text in places else m for _, m in ranked]
        core = sum(1 for rank, _ in ranked if rank[1] == 0)  # the question's subject and object
        located = [m for m in phrases[core:] if m.text in _located(doc)]  # a subject the parser gave another role
        phrases, core = phrases[:core] + located + [m for m in phrases[core:] if m not in located], core + len(located)
        # the main clause's subject, not one of a clause inside ("after the Soviet Union launched ...")
        subjects = [c.text for c in doc.noun_chunks if c.root.dep_ in ("nsubj", "nsubjpass") and c.root.head.dep_ == "ROOT"]
        # where the parser found none, a name alone between the auxiliary and the verb ("Whom did
        # Schwarzenegger replace ...?"; not "Bank of America", whose "America" alone is no subject)
        between = _between_auxiliary_and_verb(doc)
        no_main_verb = between and any(t.dep_ == "ROOT" and t.lower_ in ("did", "does", "do") for t in doc)
        if no_main_verb and (A_NAME.fullmatch(between) or _unparsed_subject(doc, between)):
            # with no main verb found, a phrase that runs on from a name into a verb before its preposition
            # is none ("Joe Simon team" of "Who did Joe Simon team with?"): the name alone is
            phrases = [m for m in phrases if not _runs_into_a_verb(m.text, between, doc)]
        if between and between not in {m.text for m in phrases} and A_NAME.fullmatch(between) and not any(
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
            asks_circumstance(doc) or locates(doc) or (defines(doc) and not names_it and not described_named)
            or _as_what(doc) or renamed
        )
        # "its" after "Which county is Detroit the seat of?" is Detroit's; a subject "it" after "Which river is
        # Detroit a major port on?" is the river ("What does it connect ...?")
        inverted = inverted_which(doc)
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


def _as_what(question: Doc) -> bool:
    """"What did he establish himself as?", "What did she serve as?": the answer is what the subject was, a
    role, and the subject stays the topic ("Who was his son?" asks about him, not the role)."""
    words = [t for t in question if not t.is_punct]
    if len(words) < 3 or words[-1].lower_ != "as":
        return False
    return any(t.lower_ in _REFLEXIVES for t in words) or any(t.lemma_ in _ROLE_VERBS and t.pos_ == "VERB" for t in words)


def _describes(answer: str) -> bool:
    """Whether an answer describes rather than names: its first word after an article is in lower case
    ("king of Judea", whatever name follows; not "The College Dropout"), and it is no value ("only 600 m")."""
    words = [w for w in answer.split() if w.lower() not in ("a", "an", "the")]
    return bool(words) and words[0][:1].isalpha() and words[0][:1].islower() and not re.search(r"\d", answer)


def _described(question: Doc) -> Span | None:
    """The X of "What is X?" where X is a thing told by what it does or where it ranks ("the function of the
    brain", "a primary purpose of testing", "the most complex organ in a vertebrate's body"), which its answer
    names; not a thing the question asks about ("the rainforest", "the Amazon rainforest")."""
    wh = wh_token(question)
    phrase = defined_phrase(question) if wh is not None and wh.lower_ == "what" and defines(question) else None
    if phrase is None or phrase[0].lower_ not in ("the", "a", "an") or phrase.root.pos_ != "NOUN":
        return None
    told = any(t.dep_ == "prep" for t in phrase.root.children) or any(t.tag_ in ("JJS", "RBS") for t in phrase)
    return phrase if told else None


def _treated_as_places(question: Doc) -> set[str]:
    """The names a question treats as places, however labelled: the subject it locates ("Bermuda" of "In
    which ocean is Bermuda located?", labelled a person) and the owner of a place's property ("Bermuda's
    economy")."""
    places = {
        t.text for t in question
        if t.dep_ == "poss" and t.pos_ == "PROPN" and t.head.lemma_.lower() in OF_A_PLACE
    }
    return places | _located(question)


def _located(question: Doc) -> set[str]:
    """The names a question asks the place of, its subject however parsed ("Richmond" of "On which river is
    Richmond located?", read as an adverb)."""
    if not locates(question):
        return set()
    subjects = (t for t in question if t.dep_ in ("nsubj", "nsubjpass", "npadvmod") and t.pos_ == "PROPN")
    return {question[t.left_edge.i : t.i + 1].text for t in subjects}


def _runs_into_a_verb(phrase: str, name: str, question: Doc) -> bool:
    """Whether `phrase` is `name` and one word more, a lower-case one a preposition follows ("Joe Simon team" of
    "Who did Joe Simon team with?", "GE release" of "How many pounds did GE release into the air?")."""
    rest = phrase[len(name) :].split() if phrase.startswith(f"{name} ") else []
    if len(rest) != 1 or not rest[0].islower():
        return False
    return any(t.text == rest[0] and t.i + 1 < len(question) and question[t.i + 1].pos_ == "ADP" for t in question)


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
    said = (base_form(verb), verb.lower_)
    # the verb again, its main one or one under it ("When was it adopted?" after "Which group supported adopting
    # the bitterroot ...?"), or the main one's noun ("the Soviet invasion of it")
    verbs = [root] + [t for t in previous if t.pos_ == "VERB" and t != root]
    again = next((t for t in verbs if base_form(t) in said), None) if passive or "dobj" in pronouns else None
    done = again if again is not None else root if _done_as_a_noun(question, base_form(root)) else None
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
    return any(
        t.pos_ == "NOUN" and names_the_doing(t.text, verb) and t.lemma_.lower() not in PERSON_NOUNS
        and any(of.lower_ == "of" and any(p.tag_ == "PRP" for p in of.children) for of in t.children)
        for t in question
    )


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
