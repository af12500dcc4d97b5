"""Rules for expressions that need context or name no calendar point: relative dates, weekdays,
clock times and the vague references (PRESENT_REF, PAST_REF, FUTURE_REF).

"last year" and "a year ago" are deictic (they count from the document date); "the following
day" and "two years later" are anaphoric (they count from the last date the text mentioned).
"""

from __future__ import annotations

import re

from citefacts.dates.calendar import Rule
from citefacts.dates.draft import Anchoring, Draft, DraftKind
from citefacts.dates.durations import APPROX, COUNT, UNIT_WORDS, duration_value, unit_word
from citefacts.dates.lexicon import (
    MONTH_FULL_NAMES,
    PARTS_OF_DAY,
    SEASONS,
    TIME_UNITS,
    UNITS,
    WEEKDAY_RE,
    WEEKDAYS,
    number_value,
)
from citefacts.dates.patterns import MOD_RE, WORD_END, WORD_START, month_number, read_mod

_PART = r"(?i:morning|afternoon|evening|night)"
_CALENDAR_UNIT = r"(?i:day|week|weekend|month|quarter|year|decade|century)"
_NAMED_PERIOD = (
    _CALENDAR_UNIT
    + r"|"
    + _PART
    + r"|(?i:spring|summer|autumn|fall|winter)|"
    + "|".join(n.capitalize() for n in MONTH_FULL_NAMES)
)
"""What "this", "last" or "that same" may name: a unit, a part of the day, a season or a month."""
_DEICTIC_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
_BEFORE_NOUN = r"(?=\s+[A-Za-z])"
"""An adjective that modifies the word after it: "the current weakness", "the then current price"."""
_REFS = {
    "PRESENT_REF": r"(?i:right\s+now|now|currently|nowadays|these\s+days|present[- ]day|the\s+time\s+being)|(?<=[Aa]t\s)present"
    + r"|[Cc]urrent"
    + _BEFORE_NOUN,
    "PAST_REF": r"(?i:the\s+past|recently)|(?i:then)[\s-]+current" + _BEFORE_NOUN,
    "FUTURE_REF": r"(?i:the\s+(?:near\s+|distant\s+)?future)",
}


def _ref(m: re.Match[str], text: str) -> Draft | None:
    name = next(key for key, value in m.groupdict().items() if value)
    return Draft(m.start(), m.end(), "ref", "ref", value=name)


def _day_word(m: re.Match[str], text: str) -> Draft | None:
    groups = m.groupdict()
    word = groups["dw"].lower()
    pod = PARTS_OF_DAY.get((groups.get("pod") or groups.get("pod2") or "").lower())
    if word == "tonight":
        pod = "NI"
    if word == "last" and pod != "NI":
        return None
    offset = -1 if word == "last" else _DEICTIC_WORDS.get(word, 0)
    kind: DraftKind = "time" if pod else "date"
    return Draft(
        m.start(), m.end(), kind, word, anchoring="deictic", unit="day", offset=offset, part_of_day=pod, mod=read_mod(m)
    )


def _deictic_unit(m: re.Match[str], text: str) -> Draft | None:
    """ "this year", "last month", "early next year", "earlier this week", "next spring"."""
    groups = m.groupdict()
    which = " ".join(groups["dx"].lower().split())
    word = groups["u"].lower()
    offset = {"last": -1, "next": 1, "the coming": 1, "this coming": 1, "this past": -1}.get(which, 0)
    mod = read_mod(m)
    if word in SEASONS:
        return Draft(m.start(), m.end(), "date", "deictic", season=SEASONS[word], anchoring="deictic", unit="year",
                     offset=offset, mod=mod)  # fmt: skip
    if word in MONTH_FULL_NAMES:
        return Draft(m.start(), m.end(), "date", "deictic", month=month_number(word), anchoring="deictic", unit="year",
                     offset=offset, mod=mod)  # fmt: skip
    if word in PARTS_OF_DAY:
        return Draft(m.start(), m.end(), "time", "deictic", part_of_day=PARTS_OF_DAY[word], anchoring="deictic",
                     unit="day", offset=0)  # fmt: skip
    if _quoted_title(m, text):
        return None
    rule = "the_unit" if which == "the current" else "deictic"  # the dct's own period, never a reported one
    return Draft(m.start(), m.end(), "date", rule, anchoring="deictic", unit=unit_word(word), offset=offset, mod=mod)


