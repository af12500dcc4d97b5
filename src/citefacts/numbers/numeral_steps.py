"""The numeral reader's state and its steps: what one token does to a numeral being read.

Digits, a number word, "hundred", a scale, a hyphen, an ordinal or fraction word, or a spoken decimal
point each may follow only some parts ("fifty two" but not "two fifty"); a step that cannot take its
token ends the numeral. The loop over the steps, and the joins that read a second numeral, are in
``numeral``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from citefacts.lexicon import (
    NEGATIVE_WORDS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    TEEN_WORDS,
    TENS_WORDS,
    TIGHT_SCALE_ABBREVIATIONS,
    UNIT_WORDS,
)
from citefacts.numbers.fraction_words import (
    OrdinalWord,
    fraction_word,
    half_a_dozen,
    scale_after,
    scale_follows,
    slash_fraction,
)
from citefacts.numbers.tokens import Token

Part = Literal["a", "unit", "teen", "tens", "num", "frac", "hundred", "scale", "dozen", "and"]
"""What the last token read was: the article "a" (as in "a hundred"), a unit, teen or tens word
("seven", "seventeen", "seventy"), digits, a fraction, "hundred", a scale word, "dozen", or an "and"
inside the numeral ("one hundred and six")."""

SMALL_WORDS = {**UNIT_WORDS, **TEEN_WORDS, **TENS_WORDS}
MAY_FOLLOW: dict[str, frozenset[Part | None]] = {
    "unit": frozenset({None, "tens", "hundred", "scale", "and"}),
    "teen": frozenset({None, "hundred", "scale", "and"}),
    "tens": frozenset({None, "hundred", "scale", "and"}),
}
"""The parts a unit, teen or tens word may follow ("fifty two", "hundred and six"), None at the start."""
_SIGN_BEFORE = frozenset("<>=(~[$€£¥")


@dataclass(frozen=True)
class Numeral:
    """A numeral read from tokens[start:end]: its value, and whether it is an ordinal or a bare fraction."""

    start: int
    end: int
    value: float
    ordinal: bool = False
    fraction: bool = False
    scale: float | None = None


@dataclass
class NumeralState:
    """What has been read so far: completed scale groups, the group below them, and the last token's part."""

    total: float = 0.0
    group: float = 0.0
    last: Part | None = None
    last_scale: float | None = None
    end: int | None = None
    count: int = 0
    ordinal_only: bool = False
    between: bool = False
    proper: bool = False
    digits: bool = False

    @property
    def value(self) -> float:
        return self.total + self.group

    def took(self, part: Part, j: int) -> int:
        """Record that tokens[j] was read as ``part``; the index to read next."""
        self.last, self.end = part, j + 1
        self.count += 1
        return j + 1


def read_sign(tokens: list[Token], i: int) -> tuple[float, int]:
    """-1 and the next index when tokens[i] is a minus sign or word before a number, else (1, i)."""
    token = tokens[i]
    if i + 1 >= len(tokens):
        return 1.0, i
    after = tokens[i + 1]
    if token.lower in NEGATIVE_WORDS:
        return -1.0, i + 1
    if token.text in "-−–" and after.kind == "num" and not after.ordinal:
        before = tokens[i - 1] if i else None
        spaced_before = before is None or before.end < token.start or before.text in _SIGN_BEFORE
        if token.text == "–" and (after.start > token.end or (before is not None and is_number_token(before))):
            return 1.0, i  # an en dash is a minus only against its digits, after no number ("fell to –5")
        if spaced_before and (after.start == token.end or before is None):
            return -1.0, i + 1
    return 1.0, i


def signed(numeral: Numeral, start: int, sign: float) -> Numeral:
    """The numeral with its sign applied, starting at the sign's token."""
    return Numeral(start, numeral.end, sign * numeral.value, numeral.ordinal, numeral.fraction, numeral.scale)


