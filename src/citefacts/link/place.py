"""Linking: which footnotes support a sentence, when the source carries no markers.

Wikipedia numbers footnotes in the order they are first cited, so first citations follow the body:
footnote n+1 is first cited in the sentence of footnote n or after it. The linker aligns footnotes to
sentences under that constraint (``align``), weighing at each (footnote, sentence) pair the
evidence of content and position (``evidence``), and keeps a link only where the posterior
probability of that first citation clears a precision-first threshold. A footnote nothing places with
confidence stays unplaced: a wrong link misleads a reviewer more than a missing one.

Only first citations are placed: a later reuse of a footnote has no order to go by, and its content
alone proved too weak a cue on the development articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from citefacts.link.align import Array
from citefacts.link.evidence import (
    CONTENT_FEATURES,
    POSITION_FEATURES,
    comparable,
    content_features,
    position_features,
)
from citefacts.link.fixed import FREE, Fixed, pins_for
from citefacts.link.groups import align_groups, is_note
from citefacts.sentences import Passage

SUGGESTION_FLOOR = 0.4
"""Calibrated probability a footnote needs to be suggested to a reviewer (not linked, not checked).
On the two held-out halves of the dev articles, 49% of the most probable placements between 0.4 and
0.65 are right (43% between 0.4 and 0.5, 55% between 0.5 and 0.65): worth a reviewer's look, not a link."""
THRESHOLD = 0.65
"""Calibrated probability a link needs. On the two held-out halves of the dev articles: precision 0.82 /
0.80, recall 0.12 / 0.13 (at 0.7: precision 0.83 / 0.82, recall 0.09 / 0.10; at 0.6: 0.80 / 0.75, 0.14 / 0.15)."""
CANDIDATES = 5
"""Candidate sentences kept for each footnote: what a reviewer placing it by hand chooses among."""
CANDIDATE_FLOOR = 0.01
"""Calibrated probability a sentence needs to be a footnote's candidate at all."""
SAME_SENTENCE = 0.15
"""Prior chance that footnote n+1 is first cited in footnote n's sentence. 22-24% of the dev articles'
consecutive first citations share a sentence, but 0.15 places better on both held-out halves (0.22: precision
0.81 / 0.77 at recall 0.11 / 0.13 at that threshold): a shared sentence needs the evidence's support."""
ELSEWHERE = 0.02
"""Chance that a footnote is first cited outside the body's sentences (infobox, table, a notes group)."""
CALIBRATION = (0.894, 0.364)
"""Platt scaling of the posterior's log odds, fitted on held-out halves of the dev articles (``scripts/fit_linker.py``)."""
WEIGHTS = {
    "bm25_note": 0.31,
    "bm25_note_log": 0.54,
    "bm25_sentence": 0.63,
    "bm25_paragraph": 1.87,
    "shared_names": 0.25,
    "shared_numbers": 0.7,
    "quote": 0.66,
    "closes_paragraph": 0.57,
    "closes_section": 0.11,
    "opens_paragraph": -0.18,
    "length": 0.44,
    "quoted": 0.19,
}
"""Log evidence per unit of each feature, fitted as a CRF over gold first citations (``scripts/fit_linker.py``)."""


def features(sentences: list[Passage], footnotes: list[Passage]) -> dict[str, Array]:
    """Every feature the evidence weighs, broadcast to shape (footnotes, sentences)."""
    shape = (len(footnotes), len(sentences))
    table = content_features(sentences, footnotes)
    table.update({name: np.broadcast_to(row, shape) for name, row in position_features(sentences).items()})
    return table


def log_evidence(table: dict[str, Array], weights: dict[str, float]) -> Array:
    """Log likelihood ratio of each footnote being first cited in each sentence."""
    names = (*CONTENT_FEATURES, *POSITION_FEATURES)
    return sum((weights[name] * table[name] for name in names), start=np.zeros(table[names[0]].shape))


@dataclass
class Alignment:
    """The alignment's answer for footnotes in number order: posteriors, and the group each was aligned in."""

    posterior: Array
    """P(footnote i is first cited in sentence j), shape (footnotes, sentences); a row sums to less than one
    by the chance that the footnote is first cited outside the body (zero for a footnote with nothing to
    compare)."""
    groups: list[int]
    """The group each footnote was aligned with, counted from 1 in footnote order."""
    compared: list[bool]
    """Whether each footnote had a word or figure to compare (the others are placed nowhere)."""


@dataclass(frozen=True)
class Weighed:
    """What the alignment weighs for an article's footnotes in number order, computed once: placements confirmed
    later re-run the alignment on it without computing the evidence again (the costly part)."""

    numbers: list[int]
    """The footnote numbers, in row order."""
    sentences: int
    """How many body sentences the columns are."""
    logs: Array
    """Log evidence of each footnote's first citation in each sentence, shape (footnotes, sentences); zero rows
    for footnotes with nothing to compare."""
    compared: list[bool]
    """Whether each footnote had a word or figure to compare (the others are placed nowhere unless confirmed)."""
    notes: list[bool]
    """Whether each footnote reads as a prose note (groups of notes and references are aligned apart)."""


