"""Units as pint knows them: the pint unit for each unit name the number reader writes, and conversions.

Detection keeps its own surface forms (``units``); pint only says what a unit name measures and how to
convert it, so that "1 mile" can be compared with "1.6 km". The registry loads on the first conversion.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from citefacts.numbers.units import SI_PREFIX_WORDS

if TYPE_CHECKING:
    import pint

_PINT_NAMES = {
    "pound per square inch": "psi",
    "revolution per minute": "rpm",
    "part per million": "ppm",
    "millimetre of mercury": "mmHg",
    "barrel": "oil_barrel",
}
"""Names pint spells otherwise: psi is pound-force, not pound (mass), per area; an article's barrel is
nearly always a barrel of oil (42 US gallons, where pint's plain barrel has 31.5)."""
_AMBIGUOUS = frozenset({"ton", "calorie", *(prefix + "ton" for prefix in SI_PREFIX_WORDS)})
"""Names pint reads in one sense where an article may mean another: a ton is short, long or metric (and a
megaton often of TNT); a food calorie is a kilocalorie. They are not converted."""
_POWERS = {"square": 2, "cubic": 3}
_CONFLATED_DIMENSIONS = frozenset({"dimensionless", "1 / [time]", "[length] ** 2 / [time] ** 2"})
"""Dimensions pint gives to unlike things: counts, ratios, angles, decibels and bytes are all
dimensionless; hertz, becquerels and revolutions per minute are all per time; grays and sieverts are
both length squared per time squared. Units of these dimensions are compared only with themselves."""


@dataclass(frozen=True)
class Conversion:
    """An affine map between two units: ``factor * value + offset`` (an offset only between temperature scales)."""

    factor: float
    offset: float

    def __call__(self, value: float) -> float:
        return self.factor * value + self.offset


def pint_expression(unit: str) -> str | None:
    """The pint expression for a unit name ("square kilometre" -> "(kilometer) ** 2", "knot" -> "knot"), or
    None for a name pint would read in another sense."""
    if unit in _AMBIGUOUS:
        return None
    if unit in _PINT_NAMES:
        return _PINT_NAMES[unit]
    top, per, bottom = unit.partition(" per ")
    if per:
        numerator, denominator = pint_expression(top), pint_expression(bottom)
        return f"({numerator}) / ({denominator})" if numerator and denominator else None
    power, _, base = unit.partition(" ")
    if power in _POWERS and base:
        inner = pint_expression(base)
        return f"({inner}) ** {_POWERS[power]}" if inner else None
    return unit.replace("metre", "meter").replace("litre", "liter").replace(" ", "_").replace("-", "_")


@cache
def pint_unit(unit: str) -> pint.Unit | None:
    """The pint unit a unit name stands for ("kilometre per hour"), or None where pint has none ("storey")."""
    import pint

    expression = pint_expression(unit)
    if expression is None:
        return None
    try:
        return _registry().parse_units(expression)
    except (pint.PintError, ValueError):
        return None


@cache
def conversion(unit: str, target: str) -> Conversion | None:
    """How a value in ``unit`` reads in ``target`` ("mile" to "kilometre": x 1.609), or None when the two
    are not units of one dimension pint can convert between."""
    source_unit, target_unit = pint_unit(unit), pint_unit(target)
    if source_unit is None or target_unit is None or source_unit.dimensionality != target_unit.dimensionality:
        return None
    if unit != target and str(source_unit.dimensionality) in _CONFLATED_DIMENSIONS:
        return None
    registry = _registry()
    zero = float(registry.Quantity(0.0, source_unit).to(target_unit).magnitude)
    one = float(registry.Quantity(1.0, source_unit).to(target_unit).magnitude)
    return Conversion(one - zero, zero)


@cache
def _registry() -> pint.UnitRegistry[float]:
    import pint

    return pint.UnitRegistry()
