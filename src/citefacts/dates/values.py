"""Calendar points and the DateValues built from them.

A ``Point`` is a date as precise as the text made it (a year, a month, a season, a day); years
are signed so that BC years (490 BC is -490) shift and print like any other.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from citefacts.dates.lexicon import FLOATING_HOLIDAYS
from citefacts.models import DateValue, Granularity, TimexType

_MONTH_STEPS = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}


@dataclass(frozen=True)
class Point:
    """A calendar date at the precision a text gave it."""

    year: int
    month: int | None = None
    day: int | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    week: int | None = None
    weekend: bool = False
    """With ``week``: the Saturday and Sunday of that ISO week (TIMEX3 1990-W32-WE)."""
    granularity: str | None = None
    """Set for points made by counting ("the next decade"): which unit they name."""


def _year_text(year: int) -> str:
    return f"BC{-year:04d}" if year < 0 else f"{year:04d}"


def point_value(point: Point) -> str:
    """The TIMEX3 value of a point: 1939-09-01, 1939-09, 1992-WI, 1989-Q3, 1989-W44, BC0490."""
    if point.granularity == "decade":
        return f"{point.year // 10:03d}" if point.year >= 0 else f"BC{-point.year // 10:03d}"
    if point.granularity == "century":
        return f"{point.year // 100:02d}" if point.year >= 0 else f"BC{-point.year // 100:02d}"
    year = _year_text(point.year)
    if point.week is not None:
        return f"{year}-W{point.week:02d}" + ("-WE" if point.weekend else "")
    if point.season is not None:
        return f"{year}-{point.season}"
    if point.quarter is not None:
        return f"{year}-Q{point.quarter}"
    if point.half is not None:
        return f"{year}-H{point.half}"
    if point.month is None:
        return year if point.day is None else f"{year}-XX-XX"
    if point.day is None:
        return f"{year}-{point.month:02d}"
    return f"{year}-{point.month:02d}-" + (f"{point.day:02d}" if point.day else "XX")


def calendar_day(point: Point) -> date | None:
    """The calendar day a point names, or None where it names none (no day, "30 February", a year outside 1-9999)."""
    if point.month is None or not point.day:
        return None
    try:
        return date(point.year, point.month, point.day)
    except ValueError:
        return None


def days_after(day: date, days: int) -> date | None:
    """The day ``days`` after (or before) ``day``, or None past the calendar's ends (years 1 and 9999)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def shift(base: Point, unit: str, offset: int) -> Point | None:
    """The point ``offset`` units from ``base``, at the unit's precision (None if base is too coarse)."""
    if unit in ("day", "weekend", "week"):
        day = calendar_day(base)
        when = days_after(day, offset * (7 if unit != "day" else 1)) if day else None
        if when is None:
            return Point(base.year, base.month, 0) if unit == "day" else None  # 1943-07-XX: a day of July
        if unit == "day":
            return Point(when.year, when.month, when.day)
        iso = when.isocalendar()
        return Point(iso[0], week=iso[1], weekend=unit == "weekend")
    if unit in ("month", "quarter"):
        month = base.month or (base.quarter * 3 - 2 if unit == "quarter" and base.quarter else None)
        if month is None:
            return None
        index = base.year * 12 + month - 1 + offset * _MONTH_STEPS[unit]
        year, month = divmod(index, 12)
        if unit == "quarter":
            return Point(year, quarter=month // 3 + 1)
        return Point(year, month + 1)
    if unit == "year":
        year = base.year + offset
        if base.year > 0 >= year:
            year -= 1
        return Point(year)
    if unit in ("decade", "century"):
        step = 10 if unit == "decade" else 100
        return replace(Point(base.year + offset * step), granularity=unit)
    return None


def floating_holiday_day(year: int, name: str) -> int:
    """The day of the month a floating holiday falls on in a year (Thanksgiving 1999: 25)."""
    month, weekday, nth = FLOATING_HOLIDAYS[name]
    first = date(year, month, 1)
    first_match = 1 + (weekday - first.weekday()) % 7
    if nth == 0:
        return 2 + (0 - first.weekday()) % 7  # the day after the first Monday
    if nth > 0:
        return first_match + 7 * (nth - 1)
    last = calendar.monthrange(year, month)[1]
    return last - (date(year, month, last).weekday() - weekday) % 7


def to_date_value(timex: str, kind: TimexType, point: Point | None, mod: str | None) -> DateValue:
    """A DateValue with the calendar interval of its point when the point is a real date."""
    first, last, granularity = _interval(point)
    return DateValue(timex=timex, type=kind, granularity=granularity, first_day=first, last_day=last, mod=mod)


def _interval(point: Point | None) -> tuple[date | None, date | None, Granularity]:
    if point is None or point.year < 1 or point.year > 9999:
        return None, None, _granularity(point)
    year = point.year
    try:
        if point.granularity in ("decade", "century"):
            step = 10 if point.granularity == "decade" else 100
            first_year = year - year % step
            return date(max(first_year, 1), 1, 1), date(first_year + step - 1, 12, 31), _granularity(point)
        if point.month is not None and point.day:
            when = date(year, point.month, point.day)
            return when, when, "day"
        if point.month is not None:
            last = calendar.monthrange(year, point.month)[1]
            return date(year, point.month, 1), date(year, point.month, last), "month"
        if point.quarter is not None:
            first_month = point.quarter * 3 - 2
            last = calendar.monthrange(year, first_month + 2)[1]
            return date(year, first_month, 1), date(year, first_month + 2, last), "quarter"
        if point.week is not None:
            monday = date.fromisocalendar(year, point.week, 1)
            if point.weekend:
                return monday + timedelta(days=5), monday + timedelta(days=6), "unknown"
            return monday, monday + timedelta(days=6), "unknown"
        if point.season is not None or point.half is not None:
            return None, None, "season" if point.season else "unknown"
        return date(year, 1, 1), date(year, 12, 31), "year"
    except (ValueError, OverflowError):  # no such day, or a week that runs past 9999-12-31
        return None, None, "unknown"


def _granularity(point: Point | None) -> Granularity:
    if point is None:
        return "unknown"
    if point.granularity in ("decade", "century"):
        return point.granularity  # type: ignore[return-value]
    if point.day:
        return "day"
    if point.month is not None:
        return "month"
    if point.season is not None:
        return "season"
    if point.quarter is not None:
        return "quarter"
    return "year"


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
    return to_date_value(f"{year:04d}-{month:02d}", "DATE", Point(year, month), None)


def year_value(year: int) -> DateValue | None:
    """A calendar year."""
    if year < 1:
        return None
    return to_date_value(f"{year:04d}", "DATE", Point(year), None)