def weigh(
    sentences: list[Passage], footnotes: list[Passage], weights: dict[str, float] = WEIGHTS, grouped: bool = True
) -> Weighed:
    """The evidence for footnotes in number order; the footnotes with nothing to compare are left out of it."""
    compared = [comparable(note.text) for note in footnotes]
    rows = [row for row, ok in enumerate(compared) if ok]
    logs = np.zeros((len(footnotes), len(sentences)))
    if rows and sentences:
        logs[rows] = log_evidence(features(sentences, [footnotes[row] for row in rows]), weights)
    notes = [grouped and ok and is_note(note.text) for note, ok in zip(footnotes, compared, strict=True)]
    return Weighed([note.number for note in footnotes], len(sentences), logs, compared, notes)


def align(
    sentences: list[Passage],
    footnotes: list[Passage],
    weights: dict[str, float] = WEIGHTS,
    elsewhere: float = ELSEWHERE,
    grouped: bool = True,
    fixed: Fixed | None = None,
) -> Alignment:
    """Where each footnote, in number order, is first cited: the groups of footnotes found and each aligned
    (``align_weighed`` on the evidence ``weigh`` finds)."""
    return align_weighed(weigh(sentences, footnotes, weights, grouped), elsewhere, fixed)


def align_weighed(weighed: Weighed, elsewhere: float = ELSEWHERE, fixed: Fixed | None = None) -> Alignment:
    """Where each footnote is first cited, from its evidence.

    Each row's evidence is scaled to its best sentence, so a footnote whose evidence is flat (nothing
    in the body echoes it) leans towards 'cited elsewhere' and is placed with less confidence. A
    footnote with no word or figure to compare (empty, punctuation or markup only) is placed nowhere
    (its row is zero) and left out of the alignment, so it moves no other footnote. Notes and references
    numbered as separate groups (``groups``) are aligned apart. `fixed` holds confirmed first citations
    (footnote number -> sentence index, or None: nowhere in the body), which the alignment respects
    (``link.fixed``): their rows are certain and their neighbours are placed around them.
    """
    probability = np.zeros((len(weighed.numbers), weighed.sentences))
    pins = pins_for(weighed.numbers, fixed, weighed.sentences)
    rows = [row for row, ok in enumerate(weighed.compared) if ok or (pins is not None and pins[row] != FREE)]
    if not rows or not weighed.sentences:
        return Alignment(probability, [1] * len(weighed.numbers), weighed.compared)
    logs = weighed.logs[rows]
    evidence = np.exp(logs - logs.max(axis=1, keepdims=True))
    forms = [weighed.notes[row] for row in rows]
    kept = None if pins is None else pins[rows]
    chains = align_groups(evidence, forms, SAME_SENTENCE, np.full(len(rows), elsewhere), kept)
    group_of = np.ones(len(weighed.numbers), dtype=int)
    for number, chain in enumerate(chains, start=1):
        probability[rows[chain.start : chain.end]] = chain.posterior
        group_of[rows[chain.start] :] = number
    return Alignment(probability, [int(g) for g in group_of], weighed.compared)


def first_citations(
    sentences: list[Passage],
    footnotes: list[Passage],
    weights: dict[str, float] = WEIGHTS,
    elsewhere: float = ELSEWHERE,
) -> Array:
    """P(footnote i, in number order, is first cited in sentence j), shape (footnotes, sentences) (``align``)."""
    return align(sentences, footnotes, weights, elsewhere).posterior


def calibrate(probability: Array, calibration: tuple[float, float] = CALIBRATION) -> Array:
    """The chance that a placed link is right, from the alignment's posterior (Platt scaling)."""
    clipped = np.clip(probability, 1e-6, 1.0 - 1e-6)
    slope, intercept = calibration
    return 1.0 / (1.0 + np.exp(-(slope * np.log(clipped / (1.0 - clipped)) + intercept)))


Links = list[list[tuple[int, float]]]
"""For each sentence, footnote numbers with their probabilities, best first."""
Ranked = list[list[tuple[int, float]]]
"""For each footnote, sentence indices with their probabilities, best first."""


