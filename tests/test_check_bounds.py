"""Bounded claims ("before 1881", "more than 5 million"): which footnote value a bound is set against
(check/verdict.py), through the extractors as ``citefacts check`` runs them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from citefacts.eval.checks import check_record


def verdict(nlp: Language, claim: str, evidence: str) -> str:
    return check_record(nlp, {"id": "x", "claim": claim, "evidence": evidence})["verdict"]


@pytest.mark.parametrize(
    ("claim", "evidence", "expected"),
    [
        pytest.param(
            "The Kessling viaduct opened before 1881.",
            "After four years of work the Kessling viaduct carried its first train in 1883.",
            "contradicted",
            id="a-year-bound-against-the-only-year-past-it",
        ),
        pytest.param(
            "Maria Tessaro was born after 4 March 1950.",
            "Tessaro was born in Udine on 12 June 1948, the daughter of a baker.",
            "contradicted",
            id="a-day-bound-against-the-only-day-short-of-it",
        ),
        pytest.param(
            "The Kessling viaduct opened before 1890.",
            "After four years of work the Kessling viaduct carried its first train in 1883.",
            "supported",
            id="a-year-bound-met-by-the-only-year",
        ),
        pytest.param(
            "The Ashby ferry resumed sailing two days after 3 May 1921.",
            "The Ashby ferry resumed sailing on 3 May 1921 after the strike.",
            "not_found",
            id="a-date-anchoring-an-offset-is-not-the-claimed-date",
        ),
    ],
)
def test_a_date_bound_against_the_footnotes_date(nlp: Language, claim: str, evidence: str, expected: str) -> None:
    assert verdict(nlp, claim, evidence) == expected


@pytest.mark.parametrize(
    ("claim", "evidence", "expected"),
    [
        pytest.param(
            "Hanna Vesk was born before 1960.",
            "Hanna Vesk (born 14 May 1971) is an Estonian painter.",
            "contradicted",
            id="a-birth-year-eleven-years-off",
        ),
        pytest.param(
            "Arvo Lind died in 1952.",
            "Lind lived in Tartu until his death in 1987.",
            "contradicted",
            id="a-death-year-decades-off",
        ),
        pytest.param(
            "The Tartu bridge was rebuilt in 1952.",
            "The Tartu bridge was first built of timber in 1875.",
            "not_found",
            id="a-year-decades-off-of-another-event",
        ),
    ],
)
def test_two_dates_of_one_event_differ_however_far_apart(
    nlp: Language, claim: str, evidence: str, expected: str
) -> None:
    assert verdict(nlp, claim, evidence) == expected


@pytest.mark.parametrize(
    ("claim", "evidence", "expected"),
    [
        pytest.param(
            "The Glass Harbour earned less than $ 90 million worldwide.",
            "The Glass Harbour grossed $ 61.2 million in the United States and $ 30.4 million elsewhere,"
            " for a worldwide total of $ 91.6 million.",
            "contradicted",
            id="the-figure-a-bound-was-drawn-from-outweighs-figures-that-meet-it",
        ),
        pytest.param(
            "The Glass Harbour earned less than $ 95 million worldwide.",
            "The Glass Harbour grossed $ 61.2 million in the United States and $ 30.4 million elsewhere,"
            " for a worldwide total of $ 91.6 million.",
            "supported",
            id="a-bound-met-by-the-total",
        ),
        pytest.param(
            "More than 2 cases were confirmed in Lom.",
            "There are 11 confirmed cases: 6 in Sofia, 3 in Lom and 2 in Varna.",
            "supported",
            id="an-equal-small-figure-of-another-place-is-no-figure-a-bound-was-drawn-from",
        ),
    ],
)
def test_a_bound_against_the_figure_it_was_drawn_from(nlp: Language, claim: str, evidence: str, expected: str) -> None:
    assert verdict(nlp, claim, evidence) == expected


def test_a_bound_kept_inside_a_count_out_of_a_total_bounds_the_count(nlp: Language) -> None:
    claim = "The second series of Orlen Street holds a score of less than 64 out of 100."
    evidence = "The second series of Orlen Street holds a score of 64 out of 100 from twelve critics."
    assert verdict(nlp, claim, evidence) == "contradicted"


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        pytest.param("Nadia Orlen has sold more than 20 million albums worldwide.", "contradicted", id="past-it"),
        pytest.param("Nadia Orlen has sold more than 17 million albums worldwide.", "supported", id="short-of-it"),
    ],
)
def test_an_estimate_is_about_its_figure_against_a_bound(nlp: Language, claim: str, expected: str) -> None:
    evidence = "Nadia Orlen has sold 6.2 million albums in Spain and an estimated 18 million albums worldwide."
    assert verdict(nlp, claim, evidence) == expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        pytest.param("The Orlen Street pilot has a score below 70 % , and more than 20 reviews.", "contradicted"),
        pytest.param("The Orlen Street pilot has a score below 75 % , and more than 15 reviews.", "supported"),
    ],
    ids=["both-ruled-out", "both-met"],
)
def test_two_bounds_read_as_one_range_are_checked_each(nlp: Language, claim: str, expected: str) -> None:
    evidence = "The Orlen Street pilot has a score of 72 % based on 18 reviews."
    assert verdict(nlp, claim, evidence) == expected


def test_a_date_bound_against_the_only_date_needs_no_shared_words(nlp: Language) -> None:
    claim = "Nadia Orlen's album Salt Roads came out after 15 July 1997."
    evidence = "It was released on 1 July 1997 by Harbour Records."
    assert verdict(nlp, claim, evidence) == "contradicted"


def test_an_estimate_stands_for_its_written_rounding_against_a_bound(nlp: Language) -> None:
    claim = "Orlen Cabs is valued at less than $ 1.1 billion."
    assert verdict(nlp, claim, "Orlen Cabs is valued at around $ 1.2 billion as of 2019.") == "contradicted"
    assert verdict(nlp, claim, "Orlen Cabs is valued at around $ 950 million as of 2019.") == "supported"


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        pytest.param("The Ashby ferry resumed sailing after 13 May.", "contradicted", id="after-that-very-day"),
        pytest.param("The Ashby ferry resumed sailing before 14 May.", "supported", id="before-the-next-day"),
    ],
)
def test_a_yearless_bound_on_the_very_day_the_source_states(nlp: Language, claim: str, expected: str) -> None:
    assert verdict(nlp, claim, "The Ashby ferry resumed sailing on 13 May 1921 after the strike.") == expected


def test_a_chart_bound_against_the_place_a_song_peaked_at(nlp: Language) -> None:
    claim = "Salt Roads ranked above 20th in Orlen."
    assert verdict(nlp, claim, "In Orlen, Salt Roads has so far peaked at number 24.") == "contradicted"


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        pytest.param(
            "Orlen had 4,512 confirmed cases as of 26 March 2021.", "contradicted", id="the-same-count-re-dated"
        ),
        pytest.param(
            "Orlen had 4,630 confirmed cases as of 26 March 2021.", "not_found", id="another-count-another-day"
        ),
    ],
)
def test_a_count_the_source_states_at_another_date(nlp: Language, claim: str, expected: str) -> None:
    evidence = "Orlen had 4,512 confirmed cases as of 24 March 2021, the health office said."
    assert verdict(nlp, claim, evidence) == expected
