"""``citefacts check``: do an evidence text's dates and numbers support a claim's?

A claim is checked value by value with the pipeline's own ``check_value``, the evidence's citation fields
read as the flow reads a footnote's (a headline's figures are rounded; nothing after a publication date
is contradicted); the claim's verdict
aggregates them: contradicted when any value is; supported when at least half of its values are
confirmed (a claim often carries incidental details, such as a year, that the evidence leaves
out); not found otherwise. A claim whose digits the extractors did not read as values (a title such as
"Chapter 3") is judged on those digits appearing in the evidence.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language

from citefacts.check import NOT_COMPARABLE, check_value
from citefacts.eval.jsonl import text_mentions
from citefacts.mention import DocMention
from citefacts.read.cite import parse_footnote

SUPPORTED_SHARE = 0.5
"""The share of a claim's values that must be confirmed for the claim to count as supported."""
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


def check_record(nlp: Language, record: dict[str, Any]) -> dict[str, Any]:
    """One ``check`` output line: do the evidence's dates and numbers support the claim's?"""
    claim, evidence = record.get("claim", ""), record.get("evidence", "")
    claim_found = text_mentions(nlp, claim, None)
    evidence_found = text_mentions(nlp, evidence, None)
    return {"id": record.get("id"), "verdict": claim_verdict(claim, evidence, claim_found, evidence_found)}


def claim_verdict(claim: str, evidence: str, claim_found: list[DocMention], evidence_found: list[DocMention]) -> str:
    """The verdict on a whole claim from the verdicts on its dates and numbers."""
    valued = [f for f in claim_found if f.kind != "entity"]
    citations = parse_footnote(evidence, 0)
    outcomes = [check_value(f, claim, evidence, evidence_found, claim_found, citations) for f in valued]
    verdicts = [o.verdict for o in outcomes if o.note != NOT_COMPARABLE]
    if "contradicted" in verdicts:
        return "contradicted"
    if not verdicts:
        return _digits_verdict(claim, evidence)
    confirmed = verdicts.count("supported")
    return "supported" if confirmed and confirmed >= SUPPORTED_SHARE * len(verdicts) else "not_found"


def _digits_verdict(claim: str, evidence: str) -> str:
    """Without extracted values: supported when every digit group of the claim is in the evidence."""
    digits = _DIGITS.findall(claim)
    evidence_digits = set(_DIGITS.findall(evidence))
    return "supported" if digits and all(d in evidence_digits for d in digits) else "not_found"