@dataclass
class Placements:
    """Where each footnote may be first cited: the linker's whole answer, before any threshold."""

    numbers: list[int]
    """The footnote numbers, in number order (the rows)."""
    probability: Array
    """Calibrated chance that footnote row i is first cited in sentence j, shape (footnotes, sentences); a
    confirmed footnote's row is 1 at its sentence (zero everywhere if confirmed as cited nowhere)."""
    groups: list[int]
    """The group each footnote was aligned with (notes and references numbered apart), from 1."""
    elsewhere: list[float | None]
    """The alignment's chance that each footnote is first cited outside the body; None where it had nothing
    to compare."""
    fixed: dict[int, int | None] = field(default_factory=dict)
    """The confirmed first citations the alignment respected (footnote number -> sentence index, or None)."""
    weighed: Weighed | None = field(default=None, repr=False, compare=False)
    """The evidence the placements came from, kept so that confirming placements does not compute it again."""

    def confirm(self, fixed: Fixed) -> Placements:
        """The placements re-aligned with `fixed` confirmed (all confirmed placements, replacing the earlier ones),
        on the same evidence: 0.3 s for the largest dev article (563 footnotes, 736 sentences), against 1.8 s to
        place it afresh (the evidence; its quotation matching alone took 7 s on a loaded machine)."""
        if self.weighed is None:
            raise ValueError("these placements keep no evidence to re-align; call placements() with fixed=")
        return placed(self.weighed, fixed)

    def links(self, low: float, high: float = np.inf) -> Links:
        """For each sentence, the footnotes whose chance of being first cited there is in [low, high); confirmed
        footnotes are not the linker's to link (their citation is the reviewer's)."""
        numbers = [number for number in self.numbers if number not in self.fixed]
        rows = [row for row, number in enumerate(self.numbers) if number not in self.fixed]
        return select(numbers, self.probability[rows], low, high)

    def candidates(self, top: int = CANDIDATES, floor: float = CANDIDATE_FLOOR) -> Ranked:
        """For each footnote, its `top` likeliest sentences with at least `floor`, best first."""
        return candidates(self.probability, top, floor)


def placements(sentences: list[Passage], footnotes: list[Passage], fixed: Fixed | None = None) -> Placements:
    """The footnote numbers in order, and the calibrated chance that each is first cited in each sentence.

    `fixed`: confirmed first citations, footnote number -> sentence index (into `sentences`) or None for 'cited
    nowhere in the body'; the alignment respects them, so their neighbours' candidates sharpen. A number that
    is no footnote's is ignored; a sentence index outside `sentences` is a ValueError. To confirm more later,
    ``Placements.confirm`` re-runs the alignment without computing the evidence again.
    """
    ordered = sorted(footnotes, key=lambda note: note.number)
    return placed(weigh(sentences, ordered), fixed)


def placed(weighed: Weighed, fixed: Fixed | None = None) -> Placements:
    """The calibrated placements the evidence gives, with `fixed` confirmed (``placements``)."""
    numbers = weighed.numbers
    pins_for(numbers, fixed, weighed.sentences)  # a sentence outside the body is an error, whatever the body
    confirmed = {number: fixed[number] for number in numbers if fixed and number in fixed}
    if not weighed.sentences or not numbers:
        nothing: list[float | None] = [None] * len(numbers)
        empty = np.zeros((len(numbers), weighed.sentences))
        return Placements(numbers, empty, [1] * len(numbers), nothing, {}, weighed)
    alignment = align_weighed(weighed, fixed=confirmed)
    away = 1.0 - alignment.posterior.sum(axis=1)
    elsewhere = [
        round(float(min(max(a, 0.0), 1.0)), 3) if ok or number in confirmed else None
        for a, ok, number in zip(away, alignment.compared, numbers, strict=True)
    ]
    probability = calibrate(alignment.posterior)
    for row, number in enumerate(numbers):
        if number in confirmed:
            probability[row] = alignment.posterior[row]
    return Placements(numbers, probability, alignment.groups, elsewhere, confirmed, weighed)


def candidates(probability: Array, top: int = CANDIDATES, floor: float = CANDIDATE_FLOOR) -> Ranked:
    """For each row (footnote), the `top` columns (sentences) of highest probability, at least `floor`, best first."""
    ranked: Ranked = []
    for row in probability:
        order = np.argsort(-row, kind="stable")[:top]
        ranked.append([(int(column), round(float(row[column]), 3)) for column in order if row[column] >= floor])
    return ranked


def by_sentence(numbers: list[int], ranked: Ranked, sentences: int) -> Links:
    """For each sentence, the footnotes that count it among their candidates, best first (the other view)."""
    listed: Links = [[] for _ in range(sentences)]
    for number, sentences_of in zip(numbers, ranked, strict=True):
        for column, probability in sentences_of:
            listed[column].append((number, probability))
    return [sorted(footnotes, key=lambda pair: (-pair[1], pair[0])) for footnotes in listed]


def select(numbers: list[int], probability: Array, low: float, high: float = np.inf) -> Links:
    """For each sentence, the footnotes whose chance of being first cited there is at least `low`, below `high`."""
    links: Links = [[] for _ in range(probability.shape[1])]
    for row, number in enumerate(numbers):
        for column in np.flatnonzero((probability[row] >= low) & (probability[row] < high)):
            links[int(column)].append((number, round(float(probability[row, column]), 3)))
    return [sorted(linked, key=lambda pair: -pair[1]) for linked in links]


def link(sentences: list[Passage], footnotes: list[Passage], threshold: float = THRESHOLD) -> Links:
    """For each sentence, the footnote numbers linked to it with their probabilities, best first."""
    return placements(sentences, footnotes).links(threshold)
