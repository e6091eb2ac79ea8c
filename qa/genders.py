"""Whether a person is a "he" or a "she", from a title in the name or from how the documents refer to them.

A pronoun of one gender does not stand for a person of the other: "How much older was he?" after
"Who did Princess Margaret wish to marry?" -> "Peter Townsend" means Townsend, not Margaret. A title
in the name says it ("Princess Margaret", "King Edward VIII", "Mrs Thatcher"); else the pronouns that
follow the name in the documents, in the rest of its sentence and at the start of the next ("Peter
Townsend, ... with two sons from his previous marriage"), where they mostly agree. First names are not
guessed: what neither says stays unknown, and either pronoun may stand for that person.
"""

from __future__ import annotations

import re
from typing import Iterable

HE, SHE = "he", "she"
_TITLES = {
    SHE: frozenset(
        "queen princess duchess countess empress lady dame mrs ms miss madam madame sister mother daughter wife "
        "aunt niece grandmother actress baroness marchioness viscountess".split()
    ),
    HE: frozenset(
        "king prince duke count earl emperor lord sir mr brother father son husband uncle nephew grandfather "
        "actor baron marquess viscount pope".split()
    ),
}
# the pronouns that tell who a name is: a subject's or a reflexive, and "his"; "him" and "her" as an
# object are as often someone else, the object of the name's own verb ("Creon ... trying to stop her"),
# while "her" before a noun is mostly the name's own ("Victoria married her first cousin")
_PRONOUNS = {SHE: frozenset("she hers herself".split()), HE: frozenset("he his himself".split())}
# words that do not follow "her" as the noun it owns: "gave her the book", "told her to go", "her and him"
_NOT_OWNED = frozenset(
    "the a an to and or but in on at for with from by as that this these those into about of up out down off "
    "back away again so than then when while if".split()
)
_PREPOSITIONS = frozenset("in on at for with from by of to into after".split())
_WORD = re.compile(r"[^\W\d_][\w'-]*")
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")
_QUOTE = re.compile("[\"\u201c\u201d]")
_NO_SUBJECT_AFTER = re.compile(
    r"(?<![\w-])(?:a|an|his|her|their|its|whose|"
    r"(?:to|in|on|onto|upon|at|by|from|into|near|towards|of|over|under|with|through|across|against|about)(?:\s+the)?)\s+$",
    re.IGNORECASE,
)
_LIGHT_VERBS = frozenset("be have do get make go take become".split())
_SUBORDINATORS = frozenset("after when while although though once because since as before if until".split())
MIN_SHARE = 2  # one gender's pronouns must outnumber the other's this many times over
NEAR = 8  # words after a name that a pronoun of its own is looked for in
OWN_VERB = 3  # words after a name that "her" owning a noun is the name's own in: its verb's object


def by_title(name: str) -> str | None:
    """"she" for "Princess Margaret", "the Queen" or "Bell's mother", "he" for "King Edward VIII"; None
    without such a word ("Lord Armstrong's home"). In a name a title comes before it: "Mary King" says nothing."""
    words = _WORD.findall(_bare(name))
    owner = max((k for k, word in enumerate(words) if re.search(r"['\u2019]s$", word)), default=None)
    if owner is not None:  # what a name owns says it, not the name: "Bell's mother"; not "Lord Armstrong's home"
        words = words[owner + 1 :]
    named = len(words) > 1 and words[-1][:1].isupper()
    # an epithet after the name tells too: "Henry the Young King"
    epithet = next((k for k, word in enumerate(words) if k and word == "the"), None)
    for word in (words[:-1] if named else words) + (words[epithet + 1 :] if epithet is not None else []):
        for gender, titles in _TITLES.items():
            if word.lower().rstrip(".") in titles:
                return gender
    return None


