"""Words that stand in for more of the last question: "do it" for its verb phrase, "one" and "ones" for
the noun it asked for."""

from __future__ import annotations

import re

from qa.followups.history import ChatTurn
from qa.followups.wording import as_object, base_form
from qa.mentions import KIND_NOUNS, WH, asked_phrase, is_plural, parse, wh_token


_WHICH_ONE = re.compile(r"^\s*(?:(?:and|but|so)\s+)?(which|what)\s+(?:(other)\s+)?(ones?)\b", re.IGNORECASE)

_GRADED_ONE = re.compile(r"\b(?:a|an|the)\s+(\w+)\s+one\b", re.IGNORECASE)  # "a weaker one", "the largest one"

_DO_IT = re.compile(r"\b(did|does|do)\s+(\S.*?)\s+do\s+(?:it|so|this|that)\b", re.IGNORECASE)


def one_named(question: str, previous: str) -> str:
    """"Which one occupies ...?" after "Which town blocks ...?": "Which town occupies ...?", the noun the last
    question asked for in its "one"'s place ("ones" for a plural; "What kind" names no noun; "Which other
    one ...?" after "Which cities ...?", another city). "a weaker one" is the noun the last question graded, and
    a verb's "one" its last singular noun ("create one" -> "create a vacuum").
    Any other "ones" is the last question's first plural noun: "What do busy ones have?" after "What do most
    of the world's airports lack?" asks about busy airports."""
    one = _WHICH_ONE.match(question)
    asked = asked_phrase(parse(previous)) if one is not None else None
    if asked is not None and asked[-1].lemma_.lower() not in KIND_NOUNS:
        several = one.group(3).lower() == "ones"
        if is_plural(asked[1:]) == several:
            return f"{question[: one.start(3)]}{asked[1:].text}{question[one.end() :]}"
        if one.group(2) and not several:  # "Which other one is?" after "Which cities are ...?": another city
            noun = " ".join([*(t.text for t in asked[1:-1]), asked[-1].lemma_])
            return f"{question[: one.start(3)]}{noun}{question[one.end() :]}"
    graded = _graded_one(question, previous)
    if graded is not None:
        return graded
    bare = _bare_one(question, previous)
    if bare is not None:
        return bare
    ones = re.search(r"\bones\b", question, re.IGNORECASE)
    if ones is None:
        return question
    doc = parse(previous)
    noun = next((t for t in doc if t.tag_ == "NNS" and t.text.islower() and t.dep_ != "compound"), None)
    return question if noun is None else f"{question[: ones.start()]}{noun.text}{question[ones.end() :]}"


def _bare_one(question: str, previous: str) -> str | None:
    """"create one" after "Who argued for the existence of vacuum ...?": "create a vacuum", the last question's last
    singular common noun (none of a time: "the first century BC") for a "one" that a verb has for its object."""
    one = next((t for t in parse(question) if t.lower_ == "one" and t.dep_ == "dobj" and not list(t.children)), None)
    nouns = [t for t in parse(previous) if t.tag_ == "NN" and t.text.islower() and t.dep_ != "compound" and not t.ent_type_]
    if one is None or not nouns:
        return None
    article = "an" if nouns[-1].lower_[0] in "aeiou" else "a"
    return f"{question[: one.idx]}{article} {nouns[-1].text}{question[one.idx + len(one.text) :]}"


def _graded_one(question: str, previous: str) -> str | None:
    """"a weaker one" after "Which party supported a stronger central government?": "a weaker central
    government", the noun the last question graded, with what came between its grading word and it."""
    one = _GRADED_ONE.search(question)
    if one is None or parse(question[one.start(1) :])[0].tag_ not in ("JJR", "JJS"):
        return None
    doc = parse(previous)
    graded = next((t for t in doc if t.tag_ in ("JJR", "JJS") and t.head.pos_ == "NOUN" and t.i < t.head.i), None)
    if graded is None:
        return None
    return f"{question[: one.end(1)]} {doc[graded.i + 1 : graded.head.i + 1].text}{question[one.end() :]}"


def done_again(question: str, previous: ChatTurn) -> str | None:
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
    done = " ".join([*(t.text for t in doc[first : verb.i]), base_form(verb)])
    done += f" {as_object(previous.answer)}" if asked_object else ""
    done = (done + previous.read_as[verb.idx + len(verb.text) :]).rstrip(" ?!.")
    return f"{question[: do_it.start(2)]}{do_it.group(2)} {done}{question[do_it.end() :]}"
