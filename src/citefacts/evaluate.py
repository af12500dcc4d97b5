"""The eval commands: the flow's own extraction, linking and checking on JSON-lines gold inputs.

``spans``, ``link`` and ``check`` follow the formats of the shared eval README, so any gold set
can be scored with the same code the flow runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language

from citefacts.check import check_value
from citefacts.errors import InputError
from citefacts.extract import extract
from citefacts.found import Found
from citefacts.link import Unit
from citefacts.models import DateValue, Footnote, NumberValue, ParsedSource
from citefacts.pipeline import analyse, link_sentences
from citefacts.plaintext import body_blocks, split_lines


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Records of a JSON-lines file; a malformed line is an error naming the file and line."""
    try:
        stream = path.open(encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror}", str(path)) from error
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"malformed JSON: {error.msg}", str(path), f"line {number}") from error
            if not isinstance(record, dict):
                raise InputError("expected a JSON object", str(path), f"line {number}")
            yield record


def _dct(record: dict[str, Any]) -> date | None:
    value = record.get("dct")
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def text_mentions(nlp: Language, text: str, dct: date | None) -> list[Found]:
    """Mentions in a text, found line by line as the flow finds them block by block."""
    lines = split_lines(text)
    found: list[Found] = []
    for line, doc in zip(lines, nlp.pipe(line.text for line in lines), strict=True):
        found += [Found(f.start + line.start, f.end + line.start, f.label, f.value) for f in extract(doc, dct)]
    return found


def spans_record(nlp: Language, record: dict[str, Any]) -> dict[str, Any]:
    """One ``spans`` output line for one input record."""
    text = record.get("text") or record.get("input") or ""
    found = text_mentions(nlp, text, _dct(record))
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
    return {"id": record.get("id", record.get("doc_id")), "timexes": timexes, "numbers": numbers, "entities": entities}


def link_record(nlp: Language, record: dict[str, Any]) -> dict[str, Any]:
    """One ``link`` output line: the body's sentences the linker links, with their footnotes."""
    body = record.get("body", "")
    notes = record.get("footnotes", [])
    footnotes = [
        Footnote(id=f"n{n['n']}", number=int(n["n"]), start=0, end=len(n.get("text", "")), text=n.get("text", ""))
        for n in notes
    ]
    parsed = ParsedSource(
        path=str(record.get("id")), raw=body, format="text", blocks=body_blocks(split_lines(body)), footnotes=footnotes
    )
    analysis = analyse(parsed, nlp)
    links = link_sentences(analysis)
    out = [
        {"start": s.start, "end": s.end, "footnotes": [number for number, _ in linked]}
        for s, linked in zip(analysis.sentences, links, strict=True)
        if linked
    ]
    return {"id": record.get("id"), "links": out}


def check_record(nlp: Language, record: dict[str, Any]) -> dict[str, Any]:
    """One ``check`` output line: do the evidence's dates and numbers support the claim's?"""
    claim, evidence = record.get("claim", ""), record.get("evidence", "")
    claim_found = [f for f in text_mentions(nlp, claim, None) if f.kind != "entity"]
    evidence_unit = Unit(evidence, text_mentions(nlp, evidence, None))
    verdicts = [check_value(f, claim, evidence_unit.text, evidence_unit.found).verdict for f in claim_found]
    if "contradicted" in verdicts:
        verdict = "contradicted"
    elif verdicts and all(v == "supported" for v in verdicts):
        verdict = "supported"
    else:
        verdict = "not_found"
    return {"id": record.get("id"), "verdict": verdict}


def run_jsonl(records: Iterable[dict[str, Any]], handler: Any, nlp: Language) -> Iterator[str]:
    """Apply one record handler to every record, as JSON lines."""
    for record in records:
        yield json.dumps(handler(nlp, record), ensure_ascii=False)
