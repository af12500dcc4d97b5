from __future__ import annotations

import pytest

from citefacts.numbers import parse_number, words_to_number


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("2,906", "cardinal", 2906.0),
        ("3.5", "cardinal", 3.5),
        ("two hundred", "cardinal", 200.0),
        ("three million", "cardinal", 3_000_000.0),
        ("55%", "percent", 55.0),
        ("$36 million", "money", 36e6),
    ],
)
def test_parse_number_values(text: str, kind: str, value: float) -> None:
    parsed = parse_number(text, kind)
    assert parsed is not None and parsed.value == value


def test_range_fills_low_and_high() -> None:
    parsed = parse_number("28,000–38,000")
    assert parsed is not None and (parsed.low, parsed.high) == (28000.0, 38000.0)


def test_qualifiers_are_kept() -> None:
    parsed = parse_number("approximately 2,000")
    assert parsed is not None and parsed.qualifier == "approx" and parsed.value == 2000.0


def test_words_to_number_stops_at_other_words() -> None:
    assert words_to_number("twelve soldiers") == 12.0
    assert words_to_number("soldiers") is None
