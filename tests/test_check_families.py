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
