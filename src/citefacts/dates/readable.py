"""TIMEX3 values as a reviewer reads them: "199" is "the 1990s: 1990-1999", "P2DE" is "two decades".

A reviewer checks a value against the sentence; the machine form ("199", "1989-Q3", "XXXX-WXX-3")
has to be decoded first, and a wrong normalization hides behind it. Every shape the dates stage
emits has a form here (days, months, seasons, quarters, halves, weeks, decades, centuries, BC years,
unknown parts, clock times and parts of the day, durations, sets, the vague references); a value
of any other shape is returned as it is, never refused. Pure functions, no model.
"""

from __future__ import annotations

import re
from datetime import date

from citefacts.models import DateValue

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
PART_OF_DAY_NAMES = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
REFERENCES = {"PRESENT_REF": "the present (now)", "PAST_REF": "the past", "FUTURE_REF": "the future"}
MODS = {"START": "the start of {}", "MID": "the middle of {}", "END": "the end of {}", "APPROX": "about {}",
        "BEFORE": "before {}", "AFTER": "after {}", "ON_OR_BEFORE": "on or before {}", "ON_OR_AFTER": "on or after {}",
        "LESS_THAN": "less than {}", "MORE_THAN": "more than {}", "EQUAL_OR_LESS": "at most {}",
        "EQUAL_OR_MORE": "at least {}"}  # fmt: skip
"""TIMEX3's mod values; the dates stage writes START, MID and END ("early", "mid", "late")."""
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
ORDINAL_WORDS = ("zeroth", "first", "second", "third", "fourth")
UNIT_NAMES = {"Y": "year", "M": "month", "W": "week", "D": "day", "DE": "decade", "CE": "century",
              "Q": "quarter", "WE": "weekend", "H": "hour", "TM": "minute", "S": "second"}  # fmt: skip
"""Duration codes; ``TM`` is M after the T (minutes, where M before it is months)."""
ADVERBS = {"P1D": "daily", "P1W": "weekly", "P1M": "monthly", "P1Y": "yearly", "PT1H": "hourly"}
NOT_GIVEN = "date not given"

_YEAR = r"(?P<year>BC\d{4}|\d{4}|XXXX)"
_DATE = re.compile(
    r"(?P<decade>BC\d{3}|\d{3}|XXX)|(?P<century>BC\d{2}|\d{2}|XX)|" + _YEAR + r"(?:-(?:"
    r"(?P<month>0[1-9]|1[0-2]|XX)(?:-(?P<day>0[1-9]|[12]\d|3[01]|XX))?|(?P<season>SP|SU|FA|WI)|Q(?P<quarter>[1-4X])|H(?P<half>[12])|"
    r"W(?P<week>0[1-9]|[1-4]\d|5[0-3]|XX)(?:-(?P<weekday>[1-7]|WE))?))?"
)
_TIME = re.compile(r"(?P<clock>\d{2}:\d{2}(?::\d{2})?)|(?P<part>MO|AF|EV|NI|DT)")
_DURATION = re.compile(
    r"P(?P<date>(?:(?:\d+(?:\.\d+)?|X)(?:DE|CE|WE|[YMWDQ]))*)(?:T(?P<time>(?:(?:\d+(?:\.\d+)?|X)[HMS])+))?"
)
_PART = re.compile(r"(?P<n>\d+(?:\.\d+)?|X)(?P<unit>DE|CE|WE|[YMWDQHS])")


def readable_date(value: DateValue) -> str:
    """A date value's human form, its ``mod`` (early, mid, late) included."""
    return readable_timex(value.timex, value.type, value.mod)


def readable_timex(value: str, type: str = "DATE", mod: str | None = None) -> str:
    """The human form of a TIMEX3 value of a type (DATE, TIME, DURATION, SET); the value itself if its shape is unknown."""
    text = _readable(value.strip(), type.upper())
    if text is None:
        return value
    return MODS[mod].format(text) if mod in MODS else text


def _readable(value: str, kind: str) -> str | None:
    if value in REFERENCES:
        return REFERENCES[value]
    duration = _DURATION.fullmatch(value)
    if duration and (duration["date"] or duration["time"]):
        return _set_duration(value, duration) if kind == "SET" else _duration(duration)
    date_part, _, time_part = value.partition("T")
    found = _DATE.fullmatch(date_part)
    if not found:
        return None
    if not time_part:
        return _every(found) if kind == "SET" else _date(found)
    clock = _TIME.fullmatch(time_part)
    return _time(found, clock, kind == "SET") if clock else None


