"""Which dates a number reading takes in as its figures (numbers/claims.py), on sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from citefacts.dates import find_dates
from citefacts.numbers import dates_read_as_numbers


def _claimed(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    return [text[d.start : d.end] for d in dates_read_as_numbers(doc, find_dates(doc))]


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        ("The tally ran 1000 - 6000 sheep.", ["1000"]),  # the other end can be no year
        ("Between 1000 - 7000 pilgrims came.", ["1000"]),
        ("between 3 and 1300 of them", ["1300"]),
        ("Between 1200 and 1800 farmers left.", ["1800"]),  # round hundreds counting a plural noun
        ("They caught more than 1200 fish.", ["1200"]),
        ("a herd of at least 1300", ["1300"]),
        ("It weighs 1900 kg.", ["1900"]),  # an amount's figure, as before
        ("exports of one billion and three quarters million", ["three quarters"]),
        ("a tally of 1000 to 2000", ["1000", "2000"]),  # round thousands: seldom a span of years
        ("a crowd of over 1400", ["1400"]),  # a preposition before round hundreds compares
    ],
)
def test_a_number_reading_claims_the_figures_it_is_made_of(nlp: Language, text: str, claimed: list[str]) -> None:
    assert _claimed(nlp, text) == claimed


@pytest.mark.parametrize(
    "text",
    [
        "The abbey stood from 1120 to 1536.",  # both ends may be years, no count noun after them
        "between 1950 and 1975 the port grew",
        "It was built around 1800.",  # an approximation places a year
        "Output fell below 1990 levels.",  # a preposition that also places a year
        "Up to 1914 the duchy was neutral.",
        "The club topped 1998's record.",  # a possessive names a year
        "Deaths were 904 in 2007.",  # a count and its year are no ratio
        "the 1939-1945 campaigns",  # years modifying a plural noun, not round hundreds
        "between 1500 and 1600 the river moved",  # round hundreds but not thousands, and no count noun
        "output above 1987 levels",
    ],
)
def test_a_year_stays_a_year_without_a_reason_to_count(nlp: Language, text: str) -> None:
    assert _claimed(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The tally ran 1000 - 6000 sheep.", 1000.0, 6000.0),
        ("They counted between 1500 and 2000 voters.", 1500.0, 2000.0),
    ],
)
def test_extraction_reads_a_range_of_four_digit_counts_as_one_range(
    nlp: Language, text: str, low: float, high: float
) -> None:
    from citefacts.extract import extract

    found = [f.value for f in extract(nlp(text)) if f.kind in ("number", "date")]
    assert [(v.kind, getattr(v, "low", None), getattr(v, "high", None)) for v in found] == [("number", low, high)]
