"""The decision log: append-only lines, undo, stale and archived markers, one-line errors on corrupt lines."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from citefacts.errors import ReviewError
from citefacts.models import Decision, Document, Fact, Pipeline, Source, Span
from citefacts.review.store import append_decisions, decisions_path, fact_states, orphaned, read_decisions

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def fact(fact_id: str, content_hash: str) -> Fact:
    return Fact(
        id=fact_id, content_hash=content_hash, sentence=Span(start=0, end=1, text="x"), mentions=[], status="uncited"
    )


def decision(fact_id: str, content_hash: str, kind: str = "accept", **flags: bool) -> Decision:
    return Decision(fact_id=fact_id, content_hash=content_hash, decision=kind, reviewer="ann", at=NOW, **flags)  # type: ignore[arg-type]


def test_log_sits_beside_the_output_and_appends_whole_lines(tmp_path: Path) -> None:
    log = decisions_path(tmp_path / "town.json")
    assert log.name == "town.decisions.jsonl"
    append_decisions(log, [decision("f1", "h1")])
    append_decisions(log, [decision("f2", "h2", "reject")])
    assert [d.fact_id for d in read_decisions(log)] == ["f1", "f2"]
    assert log.read_text().count("\n") == 2


def test_corrupt_line_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    log = tmp_path / "town.decisions.jsonl"
    append_decisions(log, [decision("f1", "h1")])
    with log.open("a") as stream:
        stream.write('{"fact_id": "f2", "trunc\n')
    with pytest.raises(ReviewError) as error:
        read_decisions(log)
    message = str(error.value)
    assert f"{log}:line 2" in message and "\n" not in message


def test_undo_reveals_the_previous_decision_and_only_matching_content_counts() -> None:
    log = [decision("f1", "h1"), decision("f1", "h1", "reject"), decision("f1", "h1", "undo")]
    assert fact_states([fact("f1", "h1")], log)["f1"].current.decision == "accept"  # type: ignore[union-attr]
    assert fact_states([fact("f1", "h2")], log)["f1"].state == "stale"


def test_a_stale_marker_retires_the_decision_even_if_the_content_returns() -> None:
    log = [decision("f1", "h1"), decision("f1", "h1", stale=True)]
    assert fact_states([fact("f1", "h1")], log)["f1"].state == "stale"
    log.append(decision("f1", "h1", "reject"))  # decided afresh after the marker
    assert fact_states([fact("f1", "h1")], log)["f1"].current.decision == "reject"  # type: ignore[union-attr]


def test_decisions_on_facts_gone_are_archived_not_dropped() -> None:
    document = Document(
        source=Source(path="t", sha256="0", chars=1),
        pipeline=Pipeline(version="0", spacy_version="0", model_name="m", model_version="0", dateparser_version="0"),
        extracted_at=NOW,
        footnotes=[],
        facts=[fact("f2", "h2")],
    )
    log = [decision("f1", "h1"), decision("f1", "h1", archived=True)]
    assert [d.fact_id for d in orphaned(document, log)] == ["f1"]
