from __future__ import annotations

import pytest

from citefacts.numbers.conversion import conversion, pint_unit
from citefacts.numbers.units import SI_PREFIX_WORDS, unit_names

NOT_CONVERTED = {"storey", "part per billion", "calorie", "ton", *(prefix + "ton" for prefix in SI_PREFIX_WORDS)}
"""Unit names with no pint unit: pint has none (storey, ppb), or reads them in another sense than an
article may mean (a short ton, a small calorie)."""


def test_every_unit_name_of_the_vocabulary_has_a_pint_unit_but_the_listed_few() -> None:
    assert {name for name in unit_names() if pint_unit(name) is None} == NOT_CONVERTED


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("kilometre", "kilometer"),
        ("square kilometre", "kilometer ** 2"),
        ("cubic metre", "meter ** 3"),
        ("kilometre per hour", "kilometer / hour"),
        ("degree Celsius", "degree_Celsius"),
        ("pound per square inch", "pound_force_per_square_inch"),
        ("barrel", "oil_barrel"),
    ],
)
def test_unit_names_and_their_compounds_read_as_pint_units(name: str, expected: str) -> None:
    assert str(pint_unit(name)) == expected


def test_a_mile_converts_to_kilometres() -> None:
    to_km = conversion("mile", "kilometre")
    assert to_km is not None and to_km(1.0) == pytest.approx(1.609344)


def test_temperature_scales_convert_with_their_offset() -> None:
    to_fahrenheit = conversion("degree Celsius", "degree Fahrenheit")
    assert to_fahrenheit is not None and to_fahrenheit(100.0) == pytest.approx(212.0)


@pytest.mark.parametrize(
    ("unit", "target"),
    [
        ("kilometre", "kilogram"),  # length and mass
        ("hertz", "becquerel"),  # both per second to pint, unlike things
        ("degree", "part per million"),  # both dimensionless to pint
        ("ton", "tonne"),  # a ton may be short, long or metric
        ("storey", "metre"),  # no pint unit
    ],
)
def test_units_of_different_or_conflated_dimensions_do_not_convert(unit: str, target: str) -> None:
    assert conversion(unit, target) is None
