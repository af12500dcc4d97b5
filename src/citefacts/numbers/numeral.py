"""Reading one numeral from tokens: digits, number words, or both ("3.5 million", "two hundred and six").

A small state machine (its state and steps are in ``numeral_steps``): each token may follow only some
others, so a run of numbers splits where English would ("4000 3 hundred" is two numbers). Here is the
loop, and the joins that read a second numeral into the first: "and" ("one and a half", "3 million and
a half"), a comma between scale groups, a ratio ("one over three", "1 in 10"), a spoken power ("ten to
the power of six") and a spelled-out numerator over an ordinal ("three two hundredths").
"""

from __future__ import annotations

import math

from citefacts.lexicon import ARTICLE_WORDS, DOZEN_WORDS, TEEN_WORDS, UNIT_WORDS
from citefacts.numbers.fraction_words import fraction_word, past_hyphen, takes_article
from citefacts.numbers.numeral_steps import (
    MAY_FOLLOW,
    SMALL_WORDS,
    Numeral,
    NumeralState,
    Part,
    read_sign,
    scale_at,
    signed,
    step_digits,
    step_hundred,
    step_hyphen,
    step_ordinal,
    step_point,
    step_scale,
)
from citefacts.numbers.tokens import Token
from citefacts.numbers.units import time_unit, unit_symbol, unit_word


def read_numeral(
    tokens: list[Token], i: int, bare_fraction: bool = False, ordinal_only: bool = False
) -> Numeral | None:
    """The numeral starting at tokens[i], or None; ``bare_fraction`` also reads "half" alone.

    ``ordinal_only`` reads an ordinal word as an ordinal even in the plural ("hundred fifths" as 105th),
    as the denominator of a spelled-out fraction is read.
    """
    sign, j = read_sign(tokens, i)
    state = NumeralState(ordinal_only=ordinal_only, between=i > 0 and tokens[i - 1].lower == "between")
    while j < len(tokens):
        outcome = _step(tokens, j, state, bare_fraction)
        if isinstance(outcome, Numeral):
            return signed(outcome, i, sign) if math.isfinite(outcome.value) else None
        if not math.isfinite(state.value):
            return None  # scaled past a float's range ("1e300 billion"): no figure to write out
        if outcome is None:
            break
        j = outcome
    if state.end is None:
        return None
    fraction = None if ordinal_only else _over_ordinal(tokens, state)
    if fraction is not None:
        return signed(fraction, i, sign)
    scale = state.last_scale if state.last == "scale" else None
    return Numeral(i, state.end, sign * state.value, fraction=_slash_alone(state), scale=scale)


def _step(tokens: list[Token], j: int, state: NumeralState, bare_fraction: bool) -> int | Numeral | None:
    """Consume tokens[j] into the state: the next index, a finished Numeral, or None to stop."""
    token = tokens[j]
    word = token.lower
    if token.kind == "num":
        return step_digits(tokens, j, state)
    if token.kind == "sym" and token.text == "&" and state.end is not None:
        return _step_and(tokens, j, state)
    if token.kind == "sym" and token.text == "," and state.last == "scale":
        return _step_comma_group(tokens, j, state)
    if token.kind == "sym":
        return step_hyphen(tokens, j, state)
    denominator = fraction_word(tokens, j)
    if denominator is not None:
        return step_ordinal(tokens, j, state, denominator, bare_fraction)
    if word in SMALL_WORDS:
        part: Part = "unit" if word in UNIT_WORDS else "teen" if word in TEEN_WORDS else "tens"
        if state.last not in MAY_FOLLOW[part]:
            return None
        state.group += SMALL_WORDS[word]
        return state.took(part, j)
    if word == "hundred":
        return step_hundred(state, j)
    scale = scale_at(tokens, j, state)
    if scale is not None:
        return step_scale(state, scale, j)
    if word in DOZEN_WORDS and (state.last in ("unit", "teen", "tens", "num", "a") or _lone_dozen(word, state)):
        state.group = max(state.group, 1.0) * 12
        return state.took("dozen", j)
    if word in ARTICLE_WORDS and state.last is None and j + 1 < len(tokens) and takes_article(tokens, j + 1):
        state.last = "a"
        return j + 1
    if word == "and" and state.end is not None:
        return _step_and(tokens, j, state)
    if word == "point" and state.end is not None:
        return step_point(tokens, j, state)
    if word in ("over", "out", "in") and state.end is not None:
        return _step_ratio(tokens, j, state)
    if word == "to" and state.end is not None and state.last != "frac":
        return _step_power(tokens, j, state)
    return None


