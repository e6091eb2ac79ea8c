"""Ellipsis: "Why?", "And Germany?", "And the southern one?" read as the previous question with a new
question word, name or description."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from qa.followups.history import ChatTurn
from qa.followups.question_words import with_question_word
from qa.followups.wording import A_NAME, A_SHARE, A_TIME_APART, SHARE_OF
from qa.mentions import (
    PERSON_NOUNS, PLACING, WH, counted_phrase, is_plural, kind_of_span, parse, question_mentions, wh_token,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_ASKS_TIME = re.compile(r"^(?:since |until |till )?when\b|\bwhat (?:year|date|time|century|decade)\b")

# a time an answer runs on into: "pirates as early as 1603", "the Red Book in 1980"
_TRAILING_TIME = re.compile(
    r"\s+(?:as (?:early|late) as|in|on|by|since|around|about|until|from)\s+[\w ,.–-]*\b\d{3,4}s?\W*$", re.IGNORECASE
)

# the means an answer runs on into, which "How?" asks for: "energy consumption by reducing the need for lighting"
_TRAILING_MEANS = re.compile(r"\s+(?:by|through)\s+\w+ing\b.*$", re.IGNORECASE)

# prepositions a lone question word may come with ("Into what?"), whose phrase an answer may have run on into
_PREPOSITIONS = frozenset("into onto to towards toward from with by for in on at under over through against among".split())

# "Who else met ...?", "What else did they agree?": a question of its own that asks past earlier answers
ELSE_INSIDE = re.compile(
    r"\b(who|whom|what|where|which\s+[^\W\d_]+|how\s+many\s+[^\W\d_]+)\s+else\b", re.IGNORECASE
)

# "And in which country, soon after?": a time said after the ellipsis, kept for the question it stands for
_TRAILING_WHEN = re.compile(
    r",\s*((?:soon |shortly |not long |long |just )?(?:after|afterwards|later|before|earlier)(?: that)?|then|now|today)"
    r"\s*\?*\s*$",
    re.IGNORECASE,
)

_ELLIPSIS_LEAD = re.compile(r"^\s*(?:and|but|so|what about|how about)\s+", re.IGNORECASE)

# "Why?", "And when exactly?", "Against whom?", "Since when?", "Instead of what?", "By whose vote?", "And how many acres?",
# "With what share of the vote?"
_LONE_WH = re.compile(
    r"^\s*(?:(?:and|but|so)\s+)?"
    r"((?:(?:mainly|mostly|chiefly|primarily|largely|usually|roughly)\s+)?"  # "Mainly where?"
    r"(?:(?:according\s+to|instead\s+of|along\s+with|together\s+with|"
    r"against|with|within|without|by|to|toward|towards|for|from|since|until|in|"
    r"inside|outside|"
    r"on|at|about|around|after|before|of|as|into|over|under|during|through|throughout|among|between|across|along|"
    r"near|behind|beyond|via|upon|amid|amidst|despite|following|unlike|like|besides|beside|alongside|regarding|"
    r"concerning)\s+"
    # "By the union of which churches?", "At the request of whom?", "As part of what?", "With programs in what?"
    r"(?:(?:the\s+)?[^\W\d_]+\s+(?:of|in|on|for)\s+)?)?"
    # "And how many Copa del Rey trophies?": what is counted, a name of three words and its noun
    # "How long after the introduction of the Web?": how long, told from another time
    r"(?:why|when|where|how\s+(?:many|much)(?:\s+[^\W\d_]+){0,4}|how\s+(?:long|soon)\s+(?:after|before)\s+[^?]+?|"
    r"how\s+(?:long|often|far)|how|whom|who|"
    r"whose\s+[^\W\d_]+|"
    # "With what share of the vote?": a phrase with its "of"
    # (a word may have hyphens: "In which by-election?")
    r"(?:which|what)\s+(?!(?:about|for|if|then|exactly|is|was|are|were|did|do|does)\b)[^\W\d_]+(?:-[^\W\d_]+)*"
    r"(?:\s+[^\W\d_]+(?:-[^\W\d_]+)*)?"
    r"(?:\s+of\s+(?:the\s+)?[^\W\d_]+)?|"
    r"what)(?:\s+(?:especially|precisely|approximately))?)"  # "And in which country?", "When especially?"
    r"\s*(?:then|exactly)?\s*\??\s*$",
    re.IGNORECASE,
)


def _same_gerund(new: Doc, previous: Doc) -> Token | None:
    """The "-ing" verb of the previous question that an ellipsis opens with again, its phrase to be swapped
    ("eating" of "What is eating parts of plants called?" for "And eating parts of fungi?")."""
    if not len(new) or new[0].tag_ != "VBG":
        return None
    return next((t for t in previous if t.tag_ == "VBG" and t.lower_ == new[0].lower_ and t.right_edge.i > t.i), None)


def resolve_ellipsis(question: str, previous: ChatTurn) -> str | None:
    """'Why?' or 'And Germany?': the previous question as read, with a new question word or name."""
    when = _TRAILING_WHEN.search(question)
    if when is not None:  # "And in which country, soon after?" -> "In which country did ..., soon after?"
        read = resolve_ellipsis(f"{question[: when.start()]}?", previous)
        return None if read is None else f"{read.rstrip('?').rstrip()}, {when.group(1)}?"
    # "When?" after "What else happened in Munster?" asks when what happened there happened, no "else"
    previous = replace(previous, read_as=ELSE_INSIDE.sub(r"\1", previous.read_as))
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
        return with_question_word(parse(previous.read_as), word, answer)
    lead = _ELLIPSIS_LEAD.match(question)
    if not lead:
        return None
    rest = question[lead.end() :].strip().rstrip("?").strip()
    asked = wh_token(parse(previous.read_as))
    first = rest.split(maxsplit=1)
    if asked is not None and len(first) == 2 and first[0].lower() == asked.lower_:
        rest = first[1]  # "And why the North Siders?" after "Why are the Cubs called the Lovable Losers?"
    doc = parse(rest)
    gerund = _same_gerund(doc, parse(previous.read_as))
    if gerund is not None:  # "And eating parts of fungi?" after "What is eating parts of plants called?"
        end = gerund.right_edge
        return previous.read_as[: gerund.idx] + rest + previous.read_as[end.idx + len(end.text) :]
    # (a capitalised word before a name is in it: "Turing" of "Turing Awards", tagged a verb)
    # (nor is a lone "-ing" word after "What is ...?", a gerund: "And depaneling?" after "What is panelization?";
    # nor a relative clause's: "And pain that resolves quickly?")
    gerund = len(doc) == 1 and doc[0].tag_ == "VBG" and _what_it_is(parse(previous.read_as)) is not None
    clause_words = {w.i for t in doc if t.dep_ == "relcl" for w in t.subtree}
    verbs = [
        t for t in doc if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") and t.i not in clause_words
        and not (t.text[:1].isupper() and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN") and not gerund
    ]
    if not rest or verbs or any(t.lower_ in WH and t.i not in clause_words for t in doc):
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
        unplaced = A_TIME_APART.match(name) is not None  # "a year later" takes no "in"
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
    # and a description for a description: "And the largest city?" after "What is the capital of Guam?" is no Guam
    described = not _a_name(name)
    target = min(kin, key=lambda m: (m.plural != plural, (not _a_name(m.text)) != described), default=None)
    names = [m for m in mentions if A_NAME.fullmatch(m.text) and m.text != name]
    if target is None and A_NAME.fullmatch(name) and len({m.text for m in names}) == 1:
        # a name for the one name asked about, whatever the small model labels either ("And Bristol?", an
        # organisation to it, after "How many times was London attacked?")
        target = names[0]
    things = [m for m in mentions if not m.named and m.text != name]
    unnamed = [m for m in things if m.plural == plural] or things  # (of another number where that is all there is:
    # "And the oceans?" after "What produced the primordial atmosphere?")
    if target is None and not A_NAME.fullmatch(name) and len(unnamed) == 1:
        # a thing for the one thing of its number asked about, whatever their kinds ("And the discs?" after
        # "Who produced the players?", the players a person's noun to the rules)
        target = unnamed[0]
    said = _what_it_is(prev) if target is None else None
    if said is not None:  # "And predation?" after "What is detritivory?", "detritivory" read as an adjective
        return previous.read_as[: said.start_char] + name + previous.read_as[said.end_char :]
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
    share = SHARE_OF.search(previous.read_as[:start])
    if share is not None and A_SHARE.match(name):
        start = share.start()  # "And many others?" after "What religion do most of Kathmandu's people follow?"
    head, of, owner = target.text.partition(" of ")
    if of and owner and " of " not in name and described and not _a_name(head):
        end = start + len(head)  # "And the most populous city?" after "What is the capital city of Guam?": of Guam too
    old_clause = next((t for t in prev if t.dep_ == "relcl" and t.head.idx < end and t.left_edge.idx >= end), None)
    if clause_words and old_clause is not None:  # "And pain that resolves quickly?" after "What is pain that lasts a long
        # time called?": its own relative clause takes the old one's place
        end = old_clause.right_edge.idx + len(old_clause.right_edge.text)
        naming = re.search(r"\s(?:called|named|termed|known\s+as)\W*$", previous.read_as[:end])
        end = naming.start() if naming is not None else end  # (not the "called" the parser hung on it)
    after = next((t for t in prev if t.idx >= end), None)
    own = after is not None and after.pos_ == "ADP" and re.search(rf"\s{re.escape(after.lower_)}\s", name)
    if own and after.idx - end <= 1:
        # a phrase with its own "of" takes the old one's with it: "And the end of the Republic?" after "When is the
        # overthrow of the Roman Kingdom traditionally dated?"; so with "in": "And choice in our diets?" after "What
        # offers variety in what we eat?"
        end = after.right_edge.idx + len(after.right_edge.text)
    return previous.read_as[:start] + name + previous.read_as[end:]




def _what_it_is(question: Doc) -> Span | None:
    """"detritivory" of "What is detritivory?": all a question for what something is asks about, after its "is"."""
    words = [t for t in question if not t.is_punct]
    if len(words) < 3 or words[0].lower_ not in ("what", "who") or words[1].lemma_ != "be":
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.lower_ in WH for t in words[2:]):
        return None
    return question[words[2].i : words[-1].i + 1]


def _a_name(text: str) -> bool:
    """Whether a phrase is a name, with its "the" ("the Maastricht Treaty") or without."""
    return A_NAME.fullmatch(re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)) is not None


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
