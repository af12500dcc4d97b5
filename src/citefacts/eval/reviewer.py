"""A simulated reviewer placing footnotes the way the review page asks (issue 13): what it costs in key presses.

The reviewer is served one footnote at a time with its top candidate sentences (``Placements.candidates``); it
presses the key of the right sentence when it is shown (1-5), ``0`` when the footnote is cited nowhere in the
body, and searches otherwise ('/', a few characters, Enter: ``SEARCH_PRESSES``). Each answer is confirmed as a
fixed point of the alignment (``Placements.confirm``) before the next footnote is shown, so the figures are those
of a reviewer whose confirmations sharpen the candidates of the footnotes still to place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Literal

import numpy as np

from citefacts.link import CALIBRATION, CANDIDATE_FLOOR, CANDIDATES, THRESHOLD, Placements, candidates, select
from citefacts.link.align import Array

SEARCH_PRESSES = 3
"""What placing a footnote by search costs: '/', the few characters that find the sentence (counted as one
press), Enter. A documented convention, not a measurement."""
Order = Literal["number", "confident", "unsure"]
"""Queue orders: footnote number order (the review page's), most confident first, least confident first; the
confident orders are re-ranked after every answer, on the alignment with everything confirmed so far."""
ORDERS: tuple[Order, ...] = ("number", "confident", "unsure")
Gold = Mapping[int, int | None]
"""Footnote number -> the sentence index of its first citation, or None: cited nowhere in the body."""
Cited = Mapping[int, set[int]]
"""Footnote number -> every sentence index citing it (first citation or later)."""


@dataclass(frozen=True)
class Answer:
    """What the reviewer pressed for one footnote, and where the right sentence stood among those shown."""

    key: str
    """'1'-'5' (a candidate), '0' (cited nowhere in the body) or '/' (search)."""
    presses: int
    rank: int | None
    """0-based rank of the right sentence among the candidates shown; None if not shown or nowhere."""


def answer(shown: Sequence[int], gold: int | None) -> Answer:
    """The reviewer's answer for a footnote whose right sentence is `gold` (None: cited nowhere in the body),
    given the candidate sentences `shown`, best first."""
    if gold is None:
        return Answer("0", 1, None)
    if gold in shown:
        rank = list(shown).index(gold)
        return Answer(str(rank + 1), 1, rank)
    return Answer("/", SEARCH_PRESSES, None)


def next_footnote(order: Order, remaining: Sequence[int], confidence: Mapping[int, float]) -> int:
    """The footnote the queue serves next among `remaining` (in number order): the first, or the one whose best
    candidate is most (least) probable, ties broken by number."""
    if order == "number":
        return remaining[0]
    sign = -1.0 if order == "confident" else 1.0
    return min(remaining, key=lambda number: (sign * confidence.get(number, 0.0), number))


def recalibrate(probability: Array, fitted: tuple[float, float], shipped: tuple[float, float] = CALIBRATION) -> Array:
    """Probabilities calibrated with `shipped` (as ``Placements`` holds them) calibrated with `fitted` instead:
    the Platt scaling undone, then redone, so cross-fitted figures use the calibration of the half fitted on."""
    if fitted == shipped:
        return probability
    clipped = np.clip(probability, 1e-12, 1.0 - 1e-12)
    logit = (np.log(clipped / (1.0 - clipped)) - shipped[1]) / shipped[0]
    result: Array = 1.0 / (1.0 + np.exp(-(fitted[0] * logit + fitted[1])))
    return np.where(probability > 0.0, result, 0.0)


@dataclass
class Tally:
    """Counts a replay adds up; the figures are ratios of them (``figures``)."""

    served: int = 0
    """Footnotes the queue served (each placed with one answer)."""
    presses: int = 0
    placeable: int = 0
    """Served footnotes first cited in a body sentence."""
    shown_top3: int = 0
    shown_top5: int = 0
    cited_top3: int = 0
    """Placeable footnotes with any sentence citing them (not only the first) among the top 3 / 5 shown."""
    cited_top5: int = 0
    searched: int = 0
    nowhere: int = 0
    kept: int = 0
    """Automatic links at the shipped threshold with nothing confirmed, and how many of them are right."""
    right: int = 0
    gold_pairs: int = 0

    def add(self, result: Answer, cited_rank: int | None = None) -> None:
        """Count one answer; `cited_rank` is the best rank among those shown of any sentence citing the footnote."""
        self.cited_top3 += result.key != "0" and cited_rank is not None and cited_rank < 3
        self.cited_top5 += result.key != "0" and cited_rank is not None and cited_rank < 5
        self.served += 1
        self.presses += result.presses
        self.nowhere += result.key == "0"
        self.searched += result.key == "/"
        self.placeable += result.key != "0"
        self.shown_top3 += result.rank is not None and result.rank < 3
        self.shown_top5 += result.rank is not None and result.rank < 5

    def merge(self, other: Tally) -> Tally:
        """The two tallies' counts added."""
        return Tally(**{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)})

    def figures(self) -> dict[str, float | None]:
        """Presses per placed footnote, the right sentence shown among the top 3 / 5, the links' precision and
        recall (None where nothing was counted)."""

        def ratio(part: int, whole: int) -> float | None:
            return part / whole if whole else None

        return {
            "presses": ratio(self.presses, self.served),
            "top3": ratio(self.shown_top3, self.placeable),
            "top5": ratio(self.shown_top5, self.placeable),
            "cited_top3": ratio(self.cited_top3, self.placeable),
            "cited_top5": ratio(self.cited_top5, self.placeable),
            "searched": ratio(self.searched, self.served),
            "precision": ratio(self.right, self.kept),
            "recall": ratio(self.right, self.gold_pairs),
            "served": self.served,
        }


