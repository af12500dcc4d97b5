"""Reviewers' placements of footnotes: read from the decision log, applied to an output, retired when gone.

A place decision names its footnote by number and by the hash of its text (renumbering moves the number,
not the text) and its sentence by raw span, text and the hash of its words (``content_hash``; a fact's own
content hash would change with the very citation the placement adds). Each footnote's placements form an
undo stack like a fact's decisions: ``u`` pops the last, a stale marker retires a placement whose footnote
or sentence is gone. A placement without ``further`` replaces the ones before it; ``further`` ones (key r)
stand beside it.

Applying the placements in force gives each placed fact a citation ``linked_by: reviewer``, its values
checked with the checks the pipeline precomputed for the footnote's candidate sentences, its status and
content hash recomputed: the same citation the pipeline writes when a re-extraction is given the placements.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from citefacts.check import fact_status
from citefacts.identity import content_hash
from citefacts.models import (
    Candidates,
    Check,
    Citation,
    Decision,
    Document,
    Fact,
    Footnote,
    Placement,
    Span,
    words_hash,
)
from citefacts.pipeline import best_verdicts
from citefacts.review.store import SYSTEM_REVIEWER

NOWHERE = "nowhere"
"""The ``content_hash`` of a placement cited nowhere in the body (key 0)."""


def place_decision(
    document: Document,
    footnote: int,
    sentence: Span | None,
    reviewer: str,
    further: bool = False,
    note: str | None = None,
) -> Decision:
    """A place decision for a footnote of the document on a sentence (None: cited nowhere in the body)."""
    text = next(n.text for n in document.footnotes if n.number == footnote)
    fact = _fact_at(document.facts, sentence) if sentence else None
    return Decision(
        fact_id=fact.id if fact else "",
        content_hash=words_hash(sentence.text) if sentence else NOWHERE,
        decision="place",
        reviewer=reviewer,
        at=datetime.now(UTC),
        note=note,
        placement=Placement(footnote=footnote, footnote_hash=words_hash(text), sentence=sentence, further=further),
    )


def placement_stacks(decisions: list[Decision]) -> dict[str, list[Decision]]:
    """Each footnote's place decisions, oldest first, by the hash of its text: undo pops the last, and a stale
    marker flags the placements on its sentence stale in place (they stay, shown, but cite nothing)."""
    stacks: dict[str, list[Decision]] = {}
    for event in decisions:
        if event.placement is None:
            continue
        stack = stacks.setdefault(event.placement.footnote_hash, [])
        if event.stale or event.archived:
            stack[:] = [
                d.model_copy(update={"stale": True, "note": event.note}) if d.content_hash == event.content_hash else d
                for d in stack
            ]
        elif event.decision == "undo":
            if stack:
                stack.pop()
        elif event.decision == "place":
            stack.append(event)
    return stacks


def in_force(stack: list[Decision]) -> list[Decision]:
    """The placements that stand: the last one not marked further, and the further ones after it. A stale one
    among them cites nothing, and the placement it replaced does not come back: nothing is silently moved."""
    standing: list[Decision] = []
    for decision in reversed(stack):
        standing.insert(0, decision)
        if decision.placement is not None and not decision.placement.further:
            break
    return standing


def placed_footnotes(document: Document, decisions: list[Decision]) -> dict[int, list[Decision]]:
    """The document's footnotes with live placements in force (not stale), by their current number."""
    stacks = placement_stacks(decisions)
    placed = {}
    for note in document.footnotes:
        live = [d for d in in_force(stacks.get(words_hash(note.text), [])) if not d.stale]
        if live:
            placed[note.number] = live
    return placed


def unplaced(document: Document, decisions: list[Decision]) -> list[int]:
    """Footnotes no fact cites and no reviewer placed (not even 'cited nowhere in the body')."""
    placed = placed_footnotes(document, decisions)
    return [number for number in document.unplaced_footnotes() if number not in placed]


Checked = Mapping[tuple[int, int, int], list[Check]]
"""Checks worked out after the extraction for placements it did not precompute, by (footnote, sentence start, end)."""


