"""Re-extraction without losing a decision: carry fact ids over, then retire what changed.

Fact ids hash the sentence text, so any edit to a sentence would give it a new id and orphan its
decisions. Before a new output is written, each new fact is matched to the previous output's fact
it continues (the same text, or, in the same section, a similar one) and takes over its id; a
decision on it then goes stale (content changed) instead of being archived (fact gone).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from rapidfuzz import fuzz

from citefacts.models import Candidates, Decision, Document, Fact
from citefacts.review.diff import RunDiff, diff_documents
from citefacts.review.store import SYSTEM_REVIEWER, fact_decisions, live_decisions

SIMILARITY_THRESHOLD = 85.0
"""rapidfuzz ratio (0-100) above which an edited sentence is the same fact in the same section."""


def _words(text: str) -> str:
    return " ".join(text.split())


def match_facts(previous: list[Fact], current: list[Fact], threshold: float = SIMILARITY_THRESHOLD) -> dict[int, int]:
    """One-to-one pairs (index in current -> index in previous): equal text first, then similar text."""
    pairs: dict[int, int] = {}
    unmatched_old: dict[str, list[int]] = {}
    for index, fact in enumerate(previous):
        unmatched_old.setdefault(_words(fact.sentence.text), []).append(index)
    for index, fact in enumerate(current):
        same = unmatched_old.get(_words(fact.sentence.text))
        if same:
            pairs[index] = same.pop(0)
    taken = set(pairs.values())
    candidates = []
    for new_index, fact in enumerate(current):
        if new_index in pairs:
            continue
        for old_index, old in enumerate(previous):
            if old_index in taken or old.section != fact.section:
                continue
            score = fuzz.ratio(_words(fact.sentence.text), _words(old.sentence.text))
            if score >= threshold:
                candidates.append((-score, abs(new_index - old_index), new_index, old_index))
    for _, _, new_index, old_index in sorted(candidates):
        if new_index not in pairs and old_index not in taken:
            pairs[new_index] = old_index
            taken.add(old_index)
    return pairs


def carry_ids(previous: Document | None, document: Document, threshold: float = SIMILARITY_THRESHOLD) -> Document:
    """The new document with each fact renamed to the id of the previous fact it continues."""
    if previous is None:
        return document
    pairs = match_facts(previous.facts, document.facts, threshold)
    carried = {new: previous.facts[old].id for new, old in pairs.items()}
    used = set(carried.values())
    facts = []
    for index, fact in enumerate(document.facts):
        fact_id = carried.get(index) or _fresh(fact.id, used)
        used.add(fact_id)
        facts.append(fact if fact_id == fact.id else fact.model_copy(update={"id": fact_id}))
    renamed = {old.id: new.id for old, new in zip(document.facts, facts, strict=True) if old.id != new.id}
    return document.model_copy(update={"facts": facts, "candidates": _renamed(document.candidates, renamed)})


def _renamed(candidates: Candidates | None, renamed: dict[str, str]) -> Candidates | None:
    """The candidates naming each fact by its carried id."""
    if candidates is None or not renamed:
        return candidates
    footnotes = [
        listed.model_copy(
            update={
                "sentences": [
                    s.model_copy(update={"fact": renamed.get(s.fact, s.fact)}) if s.fact in renamed else s
                    for s in listed.sentences
                ]
            }
        )
        for listed in candidates.footnotes
    ]
    return candidates.model_copy(update={"footnotes": footnotes})


def _fresh(fact_id: str, used: set[str]) -> str:
    """The fact's own id, suffixed if a carried id already took it."""
    candidate, number = fact_id, 1
    while candidate in used:
        number += 1
        candidate = f"{fact_id}~{number}"
    return candidate


def retire(document: Document, decisions: list[Decision], now: datetime | None = None) -> list[Decision]:
    """Markers for live decisions the new output no longer matches: stale if changed, archived if gone."""
    now = now or datetime.now(UTC)
    hashes = {fact.id: fact.content_hash for fact in document.facts}
    by_fact: dict[str, list[Decision]] = {}
    for decision in fact_decisions(decisions):
        by_fact.setdefault(decision.fact_id, []).append(decision)
    markers = []
    for fact_id, events in by_fact.items():
        retired: dict[str, Decision] = {}
        for decision in live_decisions(events):
            if hashes.get(fact_id) != decision.content_hash:
                retired[decision.content_hash] = decision
        gone = fact_id not in hashes
        for content_hash, decision in retired.items():
            note = "fact no longer extracted" if gone else f"content changed to {hashes[fact_id]}"
            markers.append(
                Decision(
                    fact_id=fact_id,
                    content_hash=content_hash,
                    decision=decision.decision,
                    reviewer=SYSTEM_REVIEWER,
                    at=now,
                    note=note,
                    stale=not gone,
                    archived=gone,
                )
            )
    return markers


@dataclass
class Reconciled:
    """A new output ready to write, the markers to append to its log, and what the run changed."""

    document: Document
    markers: list[Decision]
    diff: RunDiff


def reconcile(previous: Document | None, document: Document, decisions: list[Decision]) -> Reconciled:
    """Carry ids from the previous output, retire decisions that no longer match, and diff the two."""
    carried = carry_ids(previous, document)
    markers = retire(carried, decisions)
    return Reconciled(carried, markers, diff_documents(previous, carried, markers))
