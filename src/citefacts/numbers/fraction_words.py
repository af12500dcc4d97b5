"""Fraction and ordinal words, and the small token tests around them ("two thirds", "half a dozen",
"a quarter of a million", "1/4"): what a numeral's reader asks of the tokens ahead, without its state."""

from __future__ import annotations

from typing import Literal, NamedTuple

from citefacts.lexicon import ARTICLE_WORDS, DOZEN_WORDS, HALF_WORDS, SCALE_WORDS, TENS_WORDS, ordinal_word
from citefacts.numbers.tokens import Token

HYPHENS = frozenset("-‐")

OrdinalClass = Literal["half", "unit", "teen", "tens", "hundred", "scale"]
"""What an ordinal or fraction word is: a half or quarter, or the ordinal of a unit ("third"), a teen
("thirteenth"), a tens word ("twentieth", "twenty-first"), "hundredth", or a scale ("millionth")."""
_LEXICON_CLASSES: dict[str, OrdinalClass] = {
    "unit": "unit",
    "teen": "teen",
    "tens": "tens",
    "hundred": "hundred",
    "scale": "scale",
}


class OrdinalWord(NamedTuple):
    """An ordinal or fraction word read at tokens[j:end] ("third", "quarters", "twenty-first")."""

    value: float
    end: int
    plural: bool
    kind: OrdinalClass


def slash_fraction(tokens: list[Token], j: int) -> float | None:
    """The value of "1/4" (or "1 / 4", spaced alike on both sides) written at tokens[j:j+3] (a proper
    fraction), else None."""
    if j + 2 >= len(tokens):
        return None
    top, slash, bottom = tokens[j], tokens[j + 1], tokens[j + 2]
    if slash.text != "/" or bottom.kind != "num" or slash.start - top.end not in (0, 1):
        return None
    if bottom.start - slash.end != slash.start - top.end:
        return None
    chained = j + 3 < len(tokens) and tokens[j + 3].text == "/"
    if slash.start > top.end and (chained or (j > 0 and tokens[j - 1].text == "/")):
        return None  # "3 / 4 / 5" is no fraction
    numerator, denominator = top.value or 0.0, bottom.value or 0.0
    if numerator != int(numerator) or denominator != int(denominator) or not 0 < numerator < denominator <= 100:
        return None
    return numerator / denominator


def takes_article(tokens: list[Token], j: int) -> bool:
    """Whether "a"/"an" before tokens[j] is the number one ("a hundred", "a dozen", "a third")."""
    j = past_hyphen(tokens, j)
    word = tokens[j].lower
    if word == "hundred" or word in SCALE_WORDS or word in DOZEN_WORDS or word in HALF_WORDS:
        return True
    denominator = fraction_word(tokens, j)
    return denominator is not None and denominator.value > 2


def fraction_word(tokens: list[Token], j: int) -> OrdinalWord | None:
    """The ordinal or fraction word at tokens[j] ("third", "quarters", "twenty-first"), or None."""
    word = tokens[j].lower
    if word in HALF_WORDS:
        return OrdinalWord(HALF_WORDS[word], j + 1, word.endswith("s") or word == "halves", "half")
    found = ordinal_word(word)
    if found is not None:
        value, lexicon_class, plural = found
        return OrdinalWord(value, j + 1, plural, _LEXICON_CLASSES[lexicon_class])
    if word not in TENS_WORDS or j + 1 >= len(tokens):
        return None
    k = j + 2 if tokens[j + 1].text == "-" and tokens[j + 1].start == tokens[j].end else j + 1
    unit = ordinal_word(tokens[k].text) if k < len(tokens) else None
    if unit and unit[1] == "unit" and (k == j + 1 or tokens[k].start == tokens[k - 1].end):
        return OrdinalWord(TENS_WORDS[word] + unit[0], k + 1, unit[2], "tens")  # twenty-first, thirty fifths
    return None


def half_a_dozen(tokens: list[Token], j: int) -> int | None:
    """Where "a dozen" or "dozen" after a "half" ending at j ends ("half a dozen", "half-a-dozen", "half-dozen",
    "a half dozen")."""
    j = past_hyphen(tokens, j)
    if j < len(tokens) and tokens[j].lower in ARTICLE_WORDS:
        j = past_hyphen(tokens, j + 1)
    return j + 1 if j < len(tokens) and tokens[j].lower in ("dozen", "doz") else None


def past_hyphen(tokens: list[Token], j: int) -> int:
    """j, or the index after a hyphen written tight between two words at j ("one-and-a-half")."""
    if 0 < j < len(tokens) - 1 and tokens[j].text in HYPHENS and tokens[j - 1].end == tokens[j].start:
        return j + 1 if tokens[j + 1].start == tokens[j].end else j
    return j


def scale_follows(tokens: list[Token], j: int) -> bool:
    """Whether a scale word ("million", "billion") stands at tokens[j]."""
    return j < len(tokens) and tokens[j].lower in SCALE_WORDS


def scale_after(tokens: list[Token], j: int) -> int | None:
    """Where the scale word a fraction ending at j takes is: right there ("quarter million") or after
    "a" or "of a" ("half a million", "a quarter of a million")."""
    k = j + (j < len(tokens) and tokens[j].lower == "of")
    k += k < len(tokens) and tokens[k].lower in ARTICLE_WORDS
    return k if scale_follows(tokens, k) else None
