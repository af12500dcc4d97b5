"""Finding numbers in a Doc: which readings of its text are numbers worth reporting, as mentions.

Detection reads the text itself (digits, number words, currencies, units, ranges and bounds: see
the other modules of ``citefacts.numbers``) rather than trusting spaCy's small-model entities, which miss and mis-type
many ("84,860 Azerbaijanis" as PERCENT). spaCy's tags are hints for the words a number shares with
ordinary English ("that one", "a second"). A year or a date's digits are left to dates (``taken``).
"""

from __future__ import annotations

import math
import re

from spacy.tokens import Doc
from spacy.tokens import Token as SpacyToken

from citefacts.lexicon import DOZEN_WORDS, HALF_WORDS, SCALE_WORDS
from citefacts.mention import DocMention
from citefacts.models import NumberKind, NumberValue
from citefacts.numbers.numeral import read_numeral
from citefacts.numbers.numeral_steps import is_number_token
from citefacts.numbers.quantity import Quantity, read_quantity
from citefacts.numbers.ranges import FoundNumber, combine, prefix_bound
from citefacts.numbers.tokens import Token, tokenize

_PRONOUN_BEFORE = frozenset(
    [
        "the",
        "this",
        "that",
        "a",
        "an",
        "no",
        "any",
        "each",
        "every",
        "which",
        "another",
        "first",
        "next",
        "last",
        "previous",
        "current",
        "same",
        "other",
        "right",
        "such",
        "whichever",
    ]
)
"""Words after which "one" stands for a thing ("the first one", "that one"), not a count."""
_NAME_LABELS = frozenset(["LAW", "PRODUCT", "FAC", "ORG", "WORK_OF_ART", "EVENT"])
"""spaCy labels of names that may hold digits which count nothing."""
_VAGUE_COUNT_WORDS = frozenset(["several", "few", "many", "couple", "hundreds", "thousands", "tens", "dozens"])
"""Words before "hundred" or "thousand" that leave the count open ("several hundred")."""
_MODIFIER_TAGS = frozenset(["JJ", "JJR", "JJS", "RB", "RBR", "RBS"])
"""Tags of the adjectives and adverbs between a determiner and a pronoun "one"."""
_DURATION_BEFORE = frozenset(["a", "one", "per", "every", "each", "half"])
"""Words after which "second" is a unit of time, not an ordinal."""
_HINTED_KINDS: dict[str, NumberKind] = {
    "money": "money",
    "percent": "percent",
    "quantity": "quantity",
    "ordinal": "ordinal",
}
"""The kinds a caller's hint gives a bare number (``parse_number``'s ``kind``)."""
_ADDRESS = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+", re.IGNORECASE)
"""A web address or an e-mail address: its digits ("?q=30%25", "user42@") name nothing."""


def find_numbers(doc: Doc, taken: list[DocMention]) -> list[DocMention]:
    """Numeric expressions in a parsed text that do not overlap an already found date."""
    tokens = tokenize(doc.text)
    found = []
    for number in readings(doc, tokens, taken):
        start, end = tokens[number.start].start, tokens[number.end - 1].end
        found.append(DocMention(start, end, number.label, number.value))
    return found


def readings(doc: Doc, tokens: list[Token], taken: list[DocMention]) -> list[FoundNumber]:
    """The numbers worth reporting in a parsed text's tokens, clear of the taken spans, with the quantities
    each was read from."""
    text = doc.text
    blocked = [(t.start, t.end) for t in taken] + [m.span() for m in _ADDRESS.finditer(text)]
    names = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _NAME_LABELS]
    quantities = [q for q in scan(tokens, blocked) if _plausible(doc, tokens, q) and not _in_name(tokens, q, names)]
    found = []
    for number in combine(tokens, quantities):
        start, end = tokens[number.start].start, tokens[number.end - 1].end
        if not any(s < end and start < e for s, e in blocked) and _finite(number.value):
            found.append(number)
    return found


def _finite(value: NumberValue) -> bool:
    """Whether every figure of a value is a finite float: JSON holds no infinity, and none is a count of anything."""
    return all(math.isfinite(figure) for figure in (value.value, value.low, value.high) if figure is not None)


