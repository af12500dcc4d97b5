"""``citefacts check``: do an evidence text's dates and numbers support a claim's?"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from citefacts.check import check_value
from citefacts.eval.jsonl import text_mentions


def check_record(nlp: Language, record: dict[str, Any]) -> dict[str, Any]:
    """One ``check`` output line: do the evidence's dates and numbers support the claim's?"""
    claim, evidence = record.get("claim", ""), record.get("evidence", "")
    claim_found = [f for f in text_mentions(nlp, claim, None) if f.kind != "entity"]
    evidence_found = text_mentions(nlp, evidence, None)
    verdicts = [check_value(f, claim, evidence, evidence_found).verdict for f in claim_found]
    if "contradicted" in verdicts:
        verdict = "contradicted"
    elif verdicts and all(v == "supported" for v in verdicts):
        verdict = "supported"
    else:
        verdict = "not_found"
    return {"id": record.get("id"), "verdict": verdict}
