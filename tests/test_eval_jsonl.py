"""The eval commands' input: every line checked before any work starts, errors naming file and line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from citefacts.errors import InputError
from citefacts.eval.jsonl import dct_of, read_jsonl
from citefacts.eval.records import CheckInput, LinkInput, SpansInput


def write(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_bytes(data)
    return path


def test_records_come_back_with_the_schema_names(tmp_path: Path) -> None:
    path = write(tmp_path, b'{"doc_id": "d1", "input": "On 3 May.", "extra": 1}\n\n{"id": 7, "text": "x"}\n')
    first, second = read_jsonl(path, SpansInput)
    assert (first["id"], first["text"], first["dct"], first["extra"]) == ("d1", "On 3 May.", None, 1)
    assert second["id"] == 7


def test_a_link_article_may_be_named_by_its_title(tmp_path: Path) -> None:
    path = write(tmp_path, b'{"title": "A", "body": "B.", "footnotes": [{"n": "2", "text": "t"}]}\n')
    (record,) = read_jsonl(path, LinkInput)
    assert record["id"] == "A" and record["footnotes"] == [{"n": 2, "text": "t"}]


@pytest.mark.parametrize(
    ("data", "schema", "expected"),
    [
        (b"", SpansInput, "in.jsonl: no records"),
        (b'{"text": "a"}\n{"text": "caf\xe9"}\n', SpansInput, "in.jsonl:line 2: not UTF-8"),
        (b'{"id": "a"}\n', SpansInput, "line 1: field 'text': Field required"),
        (b'{"text": 5}\n', SpansInput, "field 'text': Input should be a valid string"),
        (b'{"id": "a", "body": "b", "footnotes": "x"}\n', LinkInput, "field 'footnotes'"),
        (b'{"id": "a", "body": "b", "footnotes": [{"text": "t"}]}\n', LinkInput, "field 'footnotes.0.n'"),
        (b'{"id": "a", "claim": null, "evidence": "e"}\n', CheckInput, "field 'claim'"),
        (b"[1, 2]\n", CheckInput, "line 1: expected a JSON object"),
        (b'{"id": "a",\n', CheckInput, "line 1: malformed JSON"),
    ],
)
def test_bad_input_is_one_error_naming_file_and_line(
    tmp_path: Path, data: bytes, schema: type[SpansInput], expected: str
) -> None:
    with pytest.raises(InputError) as raised:
        read_jsonl(write(tmp_path, data), schema)
    assert expected in str(raised.value)
    assert "\n" not in str(raised.value)


SHARED_DATES = Path(__file__).parents[2] / "shared" / "eval" / "dates"


BAD_DCTS = ["1991-13-45", "March 1991", "1991-02-30", "1991-3-5", "19910305", "1991", "", " 1991-03-05", "١٩٩١-03-05"]
BAD_DCTS += ["1991-03-05T25:00", "1991-03-05T10:61", "1991-03-05 10:00", "1991-03-05Tnoon", "1991-03-05T10"]


@pytest.mark.parametrize("dct", BAD_DCTS)
def test_a_spans_dct_that_is_not_a_real_iso_date_is_an_error_naming_file_line_and_field(
    tmp_path: Path, dct: str
) -> None:
    path = write(tmp_path, b'{"id": "a", "text": "x", "dct": null}\n' + json.dumps({"text": "y", "dct": dct}).encode())
    with pytest.raises(InputError) as raised:
        read_jsonl(path, SpansInput)
    message = str(raised.value)
    assert "in.jsonl:line 2: field 'dct'" in message and repr(dct) in message, message
    assert "\n" not in message


def test_a_spans_dct_that_is_not_text_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="line 1: field 'dct'"):
        read_jsonl(write(tmp_path, b'{"text": "x", "dct": 19910305}\n'), SpansInput)


GOOD_DCTS = [None, "1998-08-07", "1998-12-05T09:42", "1998-02-13T14:26:00", "2009-12-19T17:00:00", "2000-02-29"]
GOOD_DCTS += ["1998-02-13T14:26:00.5", "1998-02-13T14:26:00Z", "1998-02-13T14:26:00+02:00"]


@pytest.mark.parametrize("dct", GOOD_DCTS)
def test_an_iso_dct_with_or_without_a_time_is_kept_as_written(tmp_path: Path, dct: str | None) -> None:
    (record,) = read_jsonl(write(tmp_path, json.dumps({"text": "x", "dct": dct}).encode()), SpansInput)
    assert record["dct"] == dct
    assert dct_of(record) == (None if dct is None else date.fromisoformat(dct[:10]))


@pytest.mark.skipif(not SHARED_DATES.is_dir(), reason="the shared eval sets are not beside this checkout")
@pytest.mark.parametrize("name", ["timebank.jsonl", "aquaint.jsonl", "wikiwars_dev.jsonl"])
def test_every_dct_of_the_shared_date_sets_is_accepted(name: str) -> None:
    path = SHARED_DATES / name
    records = read_jsonl(path, SpansInput)
    written = [json.loads(line).get("dct") for line in path.read_text().splitlines() if line.strip()]
    assert [record["dct"] for record in records] == written
    assert all(dct_of(record) is not None for record, dct in zip(records, written, strict=True) if dct)
