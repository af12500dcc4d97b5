"""Which dates are a number's figures: bare digits or number words that a longer number reading takes in.

The date rules read "1000" as a year and "three quarters" as a span of three quarters; read with what
is around them, some are plainly figures of a number: the amount of "2010 km" or "¥1000", an end of
the range "1000 - 5000 people" or "between 1000 and 5000", the bound of "more than 1000", or a part of
"five billion and three quarters". Extraction asks this module before it lets dates win over numbers.
A year stays a year where a number reading gives no such reason ("from 1914 to 1918", "around 1900",
"below 1990 levels").
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

from citefacts.mention import DocMention
from citefacts.numbers.find import readings
from citefacts.numbers.numeral import read_numeral
from citefacts.numbers.quantity import Quantity
from citefacts.numbers.ranges import FoundNumber, prefix_bound, suffix_bound
from citefacts.numbers.tokens import Token, tokenize
from citefacts.numbers.units import time_unit

_COMPARING_WORDS = frozenset(["than", "least", "most", "minimum", "maximum", "excess", "upwards", "upward"])
"""Words of a bound that compare amounts ("more than", "at least", "in excess of"), and the signs; "over",
"under", "above", "below", "up to" and the verbs ("exceeding", "surpassing") are left out, as they also
take a year ("below 1990 levels", "up to 1914", "surpassing 2009's record")."""
_COMPARING_SIGNS = frozenset([">", "<", "≥", "≤", "="])
_PLACING_WORDS = frozenset(["over", "above", "under", "below"])
"""Bound words that compare round hundreds ("over 1500", "under 2000") but may place any other year
("above 1990 levels")."""
_YEAR_SPAN = (100.0, 2100.0)
"""The figures a bare number may name as a year, so that the other end of a range may be one."""
_TIME_NOUNS = frozenset(["centuries", "decades", "seasons", "eras", "ages", "millennia", "generations"])
"""Plural nouns of time after a range of years ("the 1500-1600 centuries" is no count)."""
_NOUN_TAGS = frozenset(["NNS", "NNPS"])
_MODIFIER_TAGS = frozenset(["JJ", "VBN", "CD"])


def dates_read_as_numbers(doc: Doc, dates: list[DocMention]) -> list[DocMention]:
    """The dates among ``dates`` whose text a number reading of the Doc takes in as a figure, in order."""
    tokens = tokenize(doc.text)
    candidates = [d for d in dates if _one_numeral(tokens, d)]
    if not candidates:
        return []
    others = [d for d in dates if d not in candidates]
    claimed = []
    for number in readings(doc, tokens, others):
        start, end = tokens[number.start].start, tokens[number.end - 1].end
        for date in candidates:
            if start <= date.start and date.end <= end and _claims(doc, tokens, number, date):
                claimed.append(date)
    return [d for d in dates if d in claimed]


def _one_numeral(tokens: list[Token], date: DocMention) -> bool:
    """Whether a date's text is one numeral and nothing else ("1000", "three quarters")."""
    starts = [t.start for t in tokens]
    i, end = bisect_left(starts, date.start), bisect_left(starts, date.end)
    if i >= end or starts[i] != date.start or tokens[end - 1].end != date.end:
        return False
    numeral = read_numeral(tokens[:end], i)
    return numeral is not None and not numeral.ordinal and numeral.end == end


def _claims(doc: Doc, tokens: list[Token], number: FoundNumber, date: DocMention) -> bool:
    """Whether a number reading has a reason to take a date inside it as one of its figures."""
    part = next((q for q in number.parts if _inside(tokens, q, date)), None)
    if part is None or _possessive(tokens, date):
        return False  # "2009's record" names a year
    numeral_start, numeral_end = tokens[part.numeral.start].start, tokens[part.numeral.end - 1].end
    if (numeral_start, numeral_end) != (date.start, date.end):
        return True  # "five billion and three quarters", "1000 million"
    if part.kind in ("money", "quantity") and part.unit:
        return True  # "2010 km", "¥1000"
    if _compared(tokens, part):
        return True  # "more than 1000", "1000 or more"
    return number.value.number_kind == "range" and len(number.parts) == 2 and _range_counts(doc, tokens, number)


def _possessive(tokens: list[Token], date: DocMention) -> bool:
    """Whether "'s" follows the date's end ("2009's", or "2009 's" as tokenized text has it)."""
    k = bisect_left([t.start for t in tokens], date.end)
    return (
        k + 1 < len(tokens)
        and tokens[k].text in "'’"
        and tokens[k].start - date.end <= 1
        and tokens[k + 1].lower == "s"
        and tokens[k + 1].start == tokens[k].end
    )


def _inside(tokens: list[Token], quantity: Quantity, date: DocMention) -> bool:
    """Whether a date lies within a quantity's tokens."""
    return tokens[quantity.start].start <= date.start and date.end <= tokens[quantity.end - 1].end


def _range_counts(doc: Doc, tokens: list[Token], number: FoundNumber) -> bool:
    """Whether a range of bare figures counts things: one end cannot be a year ("1000 - 5000", "between 2 and
    1500"), both are round thousands ("from 1000 to 2000"), or round hundreds count a plural noun after the
    range ("between 1500 and 2000 soldiers")."""
    ends = [q.numeral.value for q in number.parts]
    if not all(_year_like(value) for value in ends) or all(value % 1000 == 0 for value in ends):
        return True  # "1000 - 5000", and "between 1000 and 2000": a span of a thousand years is seldom written
    return all(value % 100 == 0 for value in ends) and _plural_noun_after(doc, tokens, number.end)


def _year_like(value: float) -> bool:
    """Whether a figure could name a year."""
    return value == int(value) and _YEAR_SPAN[0] <= value <= _YEAR_SPAN[1]


def _plural_noun_after(doc: Doc, tokens: list[Token], j: int) -> bool:
    """Whether a plural noun other than one of time follows tokens[j - 1], an adjective or two between."""
    if j >= len(tokens):
        return False
    span = doc.char_span(tokens[j].start, len(doc.text), alignment_mode="expand")
    if span is None:
        return False
    for token in span[:3]:
        if token.tag_ in _NOUN_TAGS:
            return not time_unit(token.text) and token.lower_ not in _TIME_NOUNS
        if token.tag_ not in _MODIFIER_TAGS:
            return False
    return False


def _compared(tokens: list[Token], quantity: Quantity) -> bool:
    """Whether a figure is the bound of a comparison of amounts ("more than 1000", "at least 1500", "1000 or
    more", "≥ 2000")."""
    before = prefix_bound(tokens, quantity.start)
    if before is not None:
        phrase = {t.lower for t in tokens[before[1] : quantity.start]}
        if phrase & (_COMPARING_WORDS | _COMPARING_SIGNS):
            return True
        if phrase & _PLACING_WORDS and quantity.numeral.value % 100 == 0:
            return True
    after = suffix_bound(tokens, quantity.end)
    return after is not None and after[0][1] is not None
