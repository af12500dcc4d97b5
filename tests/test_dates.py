from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from citefacts.dates import DateContext, find_dates, normalize, scan


@pytest.mark.parametrize(
    ("text", "timex", "granularity"),
    [
        ("9 November 2020", "2020-11-09", "day"),
        ("November 9, 2020", "2020-11-09", "day"),
        ("April 2016", "2016-04", "month"),
        ("1994", "1994", "year"),
        ("the 1990s", "199", "decade"),
        ("2023-06-20", "2023-06-20", "day"),
        ("the 20th century", "19", "century"),
        ("Oct 10, 1945", "1945-10-10", "day"),
        ("the spring of 1776", "1776-SP", "season"),
    ],
)
def test_normalize_written_forms(text: str, timex: str, granularity: str) -> None:
    value = normalize(text)
    assert value is not None
    assert (value.timex, value.granularity) == (timex, granularity)


@pytest.mark.parametrize(
    ("text", "timex"),
    [
        ("490 BC", "BC0490"),
        ("the 470s BC", "BC047"),
        ("the 4th century BC", "BC03"),
        ("autumn of 481 BC", "BC0481-FA"),
    ],
)
def test_bc_years_are_written_as_wikiwars_writes_them(text: str, timex: str) -> None:
    value = normalize(text)
    assert value is not None and value.timex == timex


@pytest.mark.parametrize(
    ("text", "timex", "kind"),
    [
        ("two months", "P2M", "DURATION"),
        ("three years", "P3Y", "DURATION"),
        ("several days", "PXD", "DURATION"),
        ("16-hour", "PT16H", "DURATION"),
        ("nearly two and a half years", "P2.5Y", "DURATION"),
        ("daily", "P1D", "SET"),
        ("every week", "P1W", "SET"),
        ("now", "PRESENT_REF", "DATE"),
        ("currently", "PRESENT_REF", "DATE"),
        ("the future", "FUTURE_REF", "DATE"),
    ],
)
def test_durations_sets_and_vague_references(text: str, timex: str, kind: str) -> None:
    value = normalize(text)
    assert value is not None and (value.timex, value.type) == (timex, kind)


@pytest.mark.parametrize(
    ("text", "mod"),
    [("early 1949", "START"), ("mid-1916", "MID"), ("late November 1950", "END"), ("the end of 1776", "END")],
)
def test_modifier_is_kept_as_mod_not_in_the_value(text: str, mod: str) -> None:
    value = normalize(text)
    assert value is not None and value.mod == mod and "START" not in value.timex


def test_year_range_with_en_dash_keeps_both_ends() -> None:
    value = normalize("1988–1994")
    assert value is not None
    assert value.first_day == date(1988, 1, 1) and value.last_day == date(1994, 12, 31)


def test_month_interval_covers_the_whole_month() -> None:
    value = normalize("February 2020")
    assert value is not None and value.last_day == date(2020, 2, 29)


@pytest.mark.parametrize("word", ["we", "may", "march", "second", "a second", "fall", "Resolution 1483"])
def test_ordinary_words_are_not_dates(word: str) -> None:
    assert normalize(word) is None


def _dates(nlp: Language, text: str, dct: date | None = None) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(text[f.start : f.end], f.value.timex) for f in find_dates(doc, dct)]


