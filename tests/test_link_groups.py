"""Groups of footnotes: explanatory notes listed before the references, and footnotes cited outside the body."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from citefacts.link import link
from citefacts.link.align import GapPrior, posteriors
from citefacts.link.groups import boundaries, is_note
from citefacts.link.place import align
from citefacts.models import Document
from citefacts.sentences import Passage

BODY = [
    ("Harrowby Mill was built on the river Leen in 1786 by the cotton spinner Samuel Grice.", 0),
    ("Grice leased the site from the Harrowby estate for ninety-nine years.", 0),
    ("Water from the Leen drove two breast-shot wheels that powered the carding engines.", 1),
    ("The wheels were replaced by a Boulton and Watt beam engine in 1811.", 1),
    ("By 1830 the mill employed three hundred and forty hands, most of them children.", 2),
    ("A factory inspector reported in 1833 that the children worked thirteen hours a day.", 2),
    ("The mill burned down in the great fire of 1862 and was rebuilt in brick.", 3),
    ("The rebuilt mill spun lace thread for the Nottingham trade until 1931.", 3),
    ("During the Second World War the building stored parachute silk for the Air Ministry.", 4),
    ("The Harrowby estate sold the mill to the city council in 1958.", 4),
    ("The council converted the mill into a museum of the cotton industry in 1975.", 5),
    ("The museum keeps the beam engine, which is steamed on the first Sunday of each month.", 5),
]
REFERENCES = [
    'Chapman, Stanley (1967). "Harrowby Mill built on the Leen in 1786 by Samuel Grice". Textile History.',
    'Fitton, R. S. (1989). "Boulton and Watt beam engine replaced the wheels at Harrowby in 1811". Manchester.',
    'Factory Inquiry Commission (1833). "Children worked thirteen hours a day at Harrowby". HMSO.',
    '"Lace thread spun at the rebuilt mill for the Nottingham trade until 1931". Nottingham Post. 4 May 1931.',
    '"Council converts Harrowby Mill into a museum of the cotton industry". The Guardian. 2 June 1975.',
]
NOTES = [
    "The fire of 1862 in which the mill burned down started in the carding room; the mill was rebuilt in brick.",
    "The parachute silk was stored for the Air Ministry on the upper floors during the Second World War.",
    "The beam engine is steamed by volunteers on the first Sunday of each month from March to October.",
]
RIGHT = {
    "Chapman": 0,
    "Fitton": 3,
    "Factory": 5,
    "Lace": 7,
    "Council": 10,
    "The fire": 6,
    "The parachute": 8,
    "The beam": 11,
}
"""Each footnote (its opening) and the body sentence it supports."""


def body() -> list[Passage]:
    return [Passage(text, block=block) for text, block in BODY]


def footnotes(texts: list[str]) -> list[Passage]:
    return [Passage(text, number=number) for number, text in enumerate(texts, start=1)]


def linked_to(texts: list[str], links: list[list[tuple[int, float]]]) -> dict[str, int]:
    """Each linked footnote's opening word(s), as in ``RIGHT``, and the sentence it is linked to."""
    openings = {
        number: next(k for k in RIGHT if text.lstrip('"').startswith(k)) for number, text in enumerate(texts, 1)
    }
    return {openings[number]: index for index, linked in enumerate(links) for number, _ in linked}


def test_prose_notes_and_citations_are_told_apart_by_their_form() -> None:
    assert all(is_note(text) for text in NOTES)
    assert not any(is_note(text) for text in REFERENCES)


@pytest.mark.parametrize(
    ("forms", "cuts"),
    [
        ("NNNNRRRRRRRR", [4]),
        ("NNNNNNRRNRRRRRRR", [6]),  # a reference that reads as a note after the run does not hide it
        ("RRRRRRRRNNN", [8]),  # references first, then the notes fill the rest
        ("RNRRNRRRNNRRRNRR", []),  # notes and references interleaved: one numbering
        ("NRRRRRR", [1]),  # a single note may be a group: the alignment decides
        ("RRRRRRRR", []),
        ("N", []),
    ],
)
def test_a_boundary_is_where_a_run_of_notes_meets_a_run_of_references(forms: str, cuts: list[int]) -> None:
    assert boundaries([form == "N" for form in forms]) == cuts


