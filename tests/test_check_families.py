"""Families of VitaminC failures fixed by a rule about language (issue 15), each pinned with sentences of
our own, through the extractors as ``citefacts check`` runs them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from citefacts.eval.checks import check_record


def verdict(nlp: Language, claim: str, evidence: str) -> str:
    return check_record(nlp, {"id": "x", "claim": claim, "evidence": evidence})["verdict"]


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        pytest.param("The album holds a score below 80 % on the aggregator.", "supported", id="under-the-bound"),
        pytest.param("The album holds a score above 80 % on the aggregator.", "contradicted", id="short-of-the-bound"),
        pytest.param("The album holds a score of 77 % on the aggregator.", "supported", id="the-same-score"),
    ],
)
def test_a_score_out_of_100_is_a_percentage(nlp: Language, claim: str, expected: str) -> None:
    evidence = "On the aggregator the album holds a score of 77 out of 100, based on nine reviews."
    assert verdict(nlp, claim, evidence) == expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        pytest.param("The play drew 40 reviews in its first season.", "contradicted", id="a-small-figure-is-exact"),
        pytest.param("The play drew about 40 reviews in its first season.", "supported", id="unless-said-to-be-about"),
        pytest.param("The play drew 41 reviews in its first season.", "supported", id="the-same-figure"),
    ],
)
def test_a_small_round_figure_is_counted_not_rounded(nlp: Language, claim: str, expected: str) -> None:
    evidence = "In its first season the play drew 41 reviews, most of them warm."
    assert verdict(nlp, claim, evidence) == expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        pytest.param("Halcyon was released on 14 June 2011 .", "contradicted", id="two-days-off"),
        pytest.param("Halcyon was released on 12 June 2011 .", "supported", id="the-same-day"),
    ],
)
def test_a_day_against_the_footnotes_only_day_of_the_event(nlp: Language, claim: str, expected: str) -> None:
    evidence = "On 12 June 2011 , Marta Kolber released Halcyon ."
    assert verdict(nlp, claim, evidence) == expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        pytest.param(
            "The flood claimed fewer than 40 lives in Varna .", "contradicted", id="the-own-count-rules-it-out"
        ),
        pytest.param("The flood claimed fewer than 50 lives in Varna .", "supported", id="the-own-count-meets-it"),
    ],
)
def test_a_bound_met_only_by_a_figure_of_another_thing_far_past_it(nlp: Language, claim: str, expected: str) -> None:
    evidence = "46 people in Varna drowned in the flood , and one further death was reported in a nearby village ."
    assert verdict(nlp, claim, evidence) == expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        pytest.param("Averaged over 12 critics , the play holds a rating of 70 % .", "supported", id="over-is-across"),
        pytest.param("Based on more than 12 critics , the play holds a rating of 70 % .", "contradicted", id="a-bound"),
    ],
)
def test_averaged_over_a_figure_is_no_bound(nlp: Language, claim: str, expected: str) -> None:
    evidence = "On the aggregator the play holds a rating of 70 % based on 12 reviews ."
    assert verdict(nlp, claim, evidence) == expected


@pytest.mark.parametrize(
    ("claim", "expected"),
    [
        pytest.param(
            "Lena Sorvik joined the choir at an age above 11 years .", "supported", id="above-an-age-in-years"
        ),
        pytest.param("Lena Sorvik was older than 11 years when she joined the choir .", "supported", id="older-than"),
        pytest.param("Lena Sorvik was 12 years old when she joined the choir .", "supported", id="years-old"),
    ],
)
def test_an_age_in_years_is_the_number_of_an_age(nlp: Language, claim: str, expected: str) -> None:
    evidence = "Sorvik joined the choir at the age of 12 , a year before her sister ."
    assert verdict(nlp, claim, evidence) == expected
