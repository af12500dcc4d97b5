"""Resolving drafts to TIMEX3 values with the document date and the narrative's reference date.

News counts "Friday", "March" and "last year" from the document creation date (dct); a history
counts "March" and "the following day" from the last date it mentioned. ``DateContext`` carries
that reference date through a text in order and guesses which of the two kinds the text is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from citefacts.dates.draft import Draft, Tense
from citefacts.dates.values import Point, calendar_day, days_after, floating_holiday_day, point_value, shift


@dataclass
class DateContext:
    """What resolution knows at one place in a text: its dct and the last date it mentioned."""

    dct: date | None = None
    ref: Point | None = None
    fine: Point | None = None
    """The last full date (day, month, year) mentioned: a story's thread, which a passing year or month does not cut."""
    near: int = 0
    """Signals of news: deictic words and weekdays."""
    far: int = 0
    """Signals of a history: explicit years far from the dct."""
    period: Point | None = None
    """The last reported quarter mentioned ("third-quarter profit"): what "a year ago" compares it with."""

    @property
    def narrative(self) -> bool:
        """Whether relative expressions count from the text's own dates rather than from the dct."""
        return self.dct is None or self.far > 2 * self.near

    @property
    def history(self) -> bool:
        """Whether the text is plainly a history, so that even a weekday counts from its own dates."""
        return self.dct is None or (self.far >= 5 and self.far > 3 * self.near)

    def observe(self, drafts: list[Draft]) -> None:
        """Count the news and history signals of a stretch of text before resolving it."""
        for draft in drafts:
            if draft.rule in ("weekday", "yesterday", "today", "tomorrow", "tonight", "deictic"):
                self.near += 1
            elif draft.year is not None and draft.kind == "date" and self.dct is not None:
                self.far += abs(draft.year - self.dct.year) > 2

    def note_period(self, point: Point) -> None:
        """Remember a quarter that is over at the dct and less than a year old: the period reported on.

        A quarter still to come ("expects a fourth-quarter charge") or a past year's quarter named as
        the comparison ("the 1988 second quarter") is not what the report is about.
        """
        if point.quarter is None or point.year < 1:
            return
        if self.dct is not None:
            last_month = point.quarter * 3
            months_ago = (self.dct.year - point.year) * 12 + self.dct.month - last_month
            if not 0 <= months_ago <= 12:
                return
        self.period = point

    def dct_point(self) -> Point | None:
        return Point(self.dct.year, self.dct.month, self.dct.day) if self.dct else None


def resolve(draft: Draft, context: DateContext, tense: Tense) -> tuple[str, Point | None] | None:
    """The TIMEX3 value of a draft and the calendar point it names (None for vague values)."""
    if draft.value is not None:
        return draft.value, None
    if draft.rule == "clock":
        return _clock(draft, context)
    if draft.rule == "weekday":
        return _weekday(draft, context, tense)
    if draft.anchoring is not None:
        return _relative(draft, context)
    return _calendar(draft, context, tense)


def _finish(draft: Draft, point: Point) -> tuple[str, Point]:
    """Format a point with the draft's part of day, if any."""
    value = point_value(point)
    if draft.clock:
        value += "T" + draft.clock
    elif draft.part_of_day:
        value += "T" + draft.part_of_day
    return value, point


def _clock(draft: Draft, context: DateContext) -> tuple[str, Point | None]:
    """A clock time on the last day the text named ("On Friday ... at 10 p.m."), else on the dct in news."""
    ref = context.ref
    base = ref if ref is not None and ref.day else (context.dct_point() if not context.narrative else ref)
    if base is None or base.day is None:
        return f"XXXX-XX-XXT{draft.clock}", None
    return point_value(base) + f"T{draft.clock}", base


