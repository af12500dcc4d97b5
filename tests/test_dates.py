from __future__ import annotations

from datetime import date

import pytest

from citefacts.dates import find_dates, normalize


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
    ],
)
def test_normalize_written_forms(text: str, timex: str, granularity: str) -> None:
    value = normalize(text)
    assert value is not None
    assert (value.timex, value.granularity) == (timex, granularity)


def test_year_range_with_en_dash_keeps_both_ends() -> None:
    value = normalize("1988–1994")
    assert value is not None
    assert value.first_day == date(1988, 1, 1) and value.last_day == date(1994, 12, 31)


def test_month_interval_covers_the_whole_month() -> None:
    value = normalize("February 2020")
    assert value is not None and value.last_day == date(2020, 2, 29)


def test_ordinary_words_are_not_dates() -> None:
    assert normalize("we") is None and normalize("may") is None


def test_find_dates_in_a_sentence(nlp) -> None:
    doc = nlp("On 27 September 2020, a new war erupted.")
    values = [f.value.timex for f in find_dates(doc)]
    assert "2020-09-27" in values
