"""Families of number forms the readers missed, each pinned by sentences written here (none from a gold set)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from citefacts.numbers import find_numbers, parse_number
from citefacts.numbers.tokens import tokenize


def _values(text: str) -> list[float | None]:
    return [token.value for token in tokenize(text) if token.kind == "num"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The ferry carried 1 000.", [1000.0]),
        ("Wells: 4 500, springs: 2 750.", [4500.0, 2750.0]),
        ("a span of 2\u2009300; then more", [2300.0]),
        ("It measured 12\u202f400.25 in all", [12400.25]),
    ],
)
def test_spaced_thousands_end_at_sentence_punctuation(text: str, values: list[float]) -> None:
    assert _values(text) == values


@pytest.mark.parametrize(("text", "value"), [("0,125", 0.125), ("a ratio of 0,0375 here", 0.0375)])
def test_a_comma_after_a_lone_zero_is_a_decimal_comma(text: str, value: float) -> None:
    assert _values(text) == [pytest.approx(value)]


@pytest.mark.parametrize(("text", "values"), [("0,4,9", [0.0, 4.0, 9.0]), ("1,250", [1250.0])])
def test_lists_and_thousands_groups_keep_their_commas(text: str, values: list[float]) -> None:
    assert _values(text) == values


def test_parse_number_reads_a_spaced_figure_before_a_full_stop() -> None:
    parsed = parse_number("roughly 3 600.")
    assert parsed is not None and parsed.value == 3600.0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a crowd of 415 hundred", 41500.0),
        ("1,200 hundred bales", 120000.0),
        ("seven-hundred-thousand", 700000.0),
        ("a tithe of three hundred-and-nine", 309.0),
        ("the eight-thousand-and-two steps", 8002.0),
        ("six-hundred-seventy-two pages", 672.0),
        ("ten to the power of six", 1e6),
        ("3 to the power 4", 81.0),
    ],
)
def test_digits_before_hundred_hyphenated_words_and_spoken_powers(text: str, value: float) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "low", "high"), [("four hundred-six hundred", 400.0, 600.0), ("one million-two million", 1e6, 2e6)]
)
def test_a_hyphen_between_two_spelled_numbers_of_one_size_is_a_range(text: str, low: float, high: float) -> None:
    parsed = parse_number(text)
    assert parsed is not None and (parsed.low, parsed.high) == (low, high)


@pytest.mark.parametrize(("text", "values"), [("deaths: 904 in 2007", [904.0, 2007.0]), ("1 in 2000", [0.0005])])
def test_a_count_in_a_year_is_no_ratio_but_one_in_a_figure_is(text: str, values: list[float]) -> None:
    from citefacts.numbers import scan

    assert [q.value for q in scan(tokenize(text))] == values


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("three to four hundred sheep", 300.0, 400.0),  # the scale of the upper end carries to a smaller lower end
        ("between six and seven hundred", 600.0, 700.0),
        ("from 40 till 45", 40.0, 45.0),
        ("from nine until twelve", 9.0, 12.0),
        ("above 15 below 25", 15.0, 25.0),  # two bounds with nothing between them
    ],
)
def test_ranges_joined_by_until_a_shared_hundred_or_two_bare_bounds(text: str, low: float, high: float) -> None:
    parsed = parse_number(text)
    assert parsed is not None and (parsed.low, parsed.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("equal or bigger than 12", "at_least", 12.0, None),
        ("equal to or lower than 8", "at_most", None, 8.0),
        ("smaller or equal to 3", "at_most", None, 3.0),
        ("not smaller than 40", "at_least", 40.0, None),
        ("forty or bigger", "at_least", 40.0, None),
    ],
)
def test_every_comparative_word_takes_every_written_form_of_a_bound(
    text: str, qualifier: str, low: float | None, high: float | None
) -> None:
    parsed = parse_number(text)
    assert parsed is not None and (parsed.qualifier, parsed.low, parsed.high) == (qualifier, low, high)


def test_until_without_from_leaves_two_numbers() -> None:
    from citefacts.numbers import scan

    assert [q.value for q in scan(tokenize("13 until 19"))] == [13.0, 19.0]


def test_a_lower_end_larger_than_the_upper_ends_count_of_hundreds_keeps_its_value() -> None:
    parsed = parse_number("fifty to three hundred")
    assert parsed is not None and (parsed.low, parsed.high) == (50.0, 300.0)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("dozen lanterns", 12.0),
        ("a half dozen lanterns", 6.0),
        ("half dozen lanterns", 6.0),
        ("7 / 8 of the crop", 0.875),
        ("4 3 / 4 acres", 4.75),
        ("the gauge read –12 at dawn", -12.0),
    ],
)
def test_a_lone_dozen_a_spaced_half_dozen_spaced_slash_fractions_and_an_en_dash_minus(text: str, value: float) -> None:
    parsed = parse_number(text)
    assert parsed is not None and parsed.value == value


@pytest.mark.parametrize(
    ("text", "values"), [("7 / 8 / 9", [7.0, 8.0, 9.0]), ("9 / 8", [9.0, 8.0]), ("7 /8", [7.0, 8.0])]
)
def test_a_spaced_slash_between_improper_chained_or_unevenly_spaced_figures_is_no_fraction(
    text: str, values: list[float]
) -> None:
    from citefacts.numbers import scan

    assert [q.value for q in scan(tokenize(text))] == values


@pytest.mark.parametrize(("text", "low", "high"), [("11 –16", 11.0, 16.0), ("from –8 to –3", -8.0, -3.0)])
def test_an_en_dash_after_a_number_or_spaced_from_its_digits_still_joins_a_range(
    text: str, low: float, high: float
) -> None:
    parsed = parse_number(text)
    assert parsed is not None and (parsed.low, parsed.high) == (low, high)


def _numbers(nlp: Language, text: str) -> list[str]:
    doc = nlp(text)
    return [text[m.start : m.end] for m in find_numbers(doc, [])]


@pytest.mark.parametrize("text", ["They sold eggs by the dozen.", "Eggs cost $3 per dozen.", "a few dozen sheep"])
def test_dozen_as_a_measure_or_after_a_vague_word_is_no_count(nlp: Language, text: str) -> None:
    assert all("dozen" not in found for found in _numbers(nlp, text))


@pytest.mark.parametrize(
    ("text", "found"),
    [("Only one ferry sailed.", ["one"]), ("She was the only one awake.", []), ("It was his only one.", [])],
)
def test_only_one_counts_but_the_only_one_stands_for_a_thing(nlp: Language, text: str, found: list[str]) -> None:
    assert _numbers(nlp, text) == found
