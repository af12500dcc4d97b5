"""The decision log: append-only lines, undo, stale and archived markers, one-line errors on corrupt lines."""

from __future__ import annotations

import fcntl
import logging
import os
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from citefacts.errors import ReviewError
from citefacts.models import Decision, Document, Fact, Pipeline, Source, Span
from citefacts.review.store import (
    append_decisions,
    decisions_path,
    fact_states,
    orphaned,
    partial_path,
    read_decisions,
)

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


def crash_mid_append(log: Path, decisions: list[Decision], keep: int) -> bytes:
    """Write what an append cut short after `keep` bytes leaves: the start of its lines, no final newline."""
    payload = "".join(d.model_dump_json() + "\n" for d in decisions).encode()[:keep]
    with log.open("ab") as stream:
        stream.write(payload)
    return payload


def test_partial_last_line_is_set_aside_and_every_decision_before_it_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    log = tmp_path / "town.decisions.jsonl"
    append_decisions(log, [decision("f1", "h1"), decision("f2", "h2", "reject")])
    complete = log.read_bytes()
    fragment = crash_mid_append(log, [decision("f3", "h3")], keep=40)
    with caplog.at_level(logging.WARNING, logger="citefacts.review.store"):
        assert [d.fact_id for d in read_decisions(log)] == ["f1", "f2"]
    assert log.read_bytes() == complete, "the log is rewritten without the partial line"
    assert partial_path(log).read_bytes() == fragment + b"\n"
    assert partial_path(log).name == "town.decisions.jsonl.partial"
    assert any("partial last line" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)
    assert not list(tmp_path.glob(".*.tmp")), "no temporary file is left behind"


def test_a_second_partial_line_is_appended_to_the_set_aside_file(tmp_path: Path) -> None:
    log = tmp_path / "town.decisions.jsonl"
    append_decisions(log, [decision("f1", "h1")])
    first = crash_mid_append(log, [decision("f2", "h2")], keep=25)
    read_decisions(log)
    append_decisions(log, [decision("f3", "h3")])
    second = crash_mid_append(log, [decision("f4", "h4"), decision("f5", "h5")], keep=230)
    assert [d.fact_id for d in read_decisions(log)] == ["f1", "f3", "f4"], "a whole line before the cut is kept"
    assert partial_path(log).read_bytes() == first + b"\n" + second.rsplit(b"\n", 1)[1] + b"\n"


def test_a_partial_line_cut_inside_a_character_is_set_aside(tmp_path: Path) -> None:
    log = tmp_path / "town.decisions.jsonl"
    append_decisions(log, [decision("f1", "h1")])
    line = Decision(fact_id="f2", content_hash="h2", decision="accept", reviewer="ann", at=NOW, note="Žižkov")
    payload = line.model_dump_json().encode()
    with log.open("ab") as stream:
        stream.write(payload[: payload.index("Ž".encode()) + 1])
    assert [d.fact_id for d in read_decisions(log)] == ["f1"]


def test_append_after_a_partial_line_starts_on_a_clean_line(tmp_path: Path) -> None:
    log = tmp_path / "town.decisions.jsonl"
    append_decisions(log, [decision("f1", "h1")])
    fragment = crash_mid_append(log, [decision("f2", "h2")], keep=30)
    append_decisions(log, [decision("f3", "h3", "reject")])
    assert [d.fact_id for d in read_decisions(log)] == ["f1", "f3"]
    assert partial_path(log).read_bytes() == fragment + b"\n"
    assert log.read_bytes().endswith(b"\n") and log.read_bytes().count(b"\n") == 2


def test_append_after_a_complete_line_missing_its_newline_keeps_both(tmp_path: Path) -> None:
    log = tmp_path / "town.decisions.jsonl"
    log.write_text(decision("f1", "h1").model_dump_json())  # all but the newline reached the disk
    append_decisions(log, [decision("f2", "h2")])
    assert [d.fact_id for d in read_decisions(log)] == ["f1", "f2"]
    assert not partial_path(log).exists()


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (b'{"fact_id": "f2", "trunc', "not JSON"),
        (b'{"fact_id": "f2", "note": "caf\xe9"}', "not UTF-8"),
        (b'{"fact_id": "f2", "decision": "accept"}', "not a decision"),
        (b'["a list"]', "not a decision"),
    ],
)
def test_damaged_middle_line_is_one_error_naming_file_and_line_and_nothing_moves(
    tmp_path: Path, damage: bytes, reason: str
) -> None:
    log = tmp_path / "town.decisions.jsonl"
    append_decisions(log, [decision("f1", "h1")])
    with log.open("ab") as stream:
        stream.write(damage + b"\n")
    append_decisions(log, [decision("f3", "h3")])
    crash_mid_append(log, [decision("f4", "h4")], keep=20)
    before = log.read_bytes()
    with pytest.raises(ReviewError) as error:
        read_decisions(log)
    message = str(error.value)
    assert message.startswith(f"{log}:line 2: ") and reason in message and "\n" not in message
    assert error.value.code == ReviewError.code
    assert log.read_bytes() == before and not partial_path(log).exists(), "a damaged log is left as it was"


def test_a_complete_last_line_that_is_not_a_decision_is_an_error_not_set_aside(tmp_path: Path) -> None:
    log = tmp_path / "town.decisions.jsonl"
    append_decisions(log, [decision("f1", "h1")])
    with log.open("a") as stream:
        stream.write('{"fact_id": "f2"}')
    with pytest.raises(ReviewError, match=r"line 2: .*not a decision"):
        read_decisions(log)
    assert not partial_path(log).exists()


def test_a_note_with_a_line_separator_is_one_decision(tmp_path: Path) -> None:
    log = tmp_path / "town.decisions.jsonl"
    note = "pasted from the source:\u2028a second line\x85and a third"
    made = Decision(fact_id="f1", content_hash="h1", decision="reject", reviewer="ann", at=NOW, note=note)
    append_decisions(log, [made, decision("f2", "h2")])
    assert read_decisions(log) == [made, decision("f2", "h2")]


def test_an_append_waiting_while_the_log_is_replaced_lands_in_the_new_log(tmp_path: Path) -> None:
    log = tmp_path / "town.decisions.jsonl"
    append_decisions(log, [decision("f1", "h1")])
    with log.open("ab") as holder:
        fcntl.flock(holder.fileno(), fcntl.LOCK_EX)  # as a set-aside holds it
        waiting = threading.Thread(target=append_decisions, args=(log, [decision("f2", "h2")]))
        waiting.start()
        time.sleep(0.3)  # let the append open the old file and wait for its lock
        replacement = tmp_path / "replacement"
        replacement.write_bytes(log.read_bytes())
        os.replace(replacement, log)
    waiting.join(timeout=10)
    assert [d.fact_id for d in read_decisions(log)] == ["f1", "f2"]
