from __future__ import annotations

import pytest

from citefacts.numbers.fraction_words import OrdinalWord, fraction_word
from citefacts.numbers.numeral import read_numeral
from citefacts.numbers.numeral_steps import Numeral, NumeralState
from citefacts.numbers.tokens import tokenize


def first_numeral(text: str) -> Numeral | None:
    return read_numeral(tokenize(text), 0)


@pytest.mark.parametrize(
    ("text", "value", "words"),
    [
        ("sixty four lanterns", 64.0, 2),  # a unit word may follow a tens word
        ("four sixty lanterns", 4.0, 1),  # ... not the other way round
        ("eleven hundred and nine lanterns", 1109.0, 4),
        ("900 7 lanterns", 900.0, 1),  # digits after digits start a second number
        ("five thousand four lanterns", 5004.0, 3),
    ],
)
def test_a_numeral_ends_where_english_would_not_continue_it(text: str, value: float, words: int) -> None:
    numeral = first_numeral(text)
    assert numeral is not None and (numeral.value, numeral.end) == (value, words)


def test_an_and_before_a_fraction_adds_it_and_a_spelled_numerator_divides() -> None:
    assert (first_numeral("nine and a quarter") or pytest.fail()).value == 9.25
    over_ordinal = first_numeral("five two hundredths")
    assert over_ordinal is not None and over_ordinal.fraction and over_ordinal.value == pytest.approx(5 / 200)


def test_the_state_records_each_part_read() -> None:
    state = NumeralState()
    assert state.took("unit", 3) == 4
    assert (state.last, state.end, state.count) == ("unit", 4, 1)


def test_an_ordinal_word_is_read_with_its_class_and_number() -> None:
    assert fraction_word(tokenize("thirty-sixths"), 0) == OrdinalWord(36.0, 3, True, "tens")
    assert fraction_word(tokenize("quarter"), 0) == OrdinalWord(4.0, 1, False, "half")
    assert fraction_word(tokenize("lantern"), 0) is None
