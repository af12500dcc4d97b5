"""Dates: time expressions found in text and normalized to TIMEX3 values (the dates package).

Two tables hold most of the cases: ``normalize`` on one expression, and ``find_dates`` on a text,
where the story so far (the last date mentioned) or the document's date places what a text leaves
open. Each row's id names the behaviour it pins.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from spacy.language import Language

from citefacts.dates import DateContext, find_dates, normalize, scan

HISTORY = date(2009, 12, 19)
"""The creation date WikiWars gives its articles: a history's dates are placed by its own story."""


def _dates(nlp: Language, text: str, dct: date | None = None) -> list[tuple[str, str]]:
    """Every date ``find_dates`` finds in ``text``: its span and its TIMEX3 value."""
    doc = nlp(text)
    return [(text[f.start : f.end], f.value.timex) for f in find_dates(doc, dct)]


# --- normalize: one expression, its value ---------------------------------------------------------
# ``expected`` lists the attributes of the DateValue that the row pins; None: not a date at all.

NORMALIZED = [
    # written calendar forms
    pytest.param("9 November 2020", None, {"timex": "2020-11-09", "granularity": "day"}, id="day-month-year"),
    pytest.param("November 9, 2020", None, {"timex": "2020-11-09", "granularity": "day"}, id="month-day-comma-year"),
    pytest.param("April 2016", None, {"timex": "2016-04", "granularity": "month"}, id="month-and-year"),
    pytest.param("1994", None, {"timex": "1994", "granularity": "year"}, id="bare-year"),
    pytest.param("the 1990s", None, {"timex": "199", "granularity": "decade"}, id="decade-is-three-digits"),
    pytest.param("2023-06-20", None, {"timex": "2023-06-20", "granularity": "day"}, id="iso-date"),
    pytest.param("the 20th century", None, {"timex": "19", "granularity": "century"}, id="century-is-two-digits"),
    pytest.param("Oct 10, 1945", None, {"timex": "1945-10-10", "granularity": "day"}, id="abbreviated-month"),
    pytest.param("the spring of 1776", None, {"timex": "1776-SP", "granularity": "season"}, id="season-of-a-year"),
    pytest.param("12/25/1998", None, {"timex": "1998-12-25"}, id="numeric-date-month-first"),
    pytest.param("25/12/1998", None, {"timex": "1998-12-25"}, id="numeric-date-day-first-when-month-cannot-be-25"),
    # calendar intervals
    pytest.param(
        "1988–1994",
        None,
        {"first_day": date(1988, 1, 1), "last_day": date(1994, 12, 31)},
        id="range-with-en-dash-keeps-both-ends",
    ),
    pytest.param("February 2020", None, {"last_day": date(2020, 2, 29)}, id="month-interval-covers-a-leap-february"),
    # BC years, as WikiWars writes them
    pytest.param("490 BC", None, {"timex": "BC0490"}, id="bc-year"),
    pytest.param("the 470s BC", None, {"timex": "BC047"}, id="bc-decade"),
    pytest.param("the 4th century BC", None, {"timex": "BC03"}, id="bc-century"),
    pytest.param("autumn of 481 BC", None, {"timex": "BC0481-FA"}, id="bc-season"),
    # years spoken in words
    pytest.param("the winter of nineteen ninety-four", None, {"timex": "1994-WI"}, id="winter-of-a-spoken-year"),
    pytest.param("January nineteen ninety-seven", None, {"timex": "1997-01"}, id="month-of-a-spoken-year"),
    pytest.param("the year two thousand", None, {"timex": "2000"}, id="the-year-two-thousand"),
    pytest.param("the nineties", None, {"timex": "199"}, id="spoken-decade"),
    pytest.param("two thousand", None, None, id="two-thousand-alone-is-a-number-not-a-year"),
    # modifiers go to mod, never into the value
    pytest.param("early 1949", None, {"timex": "1949", "mod": "START"}, id="early-is-a-start-mod"),
    pytest.param("mid-1916", None, {"timex": "1916", "mod": "MID"}, id="mid-is-a-mid-mod"),
    pytest.param("late November 1950", None, {"timex": "1950-11", "mod": "END"}, id="late-is-an-end-mod"),
    pytest.param("the end of 1776", None, {"timex": "1776", "mod": "END"}, id="the-end-of-is-an-end-mod"),
    # durations, sets and vague references
    pytest.param("two months", None, {"timex": "P2M", "type": "DURATION"}, id="duration-in-months"),
    pytest.param("three years", None, {"timex": "P3Y", "type": "DURATION"}, id="duration-in-years"),
    pytest.param("several days", None, {"timex": "PXD", "type": "DURATION"}, id="vague-count-of-days"),
    pytest.param("16-hour", None, {"timex": "PT16H", "type": "DURATION"}, id="hyphenated-hours-are-a-time-duration"),
    pytest.param("nearly two and a half years", None, {"timex": "P2.5Y", "type": "DURATION"}, id="and-a-half"),
    pytest.param("daily", None, {"timex": "P1D", "type": "SET"}, id="daily-is-a-set"),
    pytest.param("every week", None, {"timex": "P1W", "type": "SET"}, id="every-week-is-a-set"),
    pytest.param("each July", None, {"timex": "XXXX-07", "type": "SET"}, id="each-month-is-a-set"),
    pytest.param("every summer", None, {"timex": "XXXX-SU", "type": "SET"}, id="every-season-is-a-set"),
    pytest.param("now", None, {"timex": "PRESENT_REF", "type": "DATE"}, id="now-is-the-present"),
    pytest.param("currently", None, {"timex": "PRESENT_REF", "type": "DATE"}, id="currently-is-the-present"),
    pytest.param("the future", None, {"timex": "FUTURE_REF", "type": "DATE"}, id="the-future"),
    pytest.param("the following days", None, {"timex": "PXD"}, id="the-following-days-is-a-vague-duration"),
    pytest.param("weeks later", None, {"timex": "FUTURE_REF"}, id="weeks-later-is-the-future"),
    pytest.param("days earlier", None, {"timex": "PAST_REF"}, id="days-earlier-is-the-past"),
    # holidays
    pytest.param("Thanksgiving Day 1999", None, {"timex": "1999-11-25"}, id="thanksgiving-is-the-fourth-thursday"),
    pytest.param("Election Day 2000", None, {"timex": "2000-11-07"}, id="election-day-is-the-tuesday-after-a-monday"),
    pytest.param("Labor Day 1998", None, {"timex": "1998-09-07"}, id="labor-day-is-the-first-monday"),
    pytest.param("Memorial Day 1998", None, {"timex": "1998-05-25"}, id="memorial-day-is-the-last-monday"),
    pytest.param("Christmas 2007", None, {"timex": "2007-12-25"}, id="christmas"),
    # counted from the document date
    pytest.param("the week of March 6", date(2000, 2, 24), {"timex": "2000-W10"}, id="the-week-of-a-day"),
    pytest.param("next year's first quarter", date(1989, 10, 31), {"timex": "1990-Q1"}, id="quarter-of-next-year"),
    pytest.param("this year's third quarter", date(1989, 10, 31), {"timex": "1989-Q3"}, id="quarter-of-this-year"),
    # ordinary words
    pytest.param("we", None, None, id="we-is-not-a-date"),
    pytest.param("may", None, None, id="lowercase-may-is-not-a-date"),
    pytest.param("march", None, None, id="lowercase-march-is-not-a-date"),
    pytest.param("second", None, None, id="second-is-not-a-date"),
    pytest.param("a second", None, None, id="a-second-is-not-a-date"),
    pytest.param("fall", None, None, id="fall-is-not-a-date"),
    pytest.param("Resolution 1483", None, None, id="a-numbered-resolution-is-not-a-year"),
]


