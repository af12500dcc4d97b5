"""Dates: find time expressions (TimeML TIMEX3) and normalize them to values and calendar intervals.

Detection is rule-based (HeidelTime-style regular expressions over the text, see
``dates_calendar`` and ``dates_relative``); spaCy's parse only vetoes numbers that count things
("1500 men") and tells the tense that places "Friday" or "March" before or after the document
date. Relative expressions are resolved in text order against a ``DateContext``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache

import dateparser
from spacy.tokens import Doc

from citefacts.dates.calendar import CALENDAR_RULES, Rule
from citefacts.dates.draft import Draft
from citefacts.dates.durations import DURATION_RULES, split_count_ranges
from citefacts.dates.lexicon import MONTHS
from citefacts.dates.relative import RELATIVE_RULES
from citefacts.dates.resolve import DateContext, Tense, resolve
from citefacts.dates.tense import TokenIndex, is_aside, sets_narrative_time, tense_at, years_counting_things
from citefacts.dates.values import Point, day_value, month_value, to_date_value, year_value
from citefacts.mention import DocMention
from citefacts.models import DateValue

__all__ = ["DateContext", "day_value", "find_dates", "month_value", "normalize", "scan", "year_value"]

"""Version of the date rules and their resolution: bump it when a change alters values or spans."""

logger = logging.getLogger(__name__)

RULES: list[Rule] = CALENDAR_RULES + RELATIVE_RULES + DURATION_RULES
_RANGE_GAP = re.compile(r"^\s*(?:[-–—]|to|until|till|through|and|or)\s*$", re.I)
_LABELS = {"DATE": "DATE", "TIME": "TIME", "DURATION": "DATE", "SET": "DATE"}


def find_dates(doc: Doc, dct: date | None = None, context: DateContext | None = None) -> list[DocMention]:
    """Time expressions in a parsed text, with TIMEX3 values, in text order and without overlaps.

    Pass the same ``context`` for the consecutive blocks of one document so that "In March" in a
    paragraph resolves against the year the previous paragraph ended on.
    """
    context = context or DateContext(dct=dct)
    counting = years_counting_things(doc)
    index = TokenIndex(doc)
    drafts = [d for d in scan(index.text) if not (d.rule == "year" and d.start in counting)]
    drafts = [_without_noun_phrase_article(d, index) for d in drafts]
    found = []
    clues = Clues(
        lambda start: tense_at(index, start),
        lambda start, end: sets_narrative_time(index, start, end),
        lambda start, end: is_aside(index.text, start, end),
    )
    for draft, value in resolve_all(drafts, context, clues):
        label = _LABELS[value.type]
        found.append(DocMention(draft.start, draft.end, label, value))
    return found


def _without_noun_phrase_article(draft: Draft, index: TokenIndex) -> Draft:
    """ "the [[Spring]] Offensive", "The [[21 January]] execution": when the date only modifies a
    noun after it, the article belongs to that noun, not to the time expression."""
    if draft.kind not in ("date", "time") or not re.match(r"(?i:the)\s", index.text[draft.start : draft.start + 4]):
        return draft
    span = index.span(draft.start, draft.end)
    if span is None or len(span) < 2:
        return draft
    root = span[1:].root
    if root.dep_ in ("compound", "amod", "nmod", "nummod") and root.head.i >= span.end:
        return replace(draft, start=span[1].idx)
    return draft


def scan(text: str) -> list[Draft]:
    """Every rule's matches, the longest kept where they overlap, then ranges completed."""
    candidates: list[tuple[int, int, Draft]] = []
    for order, (_name, pattern, build) in enumerate(RULES):
        for match in pattern.finditer(text):
            if match.end() == match.start():
                continue
            draft = build(match, text)
            if draft is not None and not re.search(r"\d[,.]$", text[max(0, draft.start - 2) : draft.start]):
                candidates.append((order, match.start(), draft))
    candidates.sort(key=lambda c: (-c[2].length, c[1], c[0]))
    chosen: list[Draft] = []
    for _order, _start, draft in candidates:
        if all(draft.end <= other.start or other.end <= draft.start for other in chosen):
            chosen.append(draft)
    chosen.sort(key=lambda d: d.start)
    return _attach_clocks(complete_ranges(_add_right_days(split_count_ranges(chosen, text), text), text), text)


