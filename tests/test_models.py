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


def test_a_schema_1_2_document_without_candidate_checks_still_validates(seed_document: Document) -> None:
    data = seed_document.model_dump(mode="json")
    data["schema_version"] = "1.2"
    for listed in data["candidates"]["footnotes"]:
        for sentence in listed["sentences"]:
            del sentence["fact"], sentence["checks"]
    candidates = Document.model_validate(data).candidates
    assert candidates is not None and all(not s.checks for f in candidates.footnotes for s in f.sentences)


def test_the_seed_candidates_carry_the_checks_of_their_facts(seed_document: Document) -> None:
    assert seed_document.candidates is not None
    facts = {fact.id: fact for fact in seed_document.facts}
    listed = [s for f in seed_document.candidates.footnotes for s in f.sentences if s.fact]
    assert len(listed) > 400
    for sentence in listed:
        fact = facts[sentence.fact]  # type: ignore[index]
        assert (fact.sentence.start, fact.sentence.end) == (sentence.start, sentence.end)
        assert [c.mention for c in sentence.checks] == [m.id for m in fact.mentions if m.kind != "entity"]
