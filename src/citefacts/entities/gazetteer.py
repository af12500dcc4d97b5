"""The place and demonym names citefacts trusts, read from the data files that entities_build generates.

Two tiers: *trusted* names (countries, their codes and official names, capitals, demonyms) relabel a
model's entity wherever they match; *places* (GeoNames towns, ISO subdivisions) only where the text
also treats the name as a place, since many town names are also people's names ("Joshua", "Adam").
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from citefacts.entities.cues import demonym_before

DATA = Path(__file__).parent / "data"
GAZETTEER_FILE = DATA / "entities_gazetteer.tsv"
PLACES_FILE = DATA / "entities_places.txt.gz"


@dataclass(frozen=True)
class Entry:
    """A trusted name: the label it must carry and the canonical name of what it names."""

    name: str
    label: str
    canonical: str
    tier: str
    """country, code, capital, demonym or language."""


@dataclass(frozen=True)
class Gazetteer:
    """Trusted names by surface form, and the set of other known place names."""

    trusted: dict[str, Entry]
    places: frozenset[str]

    def lookup(self, text: str) -> Entry | None:
        """The trusted entry for an entity's text, ignoring a leading "the" and a trailing possessive."""
        return self.trusted.get(strip_name(text))

    def is_place(self, text: str) -> bool:
        """Whether a text names a known place of either tier (towns only when not in capitals: "OIC" is one)."""
        name = strip_name(text)
        entry = self.trusted.get(name)
        return (entry is not None and entry.label != "NORP") or (name in self.places and not name.isupper())


def demonym_of_cue(text: str, start: int, gazetteer: Gazetteer) -> bool:
    """Whether a plural demonym and "of" come right before ``start`` ("the Armenians of Karabakh")."""
    word = demonym_before(text, start)
    entry = gazetteer.lookup(word) if word else None
    return entry is not None and entry.label == "NORP" and entry.name != entry.canonical


def strip_name(text: str) -> str:
    """An entity's text as a gazetteer key: no leading "the", no possessive, single spaces."""
    name = " ".join(text.split())
    if name[:4].lower() == "the ":
        name = name[4:]
    for suffix in ("'s", "’s", "'", "’"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _data_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def load_gazetteer(gazetteer_file: Path = GAZETTEER_FILE, places_file: Path = PLACES_FILE) -> Gazetteer:
    """Read both data files once per process (about 0.2 s)."""
    trusted = {}
    for line in _data_lines(gazetteer_file.read_text(encoding="utf-8"))[1:]:
        name, label, canonical, tier = line.split("\t")
        trusted[name] = Entry(name, label, canonical, tier)
    places = frozenset(_data_lines(gzip.decompress(places_file.read_bytes()).decode("utf-8")))
    return Gazetteer(trusted, places)
