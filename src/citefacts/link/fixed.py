"""Confirmed placements the alignment must respect: a footnote a reviewer placed on a sentence, or nowhere.

A footnote confirmed on sentence s is, for the alignment, a footnote whose evidence points at s alone: every
footnote before it is first cited at or before s, every one after it at or after s, so a confirmed placement
splits the chain and sharpens its neighbours' posteriors. A footnote confirmed as cited nowhere in the body
leaves the chain where it was (as a footnote cited elsewhere does). Confirmed placements that break the body's
order among themselves (a reviewer's slip, or a first citation the numbering does not follow) cannot all hold:
the longest run of them in order holds, and the others are reported where they were confirmed without moving
any other footnote.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from citefacts.link.align import Array

Pins = NDArray[np.int64]
"""Per footnote row: the confirmed sentence index, ``FREE`` (not confirmed) or ``NOWHERE``."""
FREE = -1
NOWHERE = -2
FLOOR = 1e-200
"""The gap prior's floor where placements are confirmed: two confirmed footnotes may stand further apart than the
prior's usual cut allows (a long stretch cited by no footnote), and the alignment must still hold both."""
Fixed = Mapping[int, int | None]
"""Confirmed first citations: footnote number -> sentence index, or None for 'cited nowhere in the body'."""


def pins_for(numbers: list[int], fixed: Fixed | None, sentences: int) -> Pins | None:
    """The rows' pins for footnotes `numbers` (in row order); None when nothing is confirmed.

    A number that is not a footnote's is ignored (its footnote is gone); a sentence index outside the body is
    an error naming the footnote.
    """
    if not fixed:
        return None
    pins = np.full(len(numbers), FREE, dtype=np.int64)
    for row, number in enumerate(numbers):
        if number not in fixed:
            continue
        sentence = fixed[number]
        if sentence is not None and not 0 <= sentence < sentences:
            raise ValueError(f"footnote {number} confirmed on sentence {sentence}, outside the body's {sentences}")
        pins[row] = NOWHERE if sentence is None else sentence
    return pins


def in_order(pins: Pins) -> NDArray[np.bool_]:
    """Which confirmed sentences hold together: the longest run of them that never goes back up the body."""
    rows = [row for row, pin in enumerate(pins) if pin >= 0]
    tails: list[int] = []
    tail_rows: list[int] = []
    previous = [-1] * len(rows)
    for index, row in enumerate(rows):
        place = bisect.bisect_right(tails, int(pins[row]))
        previous[index] = tail_rows[place - 1] if place else -1
        if place == len(tails):
            tails.append(int(pins[row]))
            tail_rows.append(index)
        else:
            tails[place], tail_rows[place] = int(pins[row]), index
    kept = np.zeros(len(pins), dtype=bool)
    index = tail_rows[-1] if tail_rows else -1
    while index >= 0:
        kept[rows[index]] = True
        index = previous[index]
    return kept


def pinned(evidence: Array, elsewhere: Array, pins: Pins) -> tuple[Array, Array]:
    """The chain's evidence and chance of 'cited elsewhere' with the confirmed placements in force."""
    evidence, away = evidence.copy(), elsewhere.copy()
    kept = in_order(pins)
    for row in np.flatnonzero(kept):
        evidence[row] = 0.0
        evidence[row, pins[row]] = 1.0
        away[row] = 0.0
    away[(pins == NOWHERE) | ((pins >= 0) & ~kept)] = 1.0
    return evidence, away


def held(posterior: Array, pins: Pins) -> Array:
    """The posteriors with each confirmed footnote certain where it was confirmed (nowhere: a zero row)."""
    posterior = posterior.copy()
    for row in np.flatnonzero(pins != FREE):
        posterior[row] = 0.0
        if pins[row] >= 0:
            posterior[row, pins[row]] = 1.0
    return posterior
