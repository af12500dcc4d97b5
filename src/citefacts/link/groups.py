"""Groups of footnotes numbered apart: explanatory notes and references, concatenated in a plain-text copy.

Wikipedia numbers its explanatory notes ([a], [b], ...) and its references ([1], [2], ...) separately, each
group in the order of first citation. A plain-text copy may list one group after the other under a single
numbering (the seed article lists its ten notes, then its references), so first citations follow the body
within each group, not across groups: aligned as one chain, a note first cited late in the body pushes every
reference after it. A group shows in the footnotes' own form (a run of prose notes, then a run of citations,
as ``read.cite`` tells them apart), and the alignment confirms it: aligned apart, the groups must explain the
evidence better than one chain does, by a margin (interleaved notes and references, as Wikipedia numbers them
when both are plain ``<ref>``s, are one chain).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from citefacts.link.align import Array, GapPrior, posteriors
from citefacts.link.fixed import FLOOR, Pins, held, pinned
from citefacts.read.cite import looks_like_citation, split_citations

PURE = 0.8
"""Share of one form a run of footnotes needs to be taken for a group of notes or of references."""
PURE_NEXT = 0.6
WINDOW = 5
"""The footnotes right after a run of notes must be mostly (``PURE_NEXT``) references, over ``WINDOW``."""
MARGIN = 2.5
"""Log likelihood ratio by which the groups aligned apart must beat one chain (nats): the split point is
chosen among a few, and a wrong split costs every link after it."""
MAX_GROUPS = 3


def is_note(text: str) -> bool:
    """A prose note: no piece of the footnote reads as a citation (``CitationFields.is_note`` for every piece)."""
    pieces = split_citations(text)
    return bool(pieces) and not any(looks_like_citation(text[start:end]) for start, end in pieces)


def boundaries(notes: list[bool]) -> list[int]:
    """Where a run of notes ends and references begin (or references end and notes fill the rest): the index of
    the first footnote after each such boundary, the purest run first.

    Before a boundary, all footnotes from the start are mostly notes (``PURE``) and the next few mostly
    references; or all before are mostly references and all after mostly notes. A note or two among the
    references (a reference that opens with prose reads as one) does not hide a boundary.
    """
    count = len(notes)
    cumulative = np.concatenate([[0], np.cumsum(notes)])
    found = []
    for cut in range(1, count):
        if notes[cut - 1] == notes[cut]:
            continue
        before = cumulative[cut] / cut
        window = min(WINDOW, count - cut)
        following = (cumulative[cut + window] - cumulative[cut]) / window
        rest = (cumulative[-1] - cumulative[cut]) / (count - cut)
        if before >= PURE and following <= 1 - PURE_NEXT:
            found.append((before, 1 - following, cut))
        elif before <= 1 - PURE and rest >= PURE:
            found.append((1 - before, rest, cut))
    return [cut for *_, cut in sorted(found, reverse=True)]


@dataclass(frozen=True)
class Chain:
    """One group's alignment: its footnotes' rows, posteriors and log marginal likelihood."""

    start: int
    end: int
    posterior: Array
    likelihood: float


def align_chain(
    evidence: Array, start: int, end: int, same: float, elsewhere: Array, open_end: bool, pins: Pins | None = None
) -> Chain:
    """The footnotes of rows start..end-1 aligned on their own, their gap prior spread over the whole body, with
    the rows `pins` fixes held where they are (``pinned``)."""
    prior = GapPrior.for_article(evidence.shape[1], end - start, same)
    rows, away = evidence[start:end], elsewhere[start:end]
    if pins is not None:
        rows, away = pinned(rows, away, pins[start:end])
    posterior, likelihood = posteriors(rows, prior, away, open_end, FLOOR if pins is not None else 0.0)
    if pins is not None:
        posterior = held(posterior, pins[start:end])
    return Chain(start, end, posterior, likelihood)


def align_groups(
    evidence: Array, notes: list[bool], same: float, elsewhere: Array, pins: Pins | None = None
) -> list[Chain]:
    """The footnotes split into the groups that explain the evidence best, each aligned on its own.

    A group is split once more at the first boundary the form marks (the purest run first) where the two parts
    aligned apart (the first may stop anywhere in the body) beat it by ``MARGIN``: the evidence rarely tells
    neighbouring boundaries apart, the form does. At most ``MAX_GROUPS`` groups.
    """
    chains = [align_chain(evidence, 0, len(notes), same, elsewhere, open_end=False, pins=pins)]
    tried: set[tuple[int, int]] = set()
    while len(chains) < MAX_GROUPS:
        split = None
        for index, chain in enumerate(chains):
            for cut in boundaries(notes[chain.start : chain.end]):
                middle = chain.start + cut
                if (chain.start, middle) in tried:
                    continue
                tried.add((chain.start, middle))
                first = align_chain(evidence, chain.start, middle, same, elsewhere, True, pins)
                second = align_chain(evidence, middle, chain.end, same, elsewhere, index < len(chains) - 1, pins)
                if first.likelihood + second.likelihood - chain.likelihood > MARGIN:
                    split = (index, [first, second])
                    break
            if split:
                break
        if split is None:
            break
        index, parts = split
        chains[index : index + 1] = parts
    return chains
