"""Extraction: the dates, numbers and entities of a parsed text, without overlaps."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from citefacts.dates import find_dates
from citefacts.entities import find_entities
from citefacts.found import Found
from citefacts.numbers import find_numbers


def extract(doc: Doc, dct: date | None = None) -> list[Found]:
    """All mentions in a parsed text, in text order; dates win over numbers on the same characters."""
    dates = find_dates(doc, dct)
    numbers = find_numbers(doc, dates)
    entities = [e for e in find_entities(doc) if not any(e.overlaps(other) for other in dates + numbers)]
    return sorted(dates + numbers + entities, key=lambda found: (found.start, found.end))
