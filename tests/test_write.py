from __future__ import annotations

import json
from pathlib import Path

import pytest

from citefacts.errors import ValidationFailed
from citefacts.models import Document, ParsedSource
from citefacts.write import atomic_write, load_document, write_document


def test_written_document_loads_back_identically(
    tmp_path: Path, seed_document: Document, seed_parsed: ParsedSource
) -> None:
    path = write_document(seed_document, tmp_path / "out.json", seed_parsed.raw)
    assert load_document(path) == seed_document
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_span_that_does_not_match_the_source_is_refused_and_nothing_is_written(
    tmp_path: Path, seed_document: Document, seed_parsed: ParsedSource
) -> None:
    fact = seed_document.facts[0]
    moved = fact.model_copy(update={"sentence": fact.sentence.model_copy(update={"start": fact.sentence.start + 1})})
    broken = seed_document.model_copy(update={"facts": [moved, *seed_document.facts[1:]]})
    with pytest.raises(ValidationFailed, match=rf"span does not match the source text: fact {fact.id}: raw"):
        write_document(broken, tmp_path / "out.json", seed_parsed.raw)
    assert list(tmp_path.iterdir()) == []


def test_malformed_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"schema_version": "1.0",\n  oops}')
    with pytest.raises(ValidationFailed, match=r"broken.json:line 2 column 3"):
        load_document(path)


def test_invalid_field_is_named(tmp_path: Path, seed_document: Document) -> None:
    data = json.loads(seed_document.model_dump_json())
    data["facts"][2]["status"] = "maybe"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data))
    with pytest.raises(ValidationFailed, match=r"facts\[2\]\.status"):
        load_document(path)


def test_atomic_write_leaves_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("old")

    class Boom(str):
        def __str__(self) -> str:
            raise RuntimeError

    with pytest.raises(TypeError):
        atomic_write(path, 123)  # type: ignore[arg-type]
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


def test_sources_sharing_a_stem_get_distinct_outputs(tmp_path: Path) -> None:
    from citefacts.write import output_path

    names = {output_path(Path(f"a{ext}"), tmp_path).name for ext in (".txt", ".md", ".wiki")}
    assert names == {"a.json", "a.md.json", "a.wiki.json"}