def _quoted_title(m: re.Match[str], text: str) -> bool:
    """ABC's "This Week": a period word capitalized like the rest of a title just after a quotation mark."""
    words = m.group(0).split()
    opens = text[max(0, m.start() - 1) : m.start()] in ('"', "“", "`")
    return opens and len(words) > 1 and all(word[0].isupper() for word in words)


def _anaphoric_unit(m: re.Match[str], text: str) -> Draft | None:
    """ "the following day", "that year", "the previous April", "later that month"."""
    groups = m.groupdict()
    which = " ".join(groups["ax"].lower().split())
    word = groups["u"]
    lower = word.lower()
    offset = 1 if which in ("the following", "the next", "the subsequent") else 0
    if which in ("the previous", "the preceding", "the prior"):
        offset = -1
    kind = "date"
    extra: dict[str, object] = {}
    if lower.endswith("s") and lower[:-1] in UNITS:
        return Draft(m.start(), m.end(), "duration", "duration", value=duration_value(None, lower[:-1]))
    if lower.rstrip(".") in MONTH_FULL_NAMES:
        unit, extra = "year", {"month": month_number(word)}
    elif lower in SEASONS:
        unit, extra = "year", {"season": SEASONS[lower]}
    elif lower in PARTS_OF_DAY:
        unit, kind, extra = "day", "time", {"part_of_day": PARTS_OF_DAY[lower]}
        offset = 1 if offset == 1 else 0
    else:
        unit = unit_word(lower)
    return Draft(m.start(), m.end(), kind, "anaphoric", anchoring="anaphoric", unit=unit, offset=offset,  # type: ignore[arg-type]
                 mod=read_mod(m), **extra)  # type: ignore[arg-type]  # fmt: skip


def _offset(m: re.Match[str], text: str) -> Draft | None:
    """ "two years later", "a year ago", "six days earlier": a count of units from an anchor."""
    groups = m.groupdict()
    unit = unit_word(groups["u"])
    if not groups.get("n") and not groups["u"].lower().endswith("s"):
        return None
    count = number_value(groups["n"]) if groups.get("n") else None
    direction = groups["dir"].lower()
    back = direction in ("earlier", "ago", "before", "previously")
    if count is None:
        return Draft(m.start(), m.end(), "ref", "offset", value="PAST_REF" if back else "FUTURE_REF")
    if count != int(count) or unit in TIME_UNITS:
        return Draft(m.start(), m.end(), "ref", "offset", value="PAST_REF" if back else "FUTURE_REF")
    anchoring: Anchoring = "deictic" if direction == "ago" else "anaphoric"
    offset = -int(count) if back else int(count)
    if unit in ("decade", "century"):
        offset, unit = offset * (10 if unit == "decade" else 100), "year"
    return Draft(m.start(), m.end(), "date", "offset", anchoring=anchoring, unit=unit, offset=offset)


def _year_ago(m: re.Match[str], text: str) -> Draft | None:
    """ "year-earlier", "the year-ago quarter": the same period a year before the reference."""
    return Draft(m.start(), m.end(), "date", "year_ago", anchoring="deictic", unit="year", offset=-1)


_ENDED = re.compile(r"\s+(?:(?:that|which)\s+)?(?:ended|ending|ends)\b", re.I)


