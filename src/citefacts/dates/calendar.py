"""Rules for calendar expressions: days, months, years, decades, centuries, seasons, quarters.

Each rule is a regular expression and a builder that turns a match into a Draft stating only
what the words say; a builder returns None to reject a match (a lone "May" that is a verb).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from citefacts.dates.draft import Anchoring, Draft, DraftKind
from citefacts.dates.holidays import HOLIDAY_RULE
from citefacts.dates.lexicon import (
    MONTH_DAY_RE,
    MONTH_RE,
    ORDINAL_RE,
    PARTS_OF_DAY,
    SEASON_RE,
    SEASONS,
    WEEKDAY_RE,
)
from citefacts.dates.patterns import (
    ERA,
    MOD_RE,
    WORD_END,
    WORD_START,
    month_number,
    month_word_ok,
    ordinal_number,
    read_mod,
    read_year,
    year_re,
)

Builder = Callable[[re.Match[str], str], Draft | None]
Rule = tuple[str, re.Pattern[str], Builder]

_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"
_POD_OF = r"(?:(?i:early\s+in\s+))?(?i:the)\s+(?P<pod>(?i:morning|afternoon|evening|night))\s+of\s+"
_ANAPHORIC_YEAR = r"(?:\s+of)?\s+(?P<ayear>(?i:that|the\s+same|the\s+following|the\s+previous|this|last|next))\s+year"


def _date(m: re.Match[str], text: str) -> Draft | None:
    """A day, month or year, as far as the match states them."""
    groups = m.groupdict()
    month = month_number(groups["mon"]) if groups.get("mon") else None
    day = int(groups["day"]) if groups.get("day") else None
    if day is not None and not 1 <= day <= 31:
        return None
    year = read_year(m, "y")
    if month is not None and year is None and day is None and not month_word_ok(text, m.start("mon"), groups["mon"]):
        return None
    pod = PARTS_OF_DAY.get((groups.get("pod") or "").lower())
    kind: DraftKind = "time" if pod else "date"
    draft = Draft(m.start(), m.end(), kind, "date", year=year, month=month, day=day, mod=read_mod(m), part_of_day=pod)
    return _with_anaphoric_year(draft, groups.get("ayear"))


def _week_of(m: re.Match[str], text: str) -> Draft | None:
    """ "the week of March 6": the calendar week that holds the day."""
    draft = _date(m, text)
    return replace(draft, rule="week_of") if draft is not None else None


def _with_anaphoric_year(draft: Draft, words: str | None) -> Draft:
    """ "July of that year": the month stays, the year comes from the reference date."""
    if not words:
        return draft
    lower = " ".join(words.lower().split())
    offset = {"the following": 1, "next": 1, "the previous": -1, "last": -1}.get(lower, 0)
    anchoring: Anchoring = "deictic" if lower in ("this", "last", "next") else "anaphoric"
    return replace(draft, anchoring=anchoring, unit="year", offset=offset)


_NUMBERED = re.compile(
    r"\b(?:No|Nos|Number|Resolution|Route|Highway|Flight|Division|Brigade|Regiment|Squadron|Article|Section|"
    r"Chapter|Page|p|pp|Law|Act|Rule|Item|Unit|Model)\.?\s*$",
    re.I,
)
"""Words after which four digits are a label, not a year ("Resolution 1483", "Flight 1549")."""


def _year(m: re.Match[str], text: str) -> Draft | None:
    year = read_year(m, "y")
    if year is None:
        return None
    start = m.start()
    prefix = text[max(0, start - 4) : start]
    if m.groupdict().get("y_plain") and (
        re.search(r"[$£€#]\s*$", prefix) or _NUMBERED.search(text[max(0, start - 14) : start])
    ):
        return None
    return Draft(start, m.end(), "date", "year", year=year, mod=read_mod(m))


def _iso(m: re.Match[str], text: str) -> Draft | None:
    month, day = int(m.group("mm")), int(m.group("dd"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Draft(m.start(), m.end(), "date", "iso", year=int(m.group("yyyy")), month=month, day=day)


def _numeric(m: re.Match[str], text: str) -> Draft | None:
    """ "12/25/1998" (month first, as in US news) or "25/12/1998" when the first number cannot be a month."""
    first, second = int(m.group("na")), int(m.group("nb"))
    month, day = (first, second) if first <= 12 else (second, first)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return Draft(m.start(), m.end(), "date", "iso", year=int(m.group("yyyy")), month=month, day=day)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}  # fmt: skip


def _word_decade(m: re.Match[str], text: str) -> Draft | None:
    """ "the nineties", "the early sixties": decades of the 1900s written in words."""
    groups = m.groupdict()
    mod = {"early": "START", "mid": "MID", "late": "END"}.get((groups.get("dmod") or "").lower())
    return Draft(m.start(), m.end(), "date", "decade", decade=190 + _DECADE_WORDS[groups["dw"].lower()], mod=mod)


def _two_digit_year(m: re.Match[str], text: str) -> Draft | None:
    return Draft(m.start(), m.end(), "date", "year2", two_digit_year=int(m.group("yy")))


def _range_left(m: re.Match[str], text: str) -> Draft | None:
    """The bare first end of a range ("6" in "6-15 October", "492" in "492-490 BC")."""
    groups = m.groupdict()
    if groups.get("lday"):
        day = int(groups["lday"])
        return Draft(m.start(), m.end(), "date", "range_day", day=day) if 1 <= day <= 31 else None
    return Draft(m.start(), m.end(), "date", "range_year", year=int(groups["lyear"]))


def _decade(m: re.Match[str], text: str) -> Draft | None:
    groups = m.groupdict()
    mod = read_mod(m) or {"early": "START", "mid": "MID", "late": "END"}.get((groups.get("dmod") or "").lower())
    bc = bool(groups.get("era")) and groups["era"].upper().startswith("B")
    if groups.get("dd"):
        return Draft(m.start(), m.end(), "date", "decade", decade=190 + int(groups["dd"]), mod=mod)
    digits = groups["dec"]
    if digits.endswith("0") and len(digits) == 3:
        century = int(digits[:2])
        return Draft(m.start(), m.end(), "date", "century", century=-century if bc else century, mod=mod)
    decade = int(digits)
    return Draft(m.start(), m.end(), "date", "decade", decade=-decade if bc else decade, mod=mod)


def _century(m: re.Match[str], text: str) -> Draft | None:
    groups = m.groupdict()
    number = ordinal_number(groups["ord"])
    if number is None or not 1 <= number <= 21:
        return None
    mod = read_mod(m) or {"early": "START", "mid": "MID", "late": "END"}.get((groups.get("cmod") or "").lower())
    bc = bool(groups.get("era")) and groups["era"].upper().startswith("B")
    century = -(number - 1) if bc else number - 1
    return Draft(m.start(), m.end(), "date", "century", century=century, mod=mod)


def _season(m: re.Match[str], text: str) -> Draft | None:
    groups = m.groupdict()
    word = groups["season"].lower()
    year = read_year(m, "y")
    if word == "fall" and year is None and not groups.get("ayear"):
        after = text[m.end() : m.end() + 4]
        if not groups.get("the") or after.startswith(" of"):
            return None
    mod = read_mod(m) or {"early": "START", "mid": "MID", "late": "END"}.get((groups.get("smod") or "").lower())
    draft = Draft(m.start(), m.end(), "date", "season", year=year, season=SEASONS[word], mod=mod)
    return _with_anaphoric_year(draft, groups.get("ayear"))


def _quarter(m: re.Match[str], text: str) -> Draft | None:
    groups = m.groupdict()
    if groups.get("half"):
        year = read_year(m, "y")
        half = 1 if groups["half"].lower() == "first" else 2
        return Draft(m.start(), m.end(), "date", "half", year=year, half=half) if year is not None else None
    number = ordinal_number(groups["q"])
    if number is None or not 1 <= number <= 4:
        return None
    year = int(groups["qyear"]) if groups.get("qyear") else read_year(m, "y")
    draft = Draft(m.start(), m.end(), "date", "quarter", year=year, quarter=number)
    if groups.get("qdx"):  # "next year's first quarter"
        offset = {"last": -1, "next": 1}.get(groups["qdx"].lower(), 0)
        return replace(draft, anchoring="deictic", unit="year", offset=offset)
    return draft


def _year_period(m: re.Match[str], text: str) -> Draft | None:
    """ "the 1988 period", "the 1988 quarter": that year's counterpart of the period reported on."""
    return Draft(m.start(), m.end(), "date", "year_period", year=read_year(m, "y"))


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_YEAR_TAIL = r"(?:,?\s+(?:of\s+)?" + year_re("y") + r")"

