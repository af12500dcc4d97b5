"""The eval commands' input: every line checked before any work starts, errors naming file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from citefacts.errors import InputError
from citefacts.eval.jsonl import read_jsonl
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