def _the_unit(m: re.Match[str], text: str) -> Draft | None:
    """ "the quarter", "the latest quarter", "the year": the period the text is talking about.

    "the year ended June 30" is a fiscal year, a stretch of time rather than a calendar year
    (TimeML: P1Y); "the quarter ended Sept. 30" stays the quarter reported on. "the current
    quarter" is the one the document date falls in.
    """
    unit = "quarter" if m.group("p") else unit_word(m.group("u"))  # "the latest period": the one reported on
    if unit == "year" and _ENDED.match(text, m.end()):
        return Draft(m.start(), m.end(), "duration", "duration", value=duration_value(1, unit))
    anchoring: Anchoring = "deictic" if re.search(r"(?i)\bcurrent\b", m.group(0)) else "anaphoric"
    return Draft(m.start(), m.end(), "date", "the_unit", anchoring=anchoring, unit=unit, offset=0)


def _at_night(m: re.Match[str], text: str) -> Draft | None:
    """ "fled at night": some night, no day named (TIMEX3 XXXX-XX-XXTNI)."""
    return Draft(m.start(), m.end(), "time", "at_night", value="XXXX-XX-XXTNI")


def _year_end(m: re.Match[str], text: str) -> Draft | None:
    """ "by year end", "before the year's end": the end of the year the text is in."""
    return Draft(m.start("ye"), m.end("ye"), "date", "the_unit", anchoring="anaphoric", unit="year", mod="END")


def _weekday(m: re.Match[str], text: str) -> Draft | None:
    groups = m.groupdict()
    which = (groups.get("wx") or "").lower()
    pod = PARTS_OF_DAY.get((groups.get("pod") or groups.get("pod2") or "").lower())
    which = " ".join(which.split()).replace("the ", "").replace("this ", "")
    offset = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(which, 0)
    kind: DraftKind = "time" if pod else "date"
    anchoring: Anchoring | None = "anaphoric" if which in ("previous", "following") else None
    return Draft(m.start(), m.end(), kind, "weekday", weekday=WEEKDAYS[groups["wd"].lower()], offset=offset,
                 part_of_day=pod, mod=read_mod(m), anchoring=anchoring)  # fmt: skip