CALENDAR_RULES: list[Rule] = [
    ("iso", _rx(r"(?<![\w-])(?P<yyyy>[12]\d{3})-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)(?![\w-])"), _iso),
    (
        "mdy",
        _rx(
            WORD_START
            + MOD_RE
            + r"(?:"
            + WEEKDAY_RE
            + r",?\s+)?(?P<mon>"
            + MONTH_DAY_RE
            + r")\s+"
            + _DAY
            + r"(?:"
            + _YEAR_TAIL
            + r"|"
            + _ANAPHORIC_YEAR
            + r")?"
            + WORD_END
        ),
        _date,
    ),
    (
        "dmy",
        _rx(
            WORD_START
            + MOD_RE
            + r"(?:(?i:the)\s+)?"
            + _DAY
            + r"\s+(?:of\s+)?(?P<mon>"
            + MONTH_DAY_RE
            + r")(?:"
            + _YEAR_TAIL
            + r"|"
            + _ANAPHORIC_YEAR
            + r")?"
            + WORD_END
        ),
        _date,
    ),
    (
        "pod_dmy",
        _rx(WORD_START + _POD_OF + _DAY + r"\s+(?P<mon>" + MONTH_RE + r")" + _YEAR_TAIL + r"?" + WORD_END),
        _date,
    ),
    (
        "pod_mdy",
        _rx(WORD_START + _POD_OF + r"(?P<mon>" + MONTH_RE + r")\s+" + _DAY + _YEAR_TAIL + r"?" + WORD_END),
        _date,
    ),
    (
        "week_of",
        _rx(
            WORD_START
            + r"(?i:the\s+week\s+of)\s+(?P<mon>"
            + MONTH_DAY_RE
            + r")\s+"
            + _DAY
            + _YEAR_TAIL
            + r"?"
            + WORD_END
        ),
        _week_of,
    ),
    (
        "month",
        _rx(
            WORD_START
            + MOD_RE
            + r"(?P<mon>"
            + MONTH_RE
            + r")(?:,?\s+(?:of\s+)?"
            + year_re("y")
            + r"|"
            + _ANAPHORIC_YEAR
            + r")?"
            + WORD_END
        ),
        _date,
    ),
    (
        "year",
        _rx(WORD_START + MOD_RE + r"(?:(?i:the\s+year|fiscal|ca\.|c\.|circa)\s+)?" + year_re("y") + WORD_END),
        _year,
    ),
    ("numeric", _rx(r"(?<![\w/.])(?P<na>\d{1,2})/(?P<nb>\d{1,2})/(?P<yyyy>1\d{3}|20\d{2})(?![\w/])"), _numeric),
    (
        "word_decade",
        _rx(
            WORD_START
            + r"(?i:the)\s+(?:(?P<dmod>(?i:early|mid|late))[\s-]+)?(?:(?i:nineteen)[\s-])?(?P<dw>(?i:"
            + "|".join(_DECADE_WORDS)
            + r"))"
            + WORD_END
        ),
        _word_decade,
    ),
    ("year2", _rx(r"(?<![\w'’])['’](?P<yy>\d{2})(?![\w'’])"), _two_digit_year),
    ("year2_range", _rx(r"(?<=\d{4}[-–])(?P<yy>\d{2})(?![\w'’-])"), _two_digit_year),
    (
        "range_left",
        _rx(
            r"(?<![\w,.])(?:(?P<lday>[0-3]?\d)(?=\s*(?:[-–]|and|to)\s*[0-3]?\d(?:st|nd|rd|th)?\s+"
            + MONTH_RE
            + r")|(?P<lyear>\d{1,4})(?=\s*[-–]\s*\d{1,4}\s?"
            + ERA
            + r"))"
        ),
        _range_left,
    ),
    (
        "decade",
        _rx(
            WORD_START
            + MOD_RE
            + r"(?:(?i:the)\s+)?(?:(?P<dmod>(?i:early|mid|late))[\s-]+)?(?:(?P<dec>\d{2,3})0['’]?s|['’](?P<dd>\d)0['’]?s)"
            + r"(?:\s?(?P<era>"
            + ERA
            + r"))?"
            + WORD_END
        ),
        _decade,
    ),
    (
        "century",
        _rx(
            WORD_START
            + MOD_RE
            + r"(?:(?i:the)\s+)?(?:(?P<cmod>(?i:early|mid|late))[\s-]+)?(?P<ord>(?i:"
            + ORDINAL_RE
            + r"))[\s-](?i:century)(?:\s(?P<era>"
            + ERA
            + r"))?"
            + WORD_END
        ),
        _century,
    ),
    (
        "season",
        _rx(
            WORD_START
            + MOD_RE
            + r"(?:(?P<the>(?i:the))\s+)?(?:(?P<smod>(?i:early|late|mid))[\s-]+)?(?P<season>(?i:"
            + SEASON_RE
            + r"))(?:,?\s+(?:of\s+)?"
            + year_re("y")
            + r"|"
            + _ANAPHORIC_YEAR
            + r")?"
            + WORD_END
        ),
        _season,
    ),
    (
        "quarter",
        _rx(
            WORD_START
            + r"(?:(?i:the)\s+|(?P<qdx>(?i:this|last|next))\s+(?i:year)['’]s\s+)?"
            + r"(?:(?P<qyear>1\d{3}|20\d{2})\s+)?(?:(?i:fiscal)\s+)?(?:(?P<q>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-](?i:quarter)|"
            + r"(?P<half>(?i:first|second|latter|last))\s+(?i:half))(?:\s+of\s+(?:(?i:fiscal)\s+)?"
            + year_re("y")
            + r")?"
            + WORD_END
        ),
        _quarter,
    ),
    (
        "year_period",
        _rx(WORD_START + r"(?i:the)\s+(?P<y_plain>1\d{3}|20\d{2})\s+(?:(?i:fiscal)\s+)?(?i:quarter|period)" + WORD_END),
        _year_period,
    ),
    HOLIDAY_RULE,
]
"""Calendar rules, most specific first: on equal spans the earlier rule wins."""