def _weekday(draft: Draft, context: DateContext, tense: Tense) -> tuple[str, Point | None]:
    weekday = draft.weekday or 0
    ref_day = calendar_day(context.ref) if context.ref is not None else None
    if (
        draft.anchoring == "anaphoric" and ref_day is not None
    ):  # "the previous Friday": the one before the last day named
        step = -1 if draft.offset < 0 else 1
        days = [days_after(ref_day, step * d) for d in range(1, 8)]
        found = next((d for d in days if d and d.weekday() == weekday), None)
        if found:
            return _finish(draft, Point(found.year, found.month, found.day))
    if context.history or context.dct is None:
        anchor = calendar_day(context.ref) if context.ref is not None else None
        candidates = [days_after(anchor, d) for d in range(0, 7)] if anchor else []
        found = next((d for d in candidates if d and d.weekday() == weekday), None)
        if found:
            return _finish(draft, Point(found.year, found.month, found.day))
        suffix = f"T{draft.part_of_day}" if draft.part_of_day else ""
        return f"XXXX-WXX-{weekday + 1}{suffix}", None
    dct = context.dct
    back = (dct.weekday() - weekday) % 7
    ahead = (weekday - dct.weekday()) % 7
    if draft.offset < 0:
        day = days_after(dct, -(back or 7))
    elif draft.offset > 0:
        day = days_after(dct, (ahead or 7) + (7 if ahead and tense == "future" and ahead < 3 else 0))
    elif tense == "future":
        day = days_after(dct, ahead)
    else:
        day = days_after(dct, -back)
    if day is None:  # past the calendar's ends (a dct of 9999-12-31)
        return f"XXXX-WXX-{weekday + 1}", None
    return _finish(draft, Point(day.year, day.month, day.day))


def _relative(draft: Draft, context: DateContext) -> tuple[str, Point | None] | None:
    """Deictic expressions count from the dct, anaphoric ones from the reference date."""
    if draft.anchoring == "deictic":
        if draft.rule == "today" and context.narrative:
            return "PRESENT_REF", None
        base = context.dct_point()
        ref, dct = context.ref, context.dct
        caught_up = ref is not None and dct is not None and ref.year >= dct.year - 1  # the story reached the dct
        if (
            draft.rule in ("yesterday", "tomorrow", "deictic")
            and context.narrative
            and ref is not None
            and not caught_up
        ):
            base = ref
        base = base or context.ref
    else:
        base = _anaphoric_base(draft, context)
    if draft.unit is None:
        return None
    if base is None:
        return _unanchored(draft), None
    if (
        draft.unit == "quarter"
        and draft.offset == 0
        and not (draft.rule == "the_unit" and draft.anchoring == "deictic")
    ):
        base = _quarter_in_view(context) or base
    if draft.month is not None:
        return _named_month(draft, base)
    offset = draft.offset
    base_day = calendar_day(base) if draft.unit == "weekend" and draft.rule == "the_unit" else None
    if base_day:
        offset = -1 if base_day.weekday() < 5 else 0  # the weekend just past
    point = shift(base, draft.unit, offset)
    dct_point = context.dct_point()
    if point is None and dct_point is not None and base != dct_point:
        point = shift(dct_point, draft.unit, draft.offset)  # the reference is too coarse ("that week" after "1998")
    if point is None:
        return None
    period = _period_compared(draft, context)
    if period is not None and period.quarter is not None:
        point = Point(period.year + draft.offset, quarter=period.quarter)
    if draft.season is not None:
        point = replace(point, month=None, day=None, season=draft.season)
    if draft.quarter is not None:
        point = Point(point.year, quarter=draft.quarter)
    return _finish(draft, point)


_UNANCHORED = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
               "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX"}  # fmt: skip


def _unanchored(draft: Draft) -> str:
    """A relative date in a text with no date to count from ("three years ago" with no dct): kept, with
    the unit's places unknown, as TimeML writes a date it cannot place (XXXX-XX for "15 months ago")."""
    if draft.month is not None:
        return f"XXXX-{draft.month:02d}"
    if draft.season is not None:
        return f"XXXX-{draft.season}"
    value = _UNANCHORED.get(draft.unit or "", "XXXX")
    if draft.part_of_day and value.endswith("XX-XX"):
        value += f"T{draft.part_of_day}"
    return value


