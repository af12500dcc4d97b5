"""Extraction: the dates, numbers and entities of a parsed text, without overlaps."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from spacy.tokens import Doc

from citefacts.dates import DateContext, find_dates
from citefacts.entities import find_entities
from citefacts.mention import DocMention
from citefacts.numbers import dates_read_as_numbers, find_numbers


def extract(doc: Doc, dct: date | None = None, context: DateContext | None = None) -> list[DocMention]:
    """All mentions in a parsed text, in text order; dates win over numbers on the same characters.

    ``context`` carries the reference date from one block of a document to the next, so a
    paragraph's "In March" takes the year the previous paragraph ended on.
    """
    dates = find_dates(doc, dct, context)
    claimed = dates_read_as_numbers(doc, dates)
    dates = [d for d in dates if d not in claimed]
    numbers = find_numbers(doc, dates)
    taken = dates + numbers
    entities = [e for e in find_entities(doc) if not any(e.overlaps(other) for other in taken)]
    return sorted(taken + entities, key=lambda found: (found.start, found.end))


def extract_blocks(docs: Iterable[Doc], dct: date | None = None) -> Iterator[list[DocMention]]:
    """Mentions of the consecutive blocks (lines, paragraphs) of one document, block by block.

    One DateContext runs through the blocks, so a paragraph's "In March" resolves against the
    year the paragraphs before it were about, as a reader would read it.
    """
    context = DateContext(dct=dct)
    for doc in docs:
        yield extract(doc, dct, context)
