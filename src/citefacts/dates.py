"""Dates: find time expressions and normalize them to TIMEX3 values and calendar intervals.

Detection starts from spaCy's DATE and TIME entities; normalization takes fast paths for the
common written forms and falls back to dateparser (cached: it costs ~14 ms a call).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from functools import lru_cache

import dateparser
from spacy.tokens import Doc

from citefacts.found import Found
from citefacts.models import DateValue

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DASH = r"\s*(?:–|—|-|to|until|through)\s*"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"^(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$")),
    ("dmy", re.compile(r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{3,4})$", re.I)),
    ("mdy", re.compile(r"^" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{3,4})$", re.I)),
    ("my", re.compile(r"^" + _MONTH + r",?\s+(?:of\s+)?(?P<year>\d{3,4})$", re.I)),
    ("year", re.compile(r"^(?:the\s+year\s+|in\s+)?(?P<year>\d{3,4})$", re.I)),
    (
        "year_range",
        re.compile(r"^(?:from\s+|between\s+)?(?P<year>\d{4})(?:" + _DASH + r"|\s+and\s+)(?P<year2>\d{2,4})$", re.I),
    ),
    ("decade", re.compile(r"^(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<year>\d{3})0'?s$", re.I)),
    (
        "century",
        re.compile(r"^(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+century$", re.I),
    ),
]

_MODS = {"early": "START", "mid": "MID", "late": "END"}


def find_dates(doc: Doc, dct: date | None = None) -> list[Found]:
    """Time expressions in a parsed text, with TIMEX3 values where they can be normalized."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        start, end = _trim(doc.text, ent.start_char, ent.end_char)
        if end <= start:
            continue
        value = normalize(doc.text[start:end], dct)
        if value is None:
            continue
        found.append(Found(start, end, ent.label_, value))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article or preposition that spaCy includes in some DATE spans."""
    span = text[start:end]
    match = re.match(r"(?:the|a|an|in|on|at|by|of)\s+(?=\d)", span, re.I)
    if match:
        start += match.end()
    while end > start and text[end - 1] in " ,.;:":
        end -= 1
    return start, end


def normalize(text: str, dct: date | None = None) -> DateValue | None:
    """A DateValue for one time expression, or None when it cannot be normalized."""
    cleaned = " ".join(text.split())
    for name, pattern in _PATTERNS:
        match = pattern.match(cleaned)
        if match:
            value = _from_match(name, match)
            if value is not None:
                return value
    return _with_dateparser(cleaned, dct)


def _from_match(name: str, match: re.Match[str]) -> DateValue | None:
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else 0
    if name == "iso":
        return day_value(year, int(groups["m"]), int(groups["d"]))
    if name in ("dmy", "mdy"):
        return day_value(year, MONTHS[groups["month"].lower()], int(groups["day"]))
    if name == "my":
        return month_value(year, MONTHS[groups["month"].lower()])
    if name == "year":
        return year_value(year)
    if name == "year_range":
        second = groups["year2"]
        year2 = int(str(year)[: 4 - len(second)] + second)
        if year2 <= year:
            return None
        return DateValue(
            timex=f"{year}/{year2}", granularity="year", first_day=date(year, 1, 1), last_day=date(year2, 12, 31)
        )
    if name == "decade":
        decade = int(groups["year"]) * 10
        return DateValue(
            timex=str(decade // 10),
            granularity="decade",
            first_day=date(max(decade, 1), 1, 1),
            last_day=date(decade + 9, 12, 31),
            mod=_MODS.get((groups.get("mod") or "").lower()),
        )
    if name == "century":
        century = int(groups["n"])
        first = (century - 1) * 100
        return DateValue(
            timex=f"{century - 1:02d}",
            granularity="century",
            first_day=date(max(first, 1), 1, 1),
            last_day=date(first + 99, 12, 31),
            mod=_MODS.get((groups.get("mod") or "").lower()),
        )
    return None


def day_value(year: int, month: int, day: int) -> DateValue | None:
    """A single calendar day, or None if it does not exist."""
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    return DateValue(timex=when.isoformat(), granularity="day", first_day=when, last_day=when)


def month_value(year: int, month: int) -> DateValue | None:
    """A calendar month."""
    if not 1 <= month <= 12 or year < 1:
        return None
    last = calendar.monthrange(year, month)[1]
    return DateValue(
        timex=f"{year:04d}-{month:02d}",
        granularity="month",
        first_day=date(year, month, 1),
        last_day=date(year, month, last),
    )


def year_value(year: int) -> DateValue | None:
    """A calendar year."""
    if year < 1:
        return None
    return DateValue(timex=f"{year:04d}", granularity="year", first_day=date(year, 1, 1), last_day=date(year, 12, 31))


@lru_cache(maxsize=4096)
def _with_dateparser(text: str, dct: date | None) -> DateValue | None:
    """Normalize with dateparser, keeping only what the text states (no invented day or month)."""
    if not re.search(r"\b\d{3,4}\b", text):
        return None
    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if dct is not None:
        settings["RELATIVE_BASE"] = datetime(dct.year, dct.month, dct.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        return None
    has_day = bool(re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)", re.sub(r"\b\d{3,4}\b", "", text)))
    has_month = bool(re.search(r"\b(?:" + "|".join(MONTHS) + r")\b", text, re.I))
    if has_day and has_month:
        return day_value(parsed.year, parsed.month, parsed.day)
    if has_month:
        return month_value(parsed.year, parsed.month)
    return None