@pytest.mark.parametrize(("text", "dct", "expected"), NORMALIZED)
def test_normalize(text: str, dct: date | None, expected: dict[str, Any] | None) -> None:
    value = normalize(text, dct)
    if expected is None:
        assert value is None
    else:
        assert value is not None
        assert {name: getattr(value, name) for name in expected} == expected


# --- find_dates: every date of a text, placed by the story or the document date -------------------

FOUND = [
    # spans and ranges
    pytest.param(
        "On 27 September 2020, a new war erupted.",
        None,
        [("27 September 2020", "2020-09-27")],
        id="a-full-date-in-a-sentence",
    ),
    pytest.param(
        "The war lasted from 1988–1994.",
        None,
        [("1988", "1988"), ("1994", "1994")],
        id="range-ends-are-two-timexes-year-en-dash",
    ),
    pytest.param(
        "Fighting (6-15 October 1952) was heavy.",
        None,
        [("6", "1952-10-06"), ("15 October 1952", "1952-10-15")],
        id="range-ends-share-the-month-and-year-the-second-states",
    ),
    pytest.param(
        "The first invasion (492-490 BC) failed.",
        None,
        [("492", "BC0492"), ("490 BC", "BC0490")],
        id="range-ends-share-bc",
    ),
    pytest.param(
        "Talks were held on March 5-9, 1918.",
        None,
        [("March 5", "1918-03-05"), ("9, 1918", "1918-03-09")],
        id="range-ends-share-the-month-the-first-states",
    ),
    pytest.param(
        "The battle for Baghdad in 2006-07 was bloody.",
        None,
        [("2006", "2006"), ("07", "2007")],
        id="range-of-years-with-a-two-digit-end",
    ),
    pytest.param(
        "Steel output fell to 60% of 1913 levels.",
        None,
        [("1913", "1913")],
        id="a-year-modifying-a-plural-noun-is-a-year",
    ),
    pytest.param(
        "The first of the 1777 campaigns failed.",
        None,
        [("1777", "1777")],
        id="a-year-modifying-campaigns-is-a-year",
    ),
    # ordinary words and counts
    pytest.param("We may march on the second day of talks.", None, [], id="may-march-second-are-words"),
    pytest.param("The army had 1500 men.", None, [], id="a-count-of-men-is-not-a-year"),
    pytest.param("Resolution 1483 passed.", None, [], id="a-resolution-number-is-not-a-year"),
    pytest.param("Elian, the 6-year-old boy, arrived.", None, [], id="hyphenated-age-is-not-a-duration"),
    pytest.param("He was nineteen years old.", None, [], id="years-old-is-not-a-duration"),
    # durations: the extent TimeML gives them
    pytest.param(
        "They lived in camps for 2 1/2 years.", None, [("2 1/2 years", "P2.5Y")], id="duration-with-a-fraction"
    ),
    pytest.param(
        "Prices fell in the last twenty four hours.",
        None,
        [("the last twenty four hours", "PT24H")],
        id="duration-the-last-n-hours-keeps-the-article",
    ),
    pytest.param("The siege lasted over a year.", None, [("over a year", "P1Y")], id="duration-over-a-year"),
    pytest.param(
        "Attacks continued over 24 hours.", None, [("24 hours", "PT24H")], id="duration-over-n-hours-drops-over"
    ),
    pytest.param("It followed a month-long rotation.", None, [("month-long", "P1M")], id="duration-month-long"),
    pytest.param(
        "He was held for at least 72 hours.", None, [("at least 72 hours", "PT72H")], id="duration-keeps-at-least"
    ),
    pytest.param(
        "Sales rose in the latest nine months.",
        None,
        [("the latest nine months", "P9M")],
        id="duration-the-latest-n-months",
    ),
    pytest.param(
        "It lasted two to three weeks.",
        None,
        [("two", "P2W"), ("three weeks", "P3W")],
        id="range-of-durations-each-count-a-timex",
    ),
    pytest.param(
        "Officers were tutored for ten or fifteen years.",
        None,
        [("ten", "P10Y"), ("fifteen years", "P15Y")],
        id="alternative-durations-each-count-a-timex",
    ),
    pytest.param(
        "Acquisitions are planned during the next 12 to 18 months.",
        None,
        [("the next 12 to 18 months", "P18M")],
        id="the-next-range-of-months-is-one-duration",
    ),
    pytest.param(
        "Costs rose over a three-year period.",
        None,
        [("a three-year period", "P3Y")],
        id="period-of-a-hyphenated-length-is-one-duration",
    ),
    pytest.param(
        "Deaths fell during the same 28-day period.",
        None,
        [("the same 28-day period", "P28D")],
        id="the-same-hyphenated-period-is-one-duration",
    ),
    pytest.param("The Persians fled at night from the city.", None, [("night", "XXXX-XX-XXTNI")], id="at-night"),
    # nothing to count from: kept, unplaced
    pytest.param("The mill closed three years ago.", None, [("three years ago", "XXXX")], id="years-ago-without-a-dct"),
    pytest.param(
        "The talks resumed the following week.",
        None,
        [("the following week", "XXXX-WXX")],
        id="the-following-week-without-a-story",
    ),
    pytest.param("Prices fell last month.", None, [("last month", "XXXX-XX")], id="last-month-without-a-dct"),
    # news: counted from the document date
    pytest.param("Prices rose in March.", date(1998, 5, 4), [("March", "1998-03")], id="month-takes-the-news-year"),
    pytest.param("Sales fell last year.", date(1998, 8, 7), [("last year", "1997")], id="last-year"),
    pytest.param(
        "The company said Friday that sales fell.",
        date(1998, 8, 7),
        [("Friday", "1998-08-07")],
        id="weekday-of-a-report-is-past-or-today",
    ),
    pytest.param(
        "The talks will resume Monday.", date(1998, 8, 7), [("Monday", "1998-08-10")], id="future-tense-weekday"
    ),
    pytest.param("Shares fell yesterday.", date(1998, 8, 7), [("yesterday", "1998-08-06")], id="yesterday"),
    pytest.param("Profit doubled from a year ago.", date(1998, 8, 7), [("a year ago", "1997")], id="a-year-ago"),
    pytest.param(
        "Negotiations broke off at noon Thursday.",
        date(1998, 2, 13),
        [("noon Thursday", "1998-02-12T12:00")],
        id="clock-time-joins-the-following-weekday",
    ),
    pytest.param(
        "The ferry could sail as soon as Thursday, the harbour master said.",
        date(2011, 5, 9),
        [("Thursday", "2011-05-12")],
        id="modal-verb-sends-a-weekday-forward",
    ),
    pytest.param(
        "Earlier Friday, protesters rallied.",
        date(2000, 1, 7),
        [("Friday", "2000-01-07")],
        id="earlier-before-a-weekday-stays-out",
    ),
    pytest.param(
        "The doctor came home on Friday. He was shot at 10 p.m. as he stood in his kitchen.",
        date(1998, 10, 25),
        [("Friday", "1998-10-23"), ("10 p.m.", "1998-10-23T22:00")],
        id="clock-time-falls-on-the-last-day-named",
    ),
    pytest.param(
        "Analysts blamed the current slump in orders on the strike.",
        date(1989, 10, 30),
        [("current", "PRESENT_REF")],
        id="current-before-a-noun-is-the-present",
    ),
    pytest.param(
        "The current year has been hard.",
        date(1989, 10, 30),
        [("The current year", "1989")],
        id="the-current-year",
    ),
    pytest.param("He swam against the current.", date(1989, 10, 30), [], id="the-current-of-a-river-is-no-date"),
    pytest.param(
        "Holders may buy shares at the then current market price.",
        date(1989, 10, 30),
        [("then current", "PAST_REF")],
        id="then-current-is-the-past",
    ),
    pytest.param(
        'The senator said on NBC\'s "This Week With Ann Lee" that talks failed.',
        date(1991, 2, 25),
        [],
        id="quoted-title-case-period-is-a-show",
    ),
    pytest.param(
        '"This week we signed," the senator said.',
        date(1991, 2, 25),
        [("This week", "1991-W09")],
        id="quoted-speech-starting-with-this-week-is-a-date",
    ),
    pytest.param(
        "Analysts said Friday they expect sales to double by 1992. For the year, volume was flat.",
        date(1989, 10, 30),
        [("Friday", "1989-10-27"), ("1992", "1992"), ("the year", "1989")],
        id="a-forecast-year-is-not-the-year-reported-on",
    ),
    # news: quarters and other periods
    pytest.param(
        "Profit rose in the third quarter.",
        date(1989, 11, 2),
        [("the third quarter", "1989-Q3")],
        id="the-third-quarter",
    ),
    pytest.param(
        "The company expects a fourth-quarter charge.",
        date(1989, 11, 2),
        [("fourth-quarter", "1989-Q4")],
        id="a-hyphenated-quarter",
    ),
    pytest.param(
        "Net income fell in the quarter.",
        date(1989, 11, 2),
        [("the quarter", "1989-Q3")],
        id="the-quarter-is-the-last-one-reported",
    ),
    pytest.param(
        "The helicopters crashed last February.",
        date(1989, 11, 2),
        [("last February", "1989-02")],
        id="last-month-name-earlier-this-year",
    ),
    pytest.param(
        "The treaty was signed last December.",
        date(1989, 11, 2),
        [("last December", "1988-12")],
        id="last-month-name-in-the-year-before",
    ),
    pytest.param(
        "Net income rose in the third quarter, compared with a loss a year earlier.",
        date(1989, 11, 2),
        [("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3")],
        id="a-year-earlier-keeps-the-quarter-under-discussion",
    ),
    pytest.param(
        "Profit rose in the third quarter. For the quarter, sales fell.",
        date(1989, 11, 2),
        [("the third quarter", "1989-Q3"), ("the quarter", "1989-Q3")],
        id="the-quarter-after-a-named-quarter-is-that-quarter",
    ),
    pytest.param(
        "Third-quarter profit rose 10% from a year ago. In the 1988 period, the company lost money.",
        date(1989, 11, 2),
        [("Third-quarter", "1989-Q3"), ("a year ago", "1988-Q3"), ("the 1988 period", "1988-Q3")],
        id="a-year-ago-compares-with-the-quarter-reported-on",
    ),
    pytest.param(
        "The company expects a fourth-quarter charge. Sales rose from a year ago.",
        date(1989, 11, 2),
        [("fourth-quarter", "1989-Q4"), ("a year ago", "1988")],
        id="a-quarter-still-to-come-is-not-the-period-reported-on",
    ),
    pytest.param(
        "Net income fell in the year ended June 30.",
        date(1989, 11, 2),
        [("the year", "P1Y"), ("June 30", "1989-06-30")],
        id="a-fiscal-year-is-a-duration",
    ),
    pytest.param(
        "Sales will rise in the current quarter.",
        date(1989, 11, 2),
        [("the current quarter", "1989-Q4")],
        id="the-current-quarter",
    ),
    pytest.param(
        "Third-quarter sales rose 5%. Sales for last year's quarter were $3 million.",
        date(1989, 11, 1),
        [("Third-quarter", "1989-Q3"), ("last year's quarter", "1988-Q3")],
        id="last-years-quarter-is-the-reported-quarter-a-year-back",
    ),
    pytest.param(
        "Officials met over the weekend.",
        date(1990, 8, 13),
        [("the weekend", "1990-W32-WE")],
        id="the-weekend-is-the-last-one",
    ),
    pytest.param(
        "The plant will cut jobs by year end.", date(1990, 8, 13), [("year end", "1990")], id="year-end-is-this-year"
    ),
    pytest.param(
        "Second-quarter sales rose. Profit in the latest period fell.",
        date(1990, 8, 13),
        [("Second-quarter", "1990-Q2"), ("the latest period", "1990-Q2")],
        id="the-latest-period-is-the-quarter-reported-on",
    ),
    pytest.param(
        "The board declared a dividend, payable Dec. 7 to holders.",
        date(1989, 10, 27),
        [("Dec. 7", "1989-12-07")],
        id="day-without-year-payable-is-the-coming-one",
    ),
    pytest.param(
        "Shares were issued July 1.",
        date(1989, 10, 27),
        [("July 1", "1989-07-01")],
        id="day-without-year-in-the-past-tense-is-the-last-one",
    ),
    pytest.param(
        "In January, the firm hired a new auditor.",
        date(1989, 10, 27),
        [("January", "1989-01")],
        id="month-a-past-verb-places-its-event-in-is-behind",
    ),
    pytest.param(
        "For the half year ended Feb. 28, the grocer lost money.",
        date(1989, 11, 20),
        [("Feb. 28", "1989-02-28")],
        id="day-a-past-participle-places-its-event-on-is-behind",
    ),
    pytest.param(
        "The bid was extended to Jan. 5.",
        date(1989, 11, 20),
        [("Jan. 5", "1990-01-05")],
        id="day-a-past-verb-names-as-a-limit-may-lie-ahead",
    ),
    pytest.param(
        "Membership of the club grew over the past year.",
        date(1996, 5, 9),
        [("the past year", "1995")],
        id="the-past-year-in-a-report-is-the-year-before",
    ),
    pytest.param(
        "Rents rose in the last decade.",
        date(1996, 5, 9),
        [("the last decade", "198")],
        id="the-last-decade-in-a-report-is-the-decade-before",
    ),
    pytest.param(
        "Rents rose over the past three years.",
        date(1996, 5, 9),
        [("the past three years", "P3Y")],
        id="a-counted-past-period-stays-a-length",
    ),
    pytest.param(
        "The ferry sank last Christmas.",
        date(1996, 11, 20),
        [("last Christmas", "1995-12-25")],
        id="last-before-a-holiday-is-the-one-behind",
    ),
    pytest.param(
        "The shop says it will close next Thanksgiving.",
        date(1996, 12, 2),
        [("next Thanksgiving", "1997-11-27")],
        id="next-before-a-holiday-is-the-one-ahead",
    ),
    pytest.param(
        "The strike lasted a year and a half.",
        date(1996, 5, 9),
        [("a year and a half", "P1.5Y")],
        id="a-unit-and-a-half-is-one-duration",
    ),
    pytest.param(
        "Bonds rallied Tuesday, up 2% from the previous Tuesday.",
        date(1996, 5, 9),
        [("Tuesday", "1996-05-07"), ("the previous Tuesday", "1996-04-30")],
        id="the-previous-weekday-is-the-one-before-the-day-named",
    ),
    pytest.param(
        "The vote was held on May 2, 1996. The count ended the following Monday.",
        date(1996, 5, 9),
        [("May 2, 1996", "1996-05-02"), ("the following Monday", "1996-05-06")],
        id="the-following-weekday-is-the-one-after-the-day-named",
    ),
    pytest.param(
        "A month or so ago the mill shut.",
        date(1996, 5, 9),
        [("A month or so ago", "1996-04")],
        id="a-rough-count-or-so-still-counts-back",
    ),
    pytest.param(
        "The envoy will land at midday.",
        date(1996, 5, 9),
        [("midday", "1996-05-09T12:00")],
        id="midday-is-noon",
    ),
    pytest.param(
        "The family kept the recipe for centuries.",
        date(1996, 5, 9),
        [("centuries", "PXCE")],
        id="for-centuries-is-a-vague-duration",
    ),
    pytest.param(
        "Over the next couple of years the plant will double.",
        date(1996, 5, 9),
        [("the next couple of years", "P2Y")],
        id="the-next-couple-of-years-counts-two",
    ),
    pytest.param(
        "Payment is due within ten business days.",
        date(1996, 5, 9),
        [("ten business days", "P10D")],
        id="business-days-are-days",
    ),
    pytest.param(
        "The pact takes effect Feb. 1.",
        date(1989, 10, 27),
        [("Feb. 1", "1990-02-01")],
        id="day-without-year-takes-effect-is-the-next-one",
    ),
    # histories: the story so far places what a sentence leaves open
    pytest.param(
        "In 1945, the army advanced. In March, it crossed the Rhine.",
        HISTORY,
        [("1945", "1945"), ("March", "1945-03")],
        id="month-in-a-history-takes-the-last-year-mentioned",
    ),
    pytest.param(
        "On 7 October 1950, they crossed. The following day, they attacked.",
        HISTORY,
        [("7 October 1950", "1950-10-07"), ("The following day", "1950-10-08")],
        id="the-following-day-counts-from-the-last-date",
    ),
    pytest.param(
        "On 7 October 1950, they crossed. Two days later, they attacked.",
        HISTORY,
        [("7 October 1950", "1950-10-07"), ("Two days later", "1950-10-09")],
        id="days-later-count-from-the-last-date",
    ),
    pytest.param(
        "In 492 BC the fleet sailed. The following year, it returned.",
        HISTORY,
        [("492 BC", "BC0492"), ("The following year", "BC0491")],
        id="the-following-year-after-a-bc-year-is-one-less",
    ),
    pytest.param(
        "In 492 BC the fleet sailed to Thrace, part of the empire since 513 BC. The following year, it returned.",
        HISTORY,
        [("492 BC", "BC0492"), ("513 BC", "BC0513"), ("The following year", "BC0491")],
        id="an-aside-after-since-does-not-move-the-story",
    ),
    pytest.param(
        "In 492 BC the fleet sailed (it had been rebuilt in 513 BC). The following year, it returned.",
        HISTORY,
        [("492 BC", "BC0492"), ("513 BC", "BC0513"), ("The following year", "BC0491")],
        id="an-aside-in-parentheses-does-not-move-the-story",
    ),
    pytest.param(
        "On 10 March 1975, General Dung launched Campaign 275. The road would be exposed for a planned "
        "campaign in 1976. The forces collapsed on 11 March.",
        HISTORY,
        [("10 March 1975", "1975-03-10"), ("1976", "1976"), ("11 March", "1975-03-11")],
        id="a-passing-year-does-not-cut-the-story-thread",
    ),
    pytest.param(
        "In 1965, Ho warned that, as two decades earlier, the French had failed. In March, troops landed.",
        HISTORY,
        [("1965", "1965"), ("two decades earlier", "1945"), ("March", "1965-03")],
        id="a-look-back-does-not-move-the-story",
    ),
    pytest.param(
        "In 1944, the army took the city. The siege lasted until the fall of the fortress in February 1945. "
        "In June, the army crossed the river.",
        HISTORY,
        [("1944", "1944"), ("February 1945", "1945-02"), ("June", "1944-06")],
        id="a-month-mentioned-in-passing-does-not-move-the-story",
    ),
    pytest.param(
        "On April 9, 2003, the city fell. In November 2008, protesters burned an effigy. On April 15, a truce began.",
        HISTORY,
        [("April 9, 2003", "2003-04-09"), ("November 2008", "2008-11"), ("April 15", "2003-04-15")],
        id="a-month-and-year-do-not-cut-the-story-thread-of-days",
    ),
    pytest.param(
        "On 3 March 1918, the treaty was signed. In December 1916, the Germans offered peace. "
        "The Allies answered on 14 January.",
        HISTORY,
        [("3 March 1918", "1918-03-03"), ("December 1916", "1916-12"), ("14 January", "1917-01-14")],
        id="a-month-stated-before-the-last-full-date-restarts-the-story",
    ),
    pytest.param(
        "On December 7, 1941, Japan attacked the fleet. In January, the Allies signed a declaration.",
        HISTORY,
        [("December 7, 1941", "1941-12-07"), ("January", "1942-01")],
        id="a-month-just-after-the-last-full-date-turns-the-year",
    ),
    pytest.param(
        "In July 1943, the Allies landed in Sicily. Four days later, the army advanced.",
        HISTORY,
        [("July 1943", "1943-07"), ("Four days later", "1943-07-XX")],
        id="a-day-counted-from-a-month-keeps-the-month",
    ),
    pytest.param(
        "In 483 BC the fleet was built. Tension grew over the winter.",
        HISTORY,
        [("483 BC", "BC0483"), ("the winter", "BC0482-WI")],
        id="a-winter-after-a-year-is-named-by-the-next-year",
    ),
    pytest.param(
        "In August 1918 the line broke. They could not hold out over the winter.",
        HISTORY,
        [("August 1918", "1918-08"), ("the winter", "1919-WI")],
        id="a-winter-after-a-summer-is-named-by-the-next-year",
    ),
    pytest.param(
        "In 1648 the war ended. Famine had spread over the past decade.",
        HISTORY,
        [("1648", "1648"), ("the past decade", "P1DE")],
        id="the-past-decade-in-a-history-stays-a-length",
    ),
    pytest.param(
        "In March 1917 the tsar fell. The winter had been hard.",
        HISTORY,
        [("March 1917", "1917-03"), ("The winter", "1917-WI")],
        id="a-winter-before-march-is-named-by-that-year",
    ),
    pytest.param(
        "In 1991, the first war ended. In 2003, the invasion began. In 2005, elections were held. "
        "On April 8, 2008, the general testified. This year alone, Iraq bought more rifles.",
        HISTORY,
        [("1991", "1991"), ("2003", "2003"), ("2005", "2005"), ("April 8, 2008", "2008-04-08"), ("This year", "2009")],
        id="a-history-that-reached-the-document-date-counts-this-year-from-it",
    ),
]


