from __future__ import annotations

import pytest

from citefacts.check.compare import Reading, Relation, comparable, in_unit_of, near_miss, number_reading, relation
from citefacts.numbers import parse_number


def quantity(text: str) -> Reading:
    """A number read from its text as the checker reads a quantity: kind ``number``, its unit kept."""
    value = parse_number(text)
    assert value is not None and value.unit is not None, text
    reading = number_reading(value, text, "number", None)
    assert reading is not None
    return reading


def test_a_mile_and_one_point_six_kilometres_are_one_length() -> None:
    claim, source = quantity("1 mile"), quantity("1.6 km")
    assert comparable(claim, source)
    assert relation(claim, source) is Relation.SUPPORTS


def test_a_whole_mile_is_too_rough_to_confirm_one_point_six_kilometres() -> None:
    assert relation(quantity("1.6 km"), quantity("1 mile")) is Relation.COMPATIBLE


def test_a_source_in_another_unit_is_read_in_the_claims_unit() -> None:
    converted = in_unit_of(quantity("1 mile"), quantity("1.6 km"))
    assert converted.unit == "mile"
    assert converted.low == pytest.approx(0.994, abs=1e-3)
    assert converted.step == pytest.approx(0.1 / 1.609344)


def test_three_hundred_metres_is_not_confirmed_by_three_hundred_and_thirty() -> None:
    claim, source = quantity("300 m"), quantity("330 m")
    assert comparable(claim, source)
    assert relation(claim, source) is not Relation.SUPPORTS
    assert relation(quantity("310 m"), source) is Relation.DIFFERS


def test_a_length_stated_in_other_units_can_rule_a_claim_out() -> None:
    claim, source = quantity("12 miles"), quantity("25 kilometres")
    assert relation(claim, source) is Relation.DIFFERS
    assert near_miss(claim, source)


def test_kilometres_and_kilograms_are_not_comparable() -> None:
    assert not comparable(quantity("5 km"), quantity("5 kg"))


def test_temperatures_compare_across_scales() -> None:
    assert relation(quantity("100 °C"), quantity("212 °F")) is Relation.SUPPORTS


def test_money_is_never_converted_between_currencies() -> None:
    claim = number_reading(parse_number("$5 million") or pytest.fail(), "$5 million", "money", None)
    source = number_reading(parse_number("€5 million") or pytest.fail(), "€5 million", "money", None)
    assert claim is not None and source is not None
    assert not comparable(claim, source)


def test_a_unit_with_no_pint_unit_compares_only_with_itself() -> None:
    assert comparable(quantity("3 storeys"), quantity("3 storeys"))
    assert not comparable(quantity("3 storeys"), quantity("3 m"))


def test_a_kind_outside_the_kinds_of_numbers_is_refused() -> None:
    value = parse_number("5 km")
    assert value is not None
    with pytest.raises(ValueError, match="not a kind of number"):
        number_reading(value, "5 km", "length", None)


def test_a_lower_bound_typically_stops_short_of_the_next_round_step() -> None:
    over = number_reading(parse_number("over 700") or pytest.fail(), "700", "number", "more_than")
    claim = number_reading(parse_number("800") or pytest.fail(), "800", "number", "less_than")
    assert over is not None and claim is not None
    assert relation(claim, over) is Relation.SUPPORTS
