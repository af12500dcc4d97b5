"""Every TIMEX3 shape the dates stage emits reads as a person would say it (dates/readable.py)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from citefacts.dates.find import find_dates
from citefacts.dates.readable import readable_date, readable_timex
from citefacts.models import DateValue

CASES = [
    # days, months, years, BC
    ("1990", "DATE", "1990"),
    ("1990-04", "DATE", "April 1990"),
    ("1990-04-12", "DATE", "12 April 1990, a Thursday"),
    ("1999-02-30", "DATE", "30 February 1999 (no such day)"),
    ("2018-XX-XX", "DATE", "a day in 2018"),
    ("1943-07-XX", "DATE", "a day in July 1943"),
    ("XXXX-11-05", "DATE", "5 November (year not given)"),
    ("BC0490", "DATE", "490 BC"),
    # seasons, quarters, halves
    ("1992-WI", "DATE", "winter 1992"),
    ("1993-FA", "DATE", "autumn 1993"),
    ("1993-SP", "DATE", "spring 1993"),
    ("1989-Q3", "DATE", "the third quarter of 1989: July-September"),
    ("1989-H1", "DATE", "the first half of 1989: January-June"),
    # ISO weeks
    ("1989-W44", "DATE", "week 44 of 1989: 30 October-5 November"),
    ("1990-W32-WE", "DATE", "the weekend of week 32 of 1990: 11-12 August"),
    ("2020-W53", "DATE", "week 53 of 2020: 28 December 2020-3 January 2021"),
    ("2021-W53", "DATE", "week 53 of 2021 (no such week)"),
    # decades and centuries
    ("199", "DATE", "the 1990s: 1990-1999"),
    ("201", "DATE", "the 2010s: 2010-2019"),
    ("BC049", "DATE", "the 490s BC: 499-490 BC"),
    ("19", "DATE", "the 20th century: 1900-1999"),
    ("20", "DATE", "the 21st century: 2000-2099"),
    ("BC05", "DATE", "the 6th century BC: 599-500 BC"),
    # parts not given
    ("XXXX", "DATE", "a year (date not given)"),
    ("XXXX-XX", "DATE", "a month (date not given)"),
    ("XXXX-XX-XX", "DATE", "a day (date not given)"),
    ("XXXX-QX", "DATE", "a quarter (date not given)"),
    ("XXXX-WXX", "DATE", "a week (date not given)"),
    ("XXXX-WXX-WE", "DATE", "a weekend (date not given)"),
    ("XXXX-WXX-3", "DATE", "a Wednesday (date not given)"),
    ("XXX", "DATE", "a decade (date not given)"),
    ("XX", "DATE", "a century (date not given)"),
    # times
    ("2016-09-27TMO", "TIME", "the morning of 27 September 2016, a Tuesday"),
    ("2020-11-09T14:30", "TIME", "14:30 on 9 November 2020, a Monday"),
    ("2020-11-09T24:00", "TIME", "midnight at the end of 9 November 2020, a Monday"),
    ("XXXX-XX-XXT12:00", "TIME", "noon (12:00), on a day not given"),
    ("XXXX-XX-XXTNI", "TIME", "night, on a day not given"),
    ("XXXX-WXX-3TEV", "TIME", "a Wednesday evening (date not given)"),
    ("XXXX-WXX-5T22:00", "TIME", "22:00 on a Friday (date not given)"),
    # durations
    ("P2DE", "DURATION", "two decades"),
    ("P1D", "DURATION", "one day"),
    ("P5Y", "DURATION", "five years"),
    ("P12Y", "DURATION", "12 years"),
    ("PXY", "DURATION", "some years"),
    ("P1.5Y", "DURATION", "1.5 years"),
    ("P2M", "DURATION", "two months"),
    ("P3W", "DURATION", "three weeks"),
    ("P2Q", "DURATION", "two quarters"),
    ("P1WE", "DURATION", "one weekend"),
    ("P2CE", "DURATION", "two centuries"),
    ("P1Y6M", "DURATION", "one year and six months"),
    ("PT6H", "DURATION", "six hours"),
    ("PT30M", "DURATION", "30 minutes"),
    ("PT10S", "DURATION", "ten seconds"),
    ("P1DT12H", "DURATION", "one day and 12 hours"),
    # sets
    ("P1D", "SET", "every day (daily)"),
    ("P1W", "SET", "every week (weekly)"),
    ("P2W", "SET", "every two weeks"),
    ("P1Y", "SET", "every year (yearly)"),
    ("PT1H", "SET", "every hour (hourly)"),
    ("XXXX-04", "SET", "every April"),
    ("XXXX-SU", "SET", "every summer"),
    ("XXXX-WXX-3", "SET", "every Wednesday"),
    ("XXXX-WXX-WE", "SET", "every weekend"),
    # vague references
    ("PRESENT_REF", "DATE", "the present (now)"),
    ("PAST_REF", "DATE", "the past"),
    ("FUTURE_REF", "DATE", "the future"),
    # shapes it does not know stay as they are
    ("garbage", "DATE", "garbage"),
    ("P", "DURATION", "P"),
    ("1990-13", "DATE", "1990-13"),
]


@pytest.mark.parametrize(("value", "kind", "expected"), CASES, ids=[f"{v}-{k}" for v, k, _ in CASES])
def test_each_timex_shape_has_a_human_form(value: str, kind: str, expected: str) -> None:
    assert readable_timex(value, kind) == expected


@pytest.mark.parametrize(
    ("mod", "expected"),
    [("START", "the start of the 1990s: 1990-1999"), ("MID", "the middle of the 1990s: 1990-1999"),
     ("END", "the end of the 1990s: 1990-1999"), (None, "the 1990s: 1990-1999")],
)  # fmt: skip
def test_early_mid_and_late_read_as_start_middle_and_end(mod: str | None, expected: str) -> None:
    value = DateValue(
        timex="199", granularity="decade", first_day=date(1990, 1, 1), last_day=date(1999, 12, 31), mod=mod
    )
    assert readable_date(value) == expected


SENTENCES = [
    "The town grew in the late 1990s and again during the 2010s.",
    "After two decades of talks, the treaty was signed on 12 April 1990.",
    "The ferry sails daily in the summer of 1993 and weekly in winter.",
    "In the third quarter of 1989 the mill stopped for six months, and it is currently closed.",
    "On the morning of 27 September 2016 the bridge opened; by the 6th century BC the road was already old.",
]


@pytest.mark.parametrize(
    ("value", "kind", "mod", "expected"),
    [("P2Y", "DURATION", "MORE_THAN", "more than two years"), ("1990", "DATE", "BEFORE", "before 1990"),
     ("P1W", "DURATION", "APPROX", "about one week"), ("1990", "DATE", "UNKNOWN_MOD", "1990")],
)  # fmt: skip
def test_other_timex3_mods_read_as_words(value: str, kind: str, mod: str, expected: str) -> None:
    assert readable_timex(value, kind, mod) == expected


def test_every_value_the_dates_stage_finds_has_a_human_form(nlp: Language) -> None:
    """The stage's own values for sentences written for this test: none is left in its machine form."""
    seen = {}
    for text in SENTENCES:
        for found in find_dates(nlp(text)):
            assert isinstance(found.value, DateValue)
            seen[text[found.start : found.end]] = readable_date(found.value)
            if not found.value.timex.isdigit() or len(found.value.timex) != 4:
                assert seen[text[found.start : found.end]] != found.value.timex
    assert seen["the late 1990s"] == "the end of the 1990s: 1990-1999"
    assert seen["the 2010s"] == "the 2010s: 2010-2019"
    assert seen["two decades"] == "two decades"
    assert seen["12 April 1990"] == "12 April 1990, a Thursday"
    assert seen["daily"] == "every day (daily)"
    assert seen["six months"] == "six months"
    assert seen["currently"] == "the present (now)"
    assert seen["the third quarter of 1989"] == "the third quarter of 1989: July-September"