@pytest.mark.parametrize(("text", "dct", "expected"), FOUND)
def test_find_dates(nlp: Language, text: str, dct: date | None, expected: list[tuple[str, str]]) -> None:
    assert _dates(nlp, text, dct) == expected


# --- shapes of their own ----------------------------------------------------------------------------


def test_context_carries_the_reference_year_across_paragraphs(nlp: Language) -> None:
    context = DateContext(dct=HISTORY)
    find_dates(nlp("The offensive began on 10 March 1975."), None, context)
    found = find_dates(nlp("On 11 March, the town fell."), None, context)
    assert [f.value.timex for f in found] == ["1975-03-11"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        pytest.param(
            "It contributed to the failure of the Spring Offensive.", "Spring", id="the-spring-offensive-drops-the"
        ),
        pytest.param(
            "A major factor in the third-quarter loss was the write-down.",
            "third-quarter",
            id="the-third-quarter-loss-drops-the",
        ),
    ],
)
def test_article_of_the_noun_a_date_modifies_stays_out(nlp: Language, text: str, span: str) -> None:
    assert [s for s, _ in _dates(nlp, text, date(1989, 11, 2))] == [span]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("This began with a March operation.", ["March"], id="a-march-operation-is-a-month"),
        pytest.param("There were no battles along the March.", [], id="the-march-at-the-end-is-a-walk"),
        pytest.param("Sherman led the March to the Sea.", [], id="the-march-to-the-sea-is-a-walk"),
    ],
)
def test_march_after_an_article_is_a_month_only_before_a_noun(text: str, found: list[str]) -> None:
    assert [text[d.start : d.end] for d in scan(text)] == found
