"""The words of bounds and approximations around a number: "more than 30", "at least 5", "about 20",
"30 or more", "equal or greater than 20", with the qualifier each gives and the side of the value it fills.

Comparisons are written in many regular forms ("greater than or equal to", "equal to or greater than",
"equal or greater than", "greater or equal than"); they are generated here from the comparative words,
so a form learned for one word ("larger") holds for the others ("bigger", "higher").
"""

from __future__ import annotations

from typing import Literal

from citefacts.models import Qualifier

Side = Literal["low", "high", "both"]
"""The end of a NumberValue a bound fills: ``low`` for "at least 30", ``high`` for "up to 700", both for "= 5"."""
Bound = tuple[Qualifier | None, Side | None]
"""A qualifier (approx, at_least, ...) and the side it fills, None for an approximation."""

_GREATER = ("more", "greater", "larger", "higher", "bigger")
_LESS = ("less", "fewer", "smaller", "lower")


def _or_equal(words: tuple[str, ...]) -> list[str]:
    """Every way of writing "<word> than or equal to" with the comparative words given."""
    forms = []
    for word in words:
        forms += [
            f"{word} than or equal to",
            f"equal to or {word} than",
            f"equal or {word} than",
            f"{word} or equal than",
            f"{word} or equal to",
            f"{word} than or equal",
        ]
    return forms


_APPROXIMATE = [
    "approximately",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "some",
    "an estimated",
    "estimated",
    "circa",
    "c .",
    "ca .",
    "~",
    "close to",
    "approx",
    "approx .",
    "an approximate",
    "a reported",
]
_MORE_THAN = [
    *(f"{word} than" for word in _GREATER),
    *[
        "over",
        "above",
        "exceeding",
        "exceed",
        "exceeds",
        "surpass",
        "surpasses",
        "surpassing",
        "in excess of",
        "upwards of",
        "upward of",
        ">",
    ],
    *["well over", "just over", "well above"],
]
_AT_LEAST = [
    *_or_equal(_GREATER),
    *(f"{no} {word} than" for no in ("no", "not") for word in _LESS),
    *["at least", "a minimum of", "minimum of", "> =", "= >", "≥"],
]
_LESS_THAN = [*(f"{word} than" for word in _LESS), *["below", "under", "<", "just under", "well under", "well below"]]
_AT_MOST = [
    *_or_equal(_LESS),
    *(f"{no} {word} than" for no in ("no", "not") for word in _GREATER),
    *["at most", "up to", "a maximum of", "maximum of", "< =", "= <", "≤"],
]
BOUNDS_BEFORE: dict[str, Bound] = {
    **dict.fromkeys(_APPROXIMATE, ("approx", None)),
    **dict.fromkeys(_MORE_THAN, ("more_than", "low")),
    **dict.fromkeys(_AT_LEAST, ("at_least", "low")),
    **dict.fromkeys(_LESS_THAN, ("less_than", "high")),
    **dict.fromkeys(_AT_MOST, ("at_most", "high")),
    **dict.fromkeys(["equal to", "equals", "is equal to", "="], (None, "both")),
}
"""Bound phrases written before a number, lower case, tokens joined by one space."""

BOUNDS_AFTER: dict[str, Bound] = {
    **dict.fromkeys(["or so", "or thereabouts"], ("approx", None)),
    **dict.fromkeys(
        [f"or {word}" for word in (*_GREATER, "above", "over")]
        + ["and more", "or greater than", "and above", "and over", "+", "or more than"],
        ("at_least", "low"),
    ),
    **dict.fromkeys(
        [f"or {word}" for word in (*_LESS, "below")] + ["and below", "and under", "or less than", "or fewer than"],
        ("at_most", "high"),
    ),
}
"""Bound phrases written after a number ("30 or more", "4+")."""
LONGEST_BOUND_BEFORE = max(len(phrase.split()) for phrase in BOUNDS_BEFORE)
