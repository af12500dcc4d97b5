from __future__ import annotations

import pytest

from citefacts.numbers.currencies import currency_code, millions_code
from citefacts.numbers.units import rate_symbol, time_unit, unit_names, unit_symbol, unit_word


def test_a_currency_code_that_is_an_english_word_counts_only_in_capitals() -> None:
    assert currency_code("pen") is None
    assert currency_code("PEN") == "PEN"
    assert currency_code("rupees") == "INR"
    assert currency_code("rupees", upper_only=True) is None


def test_a_millions_code_names_its_currency() -> None:
    assert millions_code("MGBP") == "GBP"
    assert millions_code("MGB") is None


@pytest.mark.parametrize(
    ("symbol", "unit"),
    [("MPa", "megapascal"), ("mV", "millivolt"), ("km²", "square kilometre"), ("kt", None), ("W", None)],
)
def test_an_si_prefix_before_a_symbol_names_a_unit_unless_listed_as_something_else(
    symbol: str, unit: str | None
) -> None:
    assert unit_symbol(symbol) == unit


def test_a_letter_that_is_no_unit_alone_is_one_before_a_slash() -> None:
    assert unit_symbol("N") is None and rate_symbol("N") == "newton"


def test_spelled_out_units_read_in_the_plural_and_with_a_prefix() -> None:
    assert unit_word("inches") == "inch"
    assert unit_word("kilovolts") == "kilovolt"
    assert time_unit("hours") == "hour"


def test_unit_names_holds_what_words_and_symbols_give() -> None:
    names = unit_names()
    assert {unit_word("megawatts"), unit_symbol("GWh"), unit_symbol("°F"), unit_word("acres")} <= names
