"""Ranges and bounds around quantities: "28,000–38,000", "between 5 and 10", "more than 30", "4+".

A bound keeps its qualifier and fills the side it bounds (``low`` for "at least 30", ``high`` for
"up to 700"); two bounds on one quantity ("more than 10 and less than 20") and explicit ranges fill both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from citefacts.models import NumberKind, NumberValue, Qualifier
from citefacts.numbers.bounds import BOUNDS_AFTER, BOUNDS_BEFORE, LONGEST_BOUND_BEFORE, Bound, Side
from citefacts.numbers.numeral_steps import is_number_token
from citefacts.numbers.quantity import Quantity
from citefacts.numbers.tokens import Token

NumberLabel = Literal["CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"]
_LABELS: dict[NumberKind, NumberLabel] = {
    "money": "MONEY",
    "percent": "PERCENT",
    "quantity": "QUANTITY",
    "ordinal": "ORDINAL",
}

_OR_EQUAL = ("or", "equal", "to")
_RANGE_WORDS = frozenset({"-", "–", "—", "~", "to", "through", "thru", "and"})
_UNTIL_WORDS = frozenset({"till", "until", "til"})
"""Words that join a range after "from" only ("from 20 until 30"; "20 until 30" alone is no range)."""
_BOUND_JOINERS = ((), ("and",), ("but",), (",",), (",", "and"), (",", "but"))
"""What may stand between a lower and an upper bound of one range ("above 20 below 30", "more than 5 and
less than 9")."""


@dataclass(frozen=True)
class FoundNumber:
    """A number as found: tokens[start:end], its value, its spaCy-style label and the quantities it was read
    from (one, or a range's two ends)."""

    start: int
    end: int
    value: NumberValue
    label: NumberLabel
    parts: tuple[Quantity, ...] = ()


def prefix_bound(tokens: list[Token], i: int) -> tuple[Bound, int] | None:
    """The bound or approximation phrase that ends right before tokens[i] ("the" may stand between), and its start."""
    end = i - 1 if i > 0 and tokens[i - 1].lower == "the" else i
    for size in range(min(LONGEST_BOUND_BEFORE, end), 0, -1):
        phrase = " ".join(t.lower for t in tokens[end - size : end])
        if phrase in BOUNDS_BEFORE:
            return BOUNDS_BEFORE[phrase], end - size
    return None


def suffix_bound(tokens: list[Token], j: int) -> tuple[Bound, int] | None:
    """The bound phrase that starts at tokens[j] ("or more", "+", "or fewer"), and its end."""
    if j < len(tokens) and tokens[j].text == "+" and tokens[j].start == tokens[j - 1].end:
        return BOUNDS_AFTER["+"], j + 1
    for size in range(min(4, len(tokens) - j), 0, -1):
        phrase = " ".join(t.lower for t in tokens[j : j + size])
        if phrase in BOUNDS_AFTER and phrase != "+":
            return BOUNDS_AFTER[phrase], j + size
    return None


def combine(tokens: list[Token], quantities: list[Quantity]) -> list[FoundNumber]:
    """Readings for the quantities in text order, with ranges joined and bounds applied."""
    readings: list[FoundNumber] = []
    k = 0
    while k < len(quantities):
        joined = _as_range(tokens, quantities, k)
        if joined is not None:
            readings.append(joined)
            k += 2
            continue
        readings.append(_with_bound(tokens, quantities[k]))
        k += 1
    return _two_sided(tokens, readings)


def _with_bound(tokens: list[Token], quantity: Quantity) -> FoundNumber:
    """One quantity with any bound or approximation around it."""
    start, end = quantity.start, quantity.end
    qualifier: Qualifier | None = None
    side: Side | None = None
    before = prefix_bound(tokens, start)
    if before is not None:
        (qualifier, side), start = before
    after = suffix_bound(tokens, end)
    if after is not None and side is None:
        (qualifier, side), end = after
    elif qualifier in ("more_than", "less_than") and tuple(t.lower for t in tokens[end : end + 3]) == _OR_EQUAL:
        qualifier, end = ("at_least" if qualifier == "more_than" else "at_most"), end + 3
    value = _number_value(quantity, qualifier)
    if side in ("low", "both"):
        value = value.model_copy(update={"low": quantity.value})
    if side in ("high", "both"):
        value = value.model_copy(update={"high": quantity.value})
    return FoundNumber(start, end, value, _label(quantity.kind), (quantity,))


def _number_value(quantity: Quantity, qualifier: Qualifier | None) -> NumberValue:
    """The NumberValue of a quantity with its qualifier, before any bound fills an end."""
    return NumberValue(number_kind=quantity.kind, value=quantity.value, unit=quantity.unit, qualifier=qualifier)


def _label(kind: NumberKind) -> NumberLabel:
    """The spaCy label of a kind of number (a range is labelled by what it ranges over)."""
    return _LABELS.get(kind, "CARDINAL")


def _as_range(tokens: list[Token], quantities: list[Quantity], k: int) -> FoundNumber | None:
    """quantities[k] and [k + 1] as one range ("5–10 km", "from 50 to 215", "between 5,856 and 6,000")."""
    if k + 1 >= len(quantities):
        return None
    first, second = quantities[k], quantities[k + 1]
    between = [t.lower for t in tokens[first.end : second.start] if t.lower != "the"]
    opener = prefix_word(tokens, first.start)
    if between == ["-", "to"] or (between == ["up", "to"] and opener == "from"):
        between = ["to"]  # "8- to 16-meter", "from three up to five"
    if len(between) == 1 and between[0] in _UNTIL_WORDS and opener == "from":
        between = ["to"]  # "from 20 until 30"
    if len(between) != 1 or between[0] not in _RANGE_WORDS or (first.kind == "ordinal") != (second.kind == "ordinal"):
        return None
    if (between[0] == "and" and opener != "between") or _in_chain(tokens, first, second):
        return None  # "between 5 to 10" is a range as "between 5 and 10" is; "5 and 10" alone two numbers
    kinds: set[NumberKind] = {first.kind, second.kind} - {"cardinal"}
    units = {first.unit, second.unit} - {None}
    if len(kinds) > 1 or len(units) > 1:
        return None
    low, high = first.value, second.value
    if low < 0 and high < 0 and high < low:
        low, high = high, low  # "from -18 °C to -34 °C"
    scale = _scale_of(tokens, second)
    if scale and not _scale_of(tokens, first) and low < second.numeral.value / scale:
        low *= scale  # "5-10 million", "two to three hundred"
    if not low < high:
        return None
    start = first.start - (1 if tokens[first.start - 1].lower == "the" else 0) if first.start else 0
    qualifier: Qualifier | None = None
    if opener in ("between", "from"):
        start -= 1
    else:
        before = prefix_bound(tokens, first.start)
        if before is not None and before[0][0] == "approx":
            qualifier, start = "approx", before[1]
    kind: NumberKind = next(iter(kinds), "cardinal")
    value = NumberValue(number_kind="range", low=low, high=high, unit=next(iter(units), None), qualifier=qualifier)
    return FoundNumber(start, second.end, value, _label(kind) if kind != "ordinal" else "CARDINAL", (first, second))


def _scale_of(tokens: list[Token], quantity: Quantity) -> float | None:
    """The scale word a quantity's numeral ends on ("ten million", "three hundred"), if any."""
    if quantity.numeral.scale:
        return quantity.numeral.scale
    last = tokens[quantity.numeral.end - 1]
    return 100.0 if last.lower == "hundred" and quantity.numeral.end - quantity.numeral.start > 1 else None


def prefix_word(tokens: list[Token], i: int) -> str | None:
    """The word before tokens[i], skipping one "the"."""
    j = i - 1
    if j >= 0 and tokens[j].lower == "the":
        j -= 1
    return tokens[j].lower if j >= 0 else None


def _in_chain(tokens: list[Token], first: Quantity, second: Quantity) -> bool:
    """Whether two hyphen-joined numbers belong to a longer chain (a phone number, "1-2-3"), not a range."""
    after = second.end
    if after + 1 < len(tokens) and tokens[after].text in "-/" and is_number_token(tokens[after + 1]):
        return True
    before = first.start
    return before >= 2 and tokens[before - 1].text in "-+/" and is_number_token(tokens[before - 2])


def _two_sided(tokens: list[Token], readings: list[FoundNumber]) -> list[FoundNumber]:
    """Join a lower and an upper bound on one quantity: "larger than 10 and smaller than 20"."""
    joined: list[FoundNumber] = []
    k = 0
    while k < len(readings):
        if k + 1 < len(readings):
            pair = _bounds_pair(tokens, readings[k], readings[k + 1])
            if pair is not None:
                joined.append(pair)
                k += 2
                continue
        joined.append(readings[k])
        k += 1
    return joined


def _bounds_pair(tokens: list[Token], first: FoundNumber, second: FoundNumber) -> FoundNumber | None:
    """A lower and an upper bound joined by "and", "but" or a comma, as one range, or None."""
    between = tuple(t.lower for t in tokens[first.end : second.start])
    if between not in _BOUND_JOINERS or first.value.number_kind == "range" or second.value.number_kind == "range":
        return None
    sides = (_side(first.value), _side(second.value))
    if sides == ("low", "high"):
        low, high = first.value.low, second.value.high
    elif sides == ("high", "low"):
        low, high = second.value.low, first.value.high
    else:
        return None
    if low is None or high is None or not low < high:
        return None
    value = NumberValue(number_kind="range", low=low, high=high, unit=first.value.unit or second.value.unit)
    return FoundNumber(first.start, second.end, value, first.label, first.parts + second.parts)


def _side(value: NumberValue) -> Side | None:
    """The one end a bound fills, or None for a plain number or a range."""
    if value.low is not None and value.high is None:
        return "low"
    if value.high is not None and value.low is None:
        return "high"
    return None
