"""The shared vocabulary: number words, month names, stop words, and the one way words are compared.

Kept apart from the stages so the vocabulary can grow without touching a grammar, and so that the
linker and the checker compare words the same way: one word pattern, one stop list, one stemmer
(Snowball's English stemmer, through PyStemmer).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from functools import lru_cache

import Stemmer

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


# --- months ------------------------------------------------------------------------------------------

MONTHS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
"""Month names and abbreviations, lower case -> month number."""

# --- words and stop words ----------------------------------------------------------------------------

WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*|[,()–—]", re.UNICODE)
"""A word (letters, then letters, digits, apostrophes or hyphens), a figure ("3,825", "2.5"), or a
punctuation mark that separates phrases."""

_FUNCTION_WORDS = """a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its it's itself just me more most my myself no nor
not now of off on once only onto or other our ours ourselves out over own same she should so some such than that
the their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom whose why will with would you your yours yourself yourselves also another"""
_QUALIFIER_WORDS = """less fewer least around approximately nearly almost estimated per total number"""
"""Words that qualify a figure rather than say what it counts."""
_CITATION_WORDS = """retrieved pp pdf isbn doi ed eds vol press page pages archived original http https www com
org html htm"""
"""The apparatus of a citation: present in most footnotes, evidence of none."""
STOP_WORDS = frozenset((_FUNCTION_WORDS + " " + _QUALIFIER_WORDS + " " + _CITATION_WORDS).split())
"""Words that say nothing of what a text is about, for every stage that compares words."""

_STEMMER = Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The form words are compared in: lower case, no possessive, Snowball's English stem ("deaths" -> "death")."""
    word = word.lower().replace("’", "'").removesuffix("'s").strip("'-")
    return str(_STEMMER.stemWord(word))


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """The words, figures and phrase-separating marks of ``text[start:end]``, in order."""
    return WORD.finditer(text, start, len(text) if end is None else end)


def content_terms(text: str) -> list[str]:
    """The stems of a text's content words and figures, in order: what retrieval compares."""
    terms = []
    for match in words(text):
        token = match.group().rstrip(",.")
        if len(token) >= 2 and token.lower() not in STOP_WORDS:
            terms.append(stem(token))
    return terms
