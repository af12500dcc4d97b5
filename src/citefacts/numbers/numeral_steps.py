"""Reading one numeral from tokens: digits, number words, or both ("3.5 million", "two hundred and six").

A small state machine: each token may follow only some others ("fifty two" but not "two fifty"),
so a run of numbers splits where English would ("4000 3 hundred" is two numbers). Fractions
("two thirds", "one and a half", "3 million and a half") and ordinals ("twenty-first") are read here too.
"""

from __future__ import annotations

from dataclasses import dataclass

from citefacts.lexicon import (
    ARTICLE_WORDS,
    DOZEN_WORDS,
    NEGATIVE_WORDS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    TEEN_WORDS,
    TENS_WORDS,
    TIGHT_SCALE_ABBREVIATIONS,
    UNIT_WORDS,
)
from citefacts.numbers.fraction_words import (
    fraction_word,
    half_a_dozen,
    past_hyphen,
    scale_after,
    scale_follows,
    slash_fraction,
    takes_article,
)
from citefacts.numbers.tokens import Token
from citefacts.numbers.units import time_unit, unit_symbol, unit_word

_SMALL_WORDS = {**UNIT_WORDS, **TEEN_WORDS, **TENS_WORDS}
_FOLLOWS = {
    "unit": {None, "tens", "hundred", "scale", "and"},
    "teen": {None, "hundred", "scale", "and"},
    "tens": {None, "hundred", "scale", "and"},
}
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
class _State:
    """What has been read so far: completed scale groups, the group below them, and the last token's class."""

    total: float = 0.0
    group: float = 0.0
    last: str | None = None
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


def read_numeral(
    tokens: list[Token], i: int, bare_fraction: bool = False, ordinal_only: bool = False
) -> Numeral | None:
    """The numeral starting at tokens[i], or None; ``bare_fraction`` also reads "half" alone.

    ``ordinal_only`` reads an ordinal word as an ordinal even in the plural ("hundred fifths" as 105th),
    as the denominator of a spelled-out fraction is read.
    """
    sign, j = _sign(tokens, i)
    state = _State(ordinal_only=ordinal_only, between=i > 0 and tokens[i - 1].lower == "between")
    while j < len(tokens):
        outcome = _step(tokens, j, state, bare_fraction)
        if isinstance(outcome, Numeral):
            return _signed(outcome, i, sign)
        if outcome is None:
            break
        j = outcome
    if state.end is None:
        return None
    fraction = None if ordinal_only else _over_ordinal(tokens, state)
    if fraction is not None:
        return _signed(fraction, i, sign)
    scale = state.last_scale if state.last == "scale" else None
    return Numeral(i, state.end, sign * state.value, fraction=_slash_alone(state), scale=scale)


def _slash_alone(state: _State) -> bool:
    """Whether all that was read is a proper slash fraction, with or without a scale ("4/5", "1/2 million"),
    which "1 and" before it adds to."""
    return state.proper and (state.last, state.count) in (("frac", 0), ("scale", 1))


def _over_ordinal(tokens: list[Token], state: _State) -> Numeral | None:
    """A spelled-out numerator over a compound ordinal: "one one hundred fifth", "three two hundredths".

    The numerator stops where the next number word cannot continue it; what follows must be an ordinal of
    two words or more (one word is read as a denominator already), in the plural unless the numerator is one.
    """
    j = state.end
    if j is None or j >= len(tokens) or state.last not in ("unit", "teen", "tens", "hundred", "scale"):
        return None
    if tokens[j].kind != "word" or tokens[j].start - tokens[j - 1].end > 1:
        return None
    denominator = read_numeral(tokens, j, ordinal_only=True)
    if denominator is None or not denominator.ordinal or denominator.end - j < 2 or denominator.value <= 2:
        return None
    plural = tokens[denominator.end - 1].lower.endswith("s")
    if not plural and state.value != 1:
        return None
    return Numeral(0, denominator.end, state.value / denominator.value, fraction=True)


def _signed(numeral: Numeral, start: int, sign: float) -> Numeral:
    return Numeral(start, numeral.end, sign * numeral.value, numeral.ordinal, numeral.fraction, numeral.scale)


def _sign(tokens: list[Token], i: int) -> tuple[float, int]:
    """-1 and the next index when tokens[i] is a minus sign or word before a number, else (1, i)."""
    token = tokens[i]
    if i + 1 >= len(tokens):
        return 1.0, i
    after = tokens[i + 1]
    if token.lower in NEGATIVE_WORDS:
        return -1.0, i + 1
    if token.text in "-−" and after.kind == "num" and not after.ordinal:
        before = tokens[i - 1] if i else None
        spaced_before = before is None or before.end < token.start or before.text in _SIGN_BEFORE
        if spaced_before and (after.start == token.end or before is None):
            return -1.0, i + 1
    return 1.0, i


