"""Countries as a question or a text names them: "Germany", "German", "Germany's", "the UK", "British".

One place for what the answer checks (qa.answer_kinds) and the office checks (qa.roles) ask of a word:
whether it is a country's name ("Germany") or its adjective ("German"), and whether two such words
name the same country. A name and its adjective mostly share all but the last letters of the shorter
("Japan" and "Japanese", "Germany" and "German"); the others ("France" and "French", "Britain" and
"English") are listed.
"""

from __future__ import annotations

import os
from functools import lru_cache

# countries as people name them, where the ISO names differ ("Russian Federation")
_COMMON_COUNTRY_NAMES = frozenset(
    "britain|great britain|england|scotland|wales|russia|america|the united states|us|usa|uk|"
    "holland|the netherlands|soviet union|the soviet union|ussr|prussia|korea|iran|syria|vietnam|"
    "bolivia|venezuela|tanzania|laos|moldova|taiwan|the philippines|czech republic".split("|")
)
# names and adjectives that share no first letters with their country's usual name, or name one
# country more than one way (Britain and its nations are one country here, as news writing uses them)
_SAME_COUNTRY = {
    "french": "france", "dutch": "netherlands", "holland": "netherlands", "spanish": "spain",
    "swiss": "switzerland", "irish": "ireland", "danish": "denmark", "finnish": "finland", "polish": "poland",
    "filipino": "philippines", "philippine": "philippines",
    "british": "britain", "uk": "britain", "english": "britain", "england": "britain", "scottish": "britain",
    "scotland": "britain", "welsh": "britain", "wales": "britain",
    "us": "america", "u.s.": "america", "usa": "america", "american": "america",
}
_PREFIX = 4  # "Japanese" and "Japan", "German" and "Germany": one country


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Every country's name in lower case: ISO 3166's short, common and official names (pycountry)."""
    import pycountry

    names = set(_COMMON_COUNTRY_NAMES)
    for country in pycountry.countries:
        for field in ("name", "common_name", "official_name"):
            value = getattr(country, field, None)
            if value:
                names.update({value.lower(), value.split(",")[0].lower()})
    return frozenset(names)


def is_country(text: str) -> bool:
    """Whether `text` is all of a country's name ("Germany", "the UK", "Korea, Republic of")."""
    name = " ".join(text.lower().strip(" .,;:").split())
    return name in country_names() or name.removeprefix("the ") in country_names()


@lru_cache(maxsize=1)
def _one_word_names() -> tuple[frozenset[str], frozenset[str]]:
    """One-word country names, and the first `_PREFIX` letters of those that long."""
    names = frozenset(name for name in country_names() if " " not in name) | frozenset(_SAME_COUNTRY)
    return names, frozenset(name[:_PREFIX] for name in names if len(name) >= _PREFIX)


def _bare(word: str) -> str:
    return word.lower().removesuffix("'s").removesuffix("\u2019s")


def is_nation(word: str) -> bool:
    """Whether one word names a country: its name or its adjective, possessive or not ("Japanese",
    "Germany's", "French"), found as a name or by its first letters."""
    word = _bare(word)
    names, prefixes = _one_word_names()
    return word in names or (len(word) >= _PREFIX and word[:_PREFIX] in prefixes)


def same_nation(a: str, b: str) -> bool:
    """Whether two words that name countries (see `is_nation`) name the same one: "Japan" and
    "Japanese", "Norway" and "Norwegian", "British" and "England"; not "Austria" and "Australia" (two
    countries' names), nor "Austrian" and "Australian" (they part too early)."""
    a, b = (_SAME_COUNTRY.get(_bare(w), _bare(w)) for w in (a, b))
    if a == b:
        return True
    if a in country_names() and b in country_names():
        return False
    shared = len(os.path.commonprefix([a, b]))
    return shared >= max(_PREFIX, min(len(a), len(b)) - 2)