class Genders:
    """Looks a person's gender up in the documents' own words, and whether they write a name as a group's
    (`is_group`) or a place's (`is_placed`), which tells whether "he" or "she" may mean it, as doing
    what a question asks (`writes_as_doing`), as describing a noun (`writes_before`), or as a plural
    (`writes_as_plural`); each name is worked out once."""

    def __init__(self, texts: Iterable[str] = ()) -> None:
        self._texts = [t for t in texts if t]
        self._found: dict[str, str | None] = {}
        self._groups: dict[tuple[str, bool], bool] = {}
        self._placed: dict[str, bool] = {}
        self._doing: dict[tuple[str, str], bool] = {}
        self._before: dict[tuple[str, str], bool] = {}
        self._plural: dict[str, bool] = {}

    @property
    def reads_documents(self) -> bool:
        """Whether there are documents to look names up in (without, only titles tell)."""
        return bool(self._texts)

    def of(self, name: str) -> str | None:
        """"he", "she", or None where neither the name's title nor the documents say."""
        bare = _bare(name)
        if bare not in self._found:
            self._found[bare] = by_title(bare) or self._by_pronouns(bare)
        return self._found[bare]

    def is_group(self, name: str, any_ending: bool = False) -> bool:
        """Whether a name ending in a plural's "s" is one the documents mostly write after "the", as a
        group's ("the Beatles", "the Cubs"); a person's goes without ("Jesus", though "the Jesus movement"), and
        one with a person's title is a person's whatever the documents write ("the Emperor Constantius").
        `any_ending`: whatever its last letter, for a name already known to be people's ("the Gallaeci")."""
        bare = _bare(name)
        if by_title(bare) is not None:
            return False
        if (bare, any_ending) not in self._groups:
            plural = any_ending or re.fullmatch(r"(?:[A-Z][\w'-]*\s+)*[A-Z][\w'-]*[^s\W]s", bare)
            pattern = re.compile(rf"(\b[Tt]he\s+)?(?<![\w-]){re.escape(bare)}(?![\w-])")
            found = [m for text in self._texts for m in pattern.finditer(text)] if plural else []
            self._groups[bare, any_ending] = 2 * sum(1 for m in found if m.group(1)) > len(found)
        return self._groups[bare, any_ending]

    def is_placed(self, name: str, without_documents: bool = True) -> bool:
        """Whether the documents write the name where a place goes ("in Japan", "to Paris"); "Josip", which
        the small model labels a place, they never do. Without documents, `without_documents` (by default
        any name may be a place's)."""
        if not self._texts:
            return without_documents
        bare = _bare(name)
        if bare not in self._placed:
            place = r"\b(?:[Ii]n|[Aa]t|[Tt]o|[Ff]rom|[Nn]ear|[Ii]nto)\s+(?:the\s+)?"
            pattern = re.compile(rf"{place}{re.escape(bare)}(?![\w-])")
            self._placed[bare] = any(pattern.search(text) for text in self._texts)
        return self._placed[bare]

    def writes_as_doing(self, name: str, verb: str) -> bool:
        """Whether the documents write the name as the subject of a verb (its lemma): "Mali consists of eight
        regions" for ("Mali", "consist"), a form of the verb right after the name or after one auxiliary or
        adverb. Without documents, or for a verb that says little ("be", "have", "do"), False."""
        bare = _bare(name)
        if not self._texts or not bare or verb in _LIGHT_VERBS or not verb.isalpha():
            return False
        key = (bare, verb)
        if key not in self._doing:
            stem = verb[:-1] + "i" if verb.endswith("y") else verb.removesuffix("e")
            forms = rf"(?:{verb}|{verb}s|{stem}es|{stem}ed|{verb}d|{stem}ing)"
            # (not "was" or "were": "The border between Texas and New Mexico was set" is no doing of New Mexico's)
            between = r"(?:(?:has|have|had|also|then|later|\w+ly)\s+)?"
            pattern = re.compile(rf"(?<![\w-]){re.escape(bare)}(?:['\u2019]s?)?\s+{between}{forms}\b", re.IGNORECASE)
            self._doing[key] = any(pattern.search(text) for text in self._texts)
        return self._doing[key]

    def writes_as_plural(self, name: str) -> bool:
        """Whether the documents write the name as a plural's subject, "are" or "were" right after it ("The matua
        were located in the coastal villages"); not as the last of several ("Japan and Germany are") or of what
        it is part of ("the people of Guam were"). Without documents, False."""
        bare = _bare(name)
        if not self._texts or not bare:
            return False
        if bare not in self._plural:
            several = r"(?<!\band )(?<!\bor )(?<!, )(?<!\bof )(?<!\bof the )(?<!\bof The )"
            pattern = re.compile(rf"{several}(?<![\w-]){re.escape(bare)}\s+(?:are|were)\b")
            self._plural[bare] = any(pattern.search(text) for text in self._texts)
        return self._plural[bare]

    def writes_before(self, words: str, noun: str) -> bool:
        """Whether the documents write `words` right before `noun` in lower case, as what describes it ("horse"
        before "latitudes", "Mediterranean" before "climate"). Without documents, False."""
        if not self._texts or not words.strip() or not noun.islower():
            return False
        key = (words.strip(), noun)
        if key not in self._before:
            pattern = re.compile(rf"(?<![\w-]){re.escape(key[0])}\s+{re.escape(noun)}(?![\w-])")
            self._before[key] = any(pattern.search(text) for text in self._texts)
        return self._before[key]

    def _by_pronouns(self, name: str) -> str | None:
        if not name or not self._texts:
            return None
        counts = {HE: 0, SHE: 0}
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
        for text in self._texts:
            for found in pattern.finditer(text):
                if _NO_SUBJECT_AFTER.search(text, max(0, found.start() - 12), found.start()):
                    # "a Spectre meeting, where he ...": a name after "a" says what kind; "travelled to Paris and
                    # allied himself with ...", "When Magellan arrived on Guam, he was greeted": one after a
                    # preposition is no subject of the verbs that follow,
                    # nor one owned ("in his Seven Lamps of Architecture, published 1849, was ... in his view"), nor one
                    # after "by the" ("by the British journal Physics World he was ranked ...")
                    continue
                # the nearest pronoun after each mention is the likeliest to mean it
                words = [w.lower() for w in _following_words(text, found.start(), found.end())]
                said = (_gender_of(w, i, words[i + 1 : i + 2], words[i - 1] if i else "") for i, w in enumerate(words))
                first = next(filter(None, said), None)
                if first is not None:
                    counts[first] += 1
        he, she = counts[HE], counts[SHE]
        if he >= MIN_SHARE * she and he:
            return HE
        if she >= MIN_SHARE * he and she:
            return SHE
        return None