def _step(tokens: list[Token], j: int, state: _State, bare_fraction: bool) -> int | Numeral | None:
    """Consume tokens[j] into the state: the next index, a finished Numeral, or None to stop."""
    token = tokens[j]
    word = token.lower
    if token.kind == "num":
        return _digits(tokens, j, state)
    if token.kind == "sym" and token.text == "&" and state.end is not None:
        return _and(tokens, j, state)
    if token.kind == "sym" and token.text == "," and state.last == "scale":
        return _comma_group(tokens, j, state)
    if token.kind == "sym":
        return _hyphen(tokens, j, state)
    denominator = fraction_word(tokens, j)
    if denominator is not None:
        return _ordinal_or_fraction(tokens, j, state, denominator, bare_fraction)
    if word in _SMALL_WORDS:
        kind = "unit" if word in UNIT_WORDS else "teen" if word in TEEN_WORDS else "tens"
        if state.last not in _FOLLOWS[kind]:
            return None
        state.group += _SMALL_WORDS[word]
        return _took(state, kind, j)
    if word == "hundred":
        return _hundred(state, j)
    scale = _scale_of(tokens, j, state)
    if scale is not None:
        return _scale(state, scale, j)
    if word in DOZEN_WORDS and state.last in ("unit", "teen", "tens", "num", "a"):
        state.group = max(state.group, 1.0) * 12
        return _took(state, "dozen", j)
    if word in ARTICLE_WORDS and state.last is None and j + 1 < len(tokens) and takes_article(tokens, j + 1):
        state.last = "a"
        return j + 1
    if word == "and" and state.end is not None:
        return _and(tokens, j, state)
    if word == "point" and state.end is not None:
        return _point(tokens, j, state)
    if word in ("over", "out", "in") and state.end is not None:
        return _ratio(tokens, j, state)
    return None


def _took(state: _State, kind: str, j: int) -> int:
    state.last, state.end = kind, j + 1
    state.count += 1
    return j + 1


def _digits(tokens: list[Token], j: int, state: _State) -> int | Numeral | None:
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
        return _took(state, "frac", j)
    if state.last is None:
        state.group = value
        return _took(state, "num", j)
    if state.last in ("hundred", "and") and value < 100 and value == int(value):
        state.group += value
        return _took(state, "num", j)
    if state.last == "scale" and state.last_scale is not None and value < state.last_scale and value == int(value):
        state.group += value
        return _took(state, "num", j)
    return None


def _hyphen(tokens: list[Token], j: int, state: _State) -> int | None:
    """Skip the hyphen of "twenty-one" or "fifty-four"; anything else ends the numeral."""
    token = tokens[j]
    if token.text not in "-‐" or j + 1 >= len(tokens) or state.last not in ("unit", "teen", "tens", "num", "a"):
        return None
    after = tokens[j + 1]
    tight = after.start == token.end and token.start == tokens[j - 1].end
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
    loose = denominator is not None and (denominator[2] or denominator[3] == "half" or state.value == 1)
    proper = denominator is not None and (denominator[0] > 2 or denominator[3] == "half")
    if proper and (tight or loose):
        return j + 1  # two-thirds, one - fourth
    return None


def _hundred(state: _State, j: int) -> int | None:
    if state.last is None or state.last == "a":
        state.group = 100.0
    elif state.last in ("unit", "teen", "tens", "num") and 0 < state.group < 100:
        state.group *= 100
    else:
        return None
    return _took(state, "hundred", j)


def _scale_of(tokens: list[Token], j: int, state: _State) -> float | None:
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


def _scale(state: _State, scale: float, j: int) -> int | None:
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
    return _took(state, "scale", j)