def _anaphoric_base(draft: Draft, context: DateContext) -> Point | None:
    """What "the following day" or "the year" counts from: the last date the text mentioned.

    In news, "for the year" after "a forecast for 1992" still means the report's year: a year
    ahead of the dct is a forecast, not the time the story is at; "the weekend" is the one
    around the dct.
    """
    ref, dct = context.ref, context.dct_point()
    news = draft.rule == "the_unit" and not context.narrative and dct is not None
    if news and dct is not None and (ref is None or ref.year > dct.year or draft.unit == "weekend"):
        return context.period or dct
    return ref or dct


def _quarter_in_view(context: DateContext) -> Point | None:
    """The quarter "the quarter" or "this quarter" means: the one reported on, else the one the text
    last named, else the last quarter over before the dct (news reports a quarter after it ends)."""
    if context.period is not None:
        return context.period
    if context.ref is not None and context.ref.quarter is not None:
        return context.ref
    if context.dct is None:
        return None
    reported = days_after(context.dct, -45)
    return Point(reported.year, reported.month, reported.day) if reported else None


def _period_compared(draft: Draft, context: DateContext) -> Point | None:
    """The quarter that "a year ago", "a year earlier" or "the year-ago period" looks back from, if any.

    An earnings report compares its quarter with the same quarter a year before; "last year"
    itself mostly means the whole year and keeps its year.
    """
    looks_back = draft.unit == "year" and draft.offset < 0 and draft.rule in ("offset", "year_ago")
    if not looks_back or draft.season is not None or draft.month is not None:
        return None
    ref = context.ref
    return context.period or (ref if ref is not None and ref.quarter is not None else None)


def _named_month(draft: Draft, base: Point) -> tuple[str, Point]:
    """ "the previous April", "the following June", "July of that year"."""
    month = draft.month or 1
    year = base.year
    if draft.unit == "year" and draft.offset and draft.rule == "anaphoric" and base.month is not None:
        if draft.offset < 0 and month >= base.month:
            year -= 1
        elif draft.offset > 0 and month <= base.month:
            year += 1
    elif draft.rule == "deictic" and base.month is not None:
        if draft.offset < 0:
            year = base.year if month < base.month else base.year - 1
        elif draft.offset > 0:
            year = base.year if month > base.month else base.year + 1
    elif draft.rule != "anaphoric":
        year += draft.offset
    return _finish(draft, Point(year, month, draft.day))


