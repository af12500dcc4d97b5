"""Linking: which footnotes support a sentence, when the source carries no markers.

First version: footnotes ranked by the normalized values, entities and content words they share
with the sentence; those above a threshold are kept with their score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citefacts.found import Found
from citefacts.models import DateValue, EntityValue, NumberValue

THRESHOLD = 3.0
MAX_LINKS = 3
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_STOP = frozenset(
    [
        "that",
        "this",
        "with",
        "from",
        "were",
        "which",
        "have",
        "their",
        "been",
        "also",
        "after",
        "before",
        "during",
        "into",
        "over",
        "would",
        "about",
        "there",
        "they",
        "them",
        "when",
        "where",
        "while",
        "other",
        "than",
        "more",
        "most",
        "such",
        "these",
        "those",
        "some",
        "both",
        "only",
        "being",
        "said",
        "says",
        "according",
    ]
)


@dataclass
class Unit:
    """A sentence or a footnote as the linker sees it: its text and what was extracted from it."""

    text: str
    found: list[Found] = field(default_factory=list)
    number: int = 0
    """A footnote's number (0 for sentences)."""
    block: int = 0
    """A sentence's paragraph (block index), for position cues."""


def value_keys(found: list[Found]) -> set[str]:
    """Comparable keys for the values in a text: numbers, dates and entity names."""
    keys = set()
    for item in found:
        value = item.value
        if isinstance(value, NumberValue):
            for number in (value.value, value.low, value.high):
                if number is not None and number >= 10:
                    keys.add(f"n:{number:g}")
        elif isinstance(value, DateValue):
            keys.add(f"d:{value.timex}")
        elif isinstance(value, EntityValue):
            keys.add(f"e:{value.canonical.lower()}")
    return keys


def content_words(text: str) -> set[str]:
    """Lower-cased content words, for overlap scores."""
    return {word.lower() for word in _WORD.findall(text) if word.lower() not in _STOP}


def score(sentence: Unit, footnote: Unit) -> float:
    """How strongly a footnote's text echoes a sentence."""
    shared = value_keys(sentence.found) & value_keys(footnote.found)
    values = sum(2.0 if key[0] in "nd" else 1.0 for key in shared)
    words = content_words(sentence.text) & content_words(footnote.text)
    return values + 0.5 * len(words)


def link(sentences: list[Unit], footnotes: list[Unit]) -> list[list[tuple[int, float]]]:
    """For each sentence, the footnote numbers linked to it with their scores, best first."""
    links = []
    for sentence in sentences:
        ranked = sorted(((score(sentence, note), note.number) for note in footnotes), reverse=True)
        links.append([(number, round(value, 3)) for value, number in ranked[:MAX_LINKS] if value >= THRESHOLD])
    return links