def _date(m: re.Match[str]) -> str:
    """A calendar date at its precision: a day, month, season, quarter, half, week, year, decade or century."""
    if m["decade"] is not None:
        return _decade(m["decade"])
    if m["century"] is not None:
        return _century(m["century"])
    year, known = _year(m["year"]), m["year"] != "XXXX"
    if m["month"] is not None:
        if m["month"] == "XX":
            return ("a day in " + year if known else f"a day ({NOT_GIVEN})") if m["day"] else _some("month", year)
        month = MONTH_NAMES[int(m["month"]) - 1]
        if m["day"] is None or m["day"] == "XX":
            prefix = "a day in " if m["day"] else ""
            return f"{prefix}{month} {year}" if known else f"{prefix}{month} (year not given)"
        return f"{int(m['day'])} {month} {year}" + _weekday(m) if known else f"{int(m['day'])} {month} (year not given)"
    if m["season"] is not None:
        return f"{SEASON_NAMES[m['season']]} {year}" if known else f"{SEASON_NAMES[m['season']]} (year not given)"
    if m["quarter"] is not None:
        if m["quarter"] == "X":
            return _some("quarter", year)
        quarter = int(m["quarter"])
        months = f"{MONTH_NAMES[quarter * 3 - 3]}-{MONTH_NAMES[quarter * 3 - 1]}"
        return (
            f"the {ORDINAL_WORDS[quarter]} quarter of {year}: {months}"
            if known
            else f"a {ORDINAL_WORDS[quarter]} quarter ({months})"
        )
    if m["half"] is not None and known:
        return f"the {ORDINAL_WORDS[int(m['half'])]} half of {year}" + (
            ": January-June" if m["half"] == "1" else ": July-December"
        )
    if m["week"] is not None:
        return _week(m, year, known)
    return year if known else f"a year ({NOT_GIVEN})"


def _some(unit: str, year: str) -> str:
    """A unit of a known year whose place in it is not given, or of no year at all."""
    return f"a {unit} of {year}" if year != "XXXX" and not year.startswith("a ") else f"a {unit} ({NOT_GIVEN})"


def _year(text: str) -> str:
    """1999 -> "1999", BC0490 -> "490 BC"; XXXX stays (callers ask whether it is known)."""
    if text.startswith("BC"):
        return f"{int(text[2:])} BC"
    return text if text == "XXXX" else str(int(text))


def _decade(text: str) -> str:
    if text == "XXX":
        return f"a decade ({NOT_GIVEN})"
    if text.startswith("BC"):
        first = int(text[2:]) * 10
        return f"the {first}s BC: {first + 9}-{first} BC"
    first = int(text) * 10
    return f"the {first}s: {first}-{first + 9}"


def _century(text: str) -> str:
    if text == "XX":
        return f"a century ({NOT_GIVEN})"
    if text.startswith("BC"):
        number = int(text[2:]) + 1
        return f"the {_ordinal(number)} century BC: {number * 100 - 1}-{number * 100 - 100} BC"
    number = int(text) + 1
    return f"the {_ordinal(number)} century: {(number - 1) * 100}-{number * 100 - 1}"


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _weekday(m: re.Match[str]) -> str:
    """ ", a Thursday" after a real calendar day, so a reviewer can check a weekday the text gives."""
    try:
        day = date(int(m["year"]), int(m["month"]), int(m["day"]))
    except ValueError:
        return " (no such day)"
    return f", a {WEEKDAY_NAMES[day.weekday()]}"


def _week(m: re.Match[str], year: str, known: bool) -> str:
    """ISO weeks: 1989-W44 is "week 44 of 1989: 30 October-5 November"; XXXX-WXX-3 is "a Wednesday"."""
    weekday = m["weekday"]
    if m["week"] == "XX" or not known:
        if weekday == "WE":
            return f"a weekend ({NOT_GIVEN})"
        if weekday:
            return f"a {WEEKDAY_NAMES[int(weekday) - 1]} ({NOT_GIVEN})"
        return _some("week", year)
    number = int(m["week"])
    try:
        monday = date.fromisocalendar(int(m["year"]), number, 1)
    except ValueError:
        return f"week {number} of {year} (no such week)"
    if weekday == "WE":
        saturday = date.fromordinal(monday.toordinal() + 5)
        sunday = date.fromordinal(monday.toordinal() + 6)
        return f"the weekend of week {number} of {year}: {_days(saturday, sunday)}"
    if weekday:
        day = date.fromordinal(monday.toordinal() + int(weekday) - 1)
        return f"{WEEKDAY_NAMES[day.weekday()]} of week {number} of {year}: {_day_month(day)} {day.year}"
    sunday = date.fromordinal(monday.toordinal() + 6)
    return f"week {number} of {year}: {_days(monday, sunday)}"