def _calendar(draft: Draft, context: DateContext, tense: Tense) -> tuple[str, Point | None] | None:
    """Days, months, seasons, quarters, years, decades, centuries; a missing year from context."""
    if draft.decade is not None:
        point = Point(draft.decade * 10, granularity="decade")
        return point_value(point), point
    if draft.century is not None:
        point = Point(draft.century * 100, granularity="century")
        return point_value(point), point
    year = draft.year
    if year is None and draft.two_digit_year is not None:
        base = context.ref.year if context.ref else (context.dct.year if context.dct else 1900)
        year = (base // 100) * 100 + draft.two_digit_year
        if year > base + 10:
            year -= 100
    if draft.rule == "range_year":
        return None
    point = Point(year or 0, draft.month, draft.day, season=draft.season, quarter=draft.quarter, half=draft.half)
    if year is None:
        found = _year_from_context(point, context, _sided(draft, tense))
        if found is None:
            return _unknown_year(draft), None
        point = replace(point, year=found)
    if draft.rule == "year_period" and context.period is not None:
        point = replace(point, quarter=context.period.quarter)
    if draft.rule.startswith("holiday:") and 0 < point.year <= 9999:
        point = replace(point, day=floating_holiday_day(point.year, draft.rule.removeprefix("holiday:")))
    week_of = calendar_day(point) if draft.rule == "week_of" else None
    if week_of:
        iso = week_of.isocalendar()
        point = Point(iso[0], week=iso[1])
    if point.day is not None and point.month is None:
        if context.ref is None or context.ref.month is None:
            return None
        point = replace(point, month=context.ref.month)
    return _finish(draft, point)


def _sided(draft: Draft, tense: Tense) -> Tense:
    """ "last Thanksgiving" lies behind the document date whatever the verb; "next Christmas" ahead."""
    if draft.anchoring is None and draft.offset < 0:
        return "past_own"
    if draft.anchoring is None and draft.offset > 0:
        return "future_own"
    return tense


def _unknown_year(draft: Draft) -> str:
    if draft.month is not None:
        return f"XXXX-{draft.month:02d}" + (f"-{draft.day:02d}" if draft.day else "")
    if draft.season is not None:
        return f"XXXX-{draft.season}"
    if draft.quarter is not None:
        return f"XXXX-Q{draft.quarter}"
    return "XXXX"


def _story_year(point: Point, ref: Point, fine: Point | None) -> int:
    """The year that continues the story: of the last year mentioned and the year of the last full
    date, the one that puts the date soonest on or after that full date ("On 10 March 1975 ... a
    campaign in 1976 ... on 11 March" is 1975). A month before that full date, or later in its year, is
    where the story has moved to ("On 3 March 1918 ... In December 1916 ... on 14 January" is 1917).
    A winter after a year, or after its summer, is the one that starts at its end and is named, like
    its January, by the next year ("In 1914 ... in winter" is 1915-WI)."""
    if point.season == "WI" and (ref.month is None or ref.month >= 7):
        return ref.year + 1 if ref.year != -1 else 1  # the winter that ends the year's campaigns
    if point.month is None:
        return ref.year
    if fine is not None and ref.month is not None and (ref.year == fine.year or _month_key(ref) < _month_key(fine)):
        fine = ref if _month_key(ref) != _month_key(fine) else fine
    if fine is None or fine.month is None:
        return ref.year

    def ahead(year: int) -> int:
        return (
            (year * 12 + (point.month or 1)) * 31
            + (point.day or 1)
            - ((fine.year * 12 + (fine.month or 1)) * 31 + (fine.day or 1))
        )

    if fine.year == ref.year:
        turns = ahead(ref.year) < 0 and ahead(ref.year + 1) <= 3 * 31  # "On December 7, 1941 ... In January"
        return ref.year + 1 if turns and ref.year != -1 else ref.year
    forward = [(ahead(year), year) for year in (fine.year, ref.year) if ahead(year) >= 0]
    return min(forward)[1] if forward else ref.year


def _month_key(point: Point) -> int:
    return point.year * 12 + (point.month or 1)


def _year_from_context(point: Point, context: DateContext, tense: Tense) -> int | None:
    """The year of a date written without one: the reference date's in a history, else the dct's."""
    if context.narrative:
        if context.ref is not None:
            return _story_year(point, context.ref, context.fine)
        return context.dct.year if context.dct else None
    dct = context.dct
    if dct is None:
        return None
    month = point.month or {"SP": 4, "SU": 7, "FA": 10, "WI": 1}.get(point.season or "", 0)
    month = month or ((point.quarter or 0) * 3) or dct.month
    day = point.day or 15

    def distance(year: int) -> int:
        """Months from the dct to the date in that year (negative before it)."""
        return (year - dct.year) * 12 + (month - dct.month) + round((day - dct.day) / 31)

    if point.quarter is not None:
        return dct.year if point.quarter * 3 - 2 <= dct.month or tense in ("future", "future_own") else dct.year - 1
    against = {"past": 4, "future": 4, "present": 1, "past_own": 12, "future_own": 12}[
        tense
    ]  # months a date may lie the wrong way

    def cost(year: int) -> int:
        ahead = distance(year)
        forward = tense in ("future", "future_own")
        wrong_way = (ahead > 0 and not forward) or (ahead < 0 and forward)
        return abs(ahead) + (against if wrong_way else 0)

    return min((dct.year, dct.year - 1, dct.year + 1), key=cost)
