"""``citefacts validate``: what the JSON Schema cannot check, each failure one line naming the file and JSON path."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from citefacts.models import Document
from citefacts.validate import Validation, validate_file

Data = dict[str, Any]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "citefacts", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture()
def seed_data(seed_document: Document) -> Data:
    """The seed's output as plain JSON data, to break one thing at a time."""
    return json.loads(seed_document.model_dump_json())  # type: ignore[no-any-return]


def write(tmp_path: Path, data: Data, name: str = "out.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return path


def first(items: list[Data], test: Callable[[Data], bool]) -> int:
    """The index of the first item passing a test."""
    return next(i for i, item in enumerate(items) if test(item))


def lines(result: Validation) -> list[str]:
    return [problem.line(result.path) for problem in result.problems]


def test_the_seed_output_is_valid(tmp_path: Path, seed_data: Data) -> None:
    result = validate_file(write(tmp_path, seed_data))
    assert result.valid, lines(result)


def test_a_citation_to_a_missing_footnote_is_named_by_its_json_path(tmp_path: Path, seed_data: Data) -> None:
    i = first(seed_data["facts"], lambda fact: bool(fact["citations"]))
    seed_data["facts"][i]["citations"][0]["footnote"] = 9999
    path = write(tmp_path, seed_data)
    result = cli("validate", str(path))
    assert result.returncode == 2, f"expected exit 2, got {result.returncode}: {result.stderr}"
    assert result.stderr.splitlines() == [f"{path}: facts[{i}].citations[0].footnote: no footnote 9999"], result.stderr
    assert "valid (" not in result.stderr


def test_a_sentence_that_no_longer_matches_its_offsets_fails(tmp_path: Path, seed_data: Data) -> None:
    i = first(seed_data["facts"], lambda fact: "Azerbaijan" in fact["sentence"]["text"])
    sentence = seed_data["facts"][i]["sentence"]
    sentence["text"] = sentence["text"].replace("Azerbaijan", "Armenia", 1)
    path = write(tmp_path, seed_data)
    result = cli("validate", str(path))
    assert result.returncode == 2, f"expected exit 2, got {result.returncode}: {result.stderr}"
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{path}: facts[{i}].sentence: text is not the source's at ["), line
    assert "and Armenia over" in line and "where the source has" in line and "and Azerbaijan over" in line, line


def test_a_missing_schema_version_is_not_filled_in(tmp_path: Path, seed_data: Data) -> None:
    del seed_data["schema_version"]
    result = validate_file(write(tmp_path, seed_data))
    assert not result.valid
    assert [p.where for p in result.problems] == ["schema_version"], lines(result)


def test_every_span_kind_is_checked_against_the_source(tmp_path: Path, seed_data: Data) -> None:
    facts, notes = seed_data["facts"], seed_data["footnotes"]
    i = first(facts, lambda f: any(check["evidence"] for c in f["citations"] for check in c["checks"]))
    j = first(facts[i]["citations"], lambda c: any(check["evidence"] for check in c["checks"]))
    k = first(facts[i]["citations"][j]["checks"], lambda check: bool(check["evidence"]))
    facts[i]["citations"][j]["checks"][k]["evidence"]["text"] += "!"
    facts[i]["mentions"][0]["text"] = facts[i]["mentions"][0]["text"].upper() + "x"
    n = first(notes, lambda note: any(c["quote"] for c in note["citations"]))
    c = first(notes[n]["citations"], lambda c: bool(c["quote"]))
    notes[n]["citations"][c]["quote"]["start"] += 1
    notes[0]["text"] = "Z" + notes[0]["text"][1:]
    result = validate_file(write(tmp_path, seed_data))
    assert sorted(p.where for p in result.problems) == sorted(
        [
            f"facts[{i}].citations[{j}].checks[{k}].evidence",
            f"facts[{i}].mentions[0]",
            f"footnotes[{n}].citations[{c}].quote",
            "footnotes[0]",
        ]
    ), lines(result)


def test_ids_must_be_unique(tmp_path: Path, seed_data: Data) -> None:
    facts, notes = seed_data["facts"], seed_data["footnotes"]
    i = first(facts, lambda fact: len(fact["mentions"]) >= 2)
    facts[i]["mentions"][1]["id"] = facts[i]["mentions"][0]["id"]
    notes[2]["id"] = notes[1]["id"]
    notes[3]["number"] = notes[1]["number"]
    result = validate_file(write(tmp_path, seed_data))
    assert {(p.where, p.message.split(" (")[0]) for p in result.problems} >= {
        (f"facts[{i}].mentions[1].id", f"duplicate id {facts[i]['mentions'][0]['id']!r}"),
        ("footnotes[2].id", f"duplicate id {notes[1]['id']!r}"),
        ("footnotes[3].number", f"duplicate number {notes[1]['number']}"),
    }, lines(result)


def test_duplicate_fact_ids_are_named_one_by_one(tmp_path: Path, seed_data: Data) -> None:
    facts = seed_data["facts"]
    facts[5]["id"] = facts[2]["id"]
    result = validate_file(write(tmp_path, seed_data))
    assert lines(result) == [f"{result.path}: facts[5].id: duplicate fact id {facts[2]['id']!r} (also facts[2])"]


def test_checks_must_name_a_mention_of_their_fact_and_suggestions_a_footnote(tmp_path: Path, seed_data: Data) -> None:
    facts = seed_data["facts"]
    i = first(facts, lambda f: any(c["checks"] for c in f["citations"]))
    j = first(facts[i]["citations"], lambda c: bool(c["checks"]))
    facts[i]["citations"][j]["checks"][0]["mention"] = "m99"
    s = first(facts, lambda f: bool(f["suggestions"]))
    facts[s]["suggestions"][0]["footnote"] = 4242
    result = validate_file(write(tmp_path, seed_data))
    assert sorted(lines(result)) == sorted(
        [
            f"{result.path}: facts[{i}].citations[{j}].checks[0].mention: no mention 'm99' in this fact",
            f"{result.path}: facts[{s}].suggestions[0].footnote: no footnote 4242",
        ]
    )


def test_a_missing_or_changed_source_is_said_and_the_other_checks_still_run(
    tmp_path: Path, seed_data: Data, seed_document: Document
) -> None:
    i = first(seed_data["facts"], lambda fact: bool(fact["citations"]))
    seed_data["facts"][i]["citations"][0]["footnote"] = 9999
    seed_data["source"]["path"] = str(tmp_path / "gone.txt")
    result = validate_file(write(tmp_path, seed_data))
    assert [p.where for p in result.problems] == ["source.path", f"facts[{i}].citations[0].footnote"], lines(result)
    assert "cannot read" in result.problems[0].message

    changed = tmp_path / "changed.txt"
    changed.write_text(Path(seed_document.source.path).read_text() + "\nA new line.\n")
    seed_data["source"]["path"] = str(changed)
    result = validate_file(write(tmp_path, seed_data))
    assert [p.where for p in result.problems] == ["source.sha256", f"facts[{i}].citations[0].footnote"], lines(result)
    assert "changed since extraction" in result.problems[0].message


def test_without_the_source_spans_are_checked_within_their_sentence_and_footnote(
    tmp_path: Path, seed_data: Data
) -> None:
    seed_data["source"]["path"] = str(tmp_path / "gone.txt")
    i = first(seed_data["facts"], lambda fact: bool(fact["mentions"]))
    mention = seed_data["facts"][i]["mentions"][0]
    mention["start"], mention["end"] = mention["start"] + 1, mention["end"] + 1
    result = validate_file(write(tmp_path, seed_data))
    assert [p.where for p in result.problems] == ["source.path", f"facts[{i}].mentions[0]"], lines(result)


def test_several_files_each_say_valid_or_what_fails_and_any_failure_exits_2(tmp_path: Path, seed_data: Data) -> None:
    good = write(tmp_path, seed_data, "good.json")
    (tmp_path / "broken.json").write_text("{oops")
    seed_data["footnotes"][0]["number"] = seed_data["footnotes"][1]["number"]
    bad = write(tmp_path, seed_data, "bad.json")
    result = cli("validate", str(good), str(tmp_path / "broken.json"), str(bad))
    assert result.returncode == 2, f"expected exit 2, got {result.returncode}: {result.stderr}"
    out = result.stderr.splitlines()
    assert len(out) == 3 and "Traceback" not in result.stderr, result.stderr
    assert out[0].startswith(f"{good}: valid (") and "malformed JSON" in out[1], out
    assert out[2].startswith(f"{bad}: footnotes[1].number: duplicate number"), out
    ok = cli("validate", str(good), str(good))
    assert ok.returncode == 0, f"expected exit 0, got {ok.returncode}: {ok.stderr}"


def test_untrusted_text_is_quoted_not_printed_raw(tmp_path: Path, seed_data: Data) -> None:
    seed_data["facts"][0]["sentence"]["text"] = "\x1b[31mred\x1b[0m"
    result = validate_file(write(tmp_path, seed_data))
    [line] = lines(result)
    assert "\x1b" not in line and "\\x1b[31mred" in line, line


@pytest.mark.parametrize(("content", "where"), [("[]", "(root)"), ('{"facts": 3}', "source")])
def test_a_file_the_schema_refuses_is_one_line(tmp_path: Path, content: str, where: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content)
    result = validate_file(path)
    assert not result.valid and len(result.problems) == 1 and result.problems[0].where == where, lines(result)
