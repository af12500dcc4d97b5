"""Dates in citations, normalized to ISO (``2021``, ``2021-03``, ``2021-03-04``) where they parse.

The written forms of CS1 dates take a fast path; anything else goes to dateparser (cached, it
costs ~14 ms a call). A date that does not parse is kept as written.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

import dateparser

from citefacts.lexicon import MONTHS

_MONTH = r"(?P<month>[A-Za-z]+)\.?"
_FORMS = [
    re.compile(r"^(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})$"),
    re.compile(r"^(?P<year>\d{4})-(?P<m>\d{2})$"),
    re.compile(r"^(?P<day>\d{1,2}) " + _MONTH + r",? (?P<year>\d{4})$"),
    re.compile(r"^" + _MONTH + r" (?P<day>\d{1,2}),? (?P<year>\d{4})$"),
    re.compile(r"^" + _MONTH + r",? (?P<year>\d{4})$"),
    re.compile(r"^(?P<year>\d{4})[a-z]?$"),
]
_SEASON_OR_RANGE = re.compile(r"(?i)\b(?:spring|summer|autumn|fall|winter)\b|[–/]|\bn\.d\.")


def normalize_date(text: str) -> str:
    """An ISO date at the precision written, or the text itself when it does not parse."""
    written = text.strip().rstrip(".")
    for form in _FORMS:
        match = form.match(written)
        if match:
            fast = _from_parts(match.groupdict())
            if fast:
                return fast
    if _SEASON_OR_RANGE.search(written):
        return written
    return _dateparser_date(written)


def _from_parts(parts: dict[str, str | None]) -> str | None:
    year = parts["year"]
    month_name = parts.get("month")
    number = parts.get("m")
    month = int(number) if number else MONTHS.get(month_name.lower()) if month_name else None
    if month_name and month is None:
        return None
    if month is None:
        return year
    if not 1 <= month <= 12:
        return None
    day = parts.get("day")
    if day is None:
        return f"{year}-{month:02d}"
    if not 1 <= int(day) <= calendar.monthrange(int(year or 0) or 2000, month)[1]:
        return None
    return f"{year}-{month:02d}-{int(day):02d}"


@lru_cache(maxsize=4096)
def _dateparser_date(written: str) -> str:
    """dateparser's reading at the precision it reports, or the text as written."""
    data = dateparser.DateDataParser(languages=["en"]).get_date_data(written)
    if data.date_obj is None:
        return written
    value = data.date_obj
    if data.period == "year":
        return f"{value.year:04d}"
    if data.period == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
