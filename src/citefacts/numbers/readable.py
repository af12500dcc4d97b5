"""Number values as a reviewer reads them: "about US$36 million", "1,500 to 2,500", "at least 90%".

The machine form ("approx 3.6e+07 USD", "1500–2500") makes a reviewer decode before checking; this one
reads like the sentence it came from, so a wrong normalization stands out. Pure functions, no model.
"""

from __future__ import annotations

from citefacts.models import NumberValue

QUALIFIERS = {
    "approx": "about",
    "at_least": "at least",
    "more_than": "more than",
    "at_most": "at most",
    "less_than": "less than",
}
CURRENCY_PREFIXES = {"USD": "US$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "CAD": "C$", "AUD": "A$"}
"""Currencies written before the amount; any other code follows it ("3 million AZN")."""
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
IRREGULAR_PLURALS = {"foot": "feet", "inch": "inches", "century": "centuries", "hertz": "hertz", "stone": "stone"}


def readable_number(value: NumberValue) -> str:
    """The human form of a number value: its qualifier, amount or range, and unit."""
    if value.number_kind == "ordinal" and value.value is not None and value.value == int(value.value):
        return _ordinal(int(value.value))
    ends = [end for end in (value.low, value.high) if end is not None]
    if value.value is not None:
        amount = _with_unit(value.value, value.unit)
    elif len(ends) == 2:
        amount = _range(ends[0], ends[1], value.unit)
    elif ends:
        amount = _with_unit(ends[0], value.unit)
    else:
        return "(no value)"
    qualifier = QUALIFIERS.get(value.qualifier or "")
    return f"{qualifier} {amount}" if qualifier else amount


def number_text(number: float) -> str:
    """100000 -> "100,000"; 7600000 -> "7.6 million"; 1674200.5 -> "1,674,200.5"; 1/3 -> "0.3333"."""
    for size, word in SCALES:
        scaled = number / size
        if abs(number) >= size and abs(round(scaled, 3) - scaled) < 1e-9:
            return f"{round(scaled, 3):g} {word}"
    if number == int(number) and abs(number) < 1e15:
        return f"{int(number):,}"
    if abs(number) >= 1:
        return f"{number:,.6f}".rstrip("0").rstrip(".")
    return f"{number:.4g}"  # 0.3333; only a trillionth and the like keep an exponent (1e-12)


def _with_unit(number: float, unit: str | None) -> str:
    text = number_text(number)
    if not unit:
        return text
    if unit == "%":
        return f"{text}%"
    if unit in CURRENCY_PREFIXES:
        return f"{CURRENCY_PREFIXES[unit]}{text}"
    if unit.isupper() and len(unit) == 3:
        return f"{text} {unit}"
    return f"{text} {unit if number == 1 else plural(unit)}"


def _range(low: float, high: float, unit: str | None) -> str:
    """ "1,500 to 2,500", "50 to 215 square kilometres", "US$1 million to US$2 million", "10% to 20%"."""
    if unit and (unit == "%" or unit in CURRENCY_PREFIXES or (unit.isupper() and len(unit) == 3)):
        return f"{_with_unit(low, unit)} to {_with_unit(high, unit)}"
    return f"{number_text(low)} to {_with_unit(high, unit)}"


def plural(unit: str) -> str:
    """A unit name's plural: the head noun takes it ("square kilometres", "kilometres per hour",
    "degrees Celsius", "kilowatt hours")."""
    words = unit.split(" ")
    head = words.index("per") - 1 if "per" in words else len(words) - 1
    if words[0] == "degree":
        head = 0
    word = words[head]
    words[head] = IRREGULAR_PLURALS.get(word) or (word if word.endswith("s") else word + "s")
    return " ".join(words)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