_CLOCK_GAP = re.compile(r"^\s*(?:(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC)\s*)?,?\s*$")


def _attach_clocks(drafts: list[Draft], text: str) -> list[Draft]:
    """ "10 p.m. Wednesday", "noon Thursday": a clock time joins the day that follows it."""
    result: list[Draft] = []
    for draft in drafts:
        previous = result[-1] if result else None
        joins = previous is not None and previous.rule == "clock" and draft.kind in ("date", "time")
        if joins and previous is not None and _CLOCK_GAP.match(text[previous.end : draft.start]):
            result[-1] = replace(draft, start=previous.start, kind="time", clock=previous.clock)
        else:
            result.append(draft)
    return result


_RIGHT_DAY = re.compile(
    r"\s*(?:[-–]|and|to|through)\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(?P<year>1\d{3}|20\d{2}))?(?!\w)"
)


def _add_right_days(drafts: list[Draft], text: str) -> list[Draft]:
    """The bare second day of "March 5-9, 1918" or "May 4 and 5", with the first day's month."""
    added = []
    for draft in drafts:
        if draft.rule != "date" or draft.month is None or draft.day is None or text[draft.start].isdigit():
            continue
        match = _RIGHT_DAY.match(text, draft.end)
        if match is None or not 1 <= int(match["day"]) <= 31:
            continue
        year = int(match["year"]) if match["year"] else draft.year
        added.append(Draft(match.start("day"), match.end(), "date", "range_right", year=year, month=draft.month,
                           day=int(match["day"])))  # fmt: skip
    kept = [d for d in drafts if all(d.end <= a.start or a.end <= d.start for a in added)]
    return sorted(kept + added, key=lambda d: d.start)


def complete_ranges(drafts: list[Draft], text: str) -> list[Draft]:
    """Let the first end of a range take what only the second states ("6-15 October 1952")."""
    result = list(drafts)
    for i in range(len(result) - 1):
        first, second = result[i], result[i + 1]
        if first.kind != "date" or second.kind != "date" or not _RANGE_GAP.match(text[first.end : second.start]):
            continue
        result[i], result[i + 1] = _complete_pair(first, second)
    return [d for d in result if d.rule not in ("range_year", "range_day") or d.year is not None or d.month]


