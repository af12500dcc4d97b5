"""What one extraction run changed: new, removed and changed facts, status changes, retired decisions.

Written beside the output as ``<name>.diff.json`` and summarised by ``citefacts extract``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from citefacts.models import Decision, Document, FactStatus
from citefacts.write import atomic_write


class FactChange(BaseModel):
    """One fact as a run saw it: its id, sentence and status before and after."""

    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    old_text: str | None = None
    old_status: FactStatus | None = None
    status: FactStatus | None = None


class RunDiff(BaseModel):
    """The difference between the previous output of a source and the new one."""

    model_config = ConfigDict(extra="forbid")

    source: str
    at: datetime
    previous_extracted_at: datetime | None = None
    new: list[FactChange] = []
    removed: list[FactChange] = []
    changed: list[FactChange] = []
    status_changed: list[FactChange] = []
    stale_decisions: list[str] = []
    archived_decisions: list[str] = []

    def is_empty(self) -> bool:
        """True when the run changed no fact and retired no decision."""
        return not (self.new or self.removed or self.changed or self.status_changed or self.archived_decisions)

    def brief(self) -> str:
        """One line for the terminal: counts of each kind of change."""
        parts = [
            f"{len(self.new)} new",
            f"{len(self.removed)} removed",
            f"{len(self.changed)} changed",
            f"{len(self.status_changed)} status changes",
        ]
        retired = len(self.stale_decisions) + len(self.archived_decisions)
        if retired:
            parts.append(f"{len(self.stale_decisions)} decisions stale, {len(self.archived_decisions)} archived")
        return ", ".join(parts)


def diff_documents(previous: Document | None, document: Document, markers: list[Decision]) -> RunDiff:
    """Compare facts by id (after ids were carried over), and list the decisions the run retired."""
    old = {fact.id: fact for fact in previous.facts} if previous else {}
    new = {fact.id: fact for fact in document.facts}
    diff = RunDiff(
        source=document.source.path,
        at=datetime.now(UTC),
        previous_extracted_at=previous.extracted_at if previous else None,
    )
    for fact_id, fact in new.items():
        before = old.get(fact_id)
        change = FactChange(id=fact_id, text=fact.sentence.text, status=fact.status)
        if before is None:
            diff.new.append(change)
            continue
        change.old_status = before.status
        if before.content_hash != fact.content_hash:
            change.old_text = before.sentence.text
            diff.changed.append(change)
        if before.status != fact.status:
            diff.status_changed.append(change)
    diff.removed = [FactChange(id=i, text=f.sentence.text, old_status=f.status) for i, f in old.items() if i not in new]
    diff.stale_decisions = sorted({m.fact_id for m in markers if m.stale})
    diff.archived_decisions = sorted({m.fact_id for m in markers if m.archived})
    return diff


def diff_path(output: Path) -> Path:
    """Where a run's diff goes: ``extracted/x.json`` -> ``extracted/x.diff.json``."""
    return output.with_name(f"{output.stem}.diff.json")


def write_diff(diff: RunDiff, output: Path) -> Path:
    """Write the run's diff beside its output, atomically."""
    path = diff_path(output)
    atomic_write(path, diff.model_dump_json(indent=2) + "\n")
    return path


def read_diff(output: Path) -> RunDiff | None:
    """The last run's diff for an output, if one was written."""
    path = diff_path(output)
    if not path.exists():
        return None
    return RunDiff.model_validate_json(path.read_text(encoding="utf-8"))