def test_notes_listed_before_the_references_are_aligned_as_a_group_of_their_own() -> None:
    texts = NOTES + REFERENCES  # the plain-text copy's order: notes [a] [b], then references [1]-[5]
    grouped = align(body(), footnotes(texts))
    assert grouped.groups == [1, 1, 1, 2, 2, 2, 2, 2]
    best = {text: int(column) for text, column in zip(texts, grouped.posterior.argmax(axis=1), strict=True)}
    assert {key: column for text, column in best.items() for key in RIGHT if text.lstrip('"').startswith(key)} == RIGHT
    linked = linked_to(texts, link(body(), footnotes(texts)))
    assert linked.items() <= RIGHT.items() and {"Chapman", "Fitton", "Factory", "Lace", "Council"} <= set(linked)
    # aligned as one chain, the notes must come before the references: squeezed into the first sentences
    one_chain = align(body(), footnotes(texts), grouped=False)
    assert one_chain.groups == [1] * len(texts)
    assert all(column <= 1 for column in one_chain.posterior[:3].argmax(axis=1))


def test_references_in_their_own_numbering_stay_one_group() -> None:
    texts = REFERENCES[:3] + NOTES[:1] + REFERENCES[3:4] + NOTES[1:2] + REFERENCES[4:] + NOTES[2:]  # one numbering
    assert align(body(), footnotes(texts)).groups == [1] * len(texts)
    assert linked_to(texts, link(body(), footnotes(texts))) == RIGHT


def test_a_footnote_cited_outside_the_body_moves_no_other_footnote() -> None:
    infobox = 'Friends of the Museum (2020). "Annual report: the beam engine steamed each month by volunteers".'
    texts = [infobox, *REFERENCES]  # the infobox's citation comes first and has no sentence in the body
    alignment = align(body(), footnotes(texts))
    assert 1.0 - alignment.posterior[0].sum() > 0.5, "likely cited elsewhere, though it echoes the last sentence"
    assert all(number != 1 for linked in link(body(), footnotes(texts)) for number, _ in linked)
    alone = align(body(), footnotes(REFERENCES))
    assert list(alignment.posterior[1:].argmax(axis=1)) == list(alone.posterior.argmax(axis=1)) == [0, 3, 5, 7, 10]


@pytest.mark.parametrize(("open_end", "elsewhere"), [(True, 0.0), (False, (0.1, 0.4, 0.02)), (True, (0.3, 0.0, 0.2))])
def test_posteriors_match_enumeration_with_an_open_end_and_elsewhere_per_footnote(
    open_end: bool, elsewhere: float | tuple[float, ...]
) -> None:
    evidence = np.random.default_rng(11).random((3, 5)) + 0.1
    away = np.broadcast_to(np.asarray(elsewhere, dtype=np.float64), (3,))
    prior = GapPrior(same=0.2, mean=2.5)
    kernel, edge = prior.kernel(5), prior.edge(5)
    total, marginals = 0.0, np.zeros((3, 5))
    for path in itertools.product(range(-1, 5), repeat=3):
        placed = [(n, s) for n, s in enumerate(path) if s >= 0]
        if any(b < a for (_, a), (_, b) in itertools.pairwise(placed)):
            continue
        weight = float(np.prod([away[n] if s < 0 else (1 - away[n]) * evidence[n, s] for n, s in enumerate(path)]))
        if placed:
            weight *= edge[placed[0][1]] * (1.0 if open_end else edge[4 - placed[-1][1]])
            weight *= float(np.prod([kernel[b - a] for (_, a), (_, b) in itertools.pairwise(placed)]))
        elif not open_end:
            weight *= edge[-1]
        total += weight
        for n, s in placed:
            marginals[n, s] += weight
    joint, log_likelihood = posteriors(evidence, prior, away.copy(), open_end)
    assert np.allclose(joint, marginals / total)
    assert log_likelihood == pytest.approx(np.log(total))


def test_the_seed_lists_its_ten_notes_before_its_references_and_they_are_aligned_apart(seed_document: Document) -> None:
    candidates = seed_document.candidates
    assert candidates is not None
    assert [c.group for c in candidates.footnotes] == [1] * 10 + [2] * (len(seed_document.footnotes) - 10)
    # the first references are placed from the body's start again, not after the last note
    first_reference = candidates.footnotes[10]
    assert first_reference.sentences[0].start < 2000
    assert all(c.elsewhere is not None and 0.0 <= c.elsewhere <= 1.0 for c in candidates.footnotes)
