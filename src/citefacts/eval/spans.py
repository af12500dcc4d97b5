"""``citefacts spans``: the flow's sentence splitting and extraction on one text per line."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from citefacts.eval.jsonl import dct_of, text_mentions
from citefacts.models import DateValue, NumberValue


def spans_record(nlp: Language, record: dict[str, Any]) -> dict[str, Any]:
    """One ``spans`` output line for one input record."""
    text = record.get("text") or record.get("input") or ""
    found = text_mentions(nlp, text, dct_of(record))
    timexes, numbers, entities = [], [], []
    for item in found:
        base = {"start": item.start, "end": item.end, "text": text[item.start : item.end]}
        value = item.value
        if isinstance(value, DateValue):
            timexes.append({**base, "type": value.type, "value": value.timex})
        elif isinstance(value, NumberValue):
            numbers.append(
                {
                    **base,
                    "value": value.value,
                    "low": value.low,
                    "high": value.high,
                    "unit": value.unit,
                    "kind": value.number_kind,
                }
            )
        else:
            entities.append({**base, "label": item.label})
    record_id = record.get("id", record.get("doc_id"))
    return {"id": record_id, "doc_id": record_id, "timexes": timexes, "numbers": numbers, "entities": entities}
