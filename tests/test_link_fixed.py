"""Confirmed placements: the alignment holds a reviewer's placements and places the other footnotes around them."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citefacts.link import placements
from citefacts.link.fixed import FREE, NOWHERE, in_order
from citefacts.sentences import Passage

BODY = [
    ("The lighthouse at Carrow Point was completed in 1832 by the harbour trust.", 0),
    ("The committee met again in the spring to review the accounts.", 1),
    ("Several members asked for a longer consultation period.", 1),
    ("A second report followed after the summer recess.", 2),
    ("Local newspapers covered the debate in some detail.", 2),
    ("The chairman thanked the volunteers for their work.", 3),
    ("Minutes of the meeting were published the following week.", 3),
    ("Attendance was lower than in previous years.", 4),
    ("The next session was scheduled for the autumn.", 4),
    ("The quarry railway closed after the breakwater was finished.", 5),
]
NOTES = [
    '"The lighthouse at Carrow Point was completed by the harbour trust in 1832."',
    "Donald (1996), pp. 30–33.",
    "Hartley (2004), p. 12.",
    "Morgan (1988), pp. 101–104.",
    '"The quarry railway closed once the breakwater was finished." Penmoor Historical Society.',
]


def body() -> list[Passage]:
    return [Passage(text, block=block) for text, block in BODY]


def notes() -> list[Passage]:
    return [Passage(text, number=number) for number, text in enumerate(NOTES, start=1)]


def test_no_confirmed_placement_changes_nothing() -> None:
    plain, empty = placements(body(), notes()), placements(body(), notes(), fixed={})
    assert np.array_equal(plain.probability, empty.probability) and empty.fixed == {}
    assert plain.links(0.65) == empty.links(0.65)


def test_a_confirmed_placement_moves_its_neighbours_candidates() -> None:
    free = placements(body(), notes())
    # footnotes 2-4 are bibliographic: only order places them, over the sentences between 1 and 5
    assert len({sentence for sentence, _ in free.candidates()[2]}) >= 3
    confirmed = placements(body(), notes(), fixed={2: 6})
    after = [sentence for sentence, _ in confirmed.candidates()[2]]
    assert after and all(sentence >= 6 for sentence in after)
    assert confirmed.candidates()[2] != free.candidates()[2]
    # and the footnote before it stands at or before sentence 6
    assert confirmed.probability[0, :7].sum() == pytest.approx(free.probability[0, :7].sum(), abs=0.05)
    assert confirmed.candidates()[1] == [(6, 1.0)]


def test_a_later_confirmed_placement_bounds_the_footnotes_before_it() -> None:
    confirmed = placements(body(), notes(), fixed={4: 3})
    assert all(sentence <= 3 for row in (1, 2) for sentence, _ in confirmed.candidates()[row])
    assert confirmed.probability[1, 4:].max() < 1e-4  # the calibration's floor


def test_a_confirmed_footnote_is_certain_and_not_the_linkers_link() -> None:
    confirmed = placements(body(), notes(), fixed={2: 6, 3: None})
    assert confirmed.probability[1, 6] == 1.0 and confirmed.probability[1].sum() == 1.0
    assert confirmed.probability[2].sum() == 0.0 and confirmed.elsewhere[2] == 1.0
    assert confirmed.elsewhere[1] == 0.0
    linked = {number for sentence in confirmed.links(0.0) for number, _ in sentence}
    assert not linked & {2, 3}


def test_a_footnote_confirmed_nowhere_moves_no_other_footnote() -> None:
    free = placements(body(), notes())
    nowhere = placements(body(), notes(), fixed={3: None})
    for row in (0, 4):
        assert int(nowhere.probability[row].argmax()) == int(free.probability[row].argmax())


def test_a_confirmed_placement_outside_the_body_is_refused() -> None:
    with pytest.raises(ValueError, match="footnote 2"):
        placements(body(), notes(), fixed={2: len(BODY)})


def test_an_unknown_footnote_number_is_ignored() -> None:
    assert placements(body(), notes(), fixed={99: 1}).fixed == {}


def test_confirmed_placements_out_of_order_keep_the_longest_run_in_order() -> None:
    pins = np.array([2, FREE, 7, 3, 5, NOWHERE, 6], dtype=np.int64)
    assert in_order(pins).tolist() == [True, False, False, True, True, False, True]
    confirmed = placements(body(), notes(), fixed={2: 8, 3: 2})
    assert confirmed.probability[1, 8] == 1.0 and confirmed.probability[2, 2] == 1.0
    assert np.isfinite(confirmed.probability).all()


def test_confirmed_placements_far_apart_in_a_long_body_both_hold() -> None:
    from citefacts.link.align import GapPrior, posteriors
    from citefacts.link.fixed import FLOOR, pinned

    length, notes = 900, 300
    evidence = np.ones((notes, length))
    pins = np.full(notes, FREE, dtype=np.int64)
    pins[[0, 1, 2]] = [850, 860, 861]  # the first footnotes confirmed near the end, far past the gap prior's cut
    prior = GapPrior.for_article(length, notes, 0.15)
    with np.errstate(all="raise"):
        rows, away = pinned(evidence, np.full(notes, 0.02), pins)
        posterior, likelihood = posteriors(rows, prior, away, floor=FLOOR)
    assert np.isfinite(posterior).all() and np.isfinite(likelihood)
    assert posterior[0, 850] == pytest.approx(1.0) and posterior[2, 861] == pytest.approx(1.0)
    assert posterior[3, :861].sum() == pytest.approx(0.0, abs=1e-9)


def test_two_confirmed_placements_further_apart_than_the_gap_prior_reaches_both_hold() -> None:
    text = "The council discussed the harbour accounts at length in session {}."
    sentences = [Passage(text.format(i), block=i // 4) for i in range(400)]
    numbers = [Passage(f"Report of session {i}.", number=i // 2 + 1) for i in range(0, 400, 2)]
    confirmed = placements(sentences, numbers, fixed={1: 5, 2: 395})
    assert np.isfinite(confirmed.probability).all()
    assert confirmed.probability[0, 5] == 1.0 and confirmed.probability[1, 395] == 1.0
    assert confirmed.probability[2, :395].max() < 1e-4


def test_confirming_on_kept_evidence_gives_what_placing_afresh_gives() -> None:
    free = placements(body(), notes())
    again = free.confirm({2: 6, 4: None})
    afresh = placements(body(), notes(), fixed={2: 6, 4: None})
    assert np.array_equal(again.probability, afresh.probability) and again.fixed == {2: 6, 4: None}
    assert again.elsewhere == afresh.elsewhere and again.groups == afresh.groups
    # confirming anew replaces what was confirmed before
    assert np.array_equal(again.confirm({}).probability, free.probability)


def test_a_footnote_with_nothing_to_compare_can_still_be_confirmed() -> None:
    with_empty = [*notes(), Passage("—", number=6)]
    assert placements(body(), with_empty).candidates()[5] == []
    confirmed = placements(body(), with_empty, fixed={6: 9})
    assert confirmed.probability[5, 9] == 1.0
    assert confirmed.probability[4, 9] > 0.5  # footnote 5 before it still stands where its quotation is


def test_no_body_refuses_a_confirmed_sentence() -> None:
    with pytest.raises(ValueError, match="footnote 1"):
        placements([], notes(), fixed={1: 0})


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 40),
    st.integers(1, 30),
    st.data(),
)
def test_any_confirmed_placements_keep_every_row_a_probability(sentences: int, footnotes: int, data: Any) -> None:
    from citefacts.link.groups import align_groups

    evidence = np.exp(
        data.draw(st.lists(st.floats(-6, 6), min_size=sentences * footnotes, max_size=sentences * footnotes))
    )
    evidence = np.asarray(evidence).reshape(footnotes, sentences)
    forms = data.draw(st.lists(st.booleans(), min_size=footnotes, max_size=footnotes))
    choice = st.one_of(st.just(FREE), st.just(NOWHERE), st.integers(0, sentences - 1))
    pins = np.array(data.draw(st.lists(choice, min_size=footnotes, max_size=footnotes)), dtype=np.int64)
    chains = align_groups(evidence, forms, 0.15, np.full(footnotes, 0.02), pins)
    posterior = np.vstack([chain.posterior for chain in chains])
    assert np.isfinite(posterior).all() and (posterior.sum(axis=1) <= 1 + 1e-9).all()
    for row, pin in enumerate(pins):
        if pin == NOWHERE:
            assert posterior[row].sum() == 0.0
        elif pin >= 0:
            assert posterior[row, pin] == 1.0 and posterior[row].sum() == 1.0
