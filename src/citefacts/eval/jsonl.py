"""JSON-lines input and output for the eval commands (formats in the shared eval README)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from spacy.language import Language

from citefacts.errors import InputError
from citefacts.extract import extract_blocks
from citefacts.mention import DocMention
from citefacts.read.plaintext import split_lines

Record = dict[str, Any]
Handler = Callable[[Language, Record], Record]


def read_jsonl(path: Path, schema: type[BaseModel] | None = None) -> list[Record]:
    """Records of a JSON-lines file, each checked against `schema` when one is given.

    A file that is not UTF-8, a malformed line, a wrong field or an empty file is an error naming the
    file and line; a checked record comes back with the schema's field names and its own extra fields.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read file: {error.strerror}", str(path)) from error
    records = [
        _record(line, schema, str(path), number) for number, line in enumerate(data.splitlines(), 1) if line.strip()
    ]
    if not records:
        raise InputError("no records: the file is empty", str(path))
    return records


def _record(line: bytes, schema: type[BaseModel] | None, path: str, number: int) -> Record:
    place = f"line {number}"
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise InputError(
            f"not UTF-8 (invalid byte 0x{line[error.start]:02x} at byte {error.start + 1} of the line)", path, place
        ) from error
    except RecursionError as error:
        raise InputError("malformed JSON: nested too deep", path, place) from error
    except json.JSONDecodeError as error:
        raise InputError(f"malformed JSON: {error.msg}", path, place) from error
    if not isinstance(record, dict):
        raise InputError("expected a JSON object", path, place)
    if schema is None:
        return record
    try:
        checked = schema.model_validate(record)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"]) or "record"
        # A validator's own message as it was raised, without pydantic's "Value error, " prefix.
        raised = first.get("ctx", {}).get("error") if first["type"] == "value_error" else None
        message = str(raised) if raised is not None else first["msg"]
        raise InputError(f"field {field!r}: {message}", path, place) from error
    return {**record, **checked.model_dump()}


def dct_of(record: dict[str, Any]) -> date | None:
    """The creation date of a record checked by :class:`~citefacts.eval.records.SpansInput` (None: none given)."""
    value = record.get("dct")
    return date.fromisoformat(value[:10]) if value else None


def text_mentions(nlp: Language, text: str, dct: date | None) -> list[DocMention]:
    """Mentions in a text, found line by line as the flow finds them block by block."""
    lines = split_lines(text)
    found: list[DocMention] = []
    blocks = extract_blocks(nlp.pipe(line.text for line in lines), dct)
    for line, mentions in zip(lines, blocks, strict=True):
        found += [DocMention(f.start + line.start, f.end + line.start, f.label, f.value) for f in mentions]
    return found


def run_jsonl(records: Iterable[Record], handler: Handler, nlp: Language) -> Iterator[str]:
    """Apply one record handler to every record, as JSON lines."""
    for record in records:
        yield json.dumps(handler(nlp, record), ensure_ascii=False)