def apply_placements(document: Document, decisions: list[Decision], checked: Checked | None = None) -> Document:
    """The document with every placement in force cited on its fact, and no reviewer citation the log does not hold.

    Idempotent, and undoable: a fact's other citations are left as they are, so removing a reviewer citation
    gives back the fact as extracted (but for an automatic link of the same footnote to the same sentence, which
    the placement superseded: that returns with the next extraction). A placement whose checks were not precomputed (a sentence found by
    search) takes them from `checked` (the review server works them out once it has analysed the source), else it
    is cited with no checks: its values are checked when the next extraction is given the placement.
    """
    wanted: dict[int, list[int]] = {}
    for number, standing in placed_footnotes(document, decisions).items():
        for decision in standing:
            sentence = decision.placement.sentence if decision.placement else None
            fact = _fact_at(document.facts, sentence) if sentence else None
            if fact is not None:
                numbers = wanted.setdefault(id(fact), [])
                numbers += [] if number in numbers else [number]
    footnotes = {note.number: note for note in document.footnotes}
    facts = [
        _cited(fact, sorted(wanted.get(id(fact), [])), document.candidates, footnotes, checked or {})
        for fact in document.facts
    ]
    if all(new is old for new, old in zip(facts, document.facts, strict=True)):
        return document
    return document.model_copy(update={"facts": facts})


def _cited(
    fact: Fact, numbers: list[int], candidates: Candidates | None, footnotes: dict[int, Footnote], checked: Checked
) -> Fact:
    """A fact with reviewer citations of exactly these footnotes (kept where it already has them)."""
    reviewed = {c.footnote: c for c in fact.citations if c.linked_by == "reviewer"}
    if sorted(reviewed) == numbers:
        return fact
    citations = [c for c in fact.citations if c.linked_by != "reviewer" and c.footnote not in numbers]
    citations += [
        reviewed.get(n)
        or Citation(footnote=n, score=1.0, linked_by="reviewer", checks=_checks(fact, n, candidates, checked))
        for n in numbers
    ]
    text = fact.sentence.text
    return fact.model_copy(
        update={
            "citations": citations,
            "status": fact_status(best_verdicts(fact.mentions, citations), bool(citations)),
            "content_hash": content_hash(text, fact.mentions, citations, footnotes),
        }
    )


def _checks(fact: Fact, number: int, candidates: Candidates | None, checked: Checked) -> list[Check]:
    """The checks the pipeline precomputed for this fact's sentence as a candidate of footnote `number`, else those
    worked out since (`checked`), if any."""
    for listed in candidates.footnotes if candidates else []:
        if listed.footnote == number:
            for sentence in listed.sentences:
                if (sentence.start, sentence.end) == (fact.sentence.start, fact.sentence.end):
                    return sentence.checks
    return list(checked.get((number, fact.sentence.start, fact.sentence.end), []))


def unchecked(fact: Fact, citation: Citation) -> bool:
    """A reviewer citation whose values are not checked yet (placed by search; checked on the next extraction)."""
    return citation.linked_by == "reviewer" and not citation.checks and any(m.kind != "entity" for m in fact.mentions)


def _fact_at(facts: list[Fact], sentence: Span) -> Fact | None:
    """The fact on a placed sentence: the same words, nearest where it stood."""
    target = words_hash(sentence.text)
    same = [fact for fact in facts if words_hash(fact.sentence.text) == target]
    return min(same, key=lambda fact: abs(fact.sentence.start - sentence.start)) if same else None


def retire_placements(
    document: Document, raw: str, decisions: list[Decision], now: datetime | None = None
) -> list[Decision]:
    """Stale markers for live placements whose footnote or sentence the new output no longer has: never moved,
    never dropped; the footnote returns to the placement queue showing where it was placed."""
    now = now or datetime.now(UTC)
    notes = {words_hash(note.text) for note in document.footnotes}
    body = " ".join(raw.split())
    markers = []
    for footnote_hash, stack in placement_stacks(decisions).items():
        for decision in {d.content_hash: d for d in stack if not d.stale}.values():
            sentence = decision.placement.sentence if decision.placement else None
            if footnote_hash not in notes:
                note = "footnote no longer in the source"
            elif sentence is not None and _fact_at(document.facts, sentence) is None and _words(sentence) not in body:
                note = "sentence no longer in the body"
            else:
                continue
            markers.append(
                decision.model_copy(update={"reviewer": SYSTEM_REVIEWER, "at": now, "note": note, "stale": True})
            )
    return markers


def _words(sentence: Span) -> str:
    return " ".join(sentence.text.split())