def _complete_pair(first: Draft, second: Draft) -> tuple[Draft, Draft]:
    if second.two_digit_year is not None and second.year is None and first.year is not None and first.year > 0:
        second = replace(second, year=(first.year // 100) * 100 + second.two_digit_year)
    if first.rule == "range_year" and first.year is not None:
        bc = second.year is not None and second.year < 0
        first = replace(first, year=-first.year if bc else first.year, rule="year")
    elif first.rule == "year" and first.year and second.year and second.year < 0 < first.year:
        first = replace(first, year=-first.year)
    if first.day is not None and first.month is None and second.month is not None:
        first = replace(first, month=second.month)
    has_calendar_part = first.month is not None or first.season is not None
    if first.year is None and has_calendar_part and second.year is not None and first.anchoring is None:
        first = replace(first, year=second.year)
    return first, second


@dataclass(frozen=True)
class Clues:
    """What the parse says about the place of a draft: its tense, and whether it moves a story's time."""

    tense: Callable[[int], Tense] = lambda start: "present"
    moves_time: Callable[[int, int], bool] = lambda start, end: True
    aside: Callable[[int, int], bool] = lambda start, end: False


def resolve_all(drafts: list[Draft], context: DateContext, clues: Clues | None) -> list[tuple[Draft, DateValue]]:
    """Values for drafts in text order; each resolved date becomes the reference for the next."""
    clues = clues or Clues()
    context.observe(drafts)
    results = []
    for draft in drafts:
        draft = _news_period(draft, context)
        tense = clues.tense(draft.start)
        resolved = resolve(draft, context, tense)
        if resolved is None:
            continue
        timex, point = resolved
        kind = {"duration": "DURATION", "set": "SET", "time": "TIME"}.get(draft.kind, "DATE")
        if kind == "TIME" and "T" not in timex:
            kind = "DATE"
        results.append((draft, to_date_value(timex, kind, point, draft.mod)))  # type: ignore[arg-type]
        if point is not None and draft.anchoring is None:
            context.note_period(point)
        if clues.aside(draft.start, draft.end):
            continue
        if point is None or point.day is not None or clues.moves_time(draft.start, draft.end):
            _update_reference(draft, point, context)
    return results


_PERIOD_BEFORE = {"P1Y": "year", "P1DE": "decade"}


def _news_period(draft: Draft, context: DateContext) -> Draft:
    """In a report, "the past year" and "the last decade" name the period before the report's, as
    "last year" does (TimeBank marks them as dates); counted ("the past two years"), or in a history,
    they stay lengths."""
    unit = _PERIOD_BEFORE.get(draft.value or "")
    if draft.rule != "duration_past" or unit is None or context.narrative or context.dct is None:
        return draft
    return replace(draft, kind="date", rule="deictic", value=None, anchoring="deictic", unit=unit, offset=-1)


def _update_reference(draft: Draft, point: Point | None, context: DateContext) -> None:
    """A date the text states, or one counted from it, is what later relative dates count from."""
    if point is None or draft.kind not in ("date", "time") or point.granularity is not None:
        return
    if draft.anchoring == "deictic" and context.narrative:
        return
    if draft.rule in ("offset", "year_ago") and draft.offset < 0:
        return  # "two decades earlier" looks back; the story stays where it was
    if point.week is not None or (point.month is None and point.day == 0):
        return
    context.ref = point
    if point.month is not None and point.day:
        context.fine = point


def normalize(text: str, dct: date | None = None) -> DateValue | None:
    """A DateValue for one time expression, or None when it cannot be normalized."""
    return _normalize(" ".join(text.split()), dct)


@lru_cache(maxsize=8192)
def _normalize(cleaned: str, dct: date | None) -> DateValue | None:
    drafts = scan(cleaned)
    if len(drafts) == 1 and drafts[0].start == 0 and drafts[0].end == len(cleaned):
        resolved = resolve_all(drafts, DateContext(dct=dct), None)
        return resolved[0][1] if resolved else None
    if len(drafts) == 2 and drafts[0].start == 0 and drafts[1].end == len(cleaned):
        return _range_value(drafts, dct)
    return _with_dateparser(cleaned, dct)


def _range_value(drafts: list[Draft], dct: date | None) -> DateValue | None:
    """One value spanning both ends of a range ("1988–1994"): first day of one, last day of the other."""
    values = [value for _draft, value in resolve_all(drafts, DateContext(dct=dct), None)]
    if len(values) != 2 or values[0].first_day is None or values[1].last_day is None:
        return None
    first, last = values
    return DateValue(
        timex=f"{first.timex}/{last.timex}",
        granularity=first.granularity,
        first_day=first.first_day,
        last_day=last.last_day,
    )


@lru_cache(maxsize=4096)
def _with_dateparser(text: str, dct: date | None) -> DateValue | None:
    """Normalize what no rule reads with dateparser, keeping only what the text states (no invented day)."""
    if not re.search(r"\b\d{3,4}\b", text):
        return None
    settings: dict[str, object] = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if dct is not None:
        settings["RELATIVE_BASE"] = datetime(dct.year, dct.month, dct.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    logger.debug("dateparser read %r as %s", text, parsed)
    has_day = bool(re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)", re.sub(r"\b\d{3,4}\b", "", text)))
    has_month = bool(re.search(r"\b(?:" + "|".join(MONTHS) + r")\b", text, re.I))
    if has_day and has_month:
        return day_value(parsed.year, parsed.month, parsed.day)
    if has_month:
        return month_value(parsed.year, parsed.month)
    return None
