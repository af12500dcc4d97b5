"""The simulated reviewer: what each answer costs, which footnote the queue serves next, and replays on a tiny
made-up article agreeing however they are computed."""

from __future__ import annotations

import numpy as np
import pytest

from citefacts.eval.reviewer import (
    SEARCH_PRESSES,
    Answer,
    Tally,
    answer,
    best_rank,
    next_footnote,
    recalibrate,
    replay,
    replay_positions,
    served,
    shown,
)
from citefacts.link import CALIBRATION, calibrate, placements
from citefacts.sentences import Passage

BODY = [
    ("The Ostrava tramway opened its first line to the brickworks in 1894.", 0),
    ("Horses pulled the cars until the line was electrified.", 0),
    ("The council bought the company from its Belgian owners in 1921.", 1),
    ("Ridership fell during the long strike of the miners.", 1),
    ("A new depot at Hrabůvka replaced the old sheds near the market.", 2),
    ("The last horse car ran on a holiday excursion.", 2),
    ("Articulated cars from Plzeň entered service on the eastern routes.", 3),
    ("The network reached its greatest length of 48 kilometres in 1966.", 3),
]
NOTES = [
    '"Opening of the brickworks tramway in 1894." Ostrava Gazette.',
    "Novák (1978), p. 41.",
    '"Council buys tramway from Belgian owners, 1921." Ostrava Gazette.',
    "Svoboda (2001), pp. 12–14.",
    "Map of the region, 1910 (inset).",
    '"The network at its greatest: 48 kilometres in 1966." Transport Review.',
]
GOLD: dict[int, int | None] = {1: 0, 2: 1, 3: 2, 4: 4, 5: None, 6: 7}


def body() -> list[Passage]:
    return [Passage(text, block=block) for text, block in BODY]


def notes() -> list[Passage]:
    return [Passage(text, number=number) for number, text in enumerate(NOTES, start=1)]


@pytest.mark.parametrize(
    ("shown_sentences", "gold", "expected"),
    [
        ([4, 2, 9], 4, Answer("1", 1, 0)),
        ([4, 2, 9, 7, 1], 1, Answer("5", 1, 4)),
        ([4, 2, 9], 3, Answer("/", SEARCH_PRESSES, None)),
        ([], 3, Answer("/", SEARCH_PRESSES, None)),
        ([4, 2, 9], None, Answer("0", 1, None)),
    ],
)
def test_answer_presses_the_right_candidates_key_else_searches(
    shown_sentences: list[int], gold: int | None, expected: Answer
) -> None:
    assert answer(shown_sentences, gold) == expected


def test_tally_counts_presses_per_footnote_and_shown_only_over_placeable_footnotes() -> None:
    tally = Tally()
    for result in (answer([3, 5], 3), answer([1, 2, 3, 4], 4), answer([1], None), answer([1], 8)):
        tally.add(result)
    figures = tally.figures()
    assert figures["presses"] == (1 + 1 + 1 + SEARCH_PRESSES) / 4
    assert figures["top3"] == 1 / 3 and figures["top5"] == 2 / 3
    assert figures["precision"] is None and figures["served"] == 4
    assert tally.merge(tally).figures()["presses"] == figures["presses"]


def test_a_later_citation_shown_counts_beside_the_first_citation_not_for_the_key() -> None:
    tally = Tally()
    shown_sentences = [6, 2, 9]
    tally.add(answer(shown_sentences, 4), best_rank(shown_sentences, {4, 9}))
    tally.add(answer(shown_sentences, None), best_rank(shown_sentences, {6}))
    assert best_rank(shown_sentences, {9, 2}) == 1 and best_rank(shown_sentences, {5}) is None
    assert tally.presses == SEARCH_PRESSES + 1 and tally.shown_top3 == 0 and tally.cited_top3 == 1
    assert tally.figures()["cited_top3"] == 1.0


def test_next_footnote_by_number_or_by_the_best_candidates_probability_ties_by_number() -> None:
    remaining = [3, 4, 7, 9]
    confidence = {3: 0.2, 4: 0.9, 7: 0.9, 9: 0.05}
    assert next_footnote("number", remaining, confidence) == 3
    assert next_footnote("confident", remaining, confidence) == 4
    assert next_footnote("unsure", remaining, confidence) == 9
    assert next_footnote("unsure", [5, 6], {}) == 5


def test_recalibrate_undoes_the_shipped_calibration_and_keeps_zero_rows() -> None:
    raw = np.array([[0.05, 0.3, 0.6], [0.0, 0.0, 0.0]])
    shipped = calibrate(raw)
    shipped[1] = 0.0
    again = recalibrate(shipped, (1.2, -0.4))
    np.testing.assert_allclose(again[0], calibrate(raw[0], (1.2, -0.4)), rtol=1e-6)
    assert not again[1].any()
    assert recalibrate(shipped, CALIBRATION) is shipped


def test_replay_in_number_order_agrees_with_its_positions_computed_apart() -> None:
    placed = placements(body(), notes())
    queue = served(placed, CALIBRATION)
    cited = {number: {sentence} if sentence is not None else set() for number, sentence in GOLD.items()}
    whole = replay(placed, queue, GOLD, "number", CALIBRATION, cited)
    parts = replay_positions(placed, queue, GOLD, range(0, 2), CALIBRATION, cited).merge(
        replay_positions(placed, queue, GOLD, range(2, len(queue)), CALIBRATION, cited)
    )
    assert whole == parts and whole.served == len(queue)
    assert whole.cited_top5 == whole.shown_top5
    assert whole.nowhere == (5 in queue)


def test_every_order_serves_every_footnote_once() -> None:
    placed = placements(body(), notes())
    queue = [number for number, _ in enumerate(NOTES, start=1)]
    for order in ("number", "confident", "unsure"):
        tally = replay(placed, queue, GOLD, order)
        assert tally.served == 6 and tally.nowhere == 1 and tally.placeable == 5
        assert tally.presses >= 6


def test_shown_candidates_are_the_placements_ranked_sentences() -> None:
    placed = placements(body(), notes())
    assert shown(placed, 6, CALIBRATION) == [s for s, _ in placed.candidates()[5]]
