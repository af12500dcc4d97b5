"""Words and regular-expression pieces the date rules are built from.

Kept apart from the rules so a reader sees the vocabulary in one place: month and weekday names,
number words, time units and their TIMEX3 codes, seasons, parts of the day and holidays.
"""

from __future__ import annotations

import calendar

from citefacts.lexicon import MONTHS, ORDINAL_TEENS, ORDINAL_UNITS, TEEN_WORDS, TENS_WORDS, UNIT_WORDS

MONTH_FULL_NAMES: list[str] = [calendar.month_name[i].lower() for i in range(1, 13)]

WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}
"""Weekday name -> Python weekday (Monday 0); TIMEX3 numbers them from 1."""

NUMBER_WORDS: dict[str, float] = {
    **{word: value for word, value in UNIT_WORDS.items() if value},
    **TEEN_WORDS,
    **TENS_WORDS,
    "a": 1,
    "an": 1,
    "single": 1,
    "hundred": 100,
    "half": 0.5,
    "couple": 2,
}

ORDINALS: dict[str, int] = {**ORDINAL_UNITS, **ORDINAL_TEENS, "twentieth": 20, "twenty-first": 21}
"""Ordinal words that may name a day of the month or a rank of a period ("the third week"), up to 21."""

UNITS: dict[str, str] = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "week": "W",
    "weekend": "WE",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "centurie": "CE",
}
"""Time unit (singular) -> its TIMEX3 duration code; S, M (minute) and H take a ``T``."""
TIME_UNITS = {"second", "minute", "hour"}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "dawn": "MO",
    "daytime": "DT",
}
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
    "bastille day": (7, 14),
    "armistice day": (11, 11),
    "veterans day": (11, 11),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "new year's": (1, 1),
}
FLOATING_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 4),
    "thanksgiving day": (11, 3, 4),
    "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1),
    "election day": (11, 1, 0),
}
"""Holiday -> (month, weekday, n): the n-th such weekday of the month, -1 the last; n 0 is the
US Election Day rule (the Tuesday after the first Monday)."""

MODIFIERS: dict[str, str] = {
    "early": "START",
    "the beginning of": "START",
    "the start of": "START",
    "the first half of": "START",
    "mid": "MID",
    "the middle of": "MID",
    "late": "END",
    "the end of": "END",
    "the latter part of": "END",
    "the second half of": "END",
    "the latter half of": "END",
}


def alternation(words: object) -> str:
    """A regex alternation of words, longest first so that "Sept" is tried before "Sep"."""
    return "|".join(sorted((str(w) for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


_MONTH_NAMES = [n for n in MONTHS if len(n) > 3 or n == "may"]
_MONTH_ABBRS = [n.capitalize() for n in MONTHS if len(n) <= 4 and n != "may"]
MONTH_RE = (
    r"(?:"
    + "|".join(n.capitalize() for n in sorted(_MONTH_NAMES, key=len, reverse=True))
    + "|"
    + "|".join(n.upper() for n in sorted(_MONTH_NAMES, key=len, reverse=True))
    + r"|(?:"
    + alternation(_MONTH_ABBRS)
    + r")\.)"
)
"""A capitalized month name or an abbreviation with its dot: lower-case "may" and "march" are words."""
MONTH_DAY_RE = r"(?:" + MONTH_RE + r"|(?:" + alternation(a for a in _MONTH_ABBRS if a != "Sun") + r")(?![\w.]))"
"""Before or after a day number an abbreviation needs no dot ("Oct 10, 1945", "10 Oct 1945")."""
WEEKDAY_RE = r"(?:" + alternation(n.capitalize() for n in WEEKDAYS) + r")"
NUMBER_WORD_RE = (
    r"(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four|five|six|seven|eight|nine)|"
    + alternation(w for w in NUMBER_WORDS if w not in ("a", "an", "half", "couple", "single"))
    + r")"
)
UNIT_RE = r"(?:centuries|" + alternation(UNITS) + r")"
SEASON_RE = r"(?:" + alternation(SEASONS) + r")"
ORDINAL_RE = r"(?:" + alternation(ORDINALS) + r"|\d{1,2}(?:st|nd|rd|th))"


def number_value(text: str) -> float | None:
    """The count a duration states ("two", "twenty-one", "19", "a"), None when vague ("several")."""
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        pass
    total = 0.0
    for word in words:
        if word not in NUMBER_WORDS:
            return None
        value = NUMBER_WORDS[word]
        total = total * value if value == 100 and total else total + value
    return total or None