def test_find_dates_in_a_sentence(nlp: Language) -> None:
    assert ("27 September 2020", "2020-09-27") in _dates(nlp, "On 27 September 2020, a new war erupted.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The war lasted from 1988–1994.", [("1988", "1988"), ("1994", "1994")]),
        ("Fighting (6-15 October 1952) was heavy.", [("6", "1952-10-06"), ("15 October 1952", "1952-10-15")]),
        ("The first invasion (492-490 BC) failed.", [("492", "BC0492"), ("490 BC", "BC0490")]),
        ("Talks were held on March 5-9, 1918.", [("March 5", "1918-03-05"), ("9, 1918", "1918-03-09")]),
        ("The battle for Baghdad in 2006-07 was bloody.", [("2006", "2006"), ("07", "2007")]),
    ],
)
def test_range_ends_are_separate_timexes_sharing_what_the_second_states(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _dates(nlp, text) == expected


def test_month_without_year_takes_the_news_documents_year(nlp: Language) -> None:
    assert _dates(nlp, "Prices rose in March.", date(1998, 5, 4)) == [("March", "1998-03")]


def test_month_without_year_in_a_history_takes_the_last_year_mentioned(nlp: Language) -> None:
    found = _dates(nlp, "In 1945, the army advanced. In March, it crossed the Rhine.", date(2009, 12, 19))
    assert found == [("1945", "1945"), ("March", "1945-03")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 7 October 1950, they crossed. The following day, they attacked.", "1950-10-08"),
        ("On 7 October 1950, they crossed. Two days later, they attacked.", "1950-10-09"),
        ("In 492 BC the fleet sailed. The following year, it returned.", "BC0491"),
    ],
)
def test_anaphoric_expressions_count_from_the_last_date_mentioned(nlp: Language, text: str, expected: str) -> None:
    assert _dates(nlp, text, date(2009, 12, 19))[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales fell last year.", ("last year", "1997")),
        ("The company said Friday that sales fell.", ("Friday", "1998-08-07")),
        ("The talks will resume Monday.", ("Monday", "1998-08-10")),
        ("Shares fell yesterday.", ("yesterday", "1998-08-06")),
        ("Profit doubled from a year ago.", ("a year ago", "1997")),
    ],
)
def test_deictic_expressions_count_from_the_document_date(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert _dates(nlp, text, date(1998, 8, 7)) == [expected]


def test_context_carries_the_reference_year_across_paragraphs(nlp: Language) -> None:
    context = DateContext(dct=date(2009, 12, 19))
    find_dates(nlp("The offensive began on 10 March 1975."), None, context)
    found = find_dates(nlp("On 11 March, the town fell."), None, context)
    assert [f.value.timex for f in found] == ["1975-03-11"]


@pytest.mark.parametrize(
    "text",
    ["We may march on the second day of talks.", "The army had 1500 men.", "Resolution 1483 passed."],
)
def test_no_dates_in_ordinary_words_or_counts(nlp: Language, text: str) -> None:
    found = _dates(nlp, text)
    assert all(span not in ("may", "march", "second", "1500", "1483") for span, _ in found)


def test_clock_time_joins_the_following_weekday(nlp: Language) -> None:
    found = _dates(nlp, "Negotiations broke off at noon Thursday.", date(1998, 2, 13))
    assert found == [("noon Thursday", "1998-02-12T12:00")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit rose in the third quarter.", ("the third quarter", "1989-Q3")),
        ("The company expects a fourth-quarter charge.", ("fourth-quarter", "1989-Q4")),
        ("Net income fell in the quarter.", ("the quarter", "1989-Q3")),
        ("The helicopters crashed last February.", ("last February", "1989-02")),
        ("The treaty was signed last December.", ("last December", "1988-12")),
    ],
)
def test_news_periods_count_from_the_document_date(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert _dates(nlp, text, date(1989, 11, 2)) == [expected]


def test_a_year_earlier_keeps_the_quarter_under_discussion(nlp: Language) -> None:
    found = _dates(nlp, "Net income rose in the third quarter, compared with a loss a year earlier.", date(1989, 11, 2))
    assert found == [("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]


@pytest.mark.parametrize("text", ["Elian, the 6-year-old boy, arrived.", "He was nineteen years old."])
def test_ages_are_not_durations(nlp: Language, text: str) -> None:
    assert _dates(nlp, text) == []


def test_modal_verb_sends_a_weekday_forward(nlp: Language) -> None:
    found = _dates(nlp, "The boy could leave as soon as Tuesday, Castro said.", date(2000, 4, 3))
    assert found == [("Tuesday", "2000-04-04")]


@pytest.mark.parametrize(
    ("text", "span", "timex"),
    [
        ("They lived in camps for 2 1/2 years.", "2 1/2 years", "P2.5Y"),
        ("Prices fell in the last twenty four hours.", "the last twenty four hours", "PT24H"),
        ("The siege lasted over a year.", "over a year", "P1Y"),
        ("Attacks continued over 24 hours.", "24 hours", "PT24H"),
        ("It followed a month-long rotation.", "month-long", "P1M"),
        ("He was held for at least 72 hours.", "at least 72 hours", "PT72H"),
        ("Sales rose in the latest nine months.", "the latest nine months", "P9M"),
    ],
)
def test_duration_extent_follows_timeml(nlp: Language, text: str, span: str, timex: str) -> None:
    assert _dates(nlp, text) == [(span, timex)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("It contributed to the failure of the Spring Offensive.", "Spring"),
        ("A major factor in the third-quarter loss was the write-down.", "third-quarter"),
    ],
)
def test_article_of_the_noun_a_date_modifies_stays_out(nlp: Language, text: str, span: str) -> None:
    assert [s for s, _ in _dates(nlp, text, date(1989, 11, 2))] == [span]


def test_a_passing_year_does_not_cut_the_story_thread(nlp: Language) -> None:
    text = (
        "On 10 March 1975, General Dung launched Campaign 275. The road would be exposed for a planned "
        "campaign in 1976. The forces collapsed on 11 March."
    )
    assert _dates(nlp, text, date(2009, 12, 19))[-1] == ("11 March", "1975-03-11")


def test_a_look_back_does_not_move_the_story(nlp: Language) -> None:
    text = "In 1965, Ho warned that, as two decades earlier, the French had failed. In March, troops landed."
    assert _dates(nlp, text, date(2009, 12, 19))[-1] == ("March", "1965-03")


@pytest.mark.parametrize(
    ("text", "timex"),
    [
        ("the winter of nineteen ninety-four", "1994-WI"),
        ("January nineteen ninety-seven", "1997-01"),
        ("the year two thousand", "2000"),
        ("12/25/1998", "1998-12-25"),
        ("25/12/1998", "1998-12-25"),
        ("the nineties", "199"),
    ],
)
def test_years_spoken_in_words_and_numeric_dates(text: str, timex: str) -> None:
    value = normalize(text)
    assert value is not None and value.timex == timex


def test_two_thousand_alone_is_a_number_not_a_year() -> None:
    assert normalize("two thousand") is None


@pytest.mark.parametrize(
    ("text", "timex"),
    [("the following days", "PXD"), ("weeks later", "FUTURE_REF"), ("days earlier", "PAST_REF")],
)
def test_vague_plural_periods(text: str, timex: str) -> None:
    value = normalize(text)
    assert value is not None and value.timex == timex


@pytest.mark.parametrize(
    ("text", "year"),
    [("Industrial output was 53% of 1913 levels.", "1913"), ("The first of the 1777 campaigns failed.", "1777")],
)
def test_a_year_modifying_a_plural_noun_is_still_a_year(nlp: Language, text: str, year: str) -> None:
    assert (year, year) in _dates(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board declared a dividend, payable Dec. 7 to holders.", ("Dec. 7", "1989-12-07")),
        ("Shares were issued July 1.", ("July 1", "1989-07-01")),
        ("The pact takes effect Feb. 1.", ("Feb. 1", "1990-02-01")),
    ],
)
def test_day_without_year_takes_the_nearest_year_the_tense_allows(
    nlp: Language, text: str, expected: tuple[str, str]
) -> None:
    assert _dates(nlp, text, date(1989, 10, 27)) == [expected]


@pytest.mark.parametrize(
    ("text", "timex"),
    [
        ("Thanksgiving Day 1999", "1999-11-25"),
        ("Election Day 2000", "2000-11-07"),
        ("Labor Day 1998", "1998-09-07"),
        ("Memorial Day 1998", "1998-05-25"),
        ("Christmas 2007", "2007-12-25"),
    ],
)
def test_holidays_fall_on_their_day(text: str, timex: str) -> None:
    value = normalize(text)
    assert value is not None and value.timex == timex


def test_the_week_of_a_day_is_its_calendar_week() -> None:
    value = normalize("the week of March 6", date(2000, 2, 24))
    assert value is not None and value.timex == "2000-W10"


def test_the_quarter_after_a_named_quarter_is_that_quarter(nlp: Language) -> None:
    found = _dates(nlp, "Profit rose in the third quarter. For the quarter, sales fell.", date(1989, 11, 2))
    assert found == [("the third quarter", "1989-Q3"), ("the quarter", "1989-Q3")]


def test_a_year_ago_compares_with_the_quarter_reported_on(nlp: Language) -> None:
    text = "Third-quarter profit rose 10% from a year ago. In the 1988 period, the company lost money."
    found = _dates(nlp, text, date(1989, 11, 2))
    assert found == [("Third-quarter", "1989-Q3"), ("a year ago", "1988-Q3"), ("the 1988 period", "1988-Q3")]


def test_a_quarter_still_to_come_is_not_the_period_reported_on(nlp: Language) -> None:
    text = "The company expects a fourth-quarter charge. Sales rose from a year ago."
    assert _dates(nlp, text, date(1989, 11, 2))[-1] == ("a year ago", "1988")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Net income fell in the year ended June 30.", ("the year", "P1Y")),
        ("Sales will rise in the current quarter.", ("the current quarter", "1989-Q4")),
    ],
)
def test_fiscal_and_current_periods(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert _dates(nlp, text, date(1989, 11, 2))[0] == expected


def test_a_month_mentioned_in_passing_does_not_move_the_story(nlp: Language) -> None:
    text = (
        "In 1944, the army took the city. The siege lasted until the fall of the fortress in February 1945. "
        "In June, the army crossed the river."
    )
    assert _dates(nlp, text, date(2009, 12, 19))[-1] == ("June", "1944-06")


@pytest.mark.parametrize(
    "text",
    [
        "In 492 BC the fleet sailed to Thrace, part of the empire since 513 BC. The following year, it returned.",
        "In 492 BC the fleet sailed (it had been rebuilt in 513 BC). The following year, it returned.",
    ],
)
def test_asides_do_not_move_the_story(nlp: Language, text: str) -> None:
    assert _dates(nlp, text, date(2009, 12, 19))[-1] == ("The following year", "BC0491")


def test_a_month_and_year_do_not_cut_the_story_thread_of_days(nlp: Language) -> None:
    text = "On April 9, 2003, the city fell. In November 2008, protesters burned an effigy. On April 15, a truce began."
    assert _dates(nlp, text, date(2009, 12, 19))[-1] == ("April 15", "2003-04-15")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Analysts blamed the current slump in orders on the strike.", [("current", "PRESENT_REF")]),
        ("The current year has been hard.", [("The current year", "1989")]),
        ("He swam against the current.", []),
        ("Holders may buy shares at the then current market price.", [("then current", "PAST_REF")]),
    ],
)
def test_current_before_a_noun_is_the_present(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert _dates(nlp, text, date(1989, 10, 30)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mill closed three years ago.", [("three years ago", "XXXX")]),
        ("The talks resumed the following week.", [("the following week", "XXXX-WXX")]),
        ("Prices fell last month.", [("last month", "XXXX-XX")]),
    ],
)
def test_a_relative_date_with_nothing_to_count_from_is_kept_unplaced(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _dates(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 483 BC the fleet was built. Tension grew over the winter.", "BC0482-WI"),
        ("In August 1918 the line broke. They could not hold out over the winter.", "1919-WI"),
        ("In March 1917 the tsar fell. The winter had been hard.", "1917-WI"),
    ],
)
def test_a_winter_after_a_year_or_its_summer_is_named_by_the_next_year(nlp: Language, text: str, expected: str) -> None:
    assert _dates(nlp, text, date(2009, 12, 19))[-1][1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('The senator said on NBC\'s "This Week With Ann Lee" that talks failed.', []),
        ('"This week we signed," the senator said.', [("This week", "1991-W09")]),
    ],
)
def test_a_quoted_title_case_period_is_a_show_not_a_date(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _dates(nlp, text, date(1991, 2, 25)) == expected


def test_a_month_stated_before_the_last_full_date_restarts_the_story(nlp: Language) -> None:
    text = (
        "On 3 March 1918, the treaty was signed. In December 1916, the Germans offered peace. "
        "The Allies answered on 14 January."
    )
    assert _dates(nlp, text, date(2009, 12, 19))[-1] == ("14 January", "1917-01-14")


@pytest.mark.parametrize(("text", "timex"), [("each July", "XXXX-07"), ("every summer", "XXXX-SU")])
def test_every_month_or_season_is_a_set(text: str, timex: str) -> None:
    value = normalize(text)
    assert value is not None and (value.timex, value.type) == (timex, "SET")


def test_a_forecast_year_is_not_the_year_a_news_report_is_about(nlp: Language) -> None:
    text = "Analysts said Friday they expect sales to double by 1992. For the year, volume was flat."
    assert _dates(nlp, text, date(1989, 10, 30))[-1] == ("the year", "1989")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It lasted two to three weeks.", [("two", "P2W"), ("three weeks", "P3W")]),
        ("Officers were tutored for ten or fifteen years.", [("ten", "P10Y"), ("fifteen years", "P15Y")]),
        ("Acquisitions are planned during the next 12 to 18 months.", [("the next 12 to 18 months", "P18M")]),
    ],
)
def test_each_count_of_a_range_of_durations_is_a_timex(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    assert _dates(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials met over the weekend.", ("the weekend", "1990-W32-WE")),
        ("The plant will cut jobs by year end.", ("year end", "1990")),
        ("Second-quarter sales rose. Profit in the latest period fell.", ("the latest period", "1990-Q2")),
    ],
)
def test_news_periods_without_a_number(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert _dates(nlp, text, date(1990, 8, 13))[-1] == expected


@pytest.mark.parametrize(
    ("text", "span", "timex"),
    [("Costs rose over a three-year period.", "a three-year period", "P3Y"),
     ("Deaths fell during the same 28-day period.", "the same 28-day period", "P28D")],
)  # fmt: skip
def test_a_period_of_a_hyphenated_length_is_one_duration(nlp: Language, text: str, span: str, timex: str) -> None:
    assert _dates(nlp, text) == [(span, timex)]


def test_a_month_just_after_the_last_full_date_turns_the_year(nlp: Language) -> None:
    text = "On December 7, 1941, Japan attacked the fleet. In January, the Allies signed a declaration."
    assert _dates(nlp, text, date(2009, 12, 19))[-1] == ("January", "1942-01")


def test_a_day_counted_from_a_month_keeps_the_month(nlp: Language) -> None:
    text = "In July 1943, the Allies landed in Sicily. Four days later, the army advanced."
    assert _dates(nlp, text, date(2009, 12, 19))[-1] == ("Four days later", "1943-07-XX")


@pytest.mark.parametrize(
    ("text", "found"),
    [("This began with a March operation.", ["March"]), ("There were no battles along the March.", []),
     ("Sherman led the March to the Sea.", [])],
)  # fmt: skip
def test_march_after_an_article_is_a_month_only_before_a_noun(text: str, found: list[str]) -> None:
    assert [text[d.start : d.end] for d in scan(text)] == found


def test_at_night_is_some_night(nlp: Language) -> None:
    assert _dates(nlp, "The Persians fled at night from the city.") == [("night", "XXXX-XX-XXTNI")]


def test_earlier_before_a_weekday_stays_out_of_the_span(nlp: Language) -> None:
    assert _dates(nlp, "Earlier Friday, protesters rallied.", date(2000, 1, 7)) == [("Friday", "2000-01-07")]


@pytest.mark.parametrize(
    ("text", "timex"),
    [("next year's first quarter", "1990-Q1"), ("this year's third quarter", "1989-Q3")],
)
def test_a_quarter_of_a_deictic_year(text: str, timex: str) -> None:
    value = normalize(text, date(1989, 10, 31))
    assert value is not None and value.timex == timex


def test_last_years_quarter_is_the_reported_quarter_a_year_back(nlp: Language) -> None:
    text = "Third-quarter sales rose 5%. Sales for last year's quarter were $3 million."
    assert _dates(nlp, text, date(1989, 11, 1))[-1] == ("last year's quarter", "1988-Q3")


def test_a_history_that_reached_the_document_date_counts_this_year_from_it(nlp: Language) -> None:
    text = (
        "In 1991, the first war ended. In 2003, the invasion began. In 2005, elections were held. "
        "On April 8, 2008, the general testified. This year alone, Iraq bought more rifles."
    )
    assert _dates(nlp, text, date(2009, 12, 19))[-1] == ("This year", "2009")


def test_a_clock_time_falls_on_the_last_day_named(nlp: Language) -> None:
    text = "The doctor came home on Friday. He was shot at 10 p.m. as he stood in his kitchen."
    assert _dates(nlp, text, date(1998, 10, 25))[-1] == ("10 p.m.", "1998-10-23T22:00")
