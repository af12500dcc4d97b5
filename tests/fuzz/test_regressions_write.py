"""What the round-trip fuzzer found in loading output files, one plain test each, with the smallest input.

Each was found by fuzzing and fixed in write.py, validate.py or eval/jsonl.py.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from citefacts.errors import InputError, ValidationFailed
from citefacts.models import Document, Footnote, Pipeline, Source
from citefacts.read.source import MAX_BYTES
from citefacts.validate import validate_file
from citefacts.write import load_document, write_document

EMPTY = Document(
    source=Source(path="a.txt", sha256="0" * 64, chars=0),
    pipeline=Pipeline(version="0", spacy_version="0", model_name="m", model_version="0", dateparser_version="0"),
    extracted_at=datetime(2026, 1, 1, tzinfo=UTC),
    footnotes=[],
    facts=[],
)


def _with_unknown_key(tmp_path: Path, key: str) -> Path:
    data = json.loads(EMPTY.model_dump_json())
    data[key] = None
    path = tmp_path / "unknown-key.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("key", ["\n", "\r"])
def test_an_unknown_key_holding_a_line_break_is_refused_in_one_line(tmp_path: Path, key: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        load_document(_with_unknown_key(tmp_path, key))
    assert "\n" not in str(caught.value) and "\r" not in str(caught.value)


@pytest.mark.parametrize("key", ["\n", "\r"])
def test_validate_names_an_unknown_key_holding_a_line_break_on_one_line(tmp_path: Path, key: str) -> None:
    path = _with_unknown_key(tmp_path, key)
    lines = [problem.line(path) for problem in validate_file(path).problems]
    assert lines and not any("\n" in line or "\r" in line for line in lines)


DEEP = "[" * 100_000 + "]" * 100_000
"""JSON nested deeper than Python's recursion limit: json.loads raises RecursionError, not JSONDecodeError."""


def test_json_nested_too_deep_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text(DEEP, encoding="utf-8")
    with pytest.raises(ValidationFailed, match=r"deep\.json"):
        load_document(path)


def test_a_json_lines_record_nested_too_deep_is_refused_in_one_line(tmp_path: Path) -> None:
    from citefacts.eval.jsonl import read_jsonl

    path = tmp_path / "deep.jsonl"
    path.write_text(DEEP + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        read_jsonl(path)


def test_an_output_larger_than_the_source_size_limit_loads_back(tmp_path: Path) -> None:
    raw = "x" * (MAX_BYTES + 1)
    note = Footnote(id="n1", number=1, start=0, end=len(raw), text=raw)
    document = EMPTY.model_copy(update={"footnotes": [note]})
    assert load_document(write_document(document, tmp_path / "large.json", raw)) == document
