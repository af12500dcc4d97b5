"""Numbers: cardinals, ranges, money, percentages and quantities, normalized to values.

Detection starts from spaCy's numeric entities; a year or a date's digits are left to dates.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from citefacts.found import Found
from citefacts.models import NumberValue

NUMERIC_LABELS = {
    "CARDINAL": "cardinal",
    "MONEY": "money",
    "PERCENT": "percent",
    "QUANTITY": "quantity",
    "ORDINAL": "ordinal",
}

WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
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
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "a": 1,
    "an": 1,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1e12}
QUALIFIERS = [
    (
        re.compile(
            r"^(?:approximately|about|around|roughly|nearly|almost|some|an estimated|estimated|circa|c\.|~)\s+", re.I
        ),
        "approx",
    ),
    (re.compile(r"^(?:at least|no fewer than|no less than)\s+", re.I), "at_least"),
    (re.compile(r"^(?:more than|over|above|in excess of|upwards of)\s+", re.I), "more_than"),
    (re.compile(r"^(?:at most|up to|no more than)\s+", re.I), "at_most"),
    (re.compile(r"^(?:less than|fewer than|under|below)\s+", re.I), "less_than"),
]
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?|\d*\.\d+"
_RANGE = re.compile(rf"(?P<low>{_NUMBER})\s*(?:–|—|-|to|and)\s*(?P<high>{_NUMBER})")
_CURRENCY = {"$": "USD", "US$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP"}


def find_numbers(doc: Doc, taken: list[Found]) -> list[Found]:
    """Numeric expressions in a parsed text that are not part of an already found date."""
    found = []
    for ent in doc.ents:
        kind = NUMERIC_LABELS.get(ent.label_)
        if kind is None:
            continue
        start, end = ent.start_char, ent.end_char
        if any(t.start < end and start < t.end for t in taken):
            continue
        value = parse_number(doc.text[start:end], kind)
        if value is not None:
            found.append(Found(start, end, ent.label_, value))
    return found


def parse_number(text: str, kind: str = "cardinal") -> NumberValue | None:
    """A NumberValue for a numeric expression, or None when no number can be read from it."""
    rest = " ".join(text.split())
    qualifier = None
    for pattern, name in QUALIFIERS:
        match = pattern.match(rest)
        if match:
            qualifier, rest = name, rest[match.end() :]
            break
    if rest.endswith("+"):
        qualifier = qualifier or "at_least"
    unit = _unit(rest, kind)
    scale = _scale(rest)
    ranged = _RANGE.search(rest)
    if ranged and kind != "ordinal":
        low, high = _float(ranged["low"]) * scale, _float(ranged["high"]) * scale
        if low < high:
            return NumberValue(number_kind="range", low=low, high=high, unit=unit, qualifier=qualifier)
    digits = re.search(_NUMBER, rest)
    if digits:
        value = _float(digits.group()) * scale
    else:
        words = words_to_number(rest)
        if words is None:
            return None
        value = words
    number_kind = kind if kind in ("money", "percent", "quantity", "ordinal") else "cardinal"
    return NumberValue(number_kind=number_kind, value=value, unit=unit, qualifier=qualifier)  # type: ignore[arg-type]


def _float(text: str) -> float:
    return float(text.replace(",", ""))


def _scale(text: str) -> float:
    match = re.search(r"\b(hundred|thousand|million|billion|trillion)\b", text, re.I)
    if match and re.search(r"\d", text):
        return float(SCALES[match.group(1).lower()])
    return 1.0


def _unit(text: str, kind: str) -> str | None:
    if kind == "percent":
        return "%"
    if kind == "money":
        for symbol, code in _CURRENCY.items():
            if symbol in text:
                return code
        return None
    tail = re.sub(rf"^.*?(?:{_NUMBER})\s*", "", text) if re.search(r"\d", text) else ""
    tail = re.sub(r"^(?:hundred|thousand|million|billion|trillion)\s*", "", tail, flags=re.I)
    return tail or None if kind == "quantity" else None


def words_to_number(text: str) -> float | None:
    """The value of a number written in words ("two hundred", "three million"), or None."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower()) if t and t != "and"]
    total, current, seen = 0.0, 0.0, False
    for token in tokens:
        if token in WORDS:
            current += WORDS[token]
            seen = True
        elif token in SCALES:
            current = max(current, 1.0) * SCALES[token]
            if SCALES[token] >= 1000:
                total, current = total + current, 0.0
            seen = True
        elif seen:
            break
    return total + current if seen else None
