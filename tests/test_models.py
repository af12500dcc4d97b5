from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from citefacts.models import Document, Span, json_schema

SCHEMA_FILE = Path(__file__).parents[1] / "schema" / "document.schema.json"


def test_committed_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text() == json_schema(), "run `make schema` and commit schema/document.schema.json"


def test_span_end_before_start_is_invalid() -> None:
    with pytest.raises(ValidationError):
        Span(start=5, end=2, text="")


def test_unknown_fields_are_rejected(seed_document: Document) -> None:
    data = seed_document.model_dump()
    data["facts"][0]["surprise"] = 1
    with pytest.raises(ValidationError):
        Document.model_validate(data)


def test_a_schema_1_0_document_without_suggestions_still_validates(seed_document: Document) -> None:
    data = seed_document.model_dump(mode="json")
    data["schema_version"] = "1.0"
    for fact in data["facts"]:
        del fact["suggestions"]
    assert all(f.suggestions == [] for f in Document.model_validate(data).facts)


def test_a_schema_1_1_document_without_candidates_still_validates(seed_document: Document) -> None:
    data = seed_document.model_dump(mode="json")
    assert data["candidates"] is not None, "the seed has no markers: the linker ranks candidates"
    data["schema_version"] = "1.1"
    del data["candidates"]
    assert Document.model_validate(data).candidates is None


def test_a_candidate_probability_is_a_probability(seed_document: Document) -> None:
    data = seed_document.model_dump(mode="json")
    data["candidates"]["footnotes"][0]["sentences"] = [{"start": 0, "end": 10, "probability": 1.5}]
    with pytest.raises(ValidationError):
        Document.model_validate(data)
