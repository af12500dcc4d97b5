"""Reviewers' confirmed placements as the pipeline takes them: the sentence each one names, the citations they
make, and the first citations the linker's alignment must respect.

A placement names its footnote by the hash of its words (whatever its number now) and its sentence by the hash
of its words, nearest where the reviewer placed it; one whose footnote or sentence is gone places nothing (the
review log marks it stale).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from citefacts.link import Fixed, Links
from citefacts.models import ParsedSource, Placement, words_hash
from citefacts.sentences import Passage, raw_span


@dataclass
class Confirmed:
    """What the placements in force say of this source's body."""

    links: Links
    """For each sentence, the footnotes reviewers placed on it (score 1.0), by number."""
    fixed: dict[int, int | None]
    """Each placed footnote's first citation for the alignment: its earliest placed sentence, or None for
    'cited nowhere in the body'."""


def sentence_span(parsed: ParsedSource, sentence: Passage) -> tuple[int, int]:
    """Where a body sentence stands in the raw text."""
    return raw_span(parsed.blocks[sentence.block], sentence.origin, sentence.origin + len(sentence.text))


def confirmed(parsed: ParsedSource, sentences: list[Passage], placements: Sequence[Placement]) -> Confirmed:
    """The placements found in this source: their citations per sentence and their first citations."""
    numbers = {words_hash(note.text): note.number for note in parsed.footnotes}
    spans = [sentence_span(parsed, sentence) for sentence in sentences]
    by_words: dict[str, list[int]] = {}
    for index, (start, end) in enumerate(spans):
        by_words.setdefault(words_hash(parsed.raw[start:end]), []).append(index)
    links: Links = [[] for _ in sentences]
    placed: dict[int, list[int]] = {}
    for placement in placements:
        number = numbers.get(placement.footnote_hash)
        if number is None:
            continue
        indices = placed.setdefault(number, [])
        if placement.sentence is None:
            continue
        at, same = placement.sentence.start, by_words.get(words_hash(placement.sentence.text), [])
        if same:  # of equal sentences, the one nearest where the reviewer placed it
            index = min(same, key=lambda i: abs(spans[i][0] - at))
            indices.append(index)
            links[index] += [] if any(n == number for n, _ in links[index]) else [(number, 1.0)]
    fixed: Fixed = {number: min(indices) if indices else None for number, indices in placed.items()}
    return Confirmed([sorted(found) for found in links], dict(fixed))