def _clock(m: re.Match[str], text: str) -> Draft | None:
    groups = m.groupdict()
    if groups.get("noon"):
        clock = "24:00" if groups["noon"].lower() == "midnight" else "12:00"  # noon, midday
    else:
        hour = int(groups.get("h") or groups["h2"])
        minute = int(groups.get("mi") or 0)
        ampm = (groups.get("ampm") or groups.get("ampm2") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        if ampm.startswith("a") and hour == 12:
            hour = 0
        if hour > 24:
            return None
        clock = f"{hour:02d}:{minute:02d}"
    return Draft(m.start(), m.end(), "time", "clock", clock=clock, anchoring="deictic", unit="day", offset=0)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_AMPM = r"(?P<ampm>[ap]\.m\.|[AP]\.M\.|[ap]m|[AP]M)"

RELATIVE_RULES: list[Rule] = [
    ("ref", _rx(WORD_START + r"(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _REFS.items()) + r")" + WORD_END), _ref),
    (
        "day_word",
        _rx(
            WORD_START + MOD_RE + r"(?:(?i:earlier|later)\s+)?(?:(?P<pod2>(?i:morning|afternoon|evening))\s+)?"
            r"(?P<dw>(?i:today|yesterday|tomorrow|tonight|last(?=\s+night)))"
            r"(?:\s+(?P<pod>" + _PART + r"))?" + WORD_END
        ),
        _day_word,
    ),
    (
        "deictic",
        _rx(
            WORD_START
            + MOD_RE
            + r"(?:(?i:earlier|later)\s+)?(?P<dx>(?i:this\s+past|this\s+coming|this|last|next|the\s+coming|the\s+current))\s+"
            r"(?P<u>" + _NAMED_PERIOD + r")" + WORD_END
        ),
        _deictic_unit,
    ),
    (
        "anaphoric",
        _rx(
            WORD_START
            + MOD_RE
            + r"(?:(?i:earlier|later)\s+)?(?P<ax>(?i:that\s+same|that|the\s+same|the\s+following|the\s+next|"
            r"the\s+previous|the\s+preceding|the\s+subsequent|the\s+prior|the\s+intervening))\s+(?P<u>"
            + r"(?i:days|weeks|months|years|decades)|"
            + _NAMED_PERIOD
            + r")"
            + WORD_END
        ),
        _anaphoric_unit,
    ),
    (
        "the_year",
        _rx(
            WORD_START
            + r"(?P<mod>(?i:the\s+(?:beginning|start|middle|end|latter\s+part)\s+of|(?:early|late|later|earlier)\s+in)\s+)"
            r"(?P<ax>(?i:the))\s+(?P<u>(?i:day|week|month|year|decade))" + WORD_END
        ),
        _anaphoric_unit,
    ),
    (
        "year_ago",
        _rx(
            WORD_START + r"(?:(?i:the)\s+(?:(?i:comparable|corresponding)\s+)?)?(?i:year-(?:earlier|ago))"
            r"(?:\s+(?i:quarter|period|third\s+quarter|second\s+quarter|fourth\s+quarter|first\s+quarter))?"
            + WORD_END
            + r"|"
            + WORD_START
            + r"(?i:last\s+year['’]s\s+(?:quarter|period)"
            r"|the\s+(?:(?:comparable|corresponding|same)\s+)?(?:quarter|period)\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:ago|earlier)))"
            + WORD_END
        ),
        _year_ago,
    ),
    (
        "the_unit",
        _rx(
            WORD_START
            + r"(?i:the)\s+(?:(?i:latest|current|same|fiscal|full|most\s+recent)\s+)?(?P<u>quarter|year|weekend|week|month)"
            + WORD_END
            + r"|"
            + WORD_START
            + r"(?i:the)\s+(?i:latest|most\s+recent)\s+(?P<p>(?i:period))"
            + WORD_END
        ),
        _the_unit,
    ),
    (
        "at_night",
        _rx(r"(?<=\b[Aa]t\s)(?i:night)(?![\w-])(?!\s+(?:of|on)\b)"),
        _at_night,
    ),
    (
        "year_end",
        _rx(
            WORD_START
            + r"(?:(?i:by|at|before|until|through)\s+)(?P<ye>(?:(?i:the)\s+)?(?i:year[-\s]end|year['’]s\s+end))"
            + WORD_END
        ),
        _year_end,
    ),
    (
        "offset",
        _rx(
            WORD_START
            + APPROX
            + r"(?:"
            + COUNT
            + r"\s+)?(?:(?i:more)\s+)?"
            + UNIT_WORDS
            + r"(?:\s+(?i:or\s+so))?"  # "a week or so ago": a rough count, still counted from the anchor
            + r"\s+(?P<dir>(?i:later|earlier|ago|afterwards?|previously|before(?=\s*[,.;)])|after(?=\s*[,.;)])))"
            + WORD_END
        ),
        _offset,
    ),
    (
        "weekday",
        _rx(
            WORD_START + MOD_RE + r"(?:(?P<wx>(?i:last|next|this\s+coming|this\s+past|this|coming|past|"
            r"the\s+previous|the\s+following|the\s+next))\s+)?(?:(?P<pod2>(?i:morning|afternoon|evening))\s+)?"
            r"(?P<wd>" + WEEKDAY_RE + r")(?:\s+(?P<pod>" + _PART + r")s?)?" + WORD_END
        ),
        _weekday,
    ),
    (
        "clock",
        _rx(
            r"(?<![\w:.])(?:(?P<h>[01]?\d|2[0-4]):(?P<mi>[0-5]\d)(?:\s?"
            + _AMPM
            + r")?|(?P<h2>1[0-2]|[1-9])\s?"
            + _AMPM.replace("ampm", "ampm2")
            + r"|(?P<noon>(?i:noon|midday|midnight)))"
            + r"(?![\w])"
        ),
        _clock,
    ),
]
"""Relative, duration, set and time rules; with the calendar rules, the longest match wins."""