def _ordinal_or_fraction(
    tokens: list[Token], j: int, state: _State, denominator: tuple[float, int, bool, str], bare_fraction: bool
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
        return _then_scale(tokens, Numeral(0, end, numerator / value, fraction=True))
    if single and value > 2:
        noun_follows = end < len(tokens) and tokens[end].kind == "word" and tokens[end].lower != "of"
        if state.last == "a" and noun_follows and not scale_follows(tokens, end):
            return None  # "a fifth term" is an ordinal, read from the ordinal word on
        return _then_scale(tokens, Numeral(0, end, 1.0 / value, fraction=True))
    if kind == "hundred":
        if _hundred(state, j) is None:
            return None
    elif kind == "scale":
        if _scale(state, value, j) is None:
            return None
    elif state.last in _FOLLOWS[kind] and state.last != "a":
        state.group += value
    else:
        return None
    return Numeral(0, end, state.value, ordinal=True)


def _then_scale(tokens: list[Token], fraction: Numeral) -> Numeral:
    """A fraction followed by a scale word is that part of it ("quarter million", "three quarters billion",
    "a quarter of a million")."""
    end = scale_after(tokens, fraction.end)
    if end is not None:
        scale = SCALE_WORDS[tokens[end].lower]
        return Numeral(0, end + 1, fraction.value * scale, fraction=True, scale=scale)
    return fraction


def _and(tokens: list[Token], j: int, state: _State) -> int | Numeral | None:
    """ "and" joins "one hundred and six"; before a fraction it adds it ("one and a half", "3 million and a half")."""
    k = past_hyphen(tokens, j + 1)  # "one-and-a-half"
    if k >= len(tokens):
        return None
    tail = read_numeral(tokens, k)
    if (
        tail is not None
        and tail.fraction
        and state.last != "frac"
        and not (state.between and tokens[j + 1].kind == "num")
    ):
        part = tail.value
        if tail.scale is None and state.last == "scale" and state.last_scale is not None:
            part *= state.last_scale
        elif tail.scale is None and state.last == "dozen":
            part *= 12  # "a dozen and a half"
        elif tail.scale is not None and state.last != "scale":  # "one and a half million": the scale takes both
            return Numeral(0, tail.end, state.value * tail.scale + part, scale=tail.scale)
        return Numeral(0, tail.end, state.value + part)
    after = tokens[j + 1]
    ordinal = fraction_word(tokens, j + 1)
    small = after.lower in _SMALL_WORDS or (after.kind == "num" and (after.value or 0) < 100)
    small = small or (ordinal is not None and ordinal[3] in ("unit", "teen", "tens") and not ordinal[2])
    if state.last in ("hundred", "scale") and small and not after.ordinal and not _range_end(tokens, j, state):
        state.last = "and"
        return j + 1
    return None


def _range_end(tokens: list[Token], j: int, state: _State) -> bool:
    """Whether, after "between", the "and" at j opens the range's upper end ("between one hundred and two
    hundred"), rather than adding units ("between one hundred and two and three hundred")."""
    if not state.between:
        return False
    upper = read_numeral(tokens, j + 1)
    return upper is not None and upper.value > state.value


def _comma_group(tokens: list[Token], j: int, state: _State) -> Numeral | None:
    """A comma between spelled-out scale groups: "three million, two hundred and forty"."""
    if j + 1 >= len(tokens) or tokens[j + 1].kind != "word" or state.digits or state.last_scale is None:
        return None
    tail = read_numeral(tokens, j + 1)
    if tail is None or tail.ordinal or tail.fraction or not 0 < tail.value < state.last_scale or tail.end - j < 3:
        return None  # a lone word after the comma ("$2.5 million, one of the highest") starts a new phrase
    if any(t.kind == "num" for t in tokens[j + 1 : tail.end]):
        return None
    return Numeral(0, tail.end, state.value + tail.value)


def _point(tokens: list[Token], j: int, state: _State) -> Numeral | None:
    """ "two hundred point seventy-one", "nine point nought four": digits after a spoken decimal point."""
    digits, k = "", j + 1
    while k < len(tokens):
        word = tokens[k].lower
        if word in UNIT_WORDS:
            digits += str(UNIT_WORDS[word])
        elif word in TEEN_WORDS or word in TENS_WORDS:
            digits += str(_SMALL_WORDS[word])
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


def _ratio(tokens: list[Token], j: int, state: _State) -> Numeral | None:
    """ "one over three", "2000 over 3", "two out of five hundred", "1 in 10": a ratio read as a fraction.

    "out of" only makes a proper fraction ("12 out of 10" is two numbers); "over" divides after one, or
    when the divisor ends the clause ("2000 over 3."), not in "20 over 5 years".
    """
    k = j + 1
    out_of = tokens[j].lower == "out"
    one_in = tokens[j].lower == "in"
    if out_of:
        if k >= len(tokens) or tokens[k].lower != "of":
            return None
        k += 1
    if k >= len(tokens) or (one_in and not _whole_count(state)):
        return None
    denominator = read_numeral(tokens, k)
    if denominator is None or denominator.ordinal or denominator.value <= 0:
        return None
    if out_of and state.value > denominator.value:
        return None
    if one_in and (state.value >= denominator.value or _measured(tokens, denominator)):
        return None  # "1 in 10 people", not "3 in 5 days" or "5 in 2 km"
    ends = denominator.end >= len(tokens) or tokens[denominator.end].kind == "sym"
    if not (out_of or one_in) and state.value != 1 and not ends:
        return None
    return Numeral(0, denominator.end, state.value / denominator.value, fraction=True)


def _whole_count(state: _State) -> bool:
    """Whether what was read is a plain whole number, as the "1" of "1 in 10" is."""
    return state.last in ("unit", "teen", "tens", "num") and state.value >= 1 and state.value == int(state.value)


def _measured(tokens: list[Token], numeral: Numeral) -> bool:
    """Whether a unit of time or measure follows a numeral ("5 days", "2 km"): a quantity, not a count."""
    if numeral.value != int(numeral.value) or numeral.end >= len(tokens):
        return numeral.value != int(numeral.value)
    after = tokens[numeral.end].text
    return bool(time_unit(after) or unit_word(after) or unit_symbol(after))


def is_number_token(token: Token) -> bool:
    """Whether a token is a number by itself: digits or a number word ("222", "four")."""
    return token.kind == "num" or token.lower in _SMALL_WORDS
