"""The previous question asked with another question word: "When did they meet?" -> "Why did they meet?",
its answer put where the old question word was asked."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from qa.followups.wording import as_inserted, as_object, base_form, modifies, starts_as_name, untagged_past, upper_first
from qa.mentions import KIND_NOUNS, parse, wh_token, with_of_phrase

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_CORE = frozenset({"nsubj", "nsubjpass", "dobj"})  # a subject's or an object's role: a noun's, however tagged


def with_question_word(previous: Doc, word: str, answer: str | None) -> str:
    """The previous question asking `word` instead: "When did they meet?" -> "Why did they meet?".

    Where the previous question word was its subject ("Which country sent jets?"), its answer takes
    that place: "Why did Germany send jets?"."""
    wh = wh_token(previous)
    if wh is None:
        return f"{upper_first(word)} {previous.text}"
    # "which battle", "how many troops", "whose supervision": the question word with its noun
    owner = wh.lower_ == "whose" and wh.dep_ == "poss"
    # "What did the Estonian SSR issue in 1988?", its verb read as a noun whose determiner "What" is: "What" alone
    # is the question phrase, and the verb's object
    misread = wh.dep_ == "det" and wh.i + 1 < len(previous) and previous[wh.i + 1].lemma_ == "do" and wh.head.i > wh.i + 1
    phrase_end = (
        wh.head.i + 1 if (wh.dep_ == "det" and not misread) or owner or wh.head.lower_ in ("many", "much") else wh.i + 1
    )
    # "In which battle", however "which" is parsed, and "Which mathematician" with its noun tagged an adjective
    nominal = wh.i + 1 < len(previous) and (previous[wh.i + 1].pos_ == "NOUN" or previous[wh.i + 1].dep_ in _CORE)
    if wh.lower_ in ("which", "what") and nominal:
        phrase_end = max(phrase_end, wh.i + 2)
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
        elif phrase_end < len(previous) and previous[phrase_end].lower_ == "of" and list(previous[phrase_end].children):
            phrase_end = previous[phrase_end].right_edge.i + 1  # "How much of its biodiversity": what it is of too
    head = previous[phrase_end - 1]
    after_noun = next((c for c in head.children if c.dep_ == "prep" and c.i == phrase_end), None)
    if wh.lower_ in ("which", "what") and phrase_end > wh.i + 1 and head.pos_ == "NOUN" and after_noun is not None:
        phrase_end = after_noun.right_edge.i + 1  # "Which daily newspaper in Sanskrit": the phrase after its noun too
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
        return f"{upper_first(word)} {rest.text}"
    # "Which country does not celebrate Carnival?" asks for its subject: "does" runs on into "not" or the verb
    subject_asked = len(rest) > 1 and (rest[1].lower_ in ("not", "n't") or rest[1].pos_ == "VERB")
    if len(rest) > 1 and (rest[0].lower_ in ("do", "does", "did") and not subject_asked or counted_object) and answer:
        if wh.lower_ == "what" and len(phrase) == 1 and rest[-2].lemma_ == "do" and rest[-2].i > rest[0].i:
            done = _did(answer)  # "What did the frigate do?" -> "made a port call": "When did the frigate make ...?"
            if done is not None:
                return f"{upper_first(word)} {previous[phrase_end : rest[-2].i].text} {done}{rest[-1].text}"
        if asked_a_phrase:
            # "Which jets did Germany send to Japan?" asked for an object, however parsed: "How many jets did
            # Germany send to Japan?", "When did Germany send the Eurofighter jets to Japan?"; after "How
            # many jets ...?" -> "three", "When did Germany send three jets to Japan?"
            nouns = previous[wh.i + (2 if how_many else 1) : phrase_end]
            noun = nouns.text
            if counting:
                return f"{upper_first(word)} {noun} {rest.text}"
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
                inserted = _with_its_noun(answer, nouns) if how_many or modifies(answer) else as_inserted(answer, False)
                return f"{upper_first(word)} {previous.text[rest.start_char : at]} {inserted}{previous.text[at:]}"
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
        inserted = _with_its_noun(answer, previous[wh.i + 2 : phrase_end]) if how_many else as_inserted(answer, False)
        if verb.pos_ == "AUX":  # "Which country is poised ..." -> "Why is North Korea poised ..."
            return " ".join(f"{upper_first(word)} {verb.text} {inserted} {before} {tail}".split())
        # a past form the tagger read as a present one ("decreed" of "Which president decreed ...?") is past
        past = verb.tag_ == "VBD" or untagged_past(verb) is not None
        aux = "did" if past else "does" if verb.tag_ == "VBZ" else "do"
        text = f"{upper_first(word)} {aux} {inserted} {before} {base_form(verb)} {tail}"
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
        named = wh.lower_ == "who" and starts_as_name(answer)
        end = wh.head if named else [t for t in previous if not t.is_punct][-1]
        at = end.idx + len(end.text) if named or end.i > wh.head.i + 1 else None
    if at is not None:
        text = f"{previous[:start].text} {word} {previous.text[rest.start_char : at]} {as_object(answer)}"
        return upper_first(text.strip() + previous.text[at:])
    numbered = next((c for c in rest.noun_chunks if c[0].pos_ == "NUM" and len(c) > 1), None) if counting else None
    if numbered is not None and len(phrase) == 1:
        # "How many?" after "When did Germany send three Eurofighter jets?": the jets are counted
        word = f"{word} {numbered[1:].text}"
        rest_text = (previous.text[rest.start_char : numbered.start_char] + previous.text[numbered.end_char :]).strip()
        return upper_first(" ".join(f"{previous[:start].text} {word} {rest_text}".split()).replace(" ?", "?"))
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
            owned = f"{as_inserted(bare, True)} {previous[wh.i + 1 : phrase_end].text}"
        text = f"{text[:end]} {previous[start : wh.i].text.lower()} {owned}{text[end:]}"
    elif answer and word.lower().startswith("instead of"):
        # "Instead of what?" asks for what the answer stands in place of: "Instead of what do some viruses store
        # their genome in RNA?" after "Where do some viruses store their genome?" -> "in RNA"
        placed = answer if wh.lower_ != "where" or parse(answer)[0].pos_ == "ADP" else f"in {answer}"
        end = len(text.rstrip("?!. "))
        text = f"{text[:end]} {as_inserted(placed, False)}{text[end:]}"
    return upper_first(text)


def _with_its_noun(answer: str, nouns: Span) -> str:
    """An answer with the noun its question asked for ("three" jets), once: "three pairs" of legs; a kind
    with the noun of its kind ("humid subtropical" climate)."""
    if len(nouns) > 2 and nouns[0].lemma_.lower() in KIND_NOUNS and nouns[1].lower_ == "of":
        nouns = nouns[2:]
    if nouns and answer.split()[-1].lower() == nouns[0].lower_:
        return f"{answer} {nouns[1:].text}".strip()
    return f"{answer} {nouns.text}".strip()


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


def _counted(answer: str) -> str:
    """What an answer counts: "Eurofighter jets" of "three Eurofighter jets"; "" when it is a bare number."""
    doc = parse(answer)
    if doc[:].root.pos_ not in ("NOUN", "PROPN") or any(e.label_ in ("DATE", "TIME") for e in doc.ents):
        return ""  # "September" answered a "when": nothing to count
    start = next((t.i for t in doc if t.dep_ not in ("det", "nummod", "quantmod", "predet") and t.pos_ != "NUM"), len(doc))
    return doc[start:].text