def step_digits(tokens: list[Token], j: int, state: NumeralState) -> int | Numeral | None:
    """Digits: a number alone, an ordinal ("21st"), a slash fraction ("2 1/2"), or the units after a word."""
    token = tokens[j]
    value = token.value or 0.0
    state.digits = True
    if token.ordinal:
        if state.last is None:
            return Numeral(j, j + 1, value, ordinal=True)
        return None
    fraction = slash_fraction(tokens, j)
    if fraction is not None:
        if state.last is None or (state.last == "num" and state.group == int(state.group) and state.count == 1):
            state.proper = state.last is None
            state.group += fraction
            state.last, state.end = "frac", j + 3
            return j + 3
        return None
    if state.last == "num" and 0 < value < 1 and token.start == tokens[j - 1].end and value != int(value):
        state.group += value  # 2¾
        return state.took("frac", j)
    if state.last is None:
        state.group = value
        return state.took("num", j)
    if state.last in ("hundred", "and") and value < 100 and value == int(value):
        state.group += value
        return state.took("num", j)
    if state.last == "scale" and state.last_scale is not None and value < state.last_scale and value == int(value):
        state.group += value
        return state.took("num", j)
    return None


def step_hyphen(tokens: list[Token], j: int, state: NumeralState) -> int | None:
    """Skip the hyphen of "twenty-one" or "fifty-four"; anything else ends the numeral."""
    token = tokens[j]
    if token.text not in "-‐" or j + 1 >= len(tokens):
        return None
    after = tokens[j + 1]
    tight = after.start == token.end and token.start == tokens[j - 1].end
    if state.last in ("hundred", "scale"):
        return j + 1 if tight and _joins_after_scale(tokens, j + 1, state) else None
    if state.last not in ("unit", "teen", "tens", "num", "a"):
        return None
    if tight and (state.last == "a" or (after.lower == "and" and state.last != "num")):
        return j + 1  # "one-and-a-half"
    if tight and (after.lower == "hundred" or after.lower in SCALE_WORDS):
        return j + 1  # 100-thousand, two-hundred
    if state.last == "num":
        return None
    spaced = after.start > token.end and token.start > tokens[j - 1].end  # "ninety - five", as tokenized text has it
    if (tight or spaced) and state.last == "tens" and (after.lower in UNIT_WORDS or fraction_word(tokens, j + 1)):
        return j + 1
    denominator = fraction_word(tokens, j + 1)
    loose = denominator is not None and (denominator.plural or denominator.kind == "half" or state.value == 1)
    proper = denominator is not None and (denominator.value > 2 or denominator.kind == "half")
    if proper and (tight or loose):
        return j + 1  # two-thirds, one - fourth
    return None


def _joins_after_scale(tokens: list[Token], k: int, state: NumeralState) -> bool:
    """Whether the word after a tight hyphen continues a numeral that ended on "hundred" or a scale:
    "and" ("a thousand-and-one"), a larger scale ("five-hundred-thousand"), or after "hundred" the tens
    and units of the same number ("two-hundred-fifty"), but not a second number ("two hundred-three hundred")."""
    word = tokens[k].lower
    if word == "and":
        return True
    if word in SCALE_WORDS:
        return state.last == "hundred"
    if state.last != "hundred" or word not in SMALL_WORDS:
        return False
    k += 1
    if k + 1 < len(tokens) and tokens[k].text in "-‐" and tokens[k + 1].lower in UNIT_WORDS:
        k += 2  # "two-hundred-forty-five"
    return k >= len(tokens) or not (tokens[k].lower == "hundred" or tokens[k].lower in SCALE_WORDS)


def step_hundred(state: NumeralState, j: int) -> int | None:
    """ "hundred": a hundred, or the group so far times a hundred ("three hundred", "322 hundred")."""
    whole_digits = state.last == "num" and state.total == 0 and state.group == int(state.group)
    if state.last is None or state.last == "a":
        state.group = 100.0
    elif state.last in ("unit", "teen", "tens", "num") and (0 < state.group < 100 or (whole_digits and state.group)):
        state.group *= 100
    else:
        return None
    return state.took("hundred", j)


def scale_at(tokens: list[Token], j: int, state: NumeralState) -> float | None:
    """The scale tokens[j] stands for, here: a scale word, or an abbreviation right after digits."""
    token = tokens[j]
    if token.lower in SCALE_WORDS:
        return SCALE_WORDS[token.lower]
    if token.lower[:-1] in SCALE_WORDS and token.lower.endswith("s") and state.last not in (None, "a"):
        return SCALE_WORDS[token.lower[:-1]]  # "1.5 millions", "two thousands"
    if state.last != "num" or j == 0:
        return None
    tight = tokens[j - 1].end == token.start
    if token.text in SCALE_ABBREVIATIONS and (tight or tokens[j - 1].end + 1 == token.start):
        return SCALE_ABBREVIATIONS[token.text]
    if tight and token.text in TIGHT_SCALE_ABBREVIATIONS:
        return TIGHT_SCALE_ABBREVIATIONS[token.text]
    return None


