"""Tokens for number reading: digit literals with their value, words and single symbols.

spaCy's tokenizer splits "10k" or "1,3" differently from how numbers read, so number detection
works on its own small token stream over the raw text; offsets index that text exactly.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

TokenKind = Literal["num", "word", "sym"]

_SPACES = " \u00a0\u202f\u2009"
_DIGITS = (
    r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d.,])"  # 1.234.567 and 1.234.567,89 (continental)
    r"|\d{1,3}\.\d{3},\d{1,2}(?![\d.,])"  # 5.000,00 (continental)
    r"|\d{1,3}(?:['’]\d{3})+(?:\.\d+)?(?![\d'’])"  # 1'234'567 (Swiss)
    rf"|\d{{1,3}}(?:[{_SPACES}]\d{{3}})+,\d{{1,2}}(?![\d.,])"  # 1 234,5 (French)
    r"|(?<!\d,)\d+,\d{1,2}(?![\d‐-]|,\d)"  # 1,5: a decimal comma, not a list or 1,3-diene
    r"|(?<![\d,])0,\d+(?![\d‐-]|,\d)"  # 0,125: no thousands group starts with a zero
    r"|(?:\d{1,3}(?:,\d{3})+(?![\d])"  # 1,234,567
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?![\d])"  # 12,34,567 (Indian lakhs)
    rf"|\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?!\d|,\d)"  # 40 000, 40\u202f000, "1 000." at a sentence's end
    r"|\d+)(?:\.\d+)?"
    r"|(?<![^\W\d_])\.\d+"  # .75, but not the "1" of "Rs.1" or "No.1"
)
_CONTINENTAL = re.compile(r"^\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?$|^\d{1,3}\.\d{3},\d+$|^\d+,\d{1,2}$|^0,\d+$")
"""Digits written with a decimal comma, and dots (if any) grouping thousands."""
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_POWER = (
    r"(?P<power>[eE][+\-−]?\d+(?![\w])"  # 1.2e-5
    r"|\s?[x×·*]\s?10(?:\^(?P<exp10>[+\-−]?\d+)|−(?P<minus10>\d+)(?![\w])"  # 3 x 10^8, 2.48×10−5
    rf"|(?P<sup10>⁻?[{_SUPERSCRIPTS}]+))"  # 6.02×10²³
    r"|\^(?P<exp>[+\-−]?\d+)"  # 2.5^-1
    rf"|(?P<sup>⁻?[{_SUPERSCRIPTS}]+))?"  # 10⁶
)
_SUPERSCRIPT_DIGITS = str.maketrans(_SUPERSCRIPTS + "⁻−", "0123456789--")
_ORDINAL_SUFFIX = r"(?:(?P<ord>st|nd|rd|th)(?![^\W\d_]))?"
_TOKEN = re.compile(
    rf"(?P<num>(?<!\d)(?:{_DIGITS}){_POWER}){_ORDINAL_SUFFIX}"
    r"|(?P<vulgar>[\u00bc-\u00be\u2150-\u215e])"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<sym>\S)"
)


@dataclass(frozen=True)
class Token:
    """One token: its text and offsets in the raw text, and for digits their value."""

    text: str
    start: int
    end: int
    kind: TokenKind
    value: float | None = None
    ordinal: bool = False
    lower: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower", self.text.lower())  # read on every parser step: computed once


def tokenize(text: str) -> list[Token]:
    """The text's tokens in order: digit literals (read with separators, decimals, powers), words, symbols."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if match["num"] is not None:
            ordinal = match["ord"] is not None
            if ordinal and ("." in match["num"] or match["power"]):
                end = match.end("num")
                ordinal = False
            value = _digit_value(match)
            if not math.isfinite(value):  # past a float's range ("1e999", 330 nines): no figure to write out
                tokens.append(Token(text[start:end], start, end, "word"))
                continue
            tokens.append(Token(text[start:end], start, end, "num", value, ordinal))
        elif match["vulgar"] is not None:
            tokens.append(Token(match["vulgar"], start, end, "num", unicodedata.numeric(match["vulgar"])))
        elif match["word"] is not None:
            tokens.append(Token(match["word"], start, end, "word"))
        else:
            tokens.append(Token(match["sym"], start, end, "sym"))
    return tokens


def _digit_value(match: re.Match[str]) -> float:
    """The value of a digit literal, with its separators dropped and any power applied."""
    base_text = match["num"]
    if match["power"]:
        base_text = base_text[: len(base_text) - len(match["power"])]
    digits = re.sub(rf"['’{_SPACES}]", "", base_text)
    if _CONTINENTAL.match(digits):
        digits = digits.replace(".", "").replace(",", ".")
    digits = digits.replace(",", "")
    base = float(digits)
    ten = match["exp10"] or match["sup10"] or (match["minus10"] and "-" + match["minus10"])
    if ten:
        return float(f"{digits}e{_exponent(ten)}")
    power = match["exp"] or match["sup"]
    if power:
        try:
            return float(base ** _exponent(power))
        except OverflowError:
            return math.inf  # 10^400: past a float's range, not 10
        except ZeroDivisionError:
            return base
    if match["power"]:
        return float(f"{digits}e{_exponent(match['power'][1:])}")
    return base


def _exponent(text: str) -> int:
    """An exponent written with ASCII, Unicode or superscript digits and signs."""
    return int(text.translate(_SUPERSCRIPT_DIGITS))
