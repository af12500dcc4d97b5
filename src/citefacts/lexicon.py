"""The words of numbers: cardinals, ordinals, fractions and scales, as plain lookup tables.

Kept apart from the parser so the vocabulary can grow without touching the grammar.
"""

from __future__ import annotations

UNIT_WORDS: dict[str, int] = {
    "zero": 0,
    "nought": 0,
    "naught": 0,
    "nil": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEEN_WORDS: dict[str, int] = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3,
    "lakh": 1e5,
    "lac": 1e5,
    "million": 1e6,
    "crore": 1e7,
    "billion": 1e9,
    "trillion": 1e12,
    "quadrillion": 1e15,
    "quintillion": 1e18,
    "sextillion": 1e21,
}
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3,
    "K": 1e3,
    "M": 1e6,
    "mil": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "tln": 1e12,
    "trn": 1e12,
}
"""Abbreviated scales after digits, spaced or not ("10k", "2.33 k", "10 bln"); case matters."""

TIGHT_SCALE_ABBREVIATIONS: dict[str, float] = {"b": 1e9, "B": 1e9, "G": 1e9}
"""Abbreviations read as scales only when written against the digits ("1.2b", "10G")."""

ORDINAL_UNITS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "nineth": 9,
}
ORDINAL_TEENS: dict[str, int] = {
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
ORDINAL_TENS: dict[str, int] = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
}
ORDINAL_SCALES: dict[str, float] = {
    "hundredth": 100,
    "thousandth": 1e3,
    "millionth": 1e6,
    "billionth": 1e9,
    "trillionth": 1e12,
}
HALF_WORDS: dict[str, float] = {"half": 2, "halves": 2, "quarter": 4, "quarters": 4}
"""Fraction words that are not ordinals: the denominator they stand for."""

NEGATIVE_WORDS = frozenset({"minus", "negative"})
DOZEN_WORDS = frozenset({"dozen", "dozens", "doz", "dozs"})
ARTICLE_WORDS = frozenset({"a", "an"})


def ordinal_word(word: str) -> tuple[float, str, bool] | None:
    """An ordinal or fraction word's value, its class (unit/teen/tens/scale) and whether it is plural."""
    lower = word.lower()
    plural = False
    if lower not in _ALL_ORDINALS and lower.endswith("s") and lower[:-1] in _ALL_ORDINALS:
        lower, plural = lower[:-1], True
    for table, group in (
        (ORDINAL_UNITS, "unit"),
        (ORDINAL_TEENS, "teen"),
        (ORDINAL_TENS, "tens"),
        (ORDINAL_SCALES, "scale"),
    ):
        if lower in table:
            return float(table[lower]), "hundred" if lower == "hundredth" else group, plural
    return None


_ALL_ORDINALS = {**ORDINAL_UNITS, **ORDINAL_TEENS, **ORDINAL_TENS, **ORDINAL_SCALES}