def step_scale(state: NumeralState, scale: float, j: int) -> int | None:
    """A scale: it multiplies the group below it ("three million") or a smaller scale ("thousand million")."""
    if state.last in (None, "a"):
        state.total += scale
    elif state.last == "scale" and state.group == 0 and state.last_scale is not None and scale > state.last_scale:
        state.total *= scale
    elif state.last in ("unit", "teen", "tens", "num", "hundred", "frac", "dozen"):
        if state.last_scale is not None and scale >= state.last_scale:
            return None
        state.total += state.group * scale
        state.group = 0.0
    else:
        return None
    state.last_scale = scale
    return state.took("scale", j)


def step_ordinal(
    tokens: list[Token], j: int, state: NumeralState, denominator: OrdinalWord, bare_fraction: bool
) -> Numeral | None:
    """Finish on an ordinal word: "two thirds" and "a fifth" are fractions, "twenty-first" an ordinal."""
    value, end, plural, kind = denominator
    if state.ordinal_only:
        plural, bare_fraction = False, False
        if kind == "half":
            return None
    single = state.last == "a" or (state.count == 1 and state.value == 1 and state.last == "unit")
    if state.ordinal_only and state.count > 0:
        single = False
    if kind == "half" or plural:
        dozen_end = half_a_dozen(tokens, end) if kind == "half" and not plural else None
        if dozen_end is not None:
            return Numeral(0, dozen_end, state.value * 6 if state.end is not None else 6.0)
        bare = state.end is None and state.last != "a"
        if bare and (plural or not (bare_fraction or scale_after(tokens, end) is not None)):
            return None
        numerator = state.value if state.end is not None else 1.0
        return then_scale(tokens, Numeral(0, end, numerator / value, fraction=True))
    if single and value > 2:
        noun_follows = end < len(tokens) and tokens[end].kind == "word" and tokens[end].lower != "of"
        if state.last == "a" and noun_follows and not scale_follows(tokens, end):
            return None  # "a fifth term" is an ordinal, read from the ordinal word on
        return then_scale(tokens, Numeral(0, end, 1.0 / value, fraction=True))
    if kind == "hundred":
        if step_hundred(state, j) is None:
            return None
    elif kind == "scale":
        if step_scale(state, value, j) is None:
            return None
    elif state.last in MAY_FOLLOW[kind] and state.last != "a":
        state.group += value
    else:
        return None
    return Numeral(0, end, state.value, ordinal=True)


def then_scale(tokens: list[Token], fraction: Numeral) -> Numeral:
    """A fraction followed by a scale word is that part of it ("quarter million", "three quarters billion",
    "a quarter of a million")."""
    end = scale_after(tokens, fraction.end)
    if end is not None:
        scale = SCALE_WORDS[tokens[end].lower]
        return Numeral(0, end + 1, fraction.value * scale, fraction=True, scale=scale)
    return fraction


def step_point(tokens: list[Token], j: int, state: NumeralState) -> Numeral | None:
    """ "two hundred point seventy-one", "nine point nought four": digits after a spoken decimal point."""
    digits, k = "", j + 1
    while k < len(tokens):
        word = tokens[k].lower
        if word in UNIT_WORDS:
            digits += str(UNIT_WORDS[word])
        elif word in TEEN_WORDS or word in TENS_WORDS:
            digits += str(SMALL_WORDS[word])
        elif word == "-" and digits.endswith("0") and k + 1 < len(tokens) and tokens[k + 1].lower in UNIT_WORDS:
            digits = digits[:-1]
        elif tokens[k].kind == "num" and tokens[k].text.isdigit():
            digits += tokens[k].text
        else:
            break
        k += 1
    if not digits or state.last in ("scale", "frac"):
        return None
    value = state.value + float("0." + digits)
    if scale_follows(tokens, k) and state.last_scale is None:
        return Numeral(0, k + 1, value * SCALE_WORDS[tokens[k].lower], scale=SCALE_WORDS[tokens[k].lower])
    return Numeral(0, k, value)


def is_number_token(token: Token) -> bool:
    """Whether a token is a number by itself: digits or a number word ("222", "four")."""
    return token.kind == "num" or token.lower in SMALL_WORDS
