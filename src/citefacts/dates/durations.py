"""Rules for durations ("two months", "the past three years", "a month-long") and sets ("daily",
"every week", "$5 million a year"): the words fix their TIMEX3 value, no context is needed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from citefacts.dates.calendar import Rule
from citefacts.dates.draft import Draft
from citefacts.dates.lexicon import (
    MONTH_RE,
    MONTHS,
    NUMBER_WORD_RE,
    SEASON_RE,
    SEASONS,
    TIME_UNITS,
    UNIT_RE,
    UNITS,
    WEEKDAY_RE,
    WEEKDAYS,
    number_value,
)
from citefacts.dates.patterns import WORD_END, WORD_START, year_re

APPROX = (
    r"(?:(?i:about|around|nearly|almost|some|over(?=\s+an?\s)|more\s+than|less\s+than|under|just|roughly|approximately|"
    r"fewer\s+than|up\s+to|no\s+more\s+than|at\s+least|a\s+little\s+(?:more|less)\s+than|a\s+mere|another|ca\.|circa)\s+)?"
)
COUNT = (
    r"(?:(?:\d+|" + NUMBER_WORD_RE + r")\s*(?:to|or|-|–)\s*)?"
    r"(?P<n>\d+(?:\.\d+)?(?:\s1/2)?|(?i:a|one)\s+hundred|"
    + NUMBER_WORD_RE
    + r"|(?i:a\s+few|few|a\s+couple\s+of|(?<=(?:next|past|last)\s)couple\s+of|several|a|an))"
)
"""A count, or the second end of a count range ("two to three weeks": the value takes three)."""
UNIT_WORDS = r"(?P<u>" + r"(?i:" + UNIT_RE + r")s?)"


def unit_word(word: str) -> str:
    """The singular unit of a unit word ("centuries" -> "century", "Days" -> "day")."""
    lower = word.lower()
    if lower == "centuries":
        return "century"
    return lower[:-1] if lower.endswith("s") and lower[:-1] in UNITS else lower


def duration_value(count: float | None, unit: str) -> str:
    """A TIMEX3 duration: P2M for two months, PT5H for five hours, PXY for "several years"."""
    code = UNITS[unit]
    if count is None:
        amount = "X"
    elif count == int(count):
        amount = str(int(count))
    else:
        amount = f"{count:g}"
    return ("PT" if unit in TIME_UNITS else "P") + amount + code


def _duration(m: re.Match[str], text: str) -> Draft | None:
    groups = m.groupdict()
    unit = unit_word(groups["u"])
    count_text = groups.get("n") or ""
    if not count_text:
        count = None if groups.get("pl") else 1.0
    else:
        if re.fullmatch(r"1\d{3}|20\d{2}", count_text):
            return None
        count = 2.0 if "couple" in count_text.lower() else number_value(count_text.replace(" 1/2", ""))
        if count is not None and count_text.endswith("1/2"):
            count += 0.5
        if count_text.lower() in ("a", "an") and unit in ("second", "quarter"):
            return None
        if unit == "quarter" and re.match(r"\s+of\b", text[m.end() : m.end() + 4]):
            return None
        if groups.get("half") or groups.get("andhalf"):
            count = (count or 0) + 0.5  # "two and a half years", "a year and a half"
    start = m.start()
    if groups.get("period"):
        if groups.get("sep") != "-":
            return None  # "two years period" is not English; "the 1980s period" is no duration
        article = re.search(r"(?i:\b(?:the|an?))\s+$", text[max(0, start - 5) : start])
        if article is None and not re.match(r"(?i:the)\s", text[start : start + 4]):
            return Draft(start, m.start("period"), "duration", "duration", value=duration_value(count, unit))
        start = (
            start - len(article.group()) if article else start
        )  # "[a three-year period]", not "the extra [seven-day]"
    elif (groups.get("sep") == "-" or groups.get("long")) and re.match(r"(?i:the|an?)\s", text[start : start + 4]):
        start = m.start("u") if count_text.lower() in ("a", "an") else m.start("n")
    return Draft(start, m.end(), "duration", "duration", value=duration_value(count, unit))


def _uncounted(m: re.Match[str], text: str) -> Draft | None:
    """ "the past year", "the next month": a length here, which a report may read as a period
    (``find._news_period``); the rule name says it was not counted."""
    draft = _duration(m, text)
    backward = re.match(r"(?i:the\s+(?:past|last))\s", m.group(0))
    return replace(draft, rule="duration_past") if draft is not None and backward else draft


def _set(m: re.Match[str], text: str) -> Draft | None:
    groups = m.groupdict()
    if groups.get("adv"):
        unit = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year",
                "hourly": "hour", "nightly": "day"}[groups["adv"].lower()]  # fmt: skip
        return Draft(m.start(), m.end(), "set", "set", value=duration_value(1, unit))
    if groups.get("a"):
        before = text[max(0, m.start() - 30) : m.start()]
        if not re.search(
            r"(?:\d|million|billion|thousand|hundred|percent|%|cents?|times|once|twice)\W*$", before, re.I
        ):
            return None
    if groups.get("smon"):
        return Draft(m.start(), m.end(), "set", "set", value=f"XXXX-{MONTHS[groups['smon'].lower().rstrip('.')]:02d}")
    if groups.get("sseason"):
        return Draft(m.start(), m.end(), "set", "set", value=f"XXXX-{SEASONS[groups['sseason'].lower()]}")
    if groups.get("swd"):
        return Draft(m.start(), m.end(), "set", "set", value=f"XXXX-WXX-{WEEKDAYS[groups['swd'].lower()] + 1}")
    unit = unit_word(groups["su"])
    return Draft(m.start(), m.end(), "set", "set", value=duration_value(1, "day" if unit == "night" else unit))


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


DURATION_RULES: list[Rule] = [
    (
        "set",
        _rx(
            WORD_START
            + r"(?:(?P<adv>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly))|(?:(?i:every|each|per)|(?P<a>(?i:a)))\s+"
            r"(?:(?P<swd>" + WEEKDAY_RE + r")|(?P<su>(?i:day|week|month|year|hour|minute|night)))|"
            r"(?i:every|each)\s+(?:(?P<smon>" + MONTH_RE + r")|(?P<sseason>(?i:" + SEASON_RE + r"))))" + WORD_END
        ),
        _set,
    ),
    (
        "plural",
        _rx(
            r"(?:(?<=\b[Ff]or\s)|(?<=\b[Ww]ithin\s)|(?<=\b[Oo]ver\s)|(?<=\b[Aa]fter\s)|(?i:recent|the\s+coming|coming)\s+)"
            r"(?P<u>(?i:hour|day|week|month|year|decade|quarter|centurie)(?P<pl>s))" + WORD_END
        ),
        _duration,
    ),
    (
        "duration",
        _rx(
            WORD_START
            + APPROX
            + r"(?:(?i:the)\s+(?:(?i:first|last|past|next|coming|previous|final|following|same|entire|full|latest)\s+)?)?"
            + COUNT
            + r"(?P<half>\s+(?i:and\s+(?:a\s+)?half))?(?:\s+(?i:more|full|long|consecutive|straight|whole|trading|business|working))?(?P<sep>[\s-])"
            + UNIT_WORDS
            + r"(?P<pl>)(?P<andhalf>\s+(?i:and\s+a\s+half))?(?P<long>[\s-](?i:long))?(?:\s+or\s+(?i:so|two|more))?"
            + r"(?P<period>\s+(?i:period|span|stretch|interval))?"
            + WORD_END
            + r"(?![-\s](?i:old)\b)"
        ),
        _duration,
    ),
    (
        "duration_of",
        _rx(
            WORD_START
            + r"(?i:the\s+(?:first|last|final))\s+(?:"
            + COUNT
            + r"\s+)?(?P<u>(?i:day|week|month|year)s?)(?P<pl>)"
            r"\s+of\s+(?:" + MONTH_RE + r"(?:,?\s+" + year_re("y") + r")?|" + year_re("z") + r")" + WORD_END
        ),
        _duration,
    ),
    (
        "duration_past",
        _rx(
            WORD_START
            + r"(?i:the\s+(?:past|last|next|coming))\s+(?P<u>(?i:day|week|month|year|decade|century))"
            + WORD_END
        ),
        _uncounted,
    ),
    (
        "duration_long",
        _rx(WORD_START + r"(?P<u>(?i:day|week|month|year|decade)(?P<pl>s)?)-(?i:long)" + WORD_END),
        _duration,
    ),
]
"""Set rules before duration rules: on the same span ("a year" after an amount) a set wins."""

_COUNT_RANGE = re.compile(APPROX + r"(?P<first>\d+|" + NUMBER_WORD_RE + r")\s+(?i:to|or)\s+")
_DURATION_VALUE = re.compile(r"^(?P<p>PT?)(?P<n>[\d.]+)(?P<code>[A-Z]+)$")


def split_count_ranges(drafts: list[Draft], text: str) -> list[Draft]:
    """ "[two] to [six days]", "[ten] or [fifteen years]": TimeML marks each count of a range of
    durations, the first taking the unit the second states."""
    result: list[Draft] = []
    for draft in drafts:
        match = _COUNT_RANGE.match(text, draft.start, draft.end) if draft.rule == "duration" else None
        parts = _DURATION_VALUE.match(draft.value or "")
        count = number_value(match["first"]) if match else None
        if match is None or parts is None or count is None or count != int(count):
            result.append(draft)
            continue
        first = f"{parts['p']}{int(count)}{parts['code']}"
        result.append(Draft(draft.start, match.end("first"), "duration", "duration", value=first))
        result.append(draft.with_span(match.end(), draft.end))
    return result