def _lone_dozen(word: str, state: NumeralState) -> bool:
    """Whether a singular "dozen" starts the numeral ("dozen eggs" is twelve; "dozens" leaves the count open)."""
    return state.last is None and word in ("dozen", "doz")


def _slash_alone(state: NumeralState) -> bool:
    """Whether all that was read is a proper slash fraction, with or without a scale ("4/5", "1/2 million"),
    which "1 and" before it adds to."""
    return state.proper and (state.last, state.count) in (("frac", 0), ("scale", 1))


def _over_ordinal(tokens: list[Token], state: NumeralState) -> Numeral | None:
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


def _step_and(tokens: list[Token], j: int, state: NumeralState) -> int | Numeral | None:
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
    after = tokens[k]  # "hundred and six", "hundred-and-six"
    ordinal = fraction_word(tokens, k)
    small = after.lower in SMALL_WORDS or (after.kind == "num" and (after.value or 0) < 100)
    small = small or (ordinal is not None and ordinal.kind in ("unit", "teen", "tens") and not ordinal.plural)
    if state.last in ("hundred", "scale") and small and not after.ordinal and not _range_end(tokens, k, state):
        state.last = "and"
        return k
    return None


def _range_end(tokens: list[Token], k: int, state: NumeralState) -> bool:
    """Whether, after "between", the "and" before k opens the range's upper end ("between one hundred and two
    hundred"), rather than adding units ("between one hundred and two and three hundred")."""
    if not state.between:
        return False
    upper = read_numeral(tokens, k)
    return upper is not None and upper.value > state.value


def _step_comma_group(tokens: list[Token], j: int, state: NumeralState) -> Numeral | None:
    """A comma between spelled-out scale groups: "three million, two hundred and forty"."""
    if j + 1 >= len(tokens) or tokens[j + 1].kind != "word" or state.digits or state.last_scale is None:
        return None
    tail = read_numeral(tokens, j + 1)
    if tail is None or tail.ordinal or tail.fraction or not 0 < tail.value < state.last_scale or tail.end - j < 3:
        return None  # a lone word after the comma ("$2.5 million, one of the highest") starts a new phrase
    if any(t.kind == "num" for t in tokens[j + 1 : tail.end]):
        return None
    return Numeral(0, tail.end, state.value + tail.value)


def _step_ratio(tokens: list[Token], j: int, state: NumeralState) -> Numeral | None:
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
    if one_in and state.value != 1 and _year_digits(tokens, k, denominator):
        return None  # "904 in 2007": a count and its year, unlike "1 in 2000"
    ends = denominator.end >= len(tokens) or tokens[denominator.end].kind == "sym"
    if not (out_of or one_in) and state.value != 1 and not ends:
        return None
    return Numeral(0, denominator.end, state.value / denominator.value, fraction=True)


_POWER_WORDS = ("to", "the", "power")


def _step_power(tokens: list[Token], j: int, state: NumeralState) -> Numeral | None:
    """ "ten to the power of three", "2 to the power 10": the number raised to a whole exponent."""
    k = j + len(_POWER_WORDS)
    if tuple(t.lower for t in tokens[j:k]) != _POWER_WORDS or k >= len(tokens):
        return None
    k += tokens[k].lower == "of"
    exponent = read_numeral(tokens, k) if k < len(tokens) else None
    if exponent is None or exponent.ordinal or exponent.value != int(exponent.value) or abs(exponent.value) > 400:
        return None
    try:
        value = state.value ** int(exponent.value)
    except (OverflowError, ZeroDivisionError):
        return None
    return Numeral(0, exponent.end, float(value))


def _year_digits(tokens: list[Token], k: int, numeral: Numeral) -> bool:
    """Whether a numeral is four bare digits that may name a year ("2007", not "2,007" or "2007.5")."""
    text = tokens[k].text
    return numeral.end == k + 1 and len(text) == 4 and text.isdigit() and 1000 <= numeral.value <= 2100


def _whole_count(state: NumeralState) -> bool:
    """Whether what was read is a plain whole number, as the "1" of "1 in 10" is."""
    return state.last in ("unit", "teen", "tens", "num") and state.value >= 1 and state.value == int(state.value)


def _measured(tokens: list[Token], numeral: Numeral) -> bool:
    """Whether a unit of time or measure follows a numeral ("5 days", "2 km"): a quantity, not a count."""
    if numeral.value != int(numeral.value) or numeral.end >= len(tokens):
        return numeral.value != int(numeral.value)
    after = tokens[numeral.end].text
    return bool(time_unit(after) or unit_word(after) or unit_symbol(after))
