"""Tokens for number reading: digit literals with their value, words and single symbols.

spaCy's tokenizer splits "10k" or "1,3" differently from how numbers read, so number detection
works on its own small token stream over the raw text; offsets index that text exactly.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

TokenKind = Literal["num", "word", "sym"]

_SPACES = " \u00a0\u202f\u2009"
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?![\d])"  # 1,234,567
    rf"|\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?![\d,.])"  # 40 000, 40\u202f000
    r"|\d+)(?:\.\d+)?"
    r"|\.\d+"
)
_POWER = r"(?P<power>[eE][+-]?\d+(?![\w])|\s?[x×]\s?10\^(?P<exp10>[+-]?\d+)|\^(?P<exp>[+-]?\d+))?"
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
            tokens.append(Token(text[start:end], start, end, "num", _digit_value(match), ordinal))
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
    base = float(re.sub(rf"[,{_SPACES}]", "", base_text))
    if match["exp10"] is not None:
        return base * 10.0 ** int(match["exp10"])
    if match["exp"] is not None:
        try:
            return float(base ** int(match["exp"]))
        except OverflowError:
            return base
    if match["power"]:
        return float(base_text.replace(",", "") + match["power"])
    return base