def _gender_of(word: str, at: int, after: list[str], before: str) -> str | None:
    """The gender the `at`-th word after a name says the name has: a subject's or reflexive pronoun, "his",
    or "her" owning the noun after it as the object of the name's own verb ("Victoria married her first
    cousin", "Victoria later described her childhood"); not "her" further on ("Albert took on most of her
    duties"), nor as an object ("to stop her.", "gave her the book"), nor under a preposition ("The city was
    renamed Hyderabad in her honour")."""
    if word == "her":
        owned = at < OWN_VERB and after and after[0] not in _NOT_OWNED and before not in _PREPOSITIONS
        return SHE if owned else None
    return next((g for g, pronouns in _PRONOUNS.items() if word in pronouns), None)


def _bare(name: str) -> str:
    """The name without a leading article or a possessive ending ("the Duke's" -> "Duke")."""
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.IGNORECASE)
    return re.sub(r"['\u2019]s?$", "", name)


def _following_words(text: str, start: int, end: int) -> list[str]:
    """The few words after a name (at `start:end`) where a pronoun most likely refers back to it: up to
    `NEAR`, stopping at another name, "which" or "whom", a quotation (its "she" is a speaker's) or the
    sentence's end; the first word of the main clause after a clause the name opened ("After Jedlik
    solved ..., he called ..."); and the first word of the next sentence where the name opened its own
    and no other name followed in it ("Bell refused to have a telephone in his study. He ...")."""
    stop_match = _SENTENCE_END.search(text, end)
    stop = stop_match.start() if stop_match else len(text)
    near: list[str] = []
    for word in _WORD.finditer(text, end, stop):
        another_name = word.group()[:1].isupper() and len(word.group()) > 1  # not "R" of "(on screen, R)"
        # "the University of Erfurt, which he later described as ...": that clause's subject is another
        relative = word.group().lower() in ("which", "whom")
        if another_name or relative or len(near) == NEAR or _QUOTE.search(text, end, word.start()):
            break
        near.append(word.group())
    # the next sentence's subject is this one's where the name opened it and no other name came after
    lead = text[_sentence_start(text, start) : start].strip()
    alone = not any(w[:1].isupper() and len(w) > 1 for w in _WORD.findall(text, end, stop))
    following = _WORD.search(text, stop_match.end()) if stop_match and lead in ("", "The") and alone else None
    # "After Jedlik solved ..., he called ...": the main clause's subject is that of the clause the name opened
    comma = text.find(",", end, stop) if lead.lower() in _SUBORDINATORS and alone else -1
    main = _WORD.search(text, comma, stop) if comma != -1 else None
    return near + [found.group() for found in (main, following) if found]


def _sentence_start(text: str, at: int) -> int:
    ends = list(_SENTENCE_END.finditer(text, 0, at))
    return ends[-1].end() if ends else 0
