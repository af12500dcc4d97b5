"""How the checker reads a found value (check/reading.py): four digits as a year or as a count."""

from __future__ import annotations

import pytest
from spacy.language import Language

from citefacts.check.reading import read_found
from citefacts.eval.checks import check_record
from citefacts.mention import DocMention
from citefacts.models import NumberValue


def four_digits(text: str, digits: str) -> DocMention:
    start = text.index(digits)
    return DocMention(start, start + len(digits), "CARDINAL", NumberValue(value=float(digits)))


@pytest.mark.parametrize(
    ("text", "digits", "kind"),
    [
        pytest.param("By May there were 1620 registered voters in Orlen.", "1620", "number", id="before-a-plural-noun"),
        pytest.param("Orlen had fewer than 1620 voters.", "1620", "number", id="after-a-count-bound"),
        pytest.param("Orlen held the 2014 elections early.", "2014", "date", id="after-the"),
        pytest.param("Orlen voted in 2014 elections for the first time.", "2014", "date", id="after-in"),
        pytest.param("It opened on July 16 , 2018 receiving eight awards.", "2018", "date", id="the-year-of-a-day"),
        pytest.param("The Orlen Masters 1000 titles are rare.", "1000", "date", id="a-name-before-it-is-no-count"),
        pytest.param("It reopened in 2019 and was sold in 2020.", "2019", "date", id="a-verb-after-and"),
    ],
)
def test_four_digits_are_a_year_unless_they_count_a_plural_noun(text: str, digits: str, kind: str) -> None:
    reading = read_found(four_digits(text, digits), text)
    assert reading is not None
    assert (reading.kind == "date") is (kind == "date")


def test_a_four_digit_count_rules_out_a_bound_it_fails(nlp: Language) -> None:
    claim = "Fewer than 1,500 registered voters took part in the Orlen by-election."
    evidence = "In the Orlen by-election there were 1620 registered voters and 12 candidates."
    assert check_record(nlp, {"id": "x", "claim": claim, "evidence": evidence})["verdict"] == "contradicted"


def test_the_top_of_a_rating_scale_is_not_a_value() -> None:
    from citefacts.check import NOT_COMPARABLE, check_value

    sentence = "The film has an average rating of 7.6/10 from critics."
    note = "The film holds an average rating of 7.5/10 based on 80 reviews."
    scale = four_digits(sentence, "10")
    assert check_value(scale, sentence, note, [four_digits(note, "10")]).note == NOT_COMPARABLE
