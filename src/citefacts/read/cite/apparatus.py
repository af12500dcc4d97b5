"""A citation's apparatus: the stretches of a footnote that are bibliographic data, and its publication date.

Retrieval and archive dates, pages, ISBNs, DOIs, volumes, quoted titles and bare years of a citation
say nothing about the claim it supports: the checker and the linker skip the values found there.
The publication date comes from the parsed citation fields, not from the text again.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date

from citefacts.models import CitationFields

_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CITED_DATE = rf"(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+{_MONTHS}\s+\d{{4}}|{_MONTHS}\s+\d{{1,2}},\s+\d{{4}}|{_MONTHS}\s+\d{{4}}|\d{{4}})"
_DATA = re.compile(
    rf"(?:Retrieved|Accessed|Archived|the original on)\b[^.]{{0,40}}?(?:on\s+)?{_CITED_DATE}(?:\s+at the Wayback Machine)?"
    r"|\bpp?\.\s*[\dxivl][\dxivl,–\-\s]*|\bISBN[\s:]*[\dX\-–\s]+|\bdoi:\S+|\bS2CID\s*\d+|\bISSN[\s:]*[\dX\-]+"
    r"|\b\d{4}-\d{2}-\d{2}\b|\(\d+ ed\.\)|\b\d+\s*\(\d+\)\s*:\s*\d+[\d–\-]*|\b(?:vol|no|issue)\.?\s*\d+",
    re.I,
)
_TITLE = re.compile(r"[\"“][^\"“”]{3,200}[\"”](?=\s*(?:\(PDF\))?\s*[.,(])(?<![.!?][\"”])")
"""A quoted title in a citation: it ends with the quote mark before the period ("Title". Work.)."""
_DATE_WORDS = re.compile(rf"{_MONTHS}|\d+[a-z]?|\b(?:c|ca|eds?|circa)\b\.?|[,.;\s/–-]+", re.I)
_DATED = re.compile(r"\(([^()]{4,40})\)(?=\s*[.:])")
_YEAR_PIECE = re.compile(r"(?:^|[.\"”]\s)([^.\"”]{0,40}\b\d{4}\b[^.\"”]{0,6})\.(?=\s|$)")
_MARKER = re.compile(r"\[\d+\]")
_TAIL = re.compile(r"\b(?:Retrieved|Accessed|Archived|ISBN|ISSN|doi:)")
"""Where a citation's own words end: what follows a retrieval date or an identifier may be the source's text."""


def apparatus_spans(text: str) -> list[tuple[int, int]]:
    """Stretches of a footnote that are citation data (retrieval dates, pages, ISBNs, titles), not content."""
    spans = [(m.start(), m.end()) for m in _DATA.finditer(text)]
    spans += [(m.start(), m.end()) for m in _TITLE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _MARKER.finditer(text)]
    for match in _DATED.finditer(text):
        if re.search(r"\d{4}", match.group(1)) and not _DATE_WORDS.sub("", match.group(1)).strip(" ,.;-–"):
            spans.append((match.start(), match.end()))
    for match in _YEAR_PIECE.finditer(text):
        if len(match.group(1).split()) <= 4:
            spans.append((match.start(1), match.end(1)))
    return spans


def headline_spans(text: str, citations: Sequence[CitationFields]) -> list[tuple[int, int]]:
    """Where a footnote's text holds a citation's own words (authors, headline, work) before any quotation.

    A headline rounds its figures ("help raise $1 million"): they are the source's words, but not
    its precise statement. Offsets are local to ``text``; a citation not found in it gives none.
    """
    spans = []
    for citation in citations:
        if citation.is_note or citation.span is None:
            continue
        head = citation.span.text
        if citation.quote is not None:
            head = head[: max(0, citation.quote.start - citation.span.start)]
        tail = _TAIL.search(head)
        head = head[: tail.start()] if tail else head
        start = text.find(head) if head.strip() else -1
        if start >= 0:
            spans.append((start, start + len(head)))
    return spans


def publication_date(citations: Sequence[CitationFields]) -> date | None:
    """The last day a footnote's source can have been published on: the end of its first citation's date.

    A source cannot report what happened after it was published. Retrieval and archive dates are not
    publication dates; explanatory notes have none.
    """
    for citation in citations:
        if citation.is_note or not citation.date:
            continue
        last = _last_day(citation.date)
        if last is not None:
            return last
    return None


def _last_day(iso: str) -> date | None:
    """The last day of an ISO date as precise as it is written (``2021``, ``2021-03``, ``2021-03-04``)."""
    parts = iso.split("-")
    if not all(part.isdigit() for part in parts) or len(parts) > 3 or len(parts[0]) != 4:
        return None
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 12
    if not 1 <= month <= 12:
        return None
    day = int(parts[2]) if len(parts) > 2 else calendar.monthrange(year, month)[1]
    try:
        return date(year, month, day)
    except ValueError:
        return None
