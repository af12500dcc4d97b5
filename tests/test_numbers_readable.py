"""Number values read as a person would say them (numbers/readable.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from citefacts.models import NumberValue
from citefacts.numbers.find import find_numbers
from citefacts.numbers.readable import number_text, plural, readable_number

CASES = [
    (NumberValue(value=100000.0), "100,000"),
    (NumberValue(value=7600000.0, number_kind="money", unit="USD"), "US$7.6 million"),
    (NumberValue(value=36000000.0, number_kind="money", unit="USD", qualifier="approx"), "about US$36 million"),
    (NumberValue(value=3000000.0, high=3000000.0, number_kind="money", unit="USD", qualifier="less_than"),
     "less than US$3 million"),
    (NumberValue(value=5.0, number_kind="money", unit="AZN"), "5 AZN"),
    (NumberValue(low=1500.0, high=2500.0, number_kind="range"), "1,500 to 2,500"),
    (NumberValue(low=28000.0, high=38000.0, number_kind="range", qualifier="approx"), "about 28,000 to 38,000"),
    (NumberValue(low=50.0, high=215.0, number_kind="range", unit="square kilometre"), "50 to 215 square kilometres"),
    (NumberValue(low=10.0, high=20.0, number_kind="range", unit="%"), "10% to 20%"),
    (NumberValue(value=60.0, number_kind="percent", unit="%"), "60%"),
    (NumberValue(value=75.0, number_kind="percent", unit="%", qualifier="approx"), "about 75%"),
    (NumberValue(value=2.0, low=2.0, qualifier="at_least"), "at least 2"),
    (NumberValue(value=1 / 3, low=1 / 3, qualifier="more_than"), "more than 0.3333"),
    (NumberValue(value=2.0, number_kind="ordinal"), "2nd"),
    (NumberValue(value=13.0, number_kind="ordinal"), "13th"),
    (NumberValue(value=21.0, number_kind="ordinal"), "21st"),
    (NumberValue(value=29000.0, number_kind="quantity", unit="square kilometre"), "29,000 square kilometres"),
    (NumberValue(value=1.0, number_kind="quantity", unit="metre"), "1 metre"),
    (NumberValue(value=6.0, number_kind="quantity", unit="foot"), "6 feet"),
    (NumberValue(value=90.0, number_kind="quantity", unit="kilometre per hour"), "90 kilometres per hour"),
    (NumberValue(value=40.5, number_kind="quantity", unit="degree Celsius"), "40.5 degrees Celsius"),
    (NumberValue(low=5.0, number_kind="range", qualifier="at_least"), "at least 5"),
    (NumberValue(), "(no value)"),
]  # fmt: skip


@pytest.mark.parametrize(("value", "expected"), CASES, ids=[expected for _, expected in CASES])
def test_each_number_value_has_a_human_form(value: NumberValue, expected: str) -> None:
    assert readable_number(value) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1234567.0, "1,234,567"),
        (2_500_000_000.0, "2.5 billion"),
        (0.25, "0.25"),
        (-40.0, "-40"),
        (2500.75, "2,500.75"),
        (1674200.5, "1,674,200.5"),
    ],
)
def test_numbers_keep_their_digits_and_round_scales_read_as_words(number: float, expected: str) -> None:
    assert number_text(number) == expected


def test_a_unit_plural_goes_on_its_head_noun() -> None:
    assert plural("kilowatt hour") == "kilowatt hours"
    assert plural("inch") == "inches"


def test_the_numbers_stage_values_read_like_the_sentence(nlp: Language) -> None:
    text = "Some $36 million was spent, between 1,500 and 2,500 people left, and roughly 75% of 29,000 square kilometres flooded."
    forms = {
        text[m.start : m.end]: readable_number(m.value)
        for m in find_numbers(nlp(text), [])
        if isinstance(m.value, NumberValue)
    }
    assert forms["Some $36 million"] == "about US$36 million"
    assert forms["between 1,500 and 2,500"] == "1,500 to 2,500"
    assert forms["roughly 75%"] == "about 75%"
    assert forms["29,000 square kilometres"] == "29,000 square kilometres"