def scan(tokens: list[Token], blocked: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """The quantities in a token stream, left to right, none overlapping a blocked character span."""
    blocked = blocked or []
    quantities: list[Quantity] = []
    i = 0
    while i < len(tokens):
        bare_fraction = tokens[i].lower in HALF_WORDS and prefix_bound(tokens, i) is not None  # "more than half"
        quantity = read_quantity(tokens, i, bare_fraction)
        if quantity is None:
            i += 1
            continue
        quantity = _clear_of(tokens, quantity, blocked)
        if quantity is None:
            i += 1
            continue
        quantities.append(quantity)
        i = quantity.end
    return quantities


def _clear_of(tokens: list[Token], quantity: Quantity, blocked: list[tuple[int, int]]) -> Quantity | None:
    """The quantity, or the part of it before a blocked span ("200 km" of "200 km per hour" when "per hour"
    is a date's), or None when its first token is blocked."""
    for k in range(quantity.start, quantity.end):
        if any(s < tokens[k].end and tokens[k].start < e for s, e in blocked):
            if k == quantity.start:
                return None
            shorter = read_quantity(tokens[:k], quantity.start)
            return _clear_of(tokens, shorter, blocked) if shorter is not None else None
    return quantity


def _in_name(tokens: list[Token], quantity: Quantity, names: list[tuple[int, int]]) -> bool:
    """Whether bare digits sit inside a longer name spaCy found ("Resolution 822", "Route 66", "Article 12")."""
    if quantity.kind != "cardinal" or any(t.kind != "num" for t in tokens[quantity.start : quantity.end]):
        return False
    start, end = tokens[quantity.start].start, tokens[quantity.end - 1].end
    return any(s <= start and end <= e and e - s > end - start for s, e in names)


def _plausible(doc: Doc, tokens: list[Token], quantity: Quantity) -> bool:
    """Whether a lone "one" or "second" is a number here, by the word before it and spaCy's tag."""
    numeral = quantity.numeral
    if _citation_marker(tokens, quantity) or _identifier(tokens, quantity):
        return False
    word = tokens[numeral.start].lower
    before = tokens[numeral.start - 1] if numeral.start else None
    if _vague_before(tokens, numeral.start) and (word == "hundred" or word in SCALE_WORDS or word in DOZEN_WORDS):
        return False  # "several hundred", "a couple of hundred", "a few dozen" say no number
    if _decade(tokens, numeral.end):
        return False  # "1990s", "the 70's": a decade, the dates' business
    if word in SCALE_WORDS and before is not None and (is_number_token(before) or before.lower in HALF_WORDS):
        return False  # the tail of a number read otherwise, such as a date's "three quarters" before "million"
    if numeral.end - numeral.start != 1 or quantity.end - quantity.start != 1:
        return True
    word_before = before.lower if before is not None else ""
    if word in DOZEN_WORDS:
        return word_before not in _PRONOUN_BEFORE and word_before != "per"  # "by the dozen", "$3 per dozen"
    if word == "one":
        span = doc.char_span(tokens[numeral.start].start, tokens[numeral.start].end, alignment_mode="expand")
        tagged_number = span is None or span[0].tag_ == "CD"
        return tagged_number and word_before not in _PRONOUN_BEFORE and not (span is not None and _pronoun(span[0]))
    if word == "second":
        return word_before not in _DURATION_BEFORE and not (
            numeral.start and is_number_token(tokens[numeral.start - 1])
        )
    return True


def _pronoun(one: SpacyToken) -> bool:
    """Whether "one" closes a noun phrase as a pronoun: a determiner, then adjectives ("the blue one",
    "a really big one", "the second one")."""
    i = one.i - 1
    adjectives = 0
    while i >= 0 and one.doc[i].tag_ in _MODIFIER_TAGS:
        adjectives += one.doc[i].tag_.startswith("JJ")
        i -= 1
    return adjectives > 0 and i >= 0 and one.doc[i].tag_ in ("DT", "PRP$")


def _vague_before(tokens: list[Token], i: int) -> bool:
    """Whether a word that leaves a count open comes before tokens[i], "of" between them or not."""
    k = i - 1 - (i > 1 and tokens[i - 1].lower == "of")
    return k >= 0 and tokens[k].lower in _VAGUE_COUNT_WORDS


def _identifier(tokens: list[Token], quantity: Quantity) -> bool:
    """Whether the quantity's digits are glued to letters, as in a name or code ("i7", "F-16", "COVID-19")."""
    return _identifier_at(tokens, quantity.start)


def _identifier_at(tokens: list[Token], i: int) -> bool:
    """Whether the digits at tokens[i] belong to a code: glued to a word ("TB2", "Su-25", "doi:10.1080") or
    continuing one ("doi:10.1080/713656168")."""
    if tokens[i].kind != "num" or i < 1 or tokens[i - 1].end != tokens[i].start:
        return False
    before = tokens[i - 1]
    if before.kind == "word":
        return True
    if i < 2 or tokens[i - 2].end != before.start:
        return False
    word = tokens[i - 2]
    if before.text in ":." and word.kind == "word":
        return True  # "doi:10", "E.164", "No.5"
    if before.text in "/." and word.kind == "num":
        return _identifier_at(tokens, i - 2)
    suffix = i >= 3 and tokens[i - 3].kind == "num" and tokens[i - 3].end == word.start  # "5k-20k"
    return before.text in "-‐" and word.kind == "word" and not is_number_token(word) and not suffix


def _decade(tokens: list[Token], end: int) -> bool:
    """Whether an "s" or "'s" is glued after the digits ending at tokens[end - 1]."""
    k = end
    if k < len(tokens) and tokens[k].text in "'’" and tokens[k].start == tokens[k - 1].end:
        k += 1
    return k < len(tokens) and tokens[k].text == "s" and tokens[k].start == tokens[k - 1].end


def _citation_marker(tokens: list[Token], quantity: Quantity) -> bool:
    """Whether a quantity is a footnote marker such as "[12]" left in the text."""
    i, j = quantity.start, quantity.end
    if j - i != 1 or i == 0 or j >= len(tokens) or tokens[i].kind != "num":
        return False
    return tokens[i - 1].text == "[" and tokens[j].text == "]" and tokens[i].start - tokens[i - 1].end == 0


def parse_number(text: str, kind: str = "cardinal") -> NumberValue | None:
    """A NumberValue for a numeric expression, or None when no number can be read from it.

    ``kind`` is a hint (a spaCy label's kind): it types a bare number the text itself does not type.
    """
    tokens = tokenize(" ".join(text.split()))
    numbers = combine(tokens, scan(tokens))
    if not numbers:
        return None
    value = max(numbers, key=_token_count).value
    hinted = _HINTED_KINDS.get(kind)
    if value.number_kind == "cardinal" and hinted is not None:
        value = value.model_copy(update={"number_kind": hinted, "unit": "%" if hinted == "percent" else None})
    return value


def _token_count(found: FoundNumber) -> int:
    return found.end - found.start


def words_to_number(text: str) -> float | None:
    """The value of the number at the start of a text ("two hundred", "three million soldiers"), or None."""
    tokens = tokenize(text)
    numeral = read_numeral(tokens, 0) if tokens else None
    return numeral.value if numeral is not None else None
