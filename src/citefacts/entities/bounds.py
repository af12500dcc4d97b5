"""Where a name starts and ends: the model's entity without the words around the name it took in.

The small model often takes in a determiner ("the National Party"), a possessive ("Kanye West 's"), a
function word or full stop after the name ("the Vancouver Canucks of the") or the first word of the
next sentence ("National Action In"). None of them is part of the name (the CoNLL and ACE conventions,
and the canonical name, which always dropped them); a capitalised "The" inside a sentence is ("The
Hockey News"), so only a sentence's first "The" goes.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

LEADING_WORDS = frozenset({"the", "a", "an"})
"""Determiners a name never starts with when written in lower case."""
TRAILING_WORDS = frozenset({"of", "the", "and", "or", "in", "at", "for", "to", "a", "an", "on", "by", "with", "from"})
"""Function words a name never ends with ("the Vancouver Canucks of the")."""
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
TRAILING_MARKS = frozenset({".", ",", ";", ":", "-", "–", "—"})
"""Punctuation tokens a name never ends with ("Xanthos ." at the end of a sentence)."""


def name_bounds(span: Span) -> tuple[int, int] | None:
    """The token range of the name inside an entity, or None if nothing of a name is left."""
    start, end = span.start, span.end
    doc = span.doc
    for token in span[1:]:
        if token.is_sent_start:
            end = token.i
            break
    if start < end and _leading_determiner(doc[start]):
        start += 1
    while end > start and _trailing_junk(doc[end - 1]):
        end -= 1
    if start >= end or not any(ch.isalnum() for token in doc[start:end] for ch in token.text):
        return None
    return start, end


def _leading_determiner(token: Token) -> bool:
    """A determiner before the name: "the", or "The" starting a sentence ("The Bangladesh Scouts were ...")."""
    return token.text in LEADING_WORDS or (token.text == "The" and (token.i == 0 or bool(token.is_sent_start)))


def _trailing_junk(token: Token) -> bool:
    """A possessive, a lower-case function word or a lone punctuation mark at a name's end."""
    return token.text in POSSESSIVES or token.text in TRAILING_WORDS or token.text in TRAILING_MARKS
