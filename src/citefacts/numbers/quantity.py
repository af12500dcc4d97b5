"""A numeral with what types it: a currency before or after it, a percent sign, a unit of measure.

"$ 16.4 million", "USD $2.9 billion", "35 lakh rupees", "15 dollars 50", "90 per cent", "3-inch",
"190,000 square meters", "5 ft 2 in" each read as one Quantity over a run of tokens.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from citefacts.lexicon import SCALE_WORDS
from citefacts.models import NumberKind
from citefacts.numbers.currencies import (
    CENT_UNITS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOLLAR_PREFIXES,
    currency_code,
    millions_code,
)
from citefacts.numbers.numeral import read_numeral
from citefacts.numbers.numeral_steps import Numeral
from citefacts.numbers.tokens import Token
from citefacts.numbers.units import (
    AREA_PREFIXES,
    PERCENT_WORDS,
    length_unit,
    rate_symbol,
    time_unit,
    unit_symbol,
    unit_word,
)

_SENTENCE_PUNCTUATION = frozenset(".,;:!?)")
_INCH_MARKS = frozenset(['"', "″", "”"])
_DIMENSION_WORDS = frozenset(["thick", "long", "wide", "tall", "high", "deep", "across", "diameter", "square"])
"""Words after which "in" is an inch ("2 1/2 in thick"), not a preposition."""
_LONGEST_CURRENCY = 5
"""Tokens in the longest currency name ("u . s . dollars")."""
_MONEY_SCALES = {"m": 1e6, "b": 1e9, "bn": 1e9, "k": 1e3, "tn": 1e12, "B": 1e9, "T": 1e12}
"""Scales written against an amount of money: "£5m", "$3bn" (alone, "5m" is five metres)."""


@dataclass(frozen=True)
class Quantity:
    """A typed number over tokens[start:end]; ``numeral`` is the bare number inside it."""

    start: int
    end: int
    value: float
    kind: NumberKind
    unit: str | None
    numeral: Numeral


def read_quantity(tokens: list[Token], i: int, bare_fraction: bool = False) -> Quantity | None:
    """The quantity starting at tokens[i] (a currency prefix, "percent of", or a numeral), or None.

    ``bare_fraction`` lets "half" alone be a number, as after "more than".
    """
    prefixed = _currency_prefix(tokens, i) or _negative_money(tokens, i)
    if prefixed is not None:
        return prefixed
    if _percent_tokens(tokens, i) and i + 2 < len(tokens) and tokens[i + _percent_tokens(tokens, i)].lower == "of":
        numeral = read_numeral(tokens, i + _percent_tokens(tokens, i) + 1)
        if numeral is not None and not numeral.ordinal:
            return Quantity(i, numeral.end, numeral.value, "percent", "%", numeral)
    numeral = read_numeral(tokens, i, bare_fraction)
    if numeral is None:
        return None
    if numeral.ordinal:
        return Quantity(i, numeral.end, numeral.value, "ordinal", None, numeral)
    return _with_suffix(tokens, numeral)


def _follows_closely(tokens: list[Token], j: int, gap: int = 1) -> bool:
    """Whether tokens[j] follows tokens[j - 1] with at most ``gap`` characters between them."""
    return 0 < j < len(tokens) and tokens[j].start - tokens[j - 1].end <= gap


def _currency_prefix(tokens: list[Token], i: int) -> Quantity | None:
    """ "$5", "US$ 3", "c $ 1.34", "USD 200", "USD $3 billion", "€5": a currency written before its number."""
    token, code, j = tokens[i], None, i + 1
    if token.text in CURRENCY_SYMBOLS:
        code = CURRENCY_SYMBOLS[token.text]
    elif (
        token.lower in DOLLAR_PREFIXES and j < len(tokens) and tokens[j].text == "$" and _follows_closely(tokens, j, 0)
    ):
        if len(token.text) > 1 or token.text.isupper():  # "A$5", "US$5", "cad$ 15"; not "a $5"
            code, j = DOLLAR_PREFIXES[token.lower], j + 1
    elif token.kind == "word" and currency_code(token.text, upper_only=True):
        code = currency_code(token.text, upper_only=True)
        if j < len(tokens) and tokens[j].text in CURRENCY_SYMBOLS and _follows_closely(tokens, j):
            j += 1
    elif token.kind == "word" and millions_code(token.text):
        return _millions_first(tokens, i, millions_code(token.text))
    elif token.text in ("Rs", "INR") and j < len(tokens):
        code, j = "INR", j + (tokens[j].text == ".")
    if code is None or not _follows_closely(tokens, j):
        return None
    numeral = read_numeral(tokens, j)
    if numeral is None or numeral.ordinal or (tokens[j].kind != "num" and tokens[j].text not in "-−"):
        return None
    end, value = numeral.end, numeral.value
    if (
        end < len(tokens)
        and tokens[end].text in _MONEY_SCALES
        and numeral.scale is None
        and _follows_closely(tokens, end, 0)
    ):
        value, end = value * _MONEY_SCALES[tokens[end].text], end + 1
    if end < len(tokens) and (currency_code(tokens[end].text) or "") == code and _follows_closely(tokens, end):
        end += 1  # "$10 dollars"
    return Quantity(i, end, value, "money", code, numeral)


def _negative_money(tokens: list[Token], i: int) -> Quantity | None:
    """ "-$5", "minus €3 million": a sign written before the currency, not before the digits."""
    sign = tokens[i]
    tight_sign = sign.text in "-−" and (i == 0 or tokens[i - 1].end < sign.start) and _follows_closely(tokens, i + 1, 0)
    if not (tight_sign or sign.lower in ("minus", "negative")) or i + 1 >= len(tokens):
        return None
    money = _currency_prefix(tokens, i + 1)
    if money is None or money.value < 0:
        return None
    return replace(money, start=i, value=-money.value)


def _percent_tokens(tokens: list[Token], j: int) -> int:
    """How many tokens at j spell "percent" ("%", "percent", "per cent"), 0 when none."""
    if j >= len(tokens):
        return 0
    if tokens[j].text == "%" or tokens[j].lower in PERCENT_WORDS:
        return 1
    if tokens[j].lower == "per" and j + 1 < len(tokens) and tokens[j + 1].lower == "cent":
        return 2
    return 0


def _with_suffix(tokens: list[Token], numeral: Numeral) -> Quantity:
    """The numeral with the percent sign, currency or unit written after it, if any."""
    end = numeral.end
    cardinal = Quantity(numeral.start, end, numeral.value, "cardinal", None, numeral)
    if end >= len(tokens) or not _follows_closely(tokens, end):
        return cardinal
    size = _percent_tokens(tokens, end)
    if size:
        return replace(cardinal, end=end + size, kind="percent", unit="%")
    hyphen = (
        tokens[end].text == "-" and tokens[end].start == tokens[end - 1].end and _follows_closely(tokens, end + 1, 0)
    )
    at = end + 1 if hyphen else end
    money = _currency_suffix(tokens, cardinal, at)
    if money is not None:
        return money
    unit = _unit_suffix(tokens, cardinal, at)
    return unit if unit is not None else cardinal


def _currency_suffix(tokens: list[Token], cardinal: Quantity, at: int) -> Quantity | None:
    """ "5 dollars", "10 rmb", "115USD", "75 USD million", "thirteen dollars and forty-five cents"."""
    if at >= len(tokens):
        return None
    code, size = _currency_phrase(tokens, at)
    if code is not None:
        pass
    elif tokens[at].text in CURRENCY_SYMBOLS and tokens[at - 1].text not in "-–":  # "5$", not "5-$10"
        code = CURRENCY_SYMBOLS[tokens[at].text]
    elif tokens[at].kind == "word":
        code = currency_code(tokens[at].text)
        if code is None and tokens[at].lower in ("pound", "pounds") and cardinal.numeral.scale:
            code = "GBP"
        if code is None and millions_code(tokens[at].text):
            code = millions_code(tokens[at].text)
            return replace(cardinal, end=at + 1, value=cardinal.value * 1e6, kind="money", unit=code)
    if code is None:
        return None
    end, value = at + size, cardinal.value
    if end < len(tokens) and tokens[end].lower in SCALE_WORDS and cardinal.numeral.scale is None:
        value, end = value * SCALE_WORDS[tokens[end].lower], end + 1
    money = replace(cardinal, end=end, value=value, kind="money", unit=code)
    if tokens[at + size - 1].lower not in CENT_UNITS and cardinal.numeral.scale is None:
        return _with_cents(tokens, money)
    return money


def _currency_phrase(tokens: list[Token], at: int) -> tuple[str | None, int]:
    """A currency named in several tokens at ``at`` ("Hong Kong dollars", "U.S. dollars"), and its length."""
    for size in range(min(_LONGEST_CURRENCY, len(tokens) - at), 1, -1):
        phrase = tokens[at].lower
        for before, token in zip(tokens[at : at + size - 1], tokens[at + 1 : at + size], strict=True):
            phrase += (" " if token.start > before.end else "") + token.lower
        if phrase in CURRENCY_WORDS:
            return CURRENCY_WORDS[phrase], size
    return None, 1


def _with_cents(tokens: list[Token], money: Quantity) -> Quantity:
    """Add the cents written after a whole amount: "15 dollars 50", "thirteen dollars and forty-five cents"."""
    j = money.end + (money.end < len(tokens) and tokens[money.end].lower == "and")
    if j >= len(tokens) or not _follows_closely(tokens, j):
        return money
    cents = read_numeral(tokens, j)
    if cents is None or cents.ordinal or cents.fraction or not 0 < cents.value < 100 or cents.value != int(cents.value):
        return money
    after = tokens[cents.end] if cents.end < len(tokens) else None
    if after is not None and after.lower in CENT_UNITS:
        return replace(money, end=cents.end + 1, value=money.value + cents.value / 100)
    if after is None or after.text in _SENTENCE_PUNCTUATION:
        return replace(money, end=cents.end, value=money.value + cents.value / 100)
    return money


def _unit_suffix(tokens: list[Token], cardinal: Quantity, at: int) -> Quantity | None:
    """ "17 km", "190,000 square meters", "291,890 metric tons", "50 km/ms", "5 ft 2 in"."""
    found = _unit_at(tokens, at)
    if found is None:
        return None
    unit, end = found
    quantity = replace(cardinal, end=end, kind="quantity", unit=unit)
    if unit == "foot":
        return _feet_and_inches(tokens, quantity)
    return _per_unit(tokens, quantity)


def _unit_at(tokens: list[Token], at: int) -> tuple[str, int] | None:
    """The unit named at tokens[at] (one or two tokens) and the index after it."""
    if at >= len(tokens):
        return None
    token = tokens[at]
    prime = _prime_mark(tokens, at)
    if prime is not None:
        return prime, at + 1
    if token.lower in AREA_PREFIXES and at + 1 < len(tokens):
        skip = at + 2 if tokens[at + 1].text == "." else at + 1
        if skip < len(tokens):
            length = length_unit(tokens[skip].text)
            if length is not None:
                return f"{AREA_PREFIXES[token.lower]} {length}", skip + 1
    if at + 1 < len(tokens):
        pair = unit_word(f"{token.text} {tokens[at + 1].text}")
        if pair is not None:
            return pair, at + 2
    if token.text == "°" and at + 1 < len(tokens) and tokens[at + 1].lower in ("c", "f", "celsius", "fahrenheit"):
        scale = "Celsius" if tokens[at + 1].lower.startswith("c") else "Fahrenheit"
        return f"degree {scale}", at + 2
    unit = unit_symbol(token.text) or (unit_word(token.text) if token.kind == "word" else None)
    rate = at + 2 < len(tokens) and tokens[at + 1].text == "/" and tokens[at + 1].start == token.end
    if unit is None and rate and (time_unit(tokens[at + 2].text) or unit_symbol(tokens[at + 2].text)):
        unit = rate_symbol(token.text)  # "W/min", "g/L"
    if token.lower == "in" and _dimension_after(tokens, at + 1):
        unit = "inch"
    power = tokens[at + 1] if at + 1 < len(tokens) else None
    if unit and power is not None and power.text in ("2", "3") and power.start == token.end:
        return f"{'square' if power.text == '2' else 'cubic'} {unit}", at + 2  # km2, m3
    return (unit, at + 1) if unit is not None else None


def _dimension_after(tokens: list[Token], j: int) -> bool:
    """Whether tokens[j] (after an optional dot) says what "in" before it measures ("in thick", "in. long")."""
    j += j < len(tokens) and tokens[j].text == "."
    return j < len(tokens) and tokens[j].lower in _DIMENSION_WORDS


def _prime_mark(tokens: list[Token], at: int) -> str | None:
    """Feet or inches written as primes against the number: 6′, 11″, and 5'11" (an apostrophe alone is
    too often a quote mark, so it needs the inches after it)."""
    token = tokens[at]
    if at == 0 or token.start != tokens[at - 1].end or tokens[at - 1].kind != "num":
        return None
    if token.text in _INCH_MARKS and token.text != '"':
        return "inch"
    if token.text == "′":
        return "foot"
    inches = at + 2 < len(tokens) and tokens[at + 1].kind == "num" and tokens[at + 2].text in _INCH_MARKS
    return "foot" if token.text in "'’" and inches and tokens[at + 2].start == tokens[at + 1].end else None


def _per_unit(tokens: list[Token], quantity: Quantity) -> Quantity:
    """A rate: the unit, then "/" or "per" and a unit of time or measure ("km/h", "meters per millisecond")."""
    j = quantity.end
    if j + 1 >= len(tokens) or tokens[j].lower not in ("/", "per") or not _follows_closely(tokens, j):
        return quantity
    after = tokens[j + 1]
    unit = time_unit(after.text) or (unit_symbol(after.text) or unit_word(after.text))
    if unit is None:
        return quantity
    return replace(quantity, end=j + 2, unit=f"{quantity.unit} per {unit}")


def _feet_and_inches(tokens: list[Token], feet: Quantity) -> Quantity:
    """ "5 ft 2 in", "5 feet and 2 inches": one length, in feet."""
    j = feet.end + (feet.end < len(tokens) and tokens[feet.end].lower == "and")
    if j >= len(tokens) or tokens[j].kind != "num" or not _follows_closely(tokens, j):
        return feet
    inches = read_numeral(tokens, j)
    if inches is None or inches.end >= len(tokens) or inches.value >= 12:
        return feet
    word = tokens[inches.end].lower
    if (word in ("in", "inch", "inches") or word in _INCH_MARKS) and _follows_closely(tokens, inches.end):
        return replace(feet, end=inches.end + 1, value=feet.value + inches.value / 12)
    return feet


def _millions_first(tokens: list[Token], i: int, code: str | None) -> Quantity | None:
    """ "MAUD 60": an amount in millions with the code written first."""
    numeral = read_numeral(tokens, i + 1) if i + 1 < len(tokens) and tokens[i + 1].kind == "num" else None
    if numeral is None or numeral.ordinal or code is None:
        return None
    return Quantity(i, numeral.end, numeral.value * 1e6, "money", code, numeral)
