"""Values as a comparer sees them: a ``Reading`` (kind, unit, qualifier, interval, written precision) of a
number, a length of time or a calendar date.

Precision comes from the written digits: "2.1 million" is stated to the 100,000, a round "30,000"
may hide anything to the 10,000. ``compare`` sets readings against each other.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal, TypeGuard, get_args

from citefacts.models import DateValue, NumberValue, Qualifier

_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?|\.(\d+)")
_SCALE_WORD = re.compile(r"\b(thousand|million|billion|trillion)\b", re.I)
_SCALE_VALUES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_DURATION = re.compile(r"P(T?)(\d+(?:\.\d+)?)([A-Z]+)")
_CALENDAR_DAYS = {"D": 1.0, "W": 7.0, "M": 365.25 / 12, "Y": 365.25, "DE": 3652.5, "CE": 36525.0}
_CLOCK_DAYS = {"H": 1 / 24, "M": 1 / 1440, "S": 1 / 86400}

NumberReadingKind = Literal["number", "percent", "money", "ordinal"]
ReadingKind = NumberReadingKind | Literal["date", "duration"]


@dataclass(frozen=True)
class Reading:
    """A value as a comparer sees it: its kind, unit, qualifier and written precision."""

    kind: ReadingKind
    unit: str | None
    """A currency code, "%" or a unit name, as ``NumberValue.unit`` has it."""
    qualifier: Qualifier | None
    low: float
    high: float
    step: float
    """The unit of the last written digit ("2.1 million": 100,000)."""
    round_step: float
    """The rounding a round figure may hide ("30,000": 10,000); equals ``step`` otherwise."""
    loose: bool = False
    """Read with guesses (a date without its year): it may confirm a claim but never rules one out."""


def precision(text: str, number: float | None = None) -> tuple[float, float]:
    """The written step and the round step of a number's text ("2.1 million" -> 1e5, 1e5).

    ``number``, the value read from the text, gives the scale of an abbreviation ("$ 4.8 M", "3.9bn").
    """
    digits = _DIGITS.search(text)
    scale = _multiplier(text, digits, number)
    if digits is None:
        return scale, scale
    decimals = digits.group(1) or digits.group(2)
    if decimals:
        step = scale * 10.0 ** -len(decimals)
        return step, step
    integer = digits.group().replace(",", "")
    zeros = len(integer) - len(integer.rstrip("0")) if integer.strip("0") else 0
    return scale, scale * 10.0**zeros


def _multiplier(text: str, digits: re.Match[str] | None, number: float | None) -> float:
    """The multiplier of the written digits: a scale word, else the power of ten the value implies."""
    scale_match = _SCALE_WORD.search(text)
    if scale_match:
        return _SCALE_VALUES[scale_match.group(1).lower()]
    if digits is None or number is None:
        return 1.0
    try:
        written = float(digits.group().replace(",", ""))
    except ValueError:
        return 1.0
    if not (written > 0 and number > 0 and math.isfinite(number / written)):
        return 1.0
    power = round(math.log10(number / written))
    return 10.0**power if power >= 3 and math.isclose(number / written, 10.0**power, rel_tol=1e-6) else 1.0


def number_reading(value: NumberValue, text: str, kind: str, qualifier: str | None) -> Reading | None:
    """A Reading of a number whose text is ``text``; ``kind`` (a NumberReadingKind) and ``qualifier`` as the
    context decides."""
    if not _is_number_kind(kind):
        raise ValueError(f"not a kind of number to compare: {kind!r}")
    step, round_step = precision(text, value.value if value.value is not None else value.low)
    if value.low is not None and value.high is not None:
        low, high = value.low, value.high
    elif value.value is not None:
        low = high = value.value
    else:
        return None
    return Reading(kind, value.unit, _checked(qualifier) or value.qualifier, low, high, step, round_step)


def _is_number_kind(kind: str) -> TypeGuard[NumberReadingKind]:
    return kind in get_args(NumberReadingKind)


def _checked(qualifier: str | None) -> Qualifier | None:
    """A qualifier named by a caller's word tables, checked to be one of ``Qualifier`` (none for "")."""
    if not qualifier:
        return None
    if _is_qualifier(qualifier):
        return qualifier
    raise ValueError(f"not a qualifier: {qualifier!r}")


def _is_qualifier(qualifier: str) -> TypeGuard[Qualifier]:
    return qualifier in get_args(Qualifier)


def duration_reading(value: DateValue, qualifier: str | None) -> Reading | None:
    """A Reading of a length of time ("57-year", "four decades", "21 minutes"), in days.

    Its written unit is its precision: "40 years" is 40 years give or take half a year, "four
    decades" give or take five years. Vague lengths ("a few weeks") have no reading.
    """
    match = _DURATION.fullmatch(value.timex)
    if match is None:
        return None
    clock, count, unit = match.groups()
    days = (_CLOCK_DAYS if clock else _CALENDAR_DAYS).get(unit)
    if days is None:
        return None
    step, round_step = precision(count)
    amount = float(count) * days
    return Reading("duration", None, _checked(qualifier), amount, amount, step * days, round_step * days)


def date_reading(value: DateValue, qualifier: str | None) -> Reading | None:
    """A Reading of a calendar date: its days as ordinals."""
    if value.first_day is None or value.last_day is None:
        return None
    low, high = float(value.first_day.toordinal()), float(value.last_day.toordinal())
    return Reading("date", None, _checked(qualifier), low, high, 1.0, 1.0)


__all__ = [
    "NumberReadingKind",
    "Reading",
    "ReadingKind",
    "date_reading",
    "duration_reading",
    "number_reading",
    "precision",
]
