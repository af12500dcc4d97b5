"""Checks of measurements: figures in units of one dimension, compared after conversion (check/compare.py),
and what one ruled-out measurement does to the whole claim (check/verdict.py, eval/checks.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from citefacts.check import check_value, fact_status
from citefacts.check.compare import Reading, Relation, number_reading, relation
from citefacts.eval.checks import check_record
from citefacts.eval.jsonl import text_mentions
from citefacts.numbers import parse_number


def quantity(text: str) -> Reading:
    """A quantity read from its text as the checker reads one: kind ``number``, its unit kept."""
    value = parse_number(text)
    assert value is not None and value.unit is not None, text
    reading = number_reading(value, text, "number", None)
    assert reading is not None
    return reading


def verdict(nlp: Language, claim: str, evidence: str) -> str:
    return check_record(nlp, {"id": "x", "claim": claim, "evidence": evidence})["verdict"]


def test_three_hundred_metres_is_ruled_out_by_three_hundred_and_thirty() -> None:
    assert relation(quantity("300 m"), quantity("330 m")) is Relation.DIFFERS
    assert relation(quantity("330 m"), quantity("300 m")) is Relation.DIFFERS


def test_a_round_measurement_still_allows_a_few_per_cent() -> None:
    assert relation(quantity("300 m"), quantity("310 m")) is Relation.COMPATIBLE
    assert relation(quantity("300 m"), quantity("300.4 m")) is Relation.SUPPORTS


def test_a_round_count_keeps_its_whole_rounding() -> None:
    claim = number_reading(parse_number("300") or pytest.fail(), "300", "number", None)
    source = number_reading(parse_number("330") or pytest.fail(), "330", "number", None)
    assert claim is not None and source is not None
    assert relation(claim, source) is Relation.COMPATIBLE


@pytest.mark.parametrize(
    ("claim", "evidence", "expected"),
    [
        pytest.param(
            "The Harrowgate mast is 300 metres tall.",
            "Completed in 1962, the Harrowgate mast is 330 metres tall.",
            "contradicted",
            id="a-round-height-ten-per-cent-off-the-stated-one",
        ),
        pytest.param(
            "The Harrowgate mast is 300 metres tall.",
            "At 0.33 km tall, the Harrowgate mast can be seen from the coast.",
            "contradicted",
            id="a-round-height-against-one-in-kilometres",
        ),
        pytest.param(
            "The causeway to Ennick Island is 1 mile long.",
            "Walkers cross the 1.6 km causeway to Ennick Island at low tide.",
            "supported",
            id="a-mile-is-one-point-six-kilometres",
        ),
        pytest.param(
            "The Harrowgate mast is 300 metres tall.",
            "The Harrowgate mast is 308 metres tall.",
            "not_found",
            id="a-round-height-allows-a-few-per-cent",
        ),
    ],
)
def test_measurement_against_evidence(nlp: Language, claim: str, evidence: str, expected: str) -> None:
    assert verdict(nlp, claim, evidence) == expected


def test_one_ruled_out_measurement_makes_the_claim_contradicted(nlp: Language) -> None:
    claim = "The Harrowgate mast was finished in 1962 and is 300 metres tall."
    evidence = "The Harrowgate mast was completed in 1962; it is 330 m tall."
    claim_found, evidence_found = text_mentions(nlp, claim, None), text_mentions(nlp, evidence, None)
    verdicts = [
        check_value(f, claim, evidence, evidence_found, claim_found).verdict for f in claim_found if f.kind != "entity"
    ]
    assert sorted(verdicts) == ["contradicted", "supported"]
    assert fact_status(verdicts, cited=True) == "contradicted"
    assert verdict(nlp, claim, evidence) == "contradicted"
