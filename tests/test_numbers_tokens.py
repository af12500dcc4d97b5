from __future__ import annotations

import pytest

from citefacts.numbers.tokens import tokenize


def _values(text: str) -> list[float | None]:
    return [token.value for token in tokenize(text) if token.kind == "num"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,234,567", 1234567.0),
        ("12,34,567", 1234567.0),
        ("1.234.567", 1234567.0),
        ("1.234.567,89", 1234567.89),
        ("5.000,50", 5000.5),
        ("1'234'567", 1234567.0),
        ("1’000", 1000.0),
        ("12,5", 12.5),
        ("1 234 567,89", 1234567.89),
        ("3,14", 3.14),
        ("2.123", 2.123),
    ],
)
def test_thousands_separators_and_decimal_commas_of_other_locales(text: str, value: float) -> None:
    assert _values(text) == [pytest.approx(value)]


@pytest.mark.parametrize(
    ("text", "values"), [("1,2,3", [1.0, 2.0, 3.0]), ("1,3-butadiene", [1.0, 3.0]), ("7,1000", [7.0, 1000.0])]
)
def test_commas_in_lists_and_names_stay_separators(text: str, values: list[float]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.2e5", 1.2e5),
        ("1.2e−5", 1.2e-5),
        ("2.48×10−5", 2.48e-5),
        ("6.02×10²³", 6.02e23),
        ("3 x 10^8", 3e8),
        ("1.5 * 10^3", 1500.0),
        ("10⁶", 1e6),
        ("2.5^-1", 0.4),
    ],
)
def test_powers_in_ascii_unicode_and_superscript_digits(text: str, value: float) -> None:
    tokens = tokenize(text)
    assert len(tokens) == 1 and tokens[0].value == pytest.approx(value)


def test_a_times_sign_without_power_of_ten_leaves_two_numbers() -> None:
    assert _values("5 x 10 m") == [5.0, 10.0]
