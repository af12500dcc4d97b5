"""A time expression as the rules read it, before context fills in what the text leaves out.

A rule records only what the words state (a month with no year, "the following day", "two
years"); resolution against the document date or the narrative's reference date happens later,
in text order, so that "March" in a 1998 article and "March" after "In 1945, ..." differ.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

DraftKind = Literal["date", "duration", "set", "time", "ref", "relative"]
Anchoring = Literal["deictic", "anaphoric"]
Tense = Literal["past", "present", "future", "past_own", "future_own"]
"""The tense of the verb governing a date: decides whether "Friday" is the last one or the next.
``past_own`` is a past verb whose own adverbial the date is ("In January, the firm hired him"): what
it tells happened then, so the date lies before the document, not after it; ``future_own`` the same
ahead ("next Christmas")."""


@dataclass(frozen=True)
class Draft:
    """What one matched expression says; None means the text does not say it."""

    start: int
    end: int
    kind: DraftKind
    rule: str
    year: int | None = None
    """Signed year: 490 BC is -490 (WikiWars writes BC0490)."""
    two_digit_year: int | None = None
    """A year written with two digits ("'99", "2006-07"), completed from context."""
    month: int | None = None
    day: int | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    decade: int | None = None
    """The first three digits of a decade's years: 199 for the 1990s (negative for BC)."""
    century: int | None = None
    """The TIMEX3 century digits: 19 for the 20th century (negative for BC)."""
    weekday: int | None = None
    part_of_day: str | None = None
    clock: str | None = None
    mod: str | None = None
    bc: bool = False
    value: str | None = None
    """A value fixed by the words alone: a duration, a set, PRESENT_REF."""
    anchoring: Anchoring | None = None
    unit: str | None = None
    """For a relative expression, the unit it moves by (day, week, month, year, ...)."""
    offset: int = 0
    """For a relative expression, how many units forward (+) or back (-)."""

    def with_span(self, start: int, end: int) -> Draft:
        """The same reading over other characters."""
        return replace(self, start=start, end=end)

    @property
    def length(self) -> int:
        return self.end - self.start
