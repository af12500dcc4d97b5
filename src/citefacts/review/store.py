"""The decision log: one JSON line per decision, appended and fsynced, never rewritten.

Extraction output (``<name>.json``) is replaced on every run; decisions live beside it in
``<name>.decisions.jsonl`` so that no extraction can overwrite them. What a decision means for the
current output is derived from the log (see :func:`fact_states`), never stored by editing it.
"""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from citefacts.errors import ReviewError
from citefacts.models import Decision, Document, Fact

SYSTEM_REVIEWER = "citefacts"
"""The reviewer name on the stale and archived markers a re-extraction appends."""

ReviewState = Literal["pending", "decided", "stale"]


def decisions_path(output: Path) -> Path:
    """Where the decisions on an output file live: ``extracted/x.json`` -> ``extracted/x.decisions.jsonl``."""
    return output.with_name(f"{output.stem}.decisions.jsonl")


def append_decisions(path: Path, decisions: list[Decision]) -> None:
    """Append decisions as whole lines under an exclusive lock, flushed and fsynced before returning."""
    if not decisions:
        return
    payload = "".join(decision.model_dump_json() + "\n" for decision in decisions)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("a", encoding="utf-8") as stream:
            fcntl.flock(stream.fileno(), fcntl.LOCK_EX)
            try:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            finally:
                fcntl.flock(stream.fileno(), fcntl.LOCK_UN)
    except OSError as error:
        raise ReviewError(f"cannot append to the decision log: {error.strerror}", str(path)) from error


def read_decisions(path: Path) -> list[Decision]:
    """Every decision in the log, in order; a missing log is empty, a corrupt line is a one-line error."""
    if not path.exists():
        return []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ReviewError(f"cannot read the decision log: {error}", str(path)) from error
    decisions = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            decisions.append(Decision.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as error:
            reason = error.msg if isinstance(error, json.JSONDecodeError) else error.errors()[0]["msg"]
            raise ReviewError(
                f"corrupt decision line ({reason}); fix or remove that line", str(path), f"line {number}"
            ) from error
    return decisions


@dataclass
class FactReview:
    """What the log says about one fact of the current output."""

    fact_id: str
    state: ReviewState = "pending"
    current: Decision | None = None
    """The decision in force: only ever one made on the fact's current content hash."""
    history: list[Decision] = field(default_factory=list)


def live_decisions(events: list[Decision]) -> list[Decision]:
    """The undo stack of one fact's decisions: undo pops, a stale or archived marker retires its hash."""
    stack: list[Decision] = []
    for event in events:
        if event.stale or event.archived:
            stack = [d for d in stack if d.content_hash != event.content_hash]
        elif event.decision == "undo":
            if stack:
                stack.pop()
        else:
            stack.append(event)
    return stack


def fact_states(facts: list[Fact], decisions: list[Decision]) -> dict[str, FactReview]:
    """The review state of each fact: decided only by a live decision on exactly its current content."""
    by_fact: dict[str, list[Decision]] = {}
    for decision in decisions:
        by_fact.setdefault(decision.fact_id, []).append(decision)
    states = {}
    for fact in facts:
        events = by_fact.get(fact.id, [])
        stack = live_decisions(events)
        review = FactReview(fact.id, history=events)
        if stack and stack[-1].content_hash == fact.content_hash:
            review.state, review.current = "decided", stack[-1]
        elif stack or (events and (events[-1].stale or events[-1].archived)):
            review.state = "stale"
        states[fact.id] = review
    return states


def orphaned(document: Document, decisions: list[Decision]) -> list[Decision]:
    """Decisions on facts that no longer exist (archived): kept in the log, shown in summaries."""
    present = {fact.id for fact in document.facts}
    return [d for d in decisions if d.fact_id not in present and not (d.decision == "undo" or d.stale or d.archived)]
