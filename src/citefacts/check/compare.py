"""Comparing a claimed value with a source value: as intervals, with bounds, rounding and units.

Each value becomes two intervals. What a *claim* allows: a ``support`` interval (the values a
source may state for the claim to be confirmed: "2.1 million" covers 2,050,000-2,150,000, "more
than 23 million" everything above) and a wider ``tolerance`` interval (a round "30,000" may stand
for 25,000-35,000: only a source value outside it contradicts). What a *source* states: a
``literal`` interval (all it logically asserts: "over 400" is anything above 400) and a
``typical`` one (what a writer means: "over 400" is 400-500), used to confirm a claim. Quantities in
two units of one dimension are compared in the claim's unit ("1.6 km" against "1 mile"), as pint converts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from citefacts.check.values import (
    NumberReadingKind,
    Reading,
    ReadingKind,
    date_reading,
    duration_reading,
    number_reading,
    precision,
)
from citefacts.models import Qualifier
from citefacts.numbers.conversion import conversion

APPROX_SUPPORT = 0.10
"""An approximate claim ("about 30,000") is confirmed by source values within 10%."""
APPROX_TOLERANCE = 0.25
"""... and contradicted only by values more than 25% away."""

MEASURED_ROUNDING = 0.05
"""A round measurement ("300 metres") hides at most this share of itself: a round count may stand for
250-350, a stated height or length of the same thing 10% off is another figure (330 metres)."""

SMALL_COUNT = 100
"""A figure below this is written as counted, not rounded: "30 reviews" is not "31 reviews" (a writer
rounding so small a figure says "about 30")."""

NEAR_RATIO = 2.0
"""A differing figure rules a claim out only within this factor of it."""
NEAR_YEARS = 5
"""A differing date rules a claim out only within this many years of it."""

_UPPER_BOUNDS: tuple[Qualifier, ...] = ("less_than", "at_most")
_LOWER_BOUNDS: tuple[Qualifier, ...] = ("more_than", "at_least")
_BOUNDS = _UPPER_BOUNDS + _LOWER_BOUNDS


class Relation(Enum):
    """How a source value bears on a claimed one."""

    SUPPORTS = "supports"
    COMPATIBLE = "compatible"
    """Neither confirms nor rules out: a less precise source, or overlapping bounds."""
    DIFFERS = "differs"


@dataclass(frozen=True)
class Interval:
    """A closed interval of numbers (or day ordinals); infinite ends for bounds."""

    low: float
    high: float

    def within(self, other: Interval) -> bool:
        return other.low <= self.low and self.high <= other.high

    def meets(self, other: Interval) -> bool:
        """Whether the two share a stretch of values (or one is a point inside the other).

        Two rounding intervals that only touch ("81" is 80.5-81.5, "82" is 81.5-82.5) do not meet.
        """
        if self.low == self.high or other.low == other.high:
            return self.low <= other.high and other.low <= self.high
        return self.low < other.high and other.low < self.high


def comparable(claim: Reading, source: Reading) -> bool:
    """Whether two readings measure the same sort of thing (kind, currency, unit of one dimension)."""
    if claim.kind != source.kind:
        return False
    if claim.unit is None or source.unit is None or claim.unit == source.unit:
        return True
    return claim.kind == "number" and conversion(source.unit, claim.unit) is not None


def in_unit_of(claim: Reading, source: Reading) -> Reading:
    """The source reading in the claim's unit ("1.6 km" as 0.99 mile against "1 mile"), its written
    precision converted with it; as it is when the units agree, either has none, or they do not convert."""
    if claim.unit is None or source.unit is None or claim.unit == source.unit or claim.kind != "number":
        return source
    convert = conversion(source.unit, claim.unit)
    if convert is None:
        return source
    low, high = sorted((convert(source.low), convert(source.high)))
    scale = abs(convert.factor)
    return replace(
        source, unit=claim.unit, low=low, high=high, step=source.step * scale, round_step=source.round_step * scale
    )


def relation(claim: Reading, source: Reading) -> Relation:
    """Whether the source value confirms, allows or rules out the claimed one (in the claim's unit)."""
    source = in_unit_of(claim, source)
    if claim.kind == "date" and (claim.loose or source.loose):
        return _yearless_relation(claim, source)
    found = _relation_as_intervals(claim, source)
    if found is Relation.DIFFERS and (claim.loose or source.loose):
        return Relation.COMPATIBLE
    return found


def _yearless_relation(claim: Reading, source: Reading) -> Relation:
    """A date written without its year ("October 30", "before August 1") against another date.

    A claim's day without a year is read in the year of the source's date (the sentence leaves the
    year to its article, which the source is about); two days without a year are read in one year.
    A source's day without a year may belong to another year than the claim's: only the same day
    of the year confirms the claim.
    """
    if claim.loose and not source.loose:
        claim = _in_year_of(claim, source)
    elif not (claim.loose and source.loose):
        return _same_day_of_year(claim, source)
    found = _relation_as_intervals(claim, source)
    if found is Relation.DIFFERS and not source.loose and not _bound_on_that_day(claim, source):
        return Relation.COMPATIBLE
    return found


def _bound_on_that_day(claim: Reading, source: Reading) -> bool:
    """A yearless bound set on the very day of the year the source states ("after January 13" and "13
    January 2012"): in whatever year, that day is not past the bound."""
    unbounded = replace(claim, qualifier=None)
    return claim.qualifier in _BOUNDS and _same_day_of_year(unbounded, source) is Relation.SUPPORTS


def _same_day_of_year(claim: Reading, source: Reading) -> Relation:
    """A day written without its year ("October 30") against another day: the same month and day confirm it."""
    if claim.low != claim.high or source.low != source.high or claim.qualifier:
        return Relation.COMPATIBLE
    claimed, stated = date.fromordinal(int(claim.low)), date.fromordinal(int(source.low))
    same = (claimed.month, claimed.day) == (stated.month, stated.day)
    return Relation.SUPPORTS if same else Relation.COMPATIBLE


def _in_year_of(loose: Reading, other: Reading) -> Reading:
    """A yearless reading moved to the year of the other reading's start."""
    first, last = date.fromordinal(int(loose.low)), date.fromordinal(int(loose.high))
    year = date.fromordinal(int(other.low)).year if math.isfinite(other.low) else first.year
    try:
        moved_first, moved_last = first.replace(year=year), last.replace(year=year + last.year - first.year)
    except ValueError:
        return loose
    return replace(loose, low=float(moved_first.toordinal()), high=float(moved_last.toordinal()))


def _relation_as_intervals(claim: Reading, source: Reading) -> Relation:
    """The relation of two readings on one scale: the source's intervals against the claim's."""
    unbounded = claim.qualifier not in _BOUNDS and source.qualifier not in _BOUNDS
    if unbounded and claim.low == source.low and claim.high == source.high:
        return Relation.SUPPORTS
    if typical(source).within(support(claim)) or _inside_range(claim, source) or _point_meets_bound(claim, source):
        return Relation.SUPPORTS
    stated = literal(source) if claim.qualifier not in _BOUNDS else _point_or_bound(source)
    if not stated.meets(tolerance(claim)):
        return Relation.DIFFERS
    if _same_direction(claim, source) and not typical(source).meets(tolerance(claim)):
        return Relation.DIFFERS
    return Relation.COMPATIBLE


def near_miss(claim: Reading, source: Reading) -> bool:
    """Whether a differing source figure is close enough to be a wrong version of the claimed one.

    Figures a few per cent or a few years apart are the same quantity misstated; a figure many
    times larger, or decades away, is far more often another quantity or another event.
    """
    source = in_unit_of(claim, source)
    if claim.kind == "date":
        if claim.loose and not source.loose:
            claim = _in_year_of(claim, source)
        gap_days = abs((claim.low + claim.high) - (source.low + source.high)) / 2
        return gap_days <= NEAR_YEARS * 365.25
    middle_claim, middle_source = abs(claim.low + claim.high) / 2, abs(source.low + source.high) / 2
    small, large = sorted((middle_claim, middle_source))
    return large <= NEAR_RATIO * max(small, 1e-9)


def _point_or_bound(source: Reading) -> Interval:
    """A source figure as a bounded claim meets it: "90 %" is not "over 90 %", whatever its rounding, and
    an estimate stands for its written rounding only ("around $ 1.2 billion" is not "less than $ 1.1
    billion", "an estimated 18 million" not "more than 20 million"), not for 25% either way."""
    if source.qualifier is None:
        return Interval(source.low, source.high)
    if source.qualifier == "approx":
        return Interval(source.low - source.round_step / 2, source.high + source.round_step / 2)
    return literal(source)


def _point_meets_bound(claim: Reading, source: Reading) -> bool:
    """A plain source figure beyond a claimed bound confirms it ("$ 50 million" for "less than $ 50.5 million").

    The bound is set against the figure as written, not against what its last digit may round."""
    if claim.qualifier not in _BOUNDS or source.qualifier is not None or claim.kind == "date":
        return False
    return Interval(source.low, source.high).within(support(claim))


def _same_direction(claim: Reading, source: Reading) -> bool:
    """Both lower bounds or both upper bounds: "more than 12 million" meets "over 13 million" only in logic."""
    return (claim.qualifier in _LOWER_BOUNDS and source.qualifier in _LOWER_BOUNDS) or (
        claim.qualifier in _UPPER_BOUNDS and source.qualifier in _UPPER_BOUNDS
    )


def _inside_range(claim: Reading, source: Reading) -> bool:
    """A claimed figure that falls within a range the source gives ("28,000-38,000" holds 30,000)."""
    if claim.kind == "date" or source.low >= source.high or claim.qualifier not in (None, "approx") or source.qualifier:
        return False
    return source.low <= claim.low and claim.high <= source.high


def support(claim: Reading) -> Interval:
    """The source values that confirm a claim."""
    if claim.qualifier == "approx":
        spread = max(claim.round_step / 2, APPROX_SUPPORT * abs(claim.high))
        return Interval(claim.low - spread, claim.high + spread)
    return _interval(claim, claim.step / 2 if claim.kind != "date" else 0.0)


def tolerance(claim: Reading) -> Interval:
    """The source values that do not rule a claim out."""
    if claim.qualifier == "approx":
        spread = max(claim.round_step / 2, APPROX_TOLERANCE * abs(claim.high))
        return Interval(claim.low - spread, claim.high + spread)
    return _interval(claim, _rounding(claim) if claim.kind != "date" else 0.0)


def _rounding(reading: Reading) -> float:
    """How far either way a plain figure's rounding may reach: half its round step, a measurement's
    capped at ``MEASURED_ROUNDING`` of itself (never below half its written step)."""
    if abs(reading.high) < SMALL_COUNT:
        return reading.step / 2
    if not _measured(reading):
        return reading.round_step / 2
    return max(reading.step / 2, min(reading.round_step / 2, MEASURED_ROUNDING * abs(reading.high)))


def _measured(reading: Reading) -> bool:
    """A quantity in a unit of measurement pint knows (metres, miles, kilograms), not a count or money."""
    return reading.kind == "number" and reading.unit is not None and conversion(reading.unit, reading.unit) is not None


def _interval(claim: Reading, spread: float) -> Interval:
    """The values a reading allows: open-ended past its bound, else its figure give or take ``spread``."""
    strict = _nudge(claim.low if claim.qualifier in _LOWER_BOUNDS else claim.high)
    if claim.qualifier == "more_than":
        return Interval(claim.high + strict if claim.kind != "date" else claim.high + 1, math.inf)
    if claim.qualifier == "at_least":
        return Interval(claim.low, math.inf)
    if claim.qualifier == "less_than":
        return Interval(-math.inf, claim.low - strict if claim.kind != "date" else claim.low - 1)
    if claim.qualifier == "at_most":
        return Interval(-math.inf, claim.high)
    return Interval(claim.low - spread, claim.high + spread)


def literal(source: Reading) -> Interval:
    """All that a source value asserts: bounds stay open-ended, round figures keep their rounding."""
    if source.qualifier in _BOUNDS:
        return _interval(source, 0.0)
    if source.qualifier == "approx":
        spread = max(source.round_step / 2, APPROX_TOLERANCE * abs(source.high))
        return Interval(source.low - spread, source.high + spread)
    spread = _rounding(source) if source.kind != "date" else 0.0
    return Interval(source.low - spread, source.high + spread)


def typical(source: Reading) -> Interval:
    """What a source value means in practice: "over 700" is above 700 but below the next round step (800),
    which "less than 800" therefore holds."""
    if source.kind == "date":
        return literal(source) if source.qualifier not in _BOUNDS else Interval(-math.inf, math.inf)
    if source.qualifier in _LOWER_BOUNDS:
        upper = source.high + source.round_step
        return Interval(source.high + _nudge(source.high), upper - _nudge(upper))
    if source.qualifier in _UPPER_BOUNDS:
        lower = source.low - source.round_step
        return Interval(lower + _nudge(lower), source.low - _nudge(source.low))
    return Interval(source.low - source.step / 2, source.high + source.step / 2)


def _nudge(value: float) -> float:
    """A tiny step that makes a strict bound exclusive."""
    return 1e-9 * max(1.0, abs(value))


__all__ = [
    "NumberReadingKind",
    "Reading",
    "ReadingKind",
    "Relation",
    "comparable",
    "date_reading",
    "duration_reading",
    "in_unit_of",
    "near_miss",
    "number_reading",
    "precision",
    "relation",
]
