"""JSON-lines input and output for the eval commands (formats in the shared eval README)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from spacy.language import Language

from citefacts.errors import InputError
from citefacts.extract import extract_blocks
from citefacts.found import Found
from citefacts.plaintext import split_lines

Record = dict[str, Any]
Handler = Callable[[Language, Record], Record]


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


def dct_of(record: dict[str, Any]) -> date | None:
    value = record.get("dct")
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def text_mentions(nlp: Language, text: str, dct: date | None) -> list[Found]:
    """Mentions in a text, found line by line as the flow finds them block by block."""
    lines = split_lines(text)
    found: list[Found] = []
    blocks = extract_blocks(nlp.pipe(line.text for line in lines), dct)
    for line, mentions in zip(lines, blocks, strict=True):
        found += [Found(f.start + line.start, f.end + line.start, f.label, f.value) for f in mentions]
    return found


def run_jsonl(records: Iterable[Record], handler: Handler, nlp: Language) -> Iterator[str]:
    """Apply one record handler to every record, as JSON lines."""
    for record in records:
        yield json.dumps(handler(nlp, record), ensure_ascii=False)