def _day_month(day: date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]}"


def _days(first: date, last: date) -> str:
    """ "11-12 August", "30 October-5 November", "28 December 2020-3 January 2021"."""
    if first.year != last.year:
        return f"{_day_month(first)} {first.year}-{_day_month(last)} {last.year}"
    if first.month == last.month:
        return f"{first.day}-{_day_month(last)}"
    return f"{_day_month(first)}-{_day_month(last)}"


def _time(m: re.Match[str], clock: re.Match[str], every: bool) -> str:
    """A clock time or a part of the day on a date: "the morning of 27 September 2016", "14:30 (date not given)"."""
    unknown = set(m.group(0).replace("-", "")) <= {"X"}
    weekday = m["weekday"] if m["year"] == "XXXX" and m["weekday"] not in (None, "WE") else None
    on = f"a {WEEKDAY_NAMES[int(weekday) - 1]}" if weekday else ""
    if clock["part"]:
        part = PART_OF_DAY_NAMES[clock["part"]]
        if every:
            return f"every {part}" if unknown else f"every {_every(m).removeprefix('every ')} {part}"
        if weekday:
            return f"{on} {part} ({NOT_GIVEN})"
        return f"{part}, on a day not given" if unknown else f"the {part} of {_date(m)}"
    time = clock["clock"]
    named = {"12:00": "noon (12:00)", "24:00": "midnight (24:00)", "00:00": "midnight (00:00)"}.get(time, time)
    if every:
        return f"every day at {named}" if unknown else f"{_every(m)} at {named}"
    if weekday:
        return f"{named} on {on} ({NOT_GIVEN})"
    if unknown:
        return f"{named}, on a day not given"
    return f"midnight at the end of {_date(m)}" if time == "24:00" else f"{named} on {_date(m)}"


def _every(m: re.Match[str]) -> str:
    """A set written as a date: XXXX-04 "every April", XXXX-SU "every summer", XXXX-WXX-3 "every Wednesday"."""
    if m["weekday"] == "WE":
        return "every weekend"
    if m["weekday"]:
        return f"every {WEEKDAY_NAMES[int(m['weekday']) - 1]}"
    if m["month"] and m["month"] != "XX" and m["year"] == "XXXX":
        month = MONTH_NAMES[int(m["month"]) - 1]
        return f"every {month}" if m["day"] is None else f"every {int(m['day'])} {month}"
    if m["season"] and m["year"] == "XXXX":
        return f"every {SEASON_NAMES[m['season']]}"
    if m["week"] == "XX":
        return "every week"
    if m["month"] == "XX":
        return "every day" if m["day"] else "every month"
    if m["year"] == "XXXX":
        return "every year"
    return f"{_date(m)}, recurring"


def _parts(m: re.Match[str]) -> list[tuple[str, str]]:
    """The (amount, unit code) parts of a duration, minutes told from months by the T."""
    parts = [(p["n"], p["unit"]) for p in _PART.finditer(m["date"] or "")]
    return parts + [(p["n"], "TM" if p["unit"] == "M" else p["unit"]) for p in _PART.finditer(m["time"] or "")]


def _duration(m: re.Match[str]) -> str:
    """P2DE "two decades", PXY "some years", P1Y6M "one year and six months", PT30M "30 minutes"."""
    spoken = [_amount(amount, UNIT_NAMES[unit]) for amount, unit in _parts(m)]
    return spoken[0] if len(spoken) == 1 else ", ".join(spoken[:-1]) + " and " + spoken[-1]


def _set_duration(value: str, m: re.Match[str]) -> str:
    """P1D "every day (daily)", P2W "every two weeks"."""
    parts = _parts(m)
    if len(parts) != 1:
        return "every " + _duration(m)
    amount, unit = parts[0]
    name = UNIT_NAMES[unit]
    every = f"every {name}" if amount == "1" else f"every {_amount(amount, name)}"
    return f"{every} ({ADVERBS[value]})" if value in ADVERBS else every


def _amount(amount: str, unit: str) -> str:
    """ "two decades", "1.5 years", "some years", "one century"."""
    plural = "centuries" if unit == "century" else unit + "s"
    if amount == "X":
        return f"some {plural}"
    number = float(amount)
    if number == int(number):
        count = int(number)
        words = NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else f"{count:,}"
        return f"{words} {unit if count == 1 else plural}"
    return f"{number:g} {plural}"
