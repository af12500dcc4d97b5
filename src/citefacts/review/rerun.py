"""Writing a re-extraction safely: reconcile with the previous output, keep decisions, write the diff.

The flows call :func:`save_extraction` instead of writing the document directly, and
:func:`up_to_date` to skip sources whose text and pipeline version have not changed.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from citefacts.errors import CitefactsError
from citefacts.models import Document, Placement
from citefacts.read import decode
from citefacts.review.diff import RunDiff, write_diff
from citefacts.review.placement import apply_placements, in_force, placement_stacks, retire_placements
from citefacts.review.reconcile import reconcile
from citefacts.review.store import SYSTEM_REVIEWER, append_decisions, decisions_path, read_decisions
from citefacts.versions import PIPELINE_VERSION, stage_versions
from citefacts.write import load_document, write_document

logger = logging.getLogger(__name__)


def previous_output(out: Path) -> Document | None:
    """The output a re-extraction replaces, or None if there is none or it cannot be read."""
    if not out.exists():
        return None
    try:
        return load_document(out)
    except CitefactsError as error:
        logger.warning("previous output unreadable, ids start afresh (decisions stay guarded by hash): %s", error)
        return None


def unchanged(previous: Document | None, document: Document) -> bool:
    """True when a new extraction says exactly what the previous output says (its time apart)."""
    if previous is None:
        return False
    return previous.model_dump(exclude={"extracted_at"}) == document.model_dump(exclude={"extracted_at"})


@dataclass(frozen=True)
class Saved:
    """What saving one extraction did: the run's diff, and whether the output was rewritten."""

    diff: RunDiff
    written: bool
    """False when the run would change nothing: the output and its diff were left as they were."""


def save_extraction(document: Document, out: Path, raw: str) -> Saved:
    """Reconcile a new document with the previous output, write it, retire stale decisions, write the diff.

    ``raw`` is the source text the document's spans index; every span is checked against it. Reviewers'
    placements in force are applied (cited ``linked_by: reviewer``); one whose footnote or sentence is gone is
    marked stale, never moved.

    An extraction that changes nothing leaves the output and its diff as they were, so re-running
    on unchanged sources changes no file. The order is safe at every step: decisions only apply to
    their exact content hash, so a crash between writing the output and appending the markers never
    applies a decision to changed content.
    """
    log = decisions_path(out)
    previous = previous_output(out)
    decisions = read_decisions(log)
    retired = retire_placements(document, raw, decisions)
    result = reconcile(previous, apply_placements(document, decisions + retired), decisions)
    markers = result.markers + retired
    if unchanged(previous, result.document) and not markers:
        return Saved(result.diff, written=False)
    write_document(result.document, out, raw)
    append_decisions(log, markers)
    write_diff(result.diff, out)
    return Saved(result.diff, written=True)


def confirmed_placements(out: Path) -> list[Placement]:
    """The placements in force in an output's decision log: what ``pipeline.run(placements=...)`` takes, so that a
    re-extraction checks even a placement found by search."""
    stacks = placement_stacks(read_decisions(decisions_path(out)))
    return [d.placement for stack in stacks.values() for d in in_force(stack) if d.placement and not d.stale]


def source_sha256(path: Path) -> str:
    """The sha256 the output records for a source: of its text as decoded (BOM removed), in UTF-8."""
    return hashlib.sha256(decode(path.read_bytes(), str(path)).encode("utf-8")).hexdigest()


def up_to_date(source: Path, out: Path) -> bool:
    """True when the output exists and came from this exact text with this pipeline and stage versions."""
    previous = previous_output(out)
    if previous is None:
        return False
    try:
        digest = source_sha256(source)
    except (OSError, CitefactsError):
        return False
    same_pipeline = previous.pipeline.version == PIPELINE_VERSION and previous.pipeline.options == stage_versions()
    return previous.source.sha256 == digest and same_pipeline and not placed_since(previous, out)


def placed_since(previous: Document, out: Path) -> bool:
    """True when a reviewer placed or unplaced a footnote after the output was extracted: the next extraction
    checks the placements found by search and re-aligns the footnotes around every placement."""
    return any(
        decision.placement is not None and decision.reviewer != SYSTEM_REVIEWER and decision.at > previous.extracted_at
        for decision in read_decisions(decisions_path(out))
    )