def best_rank(shown: Sequence[int], cited: set[int]) -> int | None:
    """The best rank among `shown` of a sentence in `cited` (None: none shown)."""
    return next((rank for rank, sentence in enumerate(shown) if sentence in cited), None)


def shown(placed: Placements, number: int, calibration: tuple[float, float]) -> list[int]:
    """The candidate sentences the page shows for footnote `number`, best first."""
    row = placed.numbers.index(number)
    probability = recalibrate(placed.probability[row : row + 1], calibration)
    return [sentence for sentence, _ in candidates(probability, CANDIDATES, CANDIDATE_FLOOR)[0]]


def confidence(placed: Placements, calibration: tuple[float, float]) -> dict[int, float]:
    """Each footnote's best candidate's calibrated probability (the confident orders rank on it)."""
    probability = recalibrate(placed.probability, calibration)
    best = probability.max(axis=1) if probability.shape[1] else np.zeros(len(placed.numbers))
    return {number: float(value) for number, value in zip(placed.numbers, best, strict=True)}


def automatic(
    placed: Placements, calibration: tuple[float, float], threshold: float = THRESHOLD
) -> set[tuple[int, int]]:
    """The automatic links as (sentence index, footnote number) pairs: calibrated at least `threshold`."""
    probability = recalibrate(placed.probability, calibration)
    links = select(placed.numbers, probability, threshold)
    return {(sentence, number) for sentence, linked in enumerate(links) for number, _ in linked}


def served(placed: Placements, calibration: tuple[float, float], threshold: float = THRESHOLD) -> list[int]:
    """The footnotes the placement queue serves, in number order: those no automatic link cites."""
    linked = {number for _, number in automatic(placed, calibration, threshold)}
    return [number for number in placed.numbers if number not in linked]


def replay(
    placed: Placements,
    queue: Sequence[int],
    gold: Gold,
    order: Order,
    calibration: tuple[float, float] = CALIBRATION,
    cited: Cited | None = None,
) -> Tally:
    """The reviewer placing every footnote of `queue` in `order`, the alignment re-run with all its answers so far
    confirmed before each footnote is shown (``Placements.confirm``; `placed` has nothing confirmed)."""
    tally = Tally()
    remaining, current = list(queue), placed
    fixed: dict[int, int | None] = {}
    while remaining:
        number = next_footnote(order, remaining, confidence(current, calibration) if order != "number" else {})
        remaining.remove(number)
        candidates_shown = shown(current, number, calibration)
        tally.add(
            answer(candidates_shown, gold.get(number)), best_rank(candidates_shown, (cited or {}).get(number, set()))
        )
        fixed[number] = gold.get(number)
        if remaining:
            current = placed.confirm(fixed)
    return tally


def replay_positions(
    placed: Placements,
    queue: Sequence[int],
    gold: Gold,
    positions: range,
    calibration: tuple[float, float] = CALIBRATION,
    cited: Cited | None = None,
) -> Tally:
    """The answers at `positions` of a number-order replay (``replay`` with order 'number'), each computed on its
    own: what every footnote before it was confirmed as is the gold, so a long article's replay can be shared out."""
    tally = Tally()
    for position in positions:
        before = {number: gold.get(number) for number in queue[:position]}
        current = placed.confirm(before) if before else placed
        number = queue[position]
        candidates_shown = shown(current, number, calibration)
        tally.add(
            answer(candidates_shown, gold.get(number)), best_rank(candidates_shown, (cited or {}).get(number, set()))
        )
    return tally
